// Where to cut a long file into pieces so that an edit changes only the pieces around it: each cut
// falls where the bytes just before it match a pattern (content-defined chunking with a gear hash,
// as in FastCDC, Xia et al., USENIX ATC 2016), not at fixed offsets that every insertion shifts.
// The EPUB's long files are deflated a piece at a time, so a rebuild deflates only the pieces an
// edit touched (core::deflate_zip_entry).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace octavo::core {

/// How long pieces are: at least `least` bytes (but the last), at most `most`, and past `least` a
/// cut comes after each byte with probability 2^-`pattern_bits` (0 to 63).
struct PieceSizes {
  std::size_t least;
  std::size_t most;
  unsigned pattern_bits;
};

/// Where each piece of `bytes` ends, in order: the last is bytes.size(). A cut depends only on the
/// 64 bytes before it and on where the piece began, so after an edit the cuts fall again where
/// they fell before within a piece or two. Empty for empty bytes.
std::vector<std::size_t> content_defined_ends(std::string_view bytes, const PieceSizes& sizes);

}  // namespace octavo::core
