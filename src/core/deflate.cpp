#include "core/deflate.hpp"

// next_in as a pointer to const: the input is the caller's string_view.
#define ZLIB_CONST
#include <zlib.h>

#include <algorithm>
#include <cassert>
#include <climits>
#include <new>
#include <optional>

#include "core/sha256.hpp"

namespace octavo::core {
namespace {

// zlib's settings for one kind of stream.
struct Settings {
  int level;
  int window_bits;  ///< negative: a raw stream, no zlib header or trailer
  int memory_level;
};

// libzip 1.7.3's deflate (zip_algorithm_deflate.c) calls deflateInit2 with these values when no
// level is asked for, as zip_container does; a stream deflated with the same values is byte for
// byte the one libzip would write, so the books did not change when the deflating moved here.
// Checked on Debian 12's libzip: memory level 8 gives a different stream, 9 the same. Raw, as ZIP
// stores it (APPNOTE §4.4.5).
constexpr Settings zip_entry{Z_BEST_COMPRESSION, -MAX_WBITS, MAX_MEM_LEVEL};

// libharu 2.3's HPDF_Stream_WriteToStreamWithDeflate calls deflateInit(Z_DEFAULT_COMPRESSION):
// zlib's header and trailer, a 32 KiB window, memory level 8 (zlib's DEF_MEM_LEVEL, which zlib.h
// does not export). tests/unit/pdf compares the two streams.
constexpr int zlib_default_memory_level = 8;
constexpr Settings pdf_stream{Z_DEFAULT_COMPRESSION, MAX_WBITS, zlib_default_memory_level};

// zlib counts in uInt (32 bits): larger inputs and outputs go through in pieces of this size.
constexpr std::size_t max_piece = UINT_MAX;

class DeflateStream {
 public:
  explicit DeflateStream(const Settings& settings) {
    if (deflateInit2(&stream_, settings.level, Z_DEFLATED, settings.window_bits, settings.memory_level,
                     Z_DEFAULT_STRATEGY) != Z_OK) {
      throw std::bad_alloc();
    }
  }
  ~DeflateStream() { deflateEnd(&stream_); }
  DeflateStream(const DeflateStream&) = delete;
  DeflateStream& operator=(const DeflateStream&) = delete;

  std::string deflate_all(std::string_view bytes) {
    // deflateBound is enough for the whole stream, so the loop below normally runs once; it loops
    // only for inputs or outputs beyond uInt.
    std::string out(deflateBound(&stream_, bytes.size()), '\0');
    std::size_t read = 0;
    std::size_t written = 0;
    int status = Z_OK;
    // Z_BUF_ERROR only says that a call could not progress; the next, with more room, will.
    while (status == Z_OK || status == Z_BUF_ERROR) {
      if (stream_.avail_in == 0 && read < bytes.size()) {
        const std::size_t piece = std::min(bytes.size() - read, max_piece);
        stream_.next_in = reinterpret_cast<const Bytef*>(bytes.data() + read);
        stream_.avail_in = static_cast<uInt>(piece);
        read += piece;
      }
      if (written == out.size()) out.resize(out.size() * 2);
      const std::size_t room = std::min(out.size() - written, max_piece);
      stream_.next_out = reinterpret_cast<Bytef*>(out.data() + written);
      stream_.avail_out = static_cast<uInt>(room);
      // Z_NO_FLUSH until the last piece is in: the stream does not depend on how it was fed.
      status = deflate(&stream_, read == bytes.size() ? Z_FINISH : Z_NO_FLUSH);
      written += room - stream_.avail_out;
    }
    // Z_STREAM_ERROR, the only other answer, means a clobbered stream: a programming mistake.
    assert(status == Z_STREAM_END);
    // A copy of the exact size: the bound is about the size of the input, and the books keep
    // thousands of these.
    return out.substr(0, written);
  }

 private:
  z_stream stream_{};
};

std::string deflate_with(const Settings& settings, std::string_view bytes) {
  DeflateStream stream(settings);
  return stream.deflate_all(bytes);
}

// What `memo` kept for `bytes`, else `bytes` deflated with `settings` (and kept).
std::string deflate_remembered(const Settings& settings, std::string_view bytes, DeflateMemo* memo) {
  if (memo == nullptr) return deflate_with(settings, bytes);
  const StreamDigest digest = sha256(bytes);
  if (std::optional<std::string> kept = memo->recall(digest)) return std::move(*kept);
  std::string compressed = deflate_with(settings, bytes);
  memo->keep(digest, compressed);
  return compressed;
}

}  // namespace

std::uint32_t crc32(std::string_view bytes) {
  // crc32_z takes a z_size_t, so no piece is needed (zlib ≥ 1.2.9).
  return static_cast<std::uint32_t>(
      crc32_z(crc32_z(0, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
}

DeflatedBytes deflate_zip_entry(std::string_view bytes, DeflateMemo* memo) {
  return {deflate_remembered(zip_entry, bytes, memo), crc32(bytes), bytes.size()};
}

std::string flate_encode(std::string_view bytes) { return deflate_with(pdf_stream, bytes); }

}  // namespace octavo::core
