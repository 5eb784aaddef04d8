// Whole buffers deflated in one call, and the checksums deflate streams carry, with libdeflate (the
// only file that uses it): faster than zlib at the same level and a little smaller, but without
// zlib's sync flush or preset dictionaries, for which core/deflate keeps zlib.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace octavo::core {

/// `bytes` as one raw deflate stream (RFC 1951) at libdeflate's level 6, ended by its final block;
/// empty input gives the two-byte empty stream. Throws std::bad_alloc if libdeflate cannot
/// allocate its compressor, its only failure (std::logic_error if it broke its own bound).
std::string deflate_whole(std::string_view bytes);

/// `bytes` as a raw deflate stream at the same level that does not end: no block is final, and it
/// stops on a byte boundary after an empty stored block, as zlib's sync flush does (RFC 1951
/// §3.2.4), so that other blocks may follow it. Where its block's end code stops is read from the
/// block's code lengths, or found by inflating it back where they leave it open. nullopt for empty
/// input, and where libdeflate's stream has more than one block (only a first block's final bit
/// can be cleared without decoding the stream): deflate those otherwise. Throws std::bad_alloc as
/// deflate_whole.
std::optional<std::string> deflate_whole_unended(std::string_view bytes);

/// The CRC-32 of `bytes` (ISO 3309, as ZIP and PNG use it); 0 for empty input.
std::uint32_t crc32(std::string_view bytes);

/// The Adler-32 of `bytes` (RFC 1950 §8.2, a zlib stream's trailer); 1 for empty input.
std::uint32_t adler32_of(std::string_view bytes);

}  // namespace octavo::core
