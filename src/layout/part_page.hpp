// The title page of a part of the corpus (model::Part, a folder of articles): a recto page with
// the part's title, set large and centred a third of the way down, before the part's first
// article. lay_out_book places it and the blank verso after it.
#pragma once

#include <vector>

#include "layout/flow.hpp"
#include "layout/layout_context.hpp"
#include "model/book.hpp"

namespace octavo::layout {

/// The part title's share of the way down the text block, where optical centres of display
/// pages sit (a little above the middle).
inline constexpr double part_title_drop = 1.0 / 3;

/// The lines of `part`'s title page: a spacer, then its title centred in part_title_size, the
/// part's anchor (its id) at the page's top. Never empty.
std::vector<FlowLine> part_page_flow(const model::Part& part, LayoutContext& context);

}  // namespace octavo::layout
