// Which characters the PDF fonts can draw, the visible placeholder for those they cannot, and the
// warning that names them. Used by build_items while text becomes boxes.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/source_location.hpp"
#include "layout/font_metrics.hpp"

namespace octavo::layout {

/// What a missing character is drawn as: U+25A1 in `face` if it has one, else in mono, else "?".
struct Placeholder {
  FontFace face = FontFace::serif;
  std::string text;
};

/// One per book: remembers coverage and which characters were already reported.
class GlyphCoverage {
 public:
  explicit GlyphCoverage(const FontMetrics& metrics);

  /// FontMetrics::has_glyph, remembered for the Basic Multilingual Plane; false for C0 and C1
  /// control characters.
  bool has_glyph(FontFace face, char32_t code_point);
  /// The placeholder for a character that `face` lacks; never empty.
  Placeholder placeholder(FontFace face);

  /// Records a character that no face has; the first location noted is the one reported.
  void note_missing(char32_t code_point, const core::SourceLocation& location);
  /// Sends one warning naming the characters noted since the last report, at the first one's
  /// location (or `fallback` when that is unknown), then forgets them. With `only_new`, characters
  /// reported before are left out. Sends nothing when no character is left.
  void report(core::DiagnosticSink& sink, const core::SourceLocation& fallback, bool only_new);

 private:
  const FontMetrics& metrics_;
  std::vector<std::uint8_t> cache_;  // per face and BMP code point: 0 unknown, 1 missing, 2 present
  std::vector<char32_t> pending_;    // in order of first appearance
  std::set<char32_t> pending_set_;
  std::set<char32_t> reported_;
  core::SourceLocation first_location_;
};

}  // namespace octavo::layout
