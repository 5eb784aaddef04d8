#include "style/read_page_style.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "import/toml_values.hpp"

namespace octavo::style {
namespace {

using core::Pt;

constexpr const char* manifest_path = "book.toml";

// What a key holds, and which values make sense for it.
enum class Kind {
  size,   // a length > 0: page and type sizes, leadings, rule thickness
  space,  // a length >= 0: margins, indents, spaces
  ratio,  // a plain number >= 0
  lines,  // a whole number of lines
};

struct KeySpec {
  std::string_view name;
  Kind kind;
};

// Every key of a style file, in the order styles/a5.toml gives them. The four that the layout
// keeps as positions from the page top (running head, its rule, folio, imprint) are given here
// relative to the text block, so that changing a margin or the number of lines moves them along.
constexpr KeySpec keys[] = {
    {"page_width", Kind::size},
    {"page_height", Kind::size},
    {"margin_inner", Kind::space},
    {"margin_outer", Kind::space},
    {"margin_top", Kind::space},
    {"lines_per_page", Kind::lines},
    {"body_size", Kind::size},
    {"leading", Kind::size},
    {"paragraph_indent", Kind::space},
    {"space_stretch", Kind::ratio},
    {"space_shrink", Kind::ratio},
    {"inline_code_scale", Kind::ratio},
    {"part_title_size", Kind::size},
    {"part_title_leading", Kind::size},
    {"part_title_space_after", Kind::space},
    {"heading1_size", Kind::size},
    {"heading2_size", Kind::size},
    {"heading3_size", Kind::size},
    {"heading_space_before", Kind::space},
    {"heading_space_after", Kind::space},
    {"block_space", Kind::space},
    {"list_indent", Kind::space},
    {"list_marker_gap", Kind::space},
    {"quote_indent", Kind::space},
    {"code_indent", Kind::space},
    {"code_size", Kind::size},
    {"code_leading", Kind::size},
    {"ornament_width", Kind::space},
    {"rule_thickness", Kind::size},
    {"small_size", Kind::size},
    {"small_leading", Kind::size},
    {"note_space_before", Kind::space},
    {"note_hanging_indent", Kind::space},
    {"contents_indent", Kind::space},
    {"contents_number_width", Kind::space},
    {"contents_entry_space", Kind::space},
    {"footnote_space", Kind::space},
    {"footnote_rule_width", Kind::space},
    {"running_head_size", Kind::size},
    {"running_head_raise", Kind::space},
    {"running_head_rule_raise", Kind::space},
    {"folio_size", Kind::size},
    {"folio_drop", Kind::size},
    {"review_mark_size", Kind::size},
    {"book_title_size", Kind::size},
    {"book_title_leading", Kind::size},
    {"book_subtitle_size", Kind::size},
    {"book_author_size", Kind::size},
    {"title_block_top", Kind::space},
    {"imprint_rise", Kind::space},
};

// Below these the layout cannot keep its promises: a part title with its space and a heading kept
// with two lines need 8 lines; a measure under 12 ems (about 24 characters) leaves justified
// text full of rivers and the contents' leaders no room beside their page numbers.
constexpr int min_lines_per_page = 8;
constexpr double min_measure_ems = 12;

const KeySpec* find_key(std::string_view name) {
  for (const KeySpec& key : keys) {
    if (key.name == name) return &key;
  }
  return nullptr;
}

std::string key_names() {
  std::string out;
  for (const KeySpec& key : keys) out += (out.empty() ? "" : ", ") + std::string(key.name);
  return out;
}

std::string points(Pt length) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, std::round(length.value * 100) / 100);
  return std::string(buffer, result.ptr) + " pt";
}

// A length written as a string: a number and a unit, with at most one space between them.
std::optional<double> parse_length(std::string_view text) {
  double number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end == text.data()) return std::nullopt;
  std::string_view unit = text.substr(static_cast<std::size_t>(end - text.data()));
  if (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
  if (unit == "pt") return number;
  // core::millimetres, so that "148mm" is exactly the A5 width the layout always had.
  if (unit == "mm") return core::millimetres(number).value;
  if (unit == "cm") return core::millimetres(number * 10).value;
  if (unit == "in") return number * 72;
  return std::nullopt;
}

