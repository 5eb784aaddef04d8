// A font file cut down to the glyphs a book draws, by HarfBuzz's subsetter (hb-subset). The PDF
// writer embeds it in place of libharu's partial subset. The only code that includes HarfBuzz.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace octavo::pdf {

struct FontSubset {
  std::string program;                       ///< the subset TrueType file (FontFile2)
  std::map<char32_t, std::uint16_t> glyphs;  ///< each kept code point's glyph id in `program`
};

/// The glyphs of `code_points` from the TrueType file `font_bytes`, with glyph ids renumbered
/// from 0 (.notdef). Code points the font lacks, and any above U+FFFF, are left out of `glyphs`.
/// nullopt if HarfBuzz cannot read or subset the font.
std::optional<FontSubset> subset_font(std::string_view font_bytes, const std::set<char32_t>& code_points);

}  // namespace octavo::pdf
