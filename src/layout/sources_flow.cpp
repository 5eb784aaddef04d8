#include "layout/sources_flow.hpp"
#include "layout/paragraph_styles.hpp"

#include "layout/build_items.hpp"
#include "layout/part_title.hpp"
#include "layout/set_paragraph.hpp"
#include "layout/source_note.hpp"

namespace octavo::layout {

std::vector<FlowLine> sources_entry_flow(const model::Article& article, LayoutContext& context) {
  const PageStyle& style = context.style;
  Flow flow;
  flow.add_space(style.block_space);
  flow.add_anchor(model::sources_entry_id(article));
  ItemBuilder title(context, style.measure(), false);
  const int link = title.add_link({model::source_note_id(article), ""});
  title.add_text(article.title, TextStyle{false, false, false, style.body_size}, article.location, link);
  set_paragraph(flow, title.finish(), paragraph_format(Role::sources_entry, style, core::Pt(0), style.measure()),
                context.metrics);
  flow.keep_next_lines(1);
  set_note_fields(flow, article.source_note, style.note_hanging_indent, context);
  return flow.finish();
}

std::vector<FlowLine> sources_flow(const model::Book& book, LayoutContext& context,
                                   const std::function<std::vector<FlowLine>(std::size_t)>& entry) {
  Flow flow;
  set_part_title(flow, model::sources_title, {model::sources_id}, {}, context);
  for (std::size_t a = 0; a < book.articles.size(); ++a) flow.add_lines(entry(a));
  return flow.finish();
}

}  // namespace octavo::layout
