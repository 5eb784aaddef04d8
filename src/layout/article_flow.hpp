// One article as a flow: its title on a new page, its blocks, then its source note. The body of
// the book is these flows in order, followed by the Sources appendix.
#pragma once

#include <vector>

#include "layout/flow.hpp"
#include "layout/layout_context.hpp"
#include "model/anchor_table.hpp"
#include "model/article.hpp"

namespace octavo::layout {

/// The lines of `article`, starting a new page, with anchors at its top (the article id), at
/// every id of its blocks and anchors ("<article id>#<id>") and at its source note; its links
/// lead where `anchors` (the book's) says; its footnotes hang on the lines that refer to them
/// (attach_footnotes), before the source note. Never empty.
std::vector<FlowLine> article_flow(const model::Article& article, const model::AnchorTable& anchors,
                                   LayoutContext& context);

}  // namespace octavo::layout
