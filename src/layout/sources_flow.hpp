// The Sources appendix as a flow: after the last article, every article's title (linking back to
// its source note) and the full provenance fields.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "layout/flow.hpp"
#include "layout/layout_context.hpp"
#include "model/book.hpp"

namespace octavo::layout {

/// One article's entry, set on its own: its title (anchor sources_entry_id, linking back to its
/// source note) and its provenance fields. It depends on the article's id, title, location and
/// source note alone (with the style and fonts), so that a build cache can keep each entry
/// (ArticleCache::recall_or_set_sources_entry). Its last line ends it: no keep reaches the next
/// entry (a source note has six fields or more, so the keep after the title is always taken).
std::vector<FlowLine> sources_entry_flow(const model::Article& article, LayoutContext& context);

/// The appendix on a new page, titled "Sources" (anchor sources_id), then one entry per article in
/// the book's order: `entry(a)` gives article a's lines, as sources_entry_flow sets them. Never
/// empty: a book without articles still gets the title.
std::vector<FlowLine> sources_flow(const model::Book& book, LayoutContext& context,
                                   const std::function<std::vector<FlowLine>(std::size_t)>& entry);

}  // namespace octavo::layout
