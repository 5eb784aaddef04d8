// Raw deflate (RFC 1951) of one file, as a ZIP entry stores it, with the CRC-32 and size its headers
// record. The only user of zlib: the EPUB's container deflates each file with it as soon as it is made.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace octavo::epub {

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
DeflatedBytes deflate_bytes(std::string_view bytes);

}  // namespace octavo::epub
