// What every layout stage needs: the fonts' metrics, the page style, the diagnostic sink and the
// record of characters the fonts lack. Made once by lay_out_book and passed down.
#pragma once

#include "core/diagnostics.hpp"
#include "fonts/font_metrics.hpp"
#include "fonts/glyph_coverage.hpp"
#include "layout/hyphenator.hpp"
#include "layout/page_style.hpp"

namespace octavo::layout {

/// References only: lay_out_book owns what they point at for the whole run.
struct LayoutContext {
  const fonts::FontMetrics& metrics;
  const PageStyle& style;
  core::DiagnosticSink& sink;
  fonts::GlyphCoverage& coverage;
  const Hyphenator* hyphenator = nullptr;  ///< null or empty: no hyphenation
};

}  // namespace octavo::layout
