// A TrueType font's character map (the OpenType 'cmap' table, formats 4 and 12), read from the
// font file itself. FontSet uses it for has_glyph: libharu draws .notdef for a missing
// character without a word, so coverage must be known before layout places any text.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace octavo::fonts {

/// Code points first…last, all with a glyph.
struct CodePointRange {
  char32_t first = 0;
  char32_t last = 0;
};

class TrueTypeCmap {
 public:
  /// Reads the best Unicode subtable of the 'cmap' table in `font_bytes` (a whole .ttf/.otf file):
  /// format 12 if there is one, else format 4. nullopt if the bytes are not an sfnt font, have no
  /// 'cmap' table, or no Unicode subtable of either format that lies within the file.
  static std::optional<TrueTypeCmap> parse(std::string_view font_bytes);

  /// The glyph id `code_point` maps to; 0 (.notdef) when the font has no glyph for it.
  std::uint32_t glyph_id(char32_t code_point) const;

  /// Every code point with a glyph, as the fewest ranges, in order; empty for none.
  std::vector<CodePointRange> ranges() const;

 private:
  /// Code points first…last map to consecutive glyphs first_glyph, first_glyph + 1, …
  struct Run {
    char32_t first = 0;
    char32_t last = 0;
    std::uint32_t first_glyph = 0;
  };
  std::vector<Run> runs_;  // sorted by `first`, not overlapping, no run maps to glyph 0

  void add(char32_t code_point, std::uint32_t glyph);
};

}  // namespace octavo::fonts
