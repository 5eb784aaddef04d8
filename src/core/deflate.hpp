// Deflate (RFC 1951) with zlib, the only file that uses it: each EPUB file as its ZIP entry stores
// it, with the CRC-32 and size the entry's headers record, and each PDF page's content as a
// FlateDecode stream (RFC 1950), both with the settings of the library that would otherwise
// compress them (libzip, libharu), so that the books are the bytes those libraries would write.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/deflate_memo.hpp"

namespace octavo::core {

/// One file deflated: what a ZIP entry holds of it once the file itself is gone.
struct DeflatedBytes {
  std::string compressed;   ///< the raw deflate stream: no zlib header, no trailer
  std::uint32_t crc32 = 0;  ///< CRC-32 of the uncompressed bytes (ISO 3309, as ZIP records it)
  std::uint64_t size = 0;   ///< the uncompressed size in bytes
};

/// `bytes` deflated with libzip's own settings (level 9, a 32 KiB window, zlib's largest memory
/// level, the default strategy), so that the stream is the one libzip itself would write. Empty
/// input gives the two-byte empty stream. Throws std::bad_alloc if zlib cannot allocate its state,
/// the only way it can fail with these fixed settings.
/// With a `memo`, the compressed bytes it kept for the same `bytes` are taken instead (then only
/// the CRC-32 is computed), and what is deflated here is kept in it.
DeflatedBytes deflate_zip_entry(std::string_view bytes, DeflateMemo* memo = nullptr);

/// `bytes` as a zlib stream (header, deflate, Adler-32) with libharu 2.3's settings for a PDF
/// stream's FlateDecode filter (zlib's default level, window and memory level): the bytes libharu
/// writes when it compresses the same stream itself. Throws std::bad_alloc as deflate_zip_entry.
std::string flate_encode(std::string_view bytes);

/// The CRC-32 of `bytes` (ISO 3309, as ZIP and PNG use it); 0 for empty input.
std::uint32_t crc32(std::string_view bytes);

}  // namespace octavo::core
