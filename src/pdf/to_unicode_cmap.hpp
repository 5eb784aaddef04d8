// The /ToUnicode CMap (PDF 32000-1 §9.10.3) written for each font instead of libharu's, whose
// `begincidrange` is an encoding-CMap operator text extractors reject. libharu's UTF-8 fonts have
// CID = character code = the Unicode BMP code point, so each code maps to itself in UTF-16BE.
#pragma once

#include <set>
#include <string>

namespace octavo::pdf {

/// The CMap text mapping each two-byte code in `code_points` to the same code point, as
/// `bfrange` runs (never crossing a 256-code boundary) and `bfchar` singles, 100 to a block.
/// Code points above U+FFFF and surrogates have no two-byte code and are left out; an empty set
/// gives a CMap with a code space and no mappings.
std::string to_unicode_cmap(const std::set<char32_t>& code_points);

}  // namespace octavo::pdf
