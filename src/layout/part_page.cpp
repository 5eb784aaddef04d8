#include "layout/part_page.hpp"
#include "layout/paragraph_styles.hpp"

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
  set_paragraph(flow, builder.finish(), paragraph_format(Role::part_page_title, style, core::Pt(0), style.measure()),
                context.metrics);
  return flow.finish();
}

}  // namespace octavo::layout