struct Value {
  double number = 0;
  core::SourceLocation at;
  bool from_book = false;  // given in book.toml's [style] table, not the style file
};

class StyleReader {
 public:
  StyleReader(const core::FileSystem& styles, std::string styles_label, core::DiagnosticSink& sink)
      : styles_(styles), styles_label_(std::move(styles_label)), sink_(sink) {}

  std::optional<layout::PageStyle> read(const core::FileSystem& corpus) {
    std::optional<toml::table> manifest;
    if (std::optional<std::string> text = corpus.read_file(manifest_path)) {
      // A syntax error is the manifest reader's to report; the style then stays the default.
      try {
        manifest = toml::parse(*text, std::string_view(manifest_path));
      } catch (const toml::parse_error&) {
      }
    }
    std::string name = default_style_name;
    core::SourceLocation chosen_at{manifest_path, 0, 0};
    const toml::table* overrides = nullptr;
    if (manifest) {
      if (const toml::node* choice = manifest->get("style")) {
        chosen_at = import::toml_location(choice->source(), manifest_path);
        if (const auto* text = choice->as_string()) {
          name = text->get();
        } else if (const toml::table* table = choice->as_table()) {
          overrides = table;
          if (const toml::node* base = table->get("base")) {
            chosen_at = import::toml_location(base->source(), manifest_path);
            if (const auto* text_base = base->as_string()) {
              name = text_base->get();
            } else {
              error(chosen_at, "expected a style name for 'base', found " + import::toml_type_name(*base));
            }
          }
        } else {
          error(chosen_at,
                "expected a style name or a [style] table for 'style', found " + import::toml_type_name(*choice));
        }
      }
    }
    if (!read_style_file(name, chosen_at)) return std::nullopt;
    if (overrides != nullptr) read_values(*overrides, manifest_path, true);
    if (failed_) return std::nullopt;
    layout::PageStyle style = make_style();
    check_geometry(style);
    if (failed_) return std::nullopt;
    return style;
  }

 private:
  void error(const core::SourceLocation& at, std::string message, std::string hint = {}) {
    sink_.error(at, std::move(message), std::move(hint));
    failed_ = true;
  }

  std::string available_styles() const {
    std::string out;
    for (const std::string& file : styles_.list_files(sink_)) {
      if (file.size() > 5 && file.ends_with(".toml"))
        out += (out.empty() ? "" : ", ") + file.substr(0, file.size() - 5);
    }
    return out;
  }

  bool read_style_file(const std::string& name, const core::SourceLocation& chosen_at) {
    const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    const std::optional<std::string> text = plain ? styles_.read_file(name + ".toml") : std::nullopt;
    if (!text && chosen_at.line == 0) {  // nothing chosen: the default is missing from the data folder
      error({styles_label_ + "/" + name + ".toml", 0, 0}, "cannot read the default style",
            "Octavo's styles/ folder is incomplete");
      return false;
    }
    if (!text) {
      error(chosen_at, "unknown style '" + name + "'", "available styles: " + available_styles());
      return false;
    }
    const std::string path = styles_label_ + "/" + name + ".toml";
    const std::optional<toml::table> table = import::parse_toml(*text, path, sink_);
    if (!table) {
      failed_ = true;
      return false;
    }
    read_values(*table, path, false);
    bool complete = true;
    std::string missing;
    for (const KeySpec& key : keys) {
      if (values_.count(key.name) == 0) missing += (missing.empty() ? "" : ", ") + std::string(key.name);
    }
    if (!missing.empty()) {
      error({path, 0, 0}, "the style file does not set " + missing, "every style file sets every key");
      complete = false;
    }
    return complete;
  }

  void read_values(const toml::table& table, const std::string& path, bool from_book) {
    for (const auto& [key, node] : import::entries_in_file_order(table)) {
      const std::string_view name = key->str();
      if (from_book && name == "base") continue;
      const KeySpec* spec = find_key(name);
      const core::SourceLocation at = import::toml_location(node->source(), path);
      if (spec == nullptr) {
        error(import::toml_location(key->source(), path),
              "unknown style key '" + std::string(name) + "'" + (from_book ? " in [style]" : ""),
              "known keys: base (in book.toml), " + key_names());
        continue;
      }
      if (std::optional<double> number = read_number(*spec, *node, at)) {
        values_[std::string(name)] = Value{*number, at, from_book};
      }
    }
  }

