// Footnotes at the foot of the page (model::Article::footnotes): each note set in small type as a
// short flow of its own, numbered, and hung on the body line that holds its first reference, so
// that paginate keeps note and reference on one page. Used by article_flow.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "layout/build_items.hpp"
#include "layout/flow.hpp"
#include "layout/layout_context.hpp"
#include "model/article.hpp"

namespace octavo::layout {

/// The lines of `note`, numbered `number`, in the small type of `note_context` (small_type_style),
/// ragged right: the number hangs in the list indent before the first line and links back to
/// `back_anchor` (the first reference's anchor; no link when empty); the first line carries the
/// note's anchor, `anchor`. Paragraphs, lists, quotes and code in a note are set as in the body.
/// Never empty: a note with no blocks is its number alone.
std::vector<FlowLine> footnote_lines(const model::Footnote& note, std::size_t number, const std::string& anchor,
                                     const std::string& back_anchor, const std::string& anchor_prefix,
                                     const LinkResolver& resolver, LayoutContext& note_context);

/// Sets the footnotes of `article` and hangs each (FlowLine::notes) on the first line of `flow`
/// whose note_refs name it; a note that no line refers to hangs on the flow's last line, so that
/// nothing written is lost. Notes are numbered by their place in article.footnotes. References
/// inside notes are shown but carry no note. Nothing for an article without footnotes.
void attach_footnotes(Flow& flow, const model::Article& article, const LinkResolver& resolver, LayoutContext& context);

}  // namespace octavo::layout
