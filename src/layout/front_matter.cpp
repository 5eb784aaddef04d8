#include "layout/front_matter.hpp"

#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <string>

#include "layout/build_items.hpp"
#include "layout/paginate.hpp"
#include "layout/paragraph_styles.hpp"
#include "layout/part_title.hpp"
#include "layout/set_blocks.hpp"
#include "layout/set_paragraph.hpp"

namespace octavo::layout {
namespace {

// Space between the groups of the title page: title, subtitle, ornament, names.
constexpr double subtitle_gap = 12;
constexpr double ornament_gap = 30;
// Display lines get 120 % leading: large type needs proportionally less.
constexpr double display_leading = 1.2;

void add_centred(Flow& flow, const std::string& text, const TextStyle& style, core::Pt leading,
                 LayoutContext& context) {
  if (text.empty()) return;
  ItemBuilder builder(context, context.style.measure(), false);
  builder.add_text(text, style, {});
  ParagraphFormat format = paragraph_format(Role::title_page, context.style, core::Pt(0), context.style.measure());
  format.leading = leading;
  format.face = face_for(style);
  format.size = style.size;
  set_paragraph(flow, builder.finish(), format, context.metrics);
}

// "A", "A and B", "A, B and C": the names as one paragraph, so that any number of them wraps at
// the measure instead of taking a line each and running off the page.
std::string author_list(const std::vector<std::string>& authors) {
  std::vector<const std::string*> names;
  for (const std::string& author : authors) {
    if (!author.empty()) names.push_back(&author);
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += *names[i];
  }
  return out;
}

// The height lines take when placed in a column, as place_lines counts it.
core::Pt column_height(const std::vector<FlowLine>& lines) {
  core::Pt height;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    height += (i > 0 ? lines[i].space_before : core::Pt(0)) + lines[i].height;
  }
  return height;
}

// Title, subtitle, ornament and names, with the names set at `names_size`.
std::vector<FlowLine> title_block(const model::Metadata& metadata, core::Pt names_size, LayoutContext& context) {
  const PageStyle& style = context.style;
  Flow top;
  add_centred(top, metadata.title, TextStyle{false, false, false, style.book_title_size}, style.book_title_leading,
              context);
  top.add_space(core::Pt(subtitle_gap));
  add_centred(top, metadata.subtitle, TextStyle{true, false, false, style.book_subtitle_size},
              style.book_subtitle_size * display_leading, context);
  // The ornament: a short centred rule between the title and the names.
  top.add_space(core::Pt(ornament_gap));
  FlowLine ornament;
  const core::Pt x = (style.measure() - style.ornament_width) / 2;
  ornament.rules.push_back({x, core::Pt(0), x + style.ornament_width, core::Pt(0), style.rule_thickness});
  top.add_line(std::move(ornament));
  top.add_space(core::Pt(ornament_gap));
  const TextStyle names{false, false, false, names_size};
  const core::Pt names_leading = names_size * display_leading;
  const std::string authors = author_list(metadata.authors);
  if (!authors.empty()) {
    add_centred(top, authors, names, names_leading, context);
  } else if (!metadata.editor.empty()) {
    add_centred(top, "Edited by " + metadata.editor, names, names_leading, context);
  }
  return top.finish();
}

}  // namespace

std::vector<Page> title_pages(const model::Metadata& metadata, LayoutContext& context) {
  const PageStyle& style = context.style;
  Flow imprint;
  add_centred(imprint, metadata.publisher, TextStyle{false, false, false, style.body_size}, style.leading, context);
  add_centred(imprint, metadata.date, TextStyle{false, false, false, style.small_size}, style.leading, context);
  std::vector<FlowLine> imprint_lines = imprint.finish();

  // The imprint sits at the foot; the names must end an ornament gap above it (or, with no
  // imprint, at the foot of the text block). A long list of names steps down the type scale
  // (book_author_size, body_size, small_size) until it fits.
  const core::Pt block_bottom = style.margin_top + style.body_height;
  const core::Pt imprint_top =
      imprint_lines.empty() ? block_bottom : style.imprint_baseline - imprint_lines.front().baseline;
  const core::Pt names_limit = imprint_lines.empty() ? block_bottom : imprint_top - core::Pt(ornament_gap);
  for (const core::Pt names_size : {style.book_author_size, style.body_size, style.small_size}) {
    std::vector<FlowLine> lines = title_block(metadata, names_size, context);
    if (style.title_block_top + column_height(lines) > names_limit) continue;
    Page page{style.page_width, style.page_height, {}, {}, {}, {{model::title_page_id, core::Pt(0)}}};
    place_lines(page, lines, 0, lines.size(), style.margin_inner, style.title_block_top);
    place_lines(page, imprint_lines, 0, imprint_lines.size(), style.margin_inner, imprint_top);
    return {std::move(page)};
  }

  // Too much for one page even so (a title of a thousand words): rather than set text past the
  // page's edge, the title page continues on the next pages like any other flow, in its own
  // sizes, the imprint following the names, kept together.
  std::vector<FlowLine> lines = title_block(metadata, style.book_author_size, context);
  if (!imprint_lines.empty()) imprint_lines.front().space_before = core::Pt(ornament_gap);
  for (std::size_t i = 0; i + 1 < imprint_lines.size(); ++i) imprint_lines[i].keep = Keep::strong;
  for (FlowLine& line : imprint_lines) lines.push_back(std::move(line));
  const std::vector<std::size_t> starts = find_page_breaks(lines, block_bottom - style.title_block_top);
  const std::size_t first_end = starts.size() > 1 ? starts[1] : lines.size();
  Page first{style.page_width, style.page_height, {}, {}, {}, {{model::title_page_id, core::Pt(0)}}};
  place_lines(first, lines, 0, first_end, style.margin_inner, style.title_block_top);
  std::vector<Page> pages{std::move(first)};
  std::vector<Page> rest = paginate({std::make_move_iterator(lines.begin() + static_cast<std::ptrdiff_t>(first_end)),
                                     std::make_move_iterator(lines.end())},
                                    style, false);
  for (Page& page : rest) pages.push_back(std::move(page));
  context.sink.warning({},
                       "the title page does not fit on one page; it continues on the next " +
                           std::to_string(pages.size() - 1) + (pages.size() == 2 ? " page" : " pages"),
                       "shorten the title, the subtitle or the list of authors");
  return pages;
}

std::vector<FlowLine> disclaimer_flow(const model::Section& disclaimer, LayoutContext& context) {
  if (disclaimer.title.empty() && disclaimer.blocks.empty()) return {};
  Flow flow;
  set_part_title(flow, disclaimer.title, {model::disclaimer_id}, {}, context);
  BlockSetter blocks(context, flow, std::string(model::disclaimer_id) + "#", {});
  blocks.suppress_indent();
  blocks.set_blocks(disclaimer.blocks, BlockFrame{core::Pt(0), context.style.measure()});
  return flow.finish();
}

}  // namespace octavo::layout