  std::optional<double> read_number(const KeySpec& spec, const toml::node& node, const core::SourceLocation& at) {
    const std::string name(spec.name);  // named: "'" + a temporary draws a false -Wrestrict from GCC 12 -O3
    const std::string key = "'" + name + "'";
    std::optional<double> number;
    if (spec.kind == Kind::lines) {
      if (const auto* integer = node.as_integer()) number = static_cast<double>(integer->get());
      if (!number) error(at, "expected a whole number of lines for " + key + ", found " + import::toml_type_name(node));
    } else if (const auto* integer = node.as_integer()) {
      number = static_cast<double>(integer->get());
    } else if (const auto* floating = node.as_floating_point()) {
      number = floating->get();
    } else if (const auto* text = node.as_string(); text != nullptr && spec.kind != Kind::ratio) {
      number = parse_length(text->get());
      if (!number) {
        error(at,
              "expected a length such as \"10pt\", \"20mm\" or \"0.5in\" for " + key + ", found '" + text->get() + "'");
        return std::nullopt;
      }
    } else {
      error(at, std::string(spec.kind == Kind::ratio ? "expected a number" : "expected a length") + " for " + key +
                    ", found " + import::toml_type_name(node));
    }
    if (!number) return std::nullopt;
    if (!std::isfinite(*number) || *number < 0 || (spec.kind == Kind::size && *number <= 0)) {
      error(at, "expected " + std::string(spec.kind == Kind::size ? "a size greater than 0" : "a value of 0 or more") +
                    " for " + key);
      return std::nullopt;
    }
    if (spec.kind == Kind::lines && *number < min_lines_per_page) {
      error(at, "expected at least " + std::to_string(min_lines_per_page) + " lines a page for " + key,
            "part titles, and headings kept with two lines of text, need that many");
      return std::nullopt;
    }
    return number;
  }

  Pt length(std::string_view name) const { return Pt(number(name)); }
  double number(std::string_view name) const { return values_.find(name)->second.number; }

  // Where to report a problem several keys make together: the first of them that book.toml
  // overrides (the user's change), else the first in the style file.
  core::SourceLocation blame(std::initializer_list<std::string_view> names) const {
    for (std::string_view name : names) {
      const Value& value = values_.find(name)->second;
      if (value.from_book) return value.at;
    }
    return values_.find(*names.begin())->second.at;
  }

  layout::PageStyle make_style() const {
    layout::PageStyle s;
    s.page_width = length("page_width");
    s.page_height = length("page_height");
    s.margin_inner = length("margin_inner");
    s.margin_outer = length("margin_outer");
    s.margin_top = length("margin_top");
    s.body_size = length("body_size");
    s.leading = length("leading");
    s.body_height = Pt(number("lines_per_page") * s.leading.value);
    s.paragraph_indent = length("paragraph_indent");
    s.space_stretch = number("space_stretch");
    s.space_shrink = number("space_shrink");
    s.inline_code_scale = number("inline_code_scale");
    s.part_title_size = length("part_title_size");
    s.part_title_leading = length("part_title_leading");
    s.part_title_space_after = length("part_title_space_after");
    s.heading_size = {length("heading1_size"), length("heading2_size"), length("heading3_size")};
    s.heading_space_before = length("heading_space_before");
    s.heading_space_after = length("heading_space_after");
    s.block_space = length("block_space");
    s.list_indent = length("list_indent");
    s.list_marker_gap = length("list_marker_gap");
    s.quote_indent = length("quote_indent");
    s.code_indent = length("code_indent");
    s.code_size = length("code_size");
    s.code_leading = length("code_leading");
    s.ornament_width = length("ornament_width");
    s.rule_thickness = length("rule_thickness");
    s.small_size = length("small_size");
    s.small_leading = length("small_leading");
    s.note_space_before = length("note_space_before");
    s.note_hanging_indent = length("note_hanging_indent");
    s.contents_indent = length("contents_indent");
    s.contents_number_width = length("contents_number_width");
    s.contents_entry_space = length("contents_entry_space");
    s.footnote_space = length("footnote_space");
    s.footnote_rule_width = length("footnote_rule_width");
    s.running_head_size = length("running_head_size");
    s.running_head_baseline = s.margin_top - length("running_head_raise");
    s.running_head_rule_y = s.margin_top - length("running_head_rule_raise");
    s.folio_size = length("folio_size");
    s.review_mark_size = length("review_mark_size");
    s.folio_baseline = s.margin_top + s.body_height + length("folio_drop");
    s.book_title_size = length("book_title_size");
    s.book_title_leading = length("book_title_leading");
    s.book_subtitle_size = length("book_subtitle_size");
    s.book_author_size = length("book_author_size");
    s.title_block_top = length("title_block_top");
    s.imprint_baseline = s.margin_top + s.body_height - length("imprint_rise");
    return s;
  }

