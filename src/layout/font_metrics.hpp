// What layout needs to know about fonts: advance widths and vertical extents. Layout never loads
// a font itself; the PDF side implements this interface from the very fonts it embeds, so that
// what is measured is what is drawn. Tests use a fixed-width fake.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/length.hpp"

namespace octavo::layout {

/// The faces a book uses. The PDF side maps each to a file in fonts/. `fallback` (DejaVu Sans)
/// only draws characters the others lack (glyph_coverage.hpp).
enum class FontFace { serif, serif_italic, serif_bold, serif_bold_italic, mono, fallback };
inline constexpr std::size_t face_count = 6;

class FontMetrics {
 public:
  virtual ~FontMetrics() = default;
  /// Advance width of UTF-8 `text` set in `face` at `size`; 0 for empty text.
  virtual core::Pt width(FontFace face, std::string_view text, core::Pt size) const = 0;
  /// Distance from the baseline up to the top of the tallest glyphs (positive).
  virtual core::Pt ascent(FontFace face, core::Pt size) const = 0;
  /// Distance from the baseline down to the bottom of descenders (positive).
  virtual core::Pt descent(FontFace face, core::Pt size) const = 0;
  /// False when `face` has no glyph for `code_point` (it would draw as .notdef).
  virtual bool has_glyph(FontFace face, char32_t code_point) const = 0;
};

}  // namespace octavo::layout
