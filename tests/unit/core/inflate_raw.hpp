// zlib's own inflate of a raw deflate stream, for the deflate tests: what any reader gets back.
#pragma once

#include <doctest/doctest.h>
#include <zlib.h>

#include <string>

namespace test {

/// `compressed`, a raw stream (no header, as in a ZIP entry), inflated; fails a check unless it
/// ends (a final block), is used to its last byte and inflates to at most `size` bytes.
inline std::string inflate_raw(const std::string& compressed, std::size_t size) {
  z_stream stream{};
  REQUIRE(inflateInit2(&stream, -MAX_WBITS) == Z_OK);
  std::string out(size + 1, '\0');  // one byte more: a stream that inflates to too much shows
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  CHECK(inflate(&stream, Z_FINISH) == Z_STREAM_END);
  CHECK(stream.avail_in == 0);  // the whole stream was used
  CHECK(stream.total_out <= size);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

/// How many bits pad the last byte of `compressed`, a raw stream that ends, after its final block's
/// end code: zlib's inflate, stopped at the end of each block (Z_BLOCK), says how many bits of the
/// last byte it took are unused, once it stops after the final block (zlib.h, data_type: 64 for the
/// final block, 128 at a block's end). -1, with a failed check, if it never stops there.
inline int padding_after_end(const std::string& compressed, std::size_t size) {
  z_stream stream{};
  REQUIRE(inflateInit2(&stream, -MAX_WBITS) == Z_OK);
  std::string out(size + 1, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  constexpr int after_final_block = 64 | 128;
  bool ended = false;
  while (!ended && inflate(&stream, Z_BLOCK) == Z_OK)
    ended = (stream.data_type & after_final_block) == after_final_block;
  CHECK(ended);
  CHECK(stream.avail_in == 0);
  const int padding = ended ? stream.data_type & 7 : -1;
  inflateEnd(&stream);
  return padding;
}

/// Where the header of `compressed`'s first block ends, in bits from the stream's start: zlib's
/// inflate, stopped at the end of a block header (Z_TREES), has taken that many bits but those
/// still unused (zlib.h, data_type). -1, with a failed check, if it never stops there.
inline long header_end_bits(const std::string& compressed) {
  z_stream stream{};
  REQUIRE(inflateInit2(&stream, -MAX_WBITS) == Z_OK);
  std::string out(1, '\0');  // nothing is inflated before the header's end
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  constexpr int after_header = 256;  // data_type: in a block's data, after its header
  const int status = inflate(&stream, Z_TREES);
  const bool stopped = status == Z_OK && (stream.data_type & after_header) != 0;
  CHECK(stopped);
  const long bits = stopped ? static_cast<long>(stream.total_in) * 8 - (stream.data_type & 7) : -1;
  inflateEnd(&stream);
  return bits;
}

}  // namespace test