  void check_geometry(const layout::PageStyle& s) {
    if (s.measure() < s.body_size * min_measure_ems) {
      error(blame({"margin_inner", "margin_outer", "page_width", "body_size"}),
            "the margins (" + points(s.margin_inner) + " and " + points(s.margin_outer) + ") leave a measure of " +
                points(s.measure()) + " on a page " + points(s.page_width) + " wide, less than " +
                std::to_string(static_cast<int>(min_measure_ems)) + " ems of the body size",
            "make the margins narrower or the page wider");
    } else if (s.footnote_rule_width > s.measure()) {
      error(blame({"footnote_rule_width", "margin_inner", "margin_outer", "page_width"}),
            "the footnote rule (" + points(s.footnote_rule_width) + ") is wider than the measure (" +
                points(s.measure()) + ")");
    }
    if (s.margin_top + s.body_height > s.page_height) {
      error(blame({"lines_per_page", "leading", "margin_top", "page_height"}),
            "the text block (" + points(s.body_height) + " below a top margin of " + points(s.margin_top) +
                ") is taller than the page (" + points(s.page_height) + ")",
            "set fewer lines_per_page, a smaller leading or a smaller margin_top");
    } else if (s.folio_baseline > s.page_height) {
      error(blame({"folio_drop", "lines_per_page", "leading", "margin_top", "page_height"}),
            "the folio's baseline (" + points(s.folio_baseline) + " from the top) falls below the page (" +
                points(s.page_height) + ")");
    }
    if (s.running_head_baseline - s.running_head_size < Pt(0) || s.running_head_rule_y < Pt(0)) {
      error(blame({"running_head_raise", "running_head_rule_raise", "margin_top", "running_head_size"}),
            "the running head rises above the page: margin_top is " + points(s.margin_top));
    }
    if (s.title_block_top >= s.margin_top + s.body_height) {
      error(blame({"title_block_top", "lines_per_page", "leading", "margin_top"}),
            "the title block starts below the text block");
    }
    if (s.footnote_space + s.small_leading * 2 > s.body_height) {
      error(blame({"footnote_space", "small_leading", "lines_per_page", "leading"}),
            "footnote_space (" + points(s.footnote_space) + ") leaves no room for two lines of notes on a page",
            "a long note needs a page that holds its first two lines");
    }
    if (s.space_shrink >= 1) {
      error(blame({"space_shrink"}), "expected a space_shrink less than 1, found " + std::to_string(s.space_shrink),
            "a shrink of 1 lets spaces vanish");
    }
    if (s.inline_code_scale <= 0) error(blame({"inline_code_scale"}), "expected an inline_code_scale greater than 0");
  }

  const core::FileSystem& styles_;
  std::string styles_label_;
  core::DiagnosticSink& sink_;
  std::map<std::string, Value, std::less<>> values_;
  bool failed_ = false;
};

}  // namespace

std::optional<layout::PageStyle> read_page_style(const core::FileSystem& corpus, const core::FileSystem& styles,
                                                 const std::string& styles_label, core::DiagnosticSink& sink) {
  return StyleReader(styles, styles_label, sink).read(corpus);
}

}  // namespace octavo::style
