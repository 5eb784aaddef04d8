// Asides (model::BlockKind::aside) and details (model::BlockKind::details): blocks set apart from
// the running text. The setting itself is BlockSetter::set_aside and set_details (set_blocks.hpp).
#include "layout/paragraph_styles.hpp"
#include "layout/set_blocks.hpp"
#include "layout/set_paragraph.hpp"

namespace octavo::layout {

// An aside is set off as a sidebar is in print: its blocks in small type (small_type_style, as
// footnotes), indented by the quote indent, with a bar down its left edge twice the weight of a
// rule, so that it reads as the edge of a box rather than a stray line. The bar is drawn line by
// line, each piece reaching up over the space above its line, so that it is unbroken within a
// page and ends cleanly at a page break (place_lines drops what rises above a page's first line).
// A short aside moves whole to the next page, as a short quote does.
void BlockSetter::set_aside(const model::Block& block, const BlockFrame& frame, int depth) {
  const PageStyle& style = context_.style;
  flow_.add_space(style.block_space);
  const PageStyle small = small_type_style(style);
  LayoutContext small_context{context_.metrics, small, context_.sink, context_.coverage, context_.hyphenator};
  BlockSetter inner(small_context, flow_, anchor_prefix_, resolver_);
  inner.in_table_ = in_table_;  // an aside in a table's cell sets a table in it as its cells' content
  const BlockFrame content = indented(frame, style.quote_indent, core::Pt(0));
  const std::size_t first = flow_.size();
  for (const model::Block& child : block.children) inner.set_block(child, content, depth + 1);
  const core::Pt thickness = style.rule_thickness * 2;
  const core::Pt x = frame.left + thickness / 2;
  for (std::size_t i = first; i < flow_.size(); ++i) {
    FlowLine& line = flow_[i];
    const core::Pt top = i == first ? core::Pt(0) : core::Pt(0) - line.space_before;
    line.rules.push_back({x, top, x, line.height, thickness});
  }
  keep_short_block(first);
  flow_.add_space(style.block_space);
  indent_next_ = true;
}

// Details are always shown open (a page cannot be clicked): the summary as a bold line, kept with
// the first lines below it as a heading is, and the content indented under it like a list item's.
// Without a summary (which HTML would show as "Details") the content stands alone, unindented,
// as the EPUB gives it.
void BlockSetter::set_details(const model::Block& block, const BlockFrame& frame, int depth) {
  const PageStyle& style = context_.style;
  flow_.add_space(style.block_space);
  BlockFrame content = frame;
  if (!block.inlines.empty()) {
    const TextStyle bold{false, true, false, style.body_size};
    ItemBuilder builder(context_, frame.width);
    builder.set_link_resolver(resolver_);
    builder.add_inlines(block.inlines, bold, block.location);
    set_paragraph(flow_, builder.finish(), paragraph_format(Role::details_summary, style, frame.left, frame.width),
                  context_.metrics);
    flow_.keep_next_lines(1);
    content = indented(frame, style.list_indent, core::Pt(0));
  }
  indent_next_ = false;
  for (const model::Block& child : block.children) set_block(child, content, depth + 1);
  flow_.add_space(style.block_space);
  indent_next_ = true;
}

}  // namespace octavo::layout
