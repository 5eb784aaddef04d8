// The /ToUnicode CMap (PDF 32000-1 §9.10.3) written for each font instead of libharu's, whose
// `begincidrange` is an encoding-CMap operator text extractors reject: each code the font's
// strings use (font_codes.hpp) maps back to its character in UTF-16BE.
#pragma once

#include <set>
#include <string>

#include "pdf/font_codes.hpp"

namespace octavo::pdf {

/// The CMap text mapping the code of each character in `code_points` to the character, as
/// `bfrange` runs (never crossing a change of the code's lead byte or of the character's high
/// byte) and `bfchar` singles, 100 to a block, over the codes' code space. Code points above
/// U+FFFF, surrogates, and characters without a code of their own (0xFFFF, a face lacks them)
/// are left out; an empty set gives a CMap with a code space and no mappings.
std::string to_unicode_cmap(const std::set<char32_t>& code_points, const FontCodes& codes = FontCodes());

}  // namespace octavo::pdf
