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

}  // namespace test
