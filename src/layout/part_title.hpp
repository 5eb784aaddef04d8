// The title that opens every part of the book (an article, the disclaimer, the contents, the
// sources): on a new page, large, carrying the part's anchors, kept with what follows.
#pragma once

#include <string>
#include <vector>

#include "core/source_location.hpp"
#include "layout/flow.hpp"
#include "layout/layout_context.hpp"

namespace octavo::layout {

/// Starts a new page with `title` and places `anchors` at its top. An empty title sets no line;
/// the anchors then go to the first line that follows.
void set_part_title(Flow& flow, const std::string& title, const std::vector<std::string>& anchors,
                    const core::SourceLocation& location, LayoutContext& context);

}  // namespace octavo::layout
