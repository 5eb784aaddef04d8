// The front matter before the contents: the title page and the disclaimer that says the
// content is unreviewed.
#pragma once

#include <vector>

#include "layout/flow.hpp"
#include "layout/layout_context.hpp"
#include "layout/page.hpp"
#include "model/book.hpp"

namespace octavo::layout {

/// The title page (a recto): title, subtitle, the authors or "Edited by <editor>", centred in the
/// upper part; publisher and date at the foot. Anchor title_page_id at its top. Missing fields
/// are left out; the page is made even for empty metadata.
Page title_page(const model::Metadata& metadata, LayoutContext& context);

/// The disclaimer's title (anchor disclaimer_id) and paragraphs, starting a new page; empty when
/// the section has neither title nor blocks.
std::vector<FlowLine> disclaimer_flow(const model::Section& disclaimer, LayoutContext& context);

}  // namespace octavo::layout
