// What layout needs to know about fonts: advance widths, kerning, vertical extents and coverage.
// Layout never loads a font itself; FontSet (font_set.hpp) implements this interface from the very
// files the PDF writer embeds, so that what is measured is what is drawn. Tests use a fixed-width fake.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/length.hpp"
#include "fonts/font_face.hpp"

namespace octavo::fonts {

/// A change to the advance before the character at byte `offset` of a measured text, from the
/// font's kerning; negative brings the pair closer ("AV", "To").
struct Kern {
  std::size_t offset = 0;
  core::Pt amount;
  bool operator==(const Kern&) const = default;
};

/// A box's width with its kerning, and whether it has any (what set_line need not ask again).
struct MeasuredBox {
  core::Pt width;
  bool kerned = false;  ///< FontMetrics::kerning gives the text at least one kern
};

/// Every member is const and must be safe to call from several threads at once: lay_out_book may
/// set articles on worker threads, all measuring with the one FontMetrics.
class FontMetrics {
 public:
  virtual ~FontMetrics() = default;
  /// Advance width of UTF-8 `text` set in `face` at `size`; 0 for empty text.
  virtual core::Pt width(FontFace face, std::string_view text, core::Pt size) const = 0;
  /// The font's kerning inside UTF-8 `text`, one word of one face (never across a space), in
  /// byte order; what `width` leaves out. Empty by default and for text the font does not kern.
  virtual std::vector<Kern> kerning(FontFace, std::string_view, core::Pt) const { return {}; }
  /// `text` measured as one box: width() plus each of kerning()'s amounts, added in byte order
  /// (so the sum is the same double whichever way it is made), and whether kerning() has any.
  /// Metrics that can sum the kerning without making its vector override it.
  virtual MeasuredBox measure_box(FontFace face, std::string_view text, core::Pt size) const {
    MeasuredBox box{width(face, text, size), false};
    for (const Kern& kern : kerning(face, text, size)) {
      box.width += kern.amount;
      box.kerned = true;
    }
    return box;
  }
  /// Distance from the baseline up to the top of the tallest glyphs (positive).
  virtual core::Pt ascent(FontFace face, core::Pt size) const = 0;
  /// Distance from the baseline down to the bottom of descenders (positive).
  virtual core::Pt descent(FontFace face, core::Pt size) const = 0;
  /// Height of the lower-case letters above the baseline; half the ascent by default, for
  /// metrics that do not know it. Strikethrough rules cross the middle of it.
  virtual core::Pt x_height(FontFace face, core::Pt size) const { return ascent(face, size) / 2; }
  /// False when `face` has no glyph for `code_point` (it would draw as .notdef).
  virtual bool has_glyph(FontFace face, char32_t code_point) const = 0;
  /// Names these metrics in a thread's memo of what they measured (layout/word_shapes.hpp), for
  /// metrics whose answers never change: no other metrics of the process has it. 0 (the
  /// default, for metrics that may change, as tests' fakes do): measures are asked every time.
  virtual std::uint64_t memo_source() const { return 0; }
};

}  // namespace octavo::fonts
