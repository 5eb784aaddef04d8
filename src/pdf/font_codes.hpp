// The character codes a font's strings are written in (PDF 32000-1 §9.7.6.2): one byte for ASCII
// and two for each other character the face has, numbered in order, where libharu's Identity-H
// takes two bytes for every character. The CID a code selects is its value. Made per face from its
// cmap when the PDF writer loads it; show_text, /W, /CIDToGIDMap and /ToUnicode all read them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "fonts/truetype_cmap.hpp"

namespace octavo::pdf {

/// The name of the encoding CMap every compact font shares (compact_encoding_cmap).
inline constexpr const char* compact_encoding_name = "Octavo-Compact-H";

/// The code (and CID) of every character a compact face lacks: it selects no glyph.
inline constexpr std::uint32_t lacking_code = 0xFFFF;

class FontCodes {
 public:
  /// Identity-H: two bytes for every character, its BMP code point.
  FontCodes() = default;
  /// Compact codes for a face whose cmap covers `characters`: an ASCII character is one byte, its
  /// code point; another BMP character the face has is two, 0x8000 plus its rank among the face's
  /// non-ASCII BMP characters; any other character is 0xFFFF, which selects no glyph. Identity-H,
  /// as the default, when the face has more than 32,767 such characters (a CJK face).
  static FontCodes for_characters(const std::vector<fonts::CodePointRange>& characters);

  /// Whether the codes are compact (else Identity-H).
  bool compact() const { return compact_; }
  /// Whether `code_point` (at most U+FFFF) has a code of its own: any, in Identity-H; in compact
  /// codes, not a character the face lacks (which shares lacking_code).
  bool has_own_code(char32_t code_point) const { return !compact_ || code(code_point) != lacking_code; }
  /// The code of `code_point` (at most U+FFFF) as a number, which is also the CID it selects.
  std::uint32_t code(char32_t code_point) const;
  /// The number of bytes in that code: 1 or 2.
  int length(char32_t code_point) const { return compact_ && code_point < 0x80 ? 1 : 2; }
  /// Appends that code's bytes, high byte first, to `out`.
  void append(std::string& out, char32_t code_point) const;
  /// The `begincodespacerange` block of the font's CMaps.
  std::string code_space() const;

 private:
  struct Ranked {  // non-ASCII BMP code points first…last have codes first_code, first_code + 1, …
    char32_t first = 0;
    char32_t last = 0;
    std::uint32_t first_code = 0;
  };
  std::vector<Ranked> ranked_;  // in order, not overlapping
  bool compact_ = false;
};

/// The encoding CMap of compact fonts: each code of their code space selects the CID of its value
/// (`cidrange` runs of 256, one a lead byte, as Adobe's Identity-H writes them), for the
/// Adobe-Identity-0 character collection.
std::string compact_encoding_cmap();

}  // namespace octavo::pdf
