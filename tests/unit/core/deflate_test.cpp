#include <doctest/doctest.h>
#include <zlib.h>

#include <cstdint>
#include <string>

#include "core/deflate.hpp"

using namespace octavo;

namespace {

// zlib's own inflate of a raw stream (no header, as in a ZIP entry): what any reader will get back.
std::string inflate_raw(const std::string& compressed, std::size_t size) {
  z_stream stream{};
  REQUIRE(inflateInit2(&stream, -MAX_WBITS) == Z_OK);
  std::string out(size + 1, '\0');  // one byte more: a stream that inflates to too much shows
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = inflate(&stream, Z_FINISH);
  CHECK(status == Z_STREAM_END);
  CHECK(stream.avail_in == 0);  // the whole stream was used
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

// Varied text that deflate cannot shrink to nothing: words from a linear congruential generator.
std::string varied_text(std::size_t size) {
  const char* words[] = {"tea ", "leaf ", "brewed ", "kratom ", "<p>", "</p>\n", "&amp; ", "sleep "};
  std::string text;
  std::uint32_t state = 1;
  while (text.size() < size) {
    state = state * 1103515245u + 12345u;
    text += words[(state >> 16) % 8];
  }
  text.resize(size);
  return text;
}

}  // namespace

TEST_SUITE("core.deflate") {
  TEST_CASE("inflates back to the bytes, with their size and CRC-32") {
    const std::string text = varied_text(300000);
    const core::DeflatedBytes deflated = core::deflate_zip_entry(text);
    CHECK(deflated.size == text.size());
    CHECK(deflated.compressed.size() < text.size() / 2);
    CHECK(inflate_raw(deflated.compressed, text.size()) == text);
    CHECK(deflated.crc32 == crc32(0, reinterpret_cast<const Bytef*>(text.data()), static_cast<uInt>(text.size())));
  }

  TEST_CASE("the CRC is ISO 3309's, as ZIP records it: the check value of \"123456789\"") {
    CHECK(core::deflate_zip_entry("123456789").crc32 == 0xCBF43926u);
  }

  TEST_CASE("empty input is the two-byte empty stream, size 0, CRC 0") {
    const core::DeflatedBytes deflated = core::deflate_zip_entry("");
    CHECK(deflated.compressed == std::string("\x03\x00", 2));
    CHECK(deflated.size == 0);
    CHECK(deflated.crc32 == 0);
    CHECK(inflate_raw(deflated.compressed, 0).empty());
  }

  TEST_CASE("the compressed bytes are kept at their own size, not at the bound zlib reserved") {
    const std::string text(100000, 'a');
    const core::DeflatedBytes deflated = core::deflate_zip_entry(text);
    CHECK(deflated.compressed.size() < 1000);
    CHECK(deflated.compressed.capacity() < 1000);
  }

  TEST_CASE("flate_encode: a zlib stream at the default level that inflates back to the bytes") {
    const std::string text = varied_text(200000);
    const std::string encoded = core::flate_encode(text);
    REQUIRE(encoded.size() > 6);
    CHECK(static_cast<unsigned char>(encoded[0]) == 0x78);  // deflate, a 32 KiB window
    CHECK(static_cast<unsigned char>(encoded[1]) == 0x9C);  // the default level
    CHECK(encoded.size() < text.size() / 2);
    z_stream stream{};
    REQUIRE(inflateInit(&stream) == Z_OK);
    std::string out(text.size() + 1, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(encoded.data()));
    stream.avail_in = static_cast<uInt>(encoded.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    CHECK(inflate(&stream, Z_FINISH) == Z_STREAM_END);  // the Adler-32 trailer checked too
    out.resize(stream.total_out);
    inflateEnd(&stream);
    CHECK(out == text);
    CHECK(core::flate_encode("").size() == 8);  // header, the empty block, the trailer
  }
}
