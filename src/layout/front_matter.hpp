// The front matter before the contents: the title page and the disclaimer that says the
// content is unreviewed.
#pragma once

#include <vector>

#include "layout/flow.hpp"
#include "layout/layout_context.hpp"
#include "layout/page.hpp"
#include "model/book.hpp"

namespace octavo::layout {

/// The title page (a recto): title, subtitle, the authors as one wrapped line ("A, B and C") or
/// "Edited by <editor>", centred in the upper part; publisher and date at the foot. Anchor
/// title_page_id at its top. Missing fields are left out; the page is made even for empty
/// metadata. A list of names too long for the page is set smaller (body, then small size); content
/// too long for one page even so (a huge title) continues on the next pages, recto then verso,
/// with a warning, so that no text is ever set outside a page.
std::vector<Page> title_pages(const model::Metadata& metadata, LayoutContext& context);

/// The disclaimer's title (anchor disclaimer_id) and paragraphs, starting a new page; empty when
/// the section has neither title nor blocks.
std::vector<FlowLine> disclaimer_flow(const model::Section& disclaimer, LayoutContext& context);

}  // namespace octavo::layout
