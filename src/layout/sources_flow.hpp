// The Sources appendix as a flow: after the last article, every article's title (linking back to
// its source note) and the full provenance fields.
#pragma once

#include <vector>

#include "layout/flow.hpp"
#include "layout/layout_context.hpp"
#include "model/book.hpp"

namespace octavo::layout {

/// The appendix on a new page, titled "Sources" (anchor sources_id), one entry per article with
/// the anchor sources_entry_id. Never empty: a book without articles still gets the title.
std::vector<FlowLine> sources_flow(const model::Book& book, LayoutContext& context);

}  // namespace octavo::layout
