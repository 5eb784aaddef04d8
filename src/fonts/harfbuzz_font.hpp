// The HarfBuzz adapter, the only code that includes hb.h and hb-subset.h: a TrueType font's
// advances and extents, measured as libharu writes them in /W and the font descriptor, for
// layout's metrics (font_set.cpp); and the font cut down to the glyphs a book draws
// (hb-subset), which the PDF writer embeds in place of libharu's partial subset.
#pragma once

#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace octavo::fonts {

struct FontSubset {
  std::string program;                       ///< the subset TrueType file (FontFile2)
  std::map<char32_t, std::uint16_t> glyphs;  ///< each kept code point's glyph id in `program`
};

/// The glyphs of `code_points` from the TrueType file `font_bytes`, with glyph ids renumbered
/// from 0 (.notdef). Code points the font lacks, and any above U+FFFF, are left out of `glyphs`.
/// nullopt if HarfBuzz cannot read or subset the font.
std::optional<FontSubset> subset_font(std::string_view font_bytes, const std::set<char32_t>& code_points);

/// A kerning adjustment before the character at byte `offset` of a shaped text, in whole 1/1000 em
/// (negative: closer).
struct FontKern {
  std::size_t offset = 0;
  long amount = 0;
  bool operator==(const FontKern&) const = default;
};

/// How many texts' kerning a HarfBuzzFont remembers at most (about 100 bytes each): more
/// distinct words than a long English book uses, so a real book rarely forgets any.
constexpr std::size_t max_remembered_kerning = 65536;

/// Every const member may be called from several threads at once (layout sets articles on
/// worker threads): the caches are guarded, and HarfBuzz's font is immutable once loaded.
class HarfBuzzFont {
 public:
  /// The font in `font_bytes`, which must outlive it; nullptr if HarfBuzz finds no glyphs there.
  static std::unique_ptr<HarfBuzzFont> load(std::string_view font_bytes);
  ~HarfBuzzFont();
  HarfBuzzFont(const HarfBuzzFont&) = delete;
  HarfBuzzFont& operator=(const HarfBuzzFont&) = delete;

  /// Advance of the glyph `code_point` maps to (.notdef's if none) in whole 1/1000 em, truncated
  /// as libharu truncates the values it writes in /W. Remembered for the BMP.
  long advance(char32_t code_point) const;
  /// advance() of an ASCII character (below 0x80), read from a table made at load.
  long ascii_advance(unsigned char byte) const {
    assert(byte < ascii_advances_.size());
    return ascii_advances_[byte];
  }
  /// The hhea ascender and descender in whole 1/1000 em (descender negative), as libharu reads them.
  int ascent() const;
  int descent() const;
  /// The height of lower-case letters (OS/2 sxHeight) in whole 1/1000 em; 0 if the font has none.
  int x_height() const;
  /// The kerning HarfBuzz's shaping gives UTF-8 `text` (features kern on; liga, clig, dlig off),
  /// in byte order, none next to a space. Empty if the text does not shape to exactly its cmap
  /// glyphs at baseline positions (a substitution or a mark offset): then the drawn text, one
  /// glyph per character, would not be what was shaped. Remembered per text (up to
  /// max_remembered_kerning texts, then forgotten), and each thread keeps a copy of what it asked.
  std::vector<FontKern> kerning(std::string_view text) const;
  /// kerning(text) as this thread's own copy, without copying it again: good until this thread's
  /// next call of kerning or kerning_here on any HarfBuzzFont.
  const std::vector<FontKern>& kerning_here(std::string_view text) const;
  /// How many texts' kerning is remembered now: 0 before the first call, never above the bound.
  std::size_t remembered_kerning() const;
  /// The glyph the font's cmap gives `code_point`; 0 (.notdef) if none.
  std::uint32_t glyph(char32_t code_point) const;

 private:
  struct State;
  explicit HarfBuzzFont(std::unique_ptr<State> state);
  int hhea_value(std::size_t offset) const;
  // kerning, from the table the threads share, or shaped and kept there.
  std::vector<FontKern> shared_kerning(std::string_view text) const;
  std::vector<FontKern> shape_kerning(std::string_view text) const;
  std::unique_ptr<State> state_;
  std::array<long, 128> ascii_advances_{};  // advance() of each ASCII character, made at load
};

}  // namespace octavo::fonts
