#include "layout/part_title.hpp"
#include "layout/paragraph_styles.hpp"

#include "layout/build_items.hpp"
#include "layout/set_paragraph.hpp"

namespace octavo::layout {

void set_part_title(Flow& flow, const std::string& title, const std::vector<std::string>& anchors,
                    const core::SourceLocation& location, LayoutContext& context) {
  const PageStyle& style = context.style;
  flow.break_page();
  for (const std::string& anchor : anchors) flow.add_anchor(anchor);
  // Only a title from a source file can be fixed by its author; generated titles break silently.
  ItemBuilder builder(context, style.measure(), !location.path.empty());
  builder.add_text(title, TextStyle{false, false, false, style.part_title_size}, location);
  const ParagraphFormat format = paragraph_format(Role::part_title, style, core::Pt(0), style.measure());
  const std::size_t lines = set_paragraph(flow, builder.finish(), format, context.metrics);
  flow.keep_next_lines(1);
  // The text below starts on a whole line of the body's grid.
  const core::Pt used = style.part_title_leading * static_cast<double>(lines);
  flow.add_space(space_to_grid(used, style.leading, style.part_title_space_after));
}

}  // namespace octavo::layout
