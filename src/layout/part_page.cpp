#include "layout/part_page.hpp"

#include "layout/build_items.hpp"
#include "layout/set_paragraph.hpp"

namespace octavo::layout {

std::vector<FlowLine> part_page_flow(const model::Part& part, LayoutContext& context) {
  const PageStyle& style = context.style;
  Flow flow;
  flow.break_page();
  flow.add_anchor(part.id);
  // A line of no text holds the page's anchor at its top and pushes the title down.
  FlowLine spacer;
  spacer.height = style.body_height * part_title_drop;
  spacer.keep = Keep::strong;
  flow.add_line(std::move(spacer));
  // Only a title from a source file can be fixed by its author; folder names break silently too.
  ItemBuilder builder(context, style.measure(), false);
  builder.add_text(part.title, TextStyle{false, false, false, style.part_title_size}, part.location);
  ParagraphFormat format;
  format.width = style.measure();
  format.leading = style.part_title_leading;
  format.size = style.part_title_size;
  format.alignment = Alignment::centre;
  format.keep_together = true;
  set_paragraph(flow, builder.finish(), format, context.metrics);
  return flow.finish();
}

}  // namespace octavo::layout
