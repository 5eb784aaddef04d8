#include "layout/front_matter.hpp"

#include <algorithm>

#include "layout/build_items.hpp"
#include "layout/paginate.hpp"
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
  ParagraphFormat format;
  format.width = context.style.measure();
  format.leading = leading;
  format.face = face_for(style);
  format.size = style.size;
  format.alignment = Alignment::centre;
  set_paragraph(flow, builder.finish(), format, context.metrics);
}

}  // namespace

Page title_page(const model::Metadata& metadata, LayoutContext& context) {
  const PageStyle& style = context.style;
  Page page;
  page.width = style.page_width;
  page.height = style.page_height;
  page.anchors.push_back({model::title_page_id, core::Pt(0)});

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
  const TextStyle names{false, false, false, style.book_author_size};
  const core::Pt names_leading = style.book_author_size * display_leading;
  if (!metadata.authors.empty()) {
    for (const std::string& author : metadata.authors) add_centred(top, author, names, names_leading, context);
  } else if (!metadata.editor.empty()) {
    add_centred(top, "Edited by " + metadata.editor, names, names_leading, context);
  }
  std::vector<FlowLine> top_lines = top.finish();
  const core::Pt used = place_lines(page, top_lines, 0, top_lines.size(), style.margin_inner, style.title_block_top);

  Flow imprint;
  add_centred(imprint, metadata.publisher, TextStyle{false, false, false, style.body_size}, style.leading, context);
  add_centred(imprint, metadata.date, TextStyle{false, false, false, style.small_size}, style.leading, context);
  std::vector<FlowLine> imprint_lines = imprint.finish();
  if (!imprint_lines.empty()) {
    // At the foot, unless a very long title reaches down there: then it follows the names.
    const core::Pt top_of_imprint = std::max(style.imprint_baseline - imprint_lines.front().baseline,
                                             style.title_block_top + used + core::Pt(ornament_gap));
    place_lines(page, imprint_lines, 0, imprint_lines.size(), style.margin_inner, top_of_imprint);
  }
  return page;
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
