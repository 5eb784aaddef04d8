#include <doctest/doctest.h>

#include <array>
#include <bit>
#include <cstdint>
#include <limits>
#include <span>
#include <string>

#include "core/byte_stream.hpp"

using namespace octavo::core;

TEST_SUITE("cache.byte_stream") {
  TEST_CASE("raw bytes go in as they are, with no length before them") {
    ByteWriter out;
    out.byte(7);
    const std::array<std::uint8_t, 4> digest{0x00, 0xFF, 0x80, 0x01};
    out.raw(digest);
    out.raw(std::span<const std::uint8_t>());
    CHECK(out.bytes() == std::string("\x07\x00\xFF\x80\x01", 5));
  }

  TEST_CASE("numbers, doubles bit for bit, booleans and strings read back as written") {
    ByteWriter out;
    const std::uint64_t big = std::numeric_limits<std::uint64_t>::max();
    const std::int64_t small = std::numeric_limits<std::int64_t>::min();
    for (const std::uint64_t n : {std::uint64_t{0}, std::uint64_t{127}, std::uint64_t{128}, big})
      out.unsigned_number(n);
    for (const std::int64_t n : {std::int64_t{0}, std::int64_t{-1}, std::int64_t{63}, std::int64_t{-64}, small}) {
      out.signed_number(n);
    }
    const double quiet_nan_with_payload = std::bit_cast<double>(std::uint64_t{0x7FF8000000000123});
    for (const double d : {-0.0, 0.1, 1e-310, std::numeric_limits<double>::infinity(), quiet_nan_with_payload}) {
      out.real(d);
    }
    out.boolean(true);
    out.string("");
    out.string(std::string("a\0b", 3));
    CHECK(out.bytes().size() == 1 + 1 + 2 + 10 + 1 + 1 + 1 + 1 + 10 + 5 * 8 + 1 + 1 + 4);

    ByteReader in(out.bytes());
    CHECK(in.unsigned_number() == 0);
    CHECK(in.unsigned_number() == 127);
    CHECK(in.unsigned_number() == 128);
    CHECK(in.unsigned_number() == big);
    CHECK(in.signed_number() == 0);
    CHECK(in.signed_number() == -1);
    CHECK(in.signed_number() == 63);
    CHECK(in.signed_number() == -64);
    CHECK(in.signed_number() == small);
    for (const double d : {-0.0, 0.1, 1e-310, std::numeric_limits<double>::infinity(), quiet_nan_with_payload}) {
      CHECK(std::bit_cast<std::uint64_t>(in.real()) == std::bit_cast<std::uint64_t>(d));
    }
    CHECK(in.boolean());
    CHECK(in.string() == "");
    CHECK(in.string() == std::string("a\0b", 3));
    CHECK(in.at_end());
    CHECK_FALSE(in.failed());
  }

  TEST_CASE("reading past the end fails, and every read after it gives nothing") {
    ByteWriter out;
    out.string("abc");
    const std::string bytes = out.take();
    ByteReader in(std::string_view(bytes).substr(0, 3));  // the length says 3, two bytes follow
    CHECK(in.string() == "");
    CHECK(in.failed());
    CHECK(in.unsigned_number() == 0);
    CHECK(in.real() == 0);
  }

  TEST_CASE("the bytes themselves: little-endian doubles, LEB128 varints, a length before a string") {
    ByteWriter out;
    out.real(1.0);
    out.unsigned_number(127);
    out.unsigned_number(300);
    out.string("ab");
    CHECK(out.bytes() == std::string("\0\0\0\0\0\0\xF0\x3F\x7F\xAC\x02\x02"
                                     "ab",
                                     14));
  }

  TEST_CASE("a double with fewer than its eight bytes left fails, and so does every read after it") {
    ByteWriter out;
    out.real(2.5);
    out.unsigned_number(5);
    const std::string bytes = out.take();
    ByteReader whole(std::string_view(bytes).substr(0, 8));
    CHECK(whole.real() == 2.5);
    CHECK(whole.at_end());
    CHECK_FALSE(whole.failed());
    ByteReader short_by_one(std::string_view(bytes).substr(0, 7));
    CHECK(short_by_one.real() == 0);
    CHECK(short_by_one.failed());
    CHECK(short_by_one.at_end());
    CHECK(short_by_one.unsigned_number() == 0);
    CHECK(short_by_one.byte() == 0);
  }

  TEST_CASE("an overlong varint, a value out of range and a count beyond the bytes left fail") {
    const std::string eleven_bytes = std::string(10, '\xFF') + '\x01';
    ByteReader overlong(eleven_bytes);
    CHECK(overlong.unsigned_number() == 0);
    CHECK(overlong.failed());
    const std::string too_big = std::string(9, '\xFF') + '\x02';
    ByteReader tenth_byte_too_big(too_big);
    tenth_byte_too_big.unsigned_number();
    CHECK(tenth_byte_too_big.failed());

    ByteWriter out;
    out.unsigned_number(3);
    ByteReader range(out.bytes());
    CHECK(range.at_most(2) == 0);
    CHECK(range.failed());

    // A count of a billion items, four bytes each, with eight bytes left: no allocation, a failure.
    ByteWriter counted;
    counted.unsigned_number(1'000'000'000);
    counted.real(1);
    ByteReader count(counted.bytes());
    CHECK(count.count(4) == 0);
    CHECK(count.failed());
  }
}
