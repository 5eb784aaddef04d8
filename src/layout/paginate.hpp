// A flow cut into pages: the last stage of laying out a part. Honours the lines' keeps (no
// heading alone at a foot, no orphan or widow) where a page can hold them.
#pragma once

#include <cstddef>
#include <vector>

#include "core/length.hpp"
#include "layout/flow.hpp"
#include "layout/page.hpp"
#include "layout/page_style.hpp"

namespace octavo::layout {

/// The index of the first line of every page, filling each page greedily up to `capacity`. A
/// page ends before a line marked break_before, or after the last line that fits and is not
/// kept with the next; failing that, after the last one only weakly kept; failing that, where
/// it is full. Every page holds at least one line. A page opened by a line with a repeated_head
/// holds those lines above it, and has that much less room. Empty for no lines.
std::vector<std::size_t> find_page_breaks(const std::vector<FlowLine>& lines, core::Pt capacity);

/// Moves lines [begin, end) onto `page` with the text block's top-left corner at (left, top);
/// the first line's space_before is dropped. Returns the height used.
core::Pt place_lines(Page& page, std::vector<FlowLine>& lines, std::size_t begin, std::size_t end, core::Pt left,
                     core::Pt top);

/// Lays `lines` out on pages of `style`, alternating recto and verso from `first_is_recto`
/// (rectos have the inner margin on the left), adding the flow's lines and breaks to `stats` when
/// it is not null (tally_flow). A page opened by a line with a repeated_head starts with a copy
/// of those lines. Empty for no lines.
std::vector<Page> paginate(std::vector<FlowLine> lines, const PageStyle& style, bool first_is_recto,
                           LayoutStats* stats = nullptr);

}  // namespace octavo::layout
