#include <doctest/doctest.h>

#include <cstdint>
#include <future>
#include <optional>
#include <string>

#include "core/deflate.hpp"
#include "core/whole_deflate.hpp"
#include "inflate_raw.hpp"
#include "page_text.hpp"

using namespace octavo;
using test::inflate_raw;
using test::page_text;

TEST_SUITE("core.whole_deflate") {
  TEST_CASE("a whole stream inflates back to the bytes, and empty input is the two-byte empty stream") {
    for (const std::size_t size : {1u, 7u, 300u, 5000u, 70000u, 400000u}) {
      CAPTURE(size);
      const std::string text = page_text(size, static_cast<std::uint32_t>(size));
      CHECK(inflate_raw(core::deflate_whole(text), size) == text);
    }
    CHECK(core::deflate_whole("") == std::string("\x03\x00", 2));
    CHECK(inflate_raw(core::deflate_whole(""), 0).empty());
  }

  TEST_CASE("streams of any size in any order inflate back: the thread's buffer keeps nothing between them") {
    // Small after large (the kept buffer is longer than the stream), past the buffer a thread keeps
    // (1 MiB), and small again.
    for (const std::size_t size : {400000u, 9u, 3000000u, 1200u, 70000u}) {
      CAPTURE(size);
      const std::string text = page_text(size, static_cast<std::uint32_t>(size) + 7);
      const std::string stream = core::deflate_whole(text);
      CHECK(inflate_raw(stream, size) == text);
      CHECK(stream == core::deflate_whole(text));  // the same bytes every time
    }
  }

  TEST_CASE("an unended stream inflates back to the bytes once a final block follows, after either padding") {
    int in_padding = 0;
    int after_padding = 0;
    for (std::uint32_t seed = 1; seed <= 200; ++seed) {
      const std::string text = page_text(50 + seed * 37, seed);
      const std::optional<std::string> unended = core::deflate_whole_unended(text);
      REQUIRE(unended);
      CAPTURE(seed);
      CHECK((static_cast<unsigned char>(unended->front()) & 1) == 0);  // the first block is not final
      CHECK(unended->substr(unended->size() - 4) == std::string("\x00\x00\xFF\xFF", 4));
      // With a final empty block of fixed codes after it, and with other bytes deflated after it.
      CHECK(inflate_raw(*unended + std::string("\x03\x00", 2), text.size()) == text);
      const core::FlatePart after = core::flate_part("Q\nBT /F1 9 Tf ET\n", {}, true);
      CHECK(inflate_raw(*unended + after.compressed, text.size() + 100) == text + "Q\nBT /F1 9 Tf ET\n");
      // The empty stored block went into the last block's padding, or after it.
      const std::size_t added = unended->size() - core::deflate_whole(text).size();
      CHECK((added == 4 || added == 5));
      ++(added == 4 ? in_padding : after_padding);
    }
    CHECK(in_padding > 20);
    CHECK(after_padding > 20);
  }

  TEST_CASE("tiny and incompressible inputs, which libdeflate may store, end unended too") {
    std::uint32_t state = 99;
    for (std::size_t size = 1; size <= 3000; size += size < 80 ? 1 : 97) {
      std::string noise(size, '\0');
      for (char& byte : noise) byte = static_cast<char>((state = state * 1103515245u + 12345u) >> 24);
      for (const std::string& bytes : {noise, page_text(size, static_cast<std::uint32_t>(size))}) {
        CAPTURE(size);
        const std::optional<std::string> unended = core::deflate_whole_unended(bytes);
        REQUIRE(unended);
        CHECK(inflate_raw(*unended + std::string("\x03\x00", 2), size) == bytes);
      }
    }
  }

  TEST_CASE("no unended stream for empty input, nor where libdeflate writes more than one block") {
    CHECK_FALSE(core::deflate_whole_unended(""));
    const std::string long_text = page_text(2000000, 3);
    const std::string whole = core::deflate_whole(long_text);
    REQUIRE((static_cast<unsigned char>(whole.front()) & 1) == 0);  // its first block is not its last
    CHECK_FALSE(core::deflate_whole_unended(long_text));
    // flate_part then deflates it with zlib, ended by a sync flush as ever.
    const core::FlatePart part = core::flate_part(long_text);
    CHECK(part.compressed.substr(part.compressed.size() - 4) == std::string("\x00\x00\xFF\xFF", 4));
    CHECK(inflate_raw(part.compressed + std::string("\x03\x00", 2), long_text.size()) == long_text);
  }

  TEST_CASE("flate_part without a window is libdeflate's stream, unended unless last") {
    const std::string body = page_text(6000, 11);
    CHECK(core::flate_part(body).compressed == *core::deflate_whole_unended(body));
    CHECK(core::flate_part(body, {}, true).compressed == core::deflate_whole(body));
    // With a window it is zlib's, which refers back into it: a body after itself is a few matches.
    const core::FlatePart again = core::flate_part(body, body);
    CHECK(again.compressed.size() * 10 < core::flate_part(body).compressed.size());
    CHECK(inflate_raw(core::flate_part(body).compressed + again.compressed + std::string("\x03\x00", 2), 20000) ==
          body + body);
  }

  TEST_CASE("the same bytes on every thread and every call") {
    const std::string body = page_text(9000, 5);
    const std::string first = *core::deflate_whole_unended(body);
    CHECK(std::async(std::launch::async, [&] { return *core::deflate_whole_unended(body); }).get() == first);
    core::deflate_whole(page_text(100000, 6));
    CHECK(*core::deflate_whole_unended(body) == first);
  }

  TEST_CASE("crc32 and adler32_of: the check values of ISO 3309 and RFC 1950, and their empty values") {
    CHECK(core::crc32("123456789") == 0xCBF43926u);
    CHECK(core::crc32("") == 0u);
    CHECK(core::adler32_of("Wikipedia") == 0x11E60398u);
    CHECK(core::adler32_of("") == 1u);
  }
}
