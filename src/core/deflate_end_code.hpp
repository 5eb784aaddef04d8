// Where the end code of a deflate stream's only block can stop, read from the block's header (its
// Huffman code lengths, RFC 1951 §3.2.7) instead of by inflating the stream: what
// core::deflate_whole_unended needs to know to append blocks after libdeflate's stream.
#pragma once

#include <cstdint>
#include <string_view>

namespace octavo::core {

/// The numbers of zero bits that may pad `stream`'s last byte after its block's end code, as a
/// mask (bit k set: k bits of padding, 0–7): those k for which the top k bits of the last byte are
/// zero and the bits just before them spell the end code. `stream` must be one block with dynamic
/// Huffman codes (BTYPE 2) and nothing after its end code but zeros, as libdeflate writes a
/// one-block stream; the true padding is then always in the mask. 0 where the stream is not such
/// a block (stored, fixed codes, a header that does not parse or runs past the stream).
std::uint8_t end_code_paddings(std::string_view stream);

}  // namespace octavo::core
