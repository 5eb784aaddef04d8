// One article set apart from the book's sequence (article_flow, on a worker thread or from a build
// cache): its lines, what layout reported while setting them and the characters no font had; then
// cut into pages.
// lay_out_book replays the last two when the article's turn comes, so the order never depends on threads.
#pragma once

#include <vector>

#include "core/diagnostics.hpp"
#include "fonts/glyph_coverage.hpp"
#include "layout/flow.hpp"
#include "layout/layout_stats.hpp"
#include "layout/page.hpp"

namespace octavo::layout {

struct SetArticle {
  std::vector<FlowLine> lines;
  core::DiagnosticList diagnostics;
  fonts::GlyphCoverage missing;  ///< a branch of the book's coverage, holding the article's misses
};

/// The same article cut into pages (cut_into_pages) and prepared for the page sink
/// (PageSink::prepare_body), with the figures of its cut (LayoutStats: lines, widows, …, but not
/// the counts of articles, which lay_out_book adds).
struct CutArticle {
  std::vector<Page> pages;
  core::DiagnosticList diagnostics;
  fonts::GlyphCoverage missing;
  LayoutStats stats;
};

}  // namespace octavo::layout
