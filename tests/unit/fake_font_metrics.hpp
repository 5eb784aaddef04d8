// Fixed-width fake font metrics for unit tests: no font files, readable widths, and coverage a
// test can shape per character. Used by the fonts, layout and PDF tests.
#pragma once

#include <algorithm>
#include <map>
#include <string_view>
#include <vector>

#include "core/length.hpp"
#include "core/utf8.hpp"
#include "fonts/font_metrics.hpp"

namespace test {

using octavo::core::Pt;
using octavo::fonts::FontFace;

/// Every character 0.5 em wide (1 em in the fallback face, so that tests see which face measured
/// it), ascent 0.8 em, descent 0.2 em; no glyph above U+2FFF.
class FakeMetrics final : public octavo::fonts::FontMetrics {
 public:
  bool serif_has_white_square = true;  ///< false mimics Noto Serif, which lacks U+25A1
  /// Characters only the listed faces have, e.g. {U'\u2713', {FontFace::fallback}}.
  std::map<char32_t, std::vector<FontFace>> only_in;

  Pt width(FontFace face, std::string_view text, Pt size) const override {
    std::size_t count = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
      octavo::core::decode_utf8(text, pos);
      ++count;
    }
    const double em = face == FontFace::fallback ? 1.0 : 0.5;
    return Pt(em * size.value * static_cast<double>(count));
  }
  Pt ascent(FontFace, Pt size) const override { return size * 0.8; }
  Pt descent(FontFace, Pt size) const override { return size * 0.2; }
  bool has_glyph(FontFace face, char32_t code_point) const override {
    if (const auto only = only_in.find(code_point); only != only_in.end()) {
      return std::find(only->second.begin(), only->second.end(), face) != only->second.end();
    }
    if (code_point == 0x25A1 && face != FontFace::mono) return serif_has_white_square;
    return code_point <= 0x2FFF;
  }
};

}  // namespace test
