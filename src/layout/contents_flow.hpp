// The table of contents as a flow: every entry with its page number, right-aligned after dot
// leaders, and clickable. The entries' titles depend on no page and may be set beside the body
// (set_contents_titles); the numbers are added after it, when every page number is known.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "layout/destination_table.hpp"
#include "layout/flow.hpp"
#include "layout/layout_context.hpp"

namespace octavo::layout {

/// What a contents entry lists: a part of the corpus (a folder), an article, or a section of one.
enum class ContentsKind { part, article, section };

/// One line of the contents: an article (level 0), one of its sections (level 1), …; with parts,
/// a part's articles are a level below it.
struct ContentsItem {
  std::string title;
  std::string destination;  ///< the anchor the entry links to and takes its page number from
  int level = 0;
  ContentsKind kind = ContentsKind::article;
};

/// The contents' titles as set_contents_titles sets them, with what setting them reported.
struct SetContentsTitles {
  std::vector<std::vector<FlowLine>> titles;
  core::DiagnosticList diagnostics;
  fonts::GlyphCoverage missing;  ///< a branch of the book's coverage, holding the titles' misses
};

/// Each item's title set as its entry shows it (parts' bold, indented by level, the number's
/// width left free), one list of lines an item, in the items' order; an untitled item gets one
/// blank line, where its number goes.
std::vector<std::vector<FlowLine>> set_contents_titles(const std::vector<ContentsItem>& items, LayoutContext& context);

/// The contents on a new page, titled "Contents" (anchor contents_id), its entries' titles taken
/// from `titles` (set_contents_titles(items), set with the same style and fonts). Parts' and
/// articles' entries have a little space above them. Each entry's number is the body page
/// (1-based) `destinations` places its anchor on; an entry whose anchor is on no body page gets no
/// number and no link. Never empty.
std::vector<FlowLine> contents_flow(const std::vector<ContentsItem>& items, std::vector<std::vector<FlowLine>> titles,
                                    const DestinationTable& destinations, LayoutContext& context);

/// The same, its titles set here.
std::vector<FlowLine> contents_flow(const std::vector<ContentsItem>& items, const DestinationTable& destinations,
                                    LayoutContext& context);

}  // namespace octavo::layout
