#include "style/style_keys.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <type_traits>

namespace octavo::style {
namespace {

using core::millimetres;
using layout::PageStyle;

// The PageStyle member a key sets, as the double it holds (a length's points).
template <auto member>
double& field(PageStyle& style) {
  if constexpr (std::is_same_v<std::remove_cvref_t<decltype(style.*member)>, double>) {
    return style.*member;
  } else {
    return (style.*member).value;
  }
}
template <std::size_t level>
double& heading(PageStyle& style) {
  return style.heading_size[level].value;
}

// Below these the layout cannot keep its promises: a part title with its space and a heading kept
// with two lines need 8 lines.
constexpr Bounds lines_bounds{8, false, std::numeric_limits<double>::infinity(),
                              "part titles, and headings kept with two lines of text, need that many"};
constexpr Bounds shrink_bounds{0, false, 1, "a shrink of 1 lets spaces vanish"};
constexpr Bounds scale_bounds{0, true, std::numeric_limits<double>::infinity(), ""};

// The house design's values are those of styles/a5.toml, whose comments say why each was chosen.
// Lengths in points; core::millimetres, exactly as a style file's "148mm" is read.
const std::array keys{
    // Page and text block.
    StyleKey{"page_width", Kind::size, field<&PageStyle::page_width>, millimetres(148).value},
    StyleKey{"page_height", Kind::size, field<&PageStyle::page_height>, millimetres(210).value},
    StyleKey{"margin_inner", Kind::space, field<&PageStyle::margin_inner>, millimetres(17).value},
    StyleKey{"margin_outer", Kind::space, field<&PageStyle::margin_outer>, millimetres(23).value},
    StyleKey{"margin_top", Kind::space, field<&PageStyle::margin_top>, millimetres(19).value},
    StyleKey{"lines_per_page", Kind::lines, field<&PageStyle::body_height>, 35, Placement::lines_of_leading,
             lines_bounds},
    // Body text.
    StyleKey{"body_size", Kind::size, field<&PageStyle::body_size>, 10},
    StyleKey{"leading", Kind::size, field<&PageStyle::leading>, 13.5},
    StyleKey{"paragraph_indent", Kind::space, field<&PageStyle::paragraph_indent>, 10},
    StyleKey{"space_stretch", Kind::ratio, field<&PageStyle::space_stretch>, 0.5},
    StyleKey{"space_shrink", Kind::ratio, field<&PageStyle::space_shrink>, 1.0 / 3.0, Placement::as_given,
             shrink_bounds},
    StyleKey{"inline_code_scale", Kind::ratio, field<&PageStyle::inline_code_scale>, 0.9, Placement::as_given,
             scale_bounds},
    // Part titles and headings.
    StyleKey{"part_title_size", Kind::size, field<&PageStyle::part_title_size>, 18},
    StyleKey{"part_title_leading", Kind::size, field<&PageStyle::part_title_leading>, 22},
    StyleKey{"part_title_space_after", Kind::space, field<&PageStyle::part_title_space_after>, 27},
    StyleKey{"heading1_size", Kind::size, heading<0>, 12},
    StyleKey{"heading2_size", Kind::size, heading<1>, 10.5},
    StyleKey{"heading3_size", Kind::size, heading<2>, 10},
    StyleKey{"heading_space_before", Kind::space, field<&PageStyle::heading_space_before>, 13.5},
    StyleKey{"heading_space_after", Kind::space, field<&PageStyle::heading_space_after>, 3},
    // Blocks.
    StyleKey{"block_space", Kind::space, field<&PageStyle::block_space>, 6.75},
    StyleKey{"list_indent", Kind::space, field<&PageStyle::list_indent>, 18},
    StyleKey{"list_marker_gap", Kind::space, field<&PageStyle::list_marker_gap>, 5},
    StyleKey{"quote_indent", Kind::space, field<&PageStyle::quote_indent>, 15},
    StyleKey{"code_indent", Kind::space, field<&PageStyle::code_indent>, 10},
    StyleKey{"code_size", Kind::size, field<&PageStyle::code_size>, 8},
    StyleKey{"code_leading", Kind::size, field<&PageStyle::code_leading>, 10.5},
    StyleKey{"ornament_width", Kind::space, field<&PageStyle::ornament_width>, 40},
    StyleKey{"rule_thickness", Kind::size, field<&PageStyle::rule_thickness>, 0.4},
    // Source notes, the Sources appendix and the contents.
    StyleKey{"small_size", Kind::size, field<&PageStyle::small_size>, 8},
    StyleKey{"small_leading", Kind::size, field<&PageStyle::small_leading>, 10.5},
    StyleKey{"note_space_before", Kind::space, field<&PageStyle::note_space_before>, 20},
    StyleKey{"note_hanging_indent", Kind::space, field<&PageStyle::note_hanging_indent>, 10},
    StyleKey{"contents_indent", Kind::space, field<&PageStyle::contents_indent>, 15},
    StyleKey{"contents_number_width", Kind::space, field<&PageStyle::contents_number_width>, 30},
    StyleKey{"contents_entry_space", Kind::space, field<&PageStyle::contents_entry_space>, 4.5},
    // Footnotes.
    StyleKey{"footnote_space", Kind::space, field<&PageStyle::footnote_space>, 13.5},
    StyleKey{"footnote_rule_width", Kind::space, field<&PageStyle::footnote_rule_width>, millimetres(36).value},
    // Running heads and folios.
    StyleKey{"running_head_size", Kind::size, field<&PageStyle::running_head_size>, 8.5},
    StyleKey{"running_head_raise", Kind::space, field<&PageStyle::running_head_baseline>, 20,
             Placement::above_block_top},
    StyleKey{"running_head_rule_raise", Kind::space, field<&PageStyle::running_head_rule_y>, 15,
             Placement::above_block_top},
    StyleKey{"folio_size", Kind::size, field<&PageStyle::folio_size>, 9},
    StyleKey{"folio_drop", Kind::size, field<&PageStyle::folio_baseline>, 27, Placement::below_block_bottom},
    StyleKey{"review_mark_size", Kind::size, field<&PageStyle::review_mark_size>, 7},
    // Title page.
    StyleKey{"book_title_size", Kind::size, field<&PageStyle::book_title_size>, 24},
    StyleKey{"book_title_leading", Kind::size, field<&PageStyle::book_title_leading>, 29},
    StyleKey{"book_subtitle_size", Kind::size, field<&PageStyle::book_subtitle_size>, 13},
    StyleKey{"book_author_size", Kind::size, field<&PageStyle::book_author_size>, 12},
    StyleKey{"title_block_top", Kind::space, field<&PageStyle::title_block_top>, millimetres(50).value},
    StyleKey{"imprint_rise", Kind::space, field<&PageStyle::imprint_baseline>, 13.5, Placement::above_block_bottom},
};

std::string number_text(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

}  // namespace

std::span<const StyleKey> style_keys() { return keys; }

const StyleKey* find_style_key(std::string_view name) {
  for (const StyleKey& key : keys) {
    if (key.name == name) return &key;
  }
  return nullptr;
}

std::string style_key_names() {
  std::string out;
  for (const StyleKey& key : keys) out += (out.empty() ? "" : ", ") + std::string(key.name);
  return out;
}

std::optional<BoundsError> check_bounds(const StyleKey& key, double value) {
  const std::string name(key.name);  // named: "'" + a temporary draws a false -Wrestrict from GCC 12 -O3
  const std::string quoted = "'" + name + "'";
  if (!std::isfinite(value) || value < 0 || (key.kind == Kind::size && value <= 0)) {
    return BoundsError{"expected " +
                           std::string(key.kind == Kind::size ? "a size greater than 0" : "a value of 0 or more") +
                           " for " + quoted,
                       ""};
  }
  const Bounds& b = key.bounds;
  if (value < b.least || (b.strict && value <= b.least)) {
    if (key.kind == Kind::lines) {
      return BoundsError{"expected at least " + number_text(b.least) + " lines a page for " + quoted,
                         std::string(b.hint)};
    }
    const bool vowel = name.find_first_of("aeiou") == 0;
    return BoundsError{"expected " + std::string(vowel ? "an " : "a ") + name +
                           (b.strict ? " greater than " : " of at least ") + number_text(b.least),
                       std::string(b.hint)};
  }
  if (value >= b.below) {
    return BoundsError{"expected a " + name + " less than " + number_text(b.below) + ", found " + std::to_string(value),
                       std::string(b.hint)};
  }
  return std::nullopt;
}

layout::PageStyle make_page_style(std::span<const double> values) {
  PageStyle style;
  // The values as given first, then the placements, which depend on the margin and the leading.
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].placement == Placement::as_given) keys[i].field(style) = values[i];
  }
  for (const Placement placement : {Placement::lines_of_leading, Placement::above_block_top,
                                    Placement::below_block_bottom, Placement::above_block_bottom}) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i].placement != placement) continue;
      const core::Pt value(values[i]);
      core::Pt placed;
      switch (placement) {
        case Placement::as_given: placed = value; break;
        case Placement::lines_of_leading: placed = core::Pt(values[i] * style.leading.value); break;
        case Placement::above_block_top: placed = style.margin_top - value; break;
        case Placement::below_block_bottom: placed = style.margin_top + style.body_height + value; break;
        case Placement::above_block_bottom: placed = style.margin_top + style.body_height - value; break;
      }
      keys[i].field(style) = placed.value;
    }
  }
  return style;
}

layout::PageStyle default_page_style() {
  std::array<double, keys.size()> values{};
  for (std::size_t i = 0; i < keys.size(); ++i) values[i] = keys[i].house;
  return make_page_style(values);
}

}  // namespace octavo::style
