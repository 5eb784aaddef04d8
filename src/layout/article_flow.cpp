#include "layout/article_flow.hpp"

#include "layout/destinations.hpp"
#include "layout/footnotes.hpp"
#include "layout/part_title.hpp"
#include "layout/set_blocks.hpp"
#include "layout/source_note.hpp"

namespace octavo::layout {

std::vector<FlowLine> article_flow(const model::Article& article, const model::AnchorTable& anchors,
                                   LayoutContext& context) {
  Flow flow;
  set_part_title(flow, article.title, {article.id}, article.location, context);
  const LinkResolver resolver = article_link_resolver(article, anchors);
  BlockSetter blocks(context, flow, heading_destination(article.id, ""), resolver);
  blocks.suppress_indent();
  blocks.set_blocks(article.blocks, BlockFrame{core::Pt(0), context.style.measure()});
  attach_footnotes(flow, article, resolver, context);
  set_source_note(flow, article, context);
  return flow.finish();
}

}  // namespace octavo::layout
