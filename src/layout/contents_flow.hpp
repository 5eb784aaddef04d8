// The table of contents as a flow: every entry with its page number, right-aligned after dot
// leaders, and clickable. Set after the body, when every page number is known.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "layout/flow.hpp"
#include "layout/layout_context.hpp"

namespace octavo::layout {

/// One line of the contents: an article (level 0), one of its sections (level 1), ….
struct ContentsItem {
  std::string title;
  std::string destination;  ///< the anchor the entry links to and takes its page number from
  int level = 0;
};

/// The contents on a new page, titled "Contents" (anchor contents_id). `body_pages` maps anchor
/// names to body page numbers (1-based); an entry whose anchor is missing gets no number and no
/// link. Never empty.
std::vector<FlowLine> contents_flow(const std::vector<ContentsItem>& items,
                                    const std::map<std::string, std::size_t>& body_pages, LayoutContext& context);

}  // namespace octavo::layout
