// zlib's own inflate of a raw deflate stream, for the deflate tests: what any reader gets back.
#pragma once

#include <doctest/doctest.h>
#include <zlib.h>

#include <string>

namespace test {

/// zlib's inflate over `compressed`, a raw stream (no header, as in a ZIP entry), into room for
/// `room` bytes: the setup the helpers below share, ended however they return.
class RawInflate {
 public:
  RawInflate(const std::string& compressed, std::size_t room) : out_(room, '\0') {
    REQUIRE(inflateInit2(&stream_, -MAX_WBITS) == Z_OK);
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream_.avail_in = static_cast<uInt>(compressed.size());
    stream_.next_out = reinterpret_cast<Bytef*>(out_.data());
    stream_.avail_out = static_cast<uInt>(out_.size());
  }
  ~RawInflate() { inflateEnd(&stream_); }
  RawInflate(const RawInflate&) = delete;
  RawInflate& operator=(const RawInflate&) = delete;

  int inflate(int flush) { return ::inflate(&stream_, flush); }
  const z_stream& stream() const { return stream_; }
  /// What was inflated so far.
  std::string out() const { return out_.substr(0, stream_.total_out); }

 private:
  z_stream stream_{};
  std::string out_;
};

/// `compressed`, a raw stream (no header, as in a ZIP entry), inflated; fails a check unless it
/// ends (a final block), is used to its last byte and inflates to at most `size` bytes.
inline std::string inflate_raw(const std::string& compressed, std::size_t size) {
  RawInflate inflating(compressed, size + 1);  // one byte more: a stream that inflates to too much shows
  CHECK(inflating.inflate(Z_FINISH) == Z_STREAM_END);
  CHECK(inflating.stream().avail_in == 0);  // the whole stream was used
  CHECK(inflating.stream().total_out <= size);
  return inflating.out();
}

/// How many bits pad the last byte of `compressed`, a raw stream that ends, after its final block's
/// end code: zlib's inflate, stopped at the end of each block (Z_BLOCK), says how many bits of the
/// last byte it took are unused, once it stops after the final block (zlib.h, data_type: 64 for the
/// final block, 128 at a block's end). -1, with a failed check, if it never stops there.
inline int padding_after_end(const std::string& compressed, std::size_t size) {
  RawInflate inflating(compressed, size + 1);
  constexpr int after_final_block = 64 | 128;
  bool ended = false;
  while (!ended && inflating.inflate(Z_BLOCK) == Z_OK) {
    ended = (inflating.stream().data_type & after_final_block) == after_final_block;
  }
  CHECK(ended);
  CHECK(inflating.stream().avail_in == 0);
  return ended ? inflating.stream().data_type & 7 : -1;
}

/// Where the header of `compressed`'s first block ends, in bits from the stream's start: zlib's
/// inflate, stopped at the end of a block header (Z_TREES), has taken that many bits but those
/// still unused (zlib.h, data_type). -1, with a failed check, if it never stops there.
inline long header_end_bits(const std::string& compressed) {
  RawInflate inflating(compressed, 1);  // nothing is inflated before the header's end
  constexpr int after_header = 256;     // data_type: in a block's data, after its header
  const bool stopped = inflating.inflate(Z_TREES) == Z_OK && (inflating.stream().data_type & after_header) != 0;
  CHECK(stopped);
  return stopped ? static_cast<long>(inflating.stream().total_in) * 8 - (inflating.stream().data_type & 7) : -1;
}

}  // namespace test
