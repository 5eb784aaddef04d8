// One article set apart from the book's sequence (article_flow, on a worker thread or from a build
// cache): its lines, what layout reported while setting them and the characters no font had.
// lay_out_book replays the last two when the article's turn comes, so the order never depends on threads.
#pragma once

#include <vector>

#include "core/diagnostics.hpp"
#include "fonts/glyph_coverage.hpp"
#include "layout/flow.hpp"

namespace octavo::layout {

struct SetArticle {
  std::vector<FlowLine> lines;
  core::DiagnosticList diagnostics;
  fonts::GlyphCoverage missing;  ///< a branch of the book's coverage, holding the article's misses
};

}  // namespace octavo::layout
