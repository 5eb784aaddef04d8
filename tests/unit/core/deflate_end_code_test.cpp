#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/deflate_end_code.hpp"
#include "core/whole_deflate.hpp"
#include "inflate_raw.hpp"
#include "page_text.hpp"

using namespace octavo;
using test::padding_after_end;
using test::page_text;

namespace {

// Whether the mask decides which side of three padding bits the end code stops.
bool decides(std::uint8_t paddings) { return paddings != 0 && ((paddings & 0xF8) == 0 || (paddings & 0x07) == 0); }

}  // namespace

TEST_SUITE("core.deflate_end_code") {
  TEST_CASE("the padding zlib finds after the end code is always among those read from the header") {
    int decided = 0;
    int streams = 0;
    for (std::uint32_t seed = 1; seed <= 400; ++seed) {
      const std::string text = page_text(200 + seed * 53, seed);
      const std::string stream = core::deflate_whole(text);
      CAPTURE(seed);
      REQUIRE((static_cast<unsigned char>(stream.front()) & 0x07) == 0x05);  // one final block, dynamic codes
      const int padding = padding_after_end(stream, text.size());
      REQUIRE(padding >= 0);
      const std::uint8_t paddings = core::end_code_paddings(stream);
      CHECK((paddings >> padding & 1) == 1);
      ++streams;
      if (decides(paddings)) ++decided;
    }
    // The end code leaves the ending open only where it could also stop a few bits away.
    CHECK(decided * 100 >= streams * 95);
  }

  TEST_CASE("streams of stored blocks or fixed codes, and headers cut short, give no padding") {
    // Nine bytes of noise are stored; forty of one letter are coded with fixed codes.
    const std::string stored = core::deflate_whole("\x8f\x13\xa7\x02\xe1\x55\x90\x3c\x7b");
    REQUIRE((static_cast<unsigned char>(stored.front()) & 0x06) == 0x00);
    CHECK(core::end_code_paddings(stored) == 0);
    const std::string fixed = core::deflate_whole(std::string(40, 'a'));
    REQUIRE((static_cast<unsigned char>(fixed.front()) & 0x06) == 0x02);
    CHECK(core::end_code_paddings(fixed) == 0);
    CHECK(core::end_code_paddings("") == 0);
    // Every cut of a dynamic block's stream, each in memory of exactly its size, so that the
    // sanitizers' build sees a read past it: cuts that end within the header give nothing.
    const std::string whole = core::deflate_whole(page_text(3000, 17));
    const long header_bits = test::header_end_bits(whole);
    REQUIRE(header_bits > 8 * 8);
    for (std::size_t size = 1; size < whole.size(); ++size) {
      CAPTURE(size);
      const auto cut = std::make_unique<char[]>(size);
      std::memcpy(cut.get(), whole.data(), size);
      const std::uint8_t paddings = core::end_code_paddings(std::string_view(cut.get(), size));
      if (static_cast<long>(size) * 8 <= header_bits) CHECK(paddings == 0);
    }
  }

  TEST_CASE("an unended stream ends where the header says, the same bytes as when it was inflated to find out") {
    for (std::uint32_t seed = 1; seed <= 100; ++seed) {
      const std::string text = page_text(300 + seed * 71, seed + 1000);
      const std::string whole = core::deflate_whole(text);
      const int padding = padding_after_end(whole, text.size());
      const std::string expected_ending =
          padding >= 3 ? std::string("\x00\x00\xFF\xFF", 4) : std::string("\x00\x00\x00\xFF\xFF", 5);
      CAPTURE(seed);
      const std::optional<std::string> made = core::deflate_whole_unended(text);
      REQUIRE(made);
      const std::string& unended = *made;
      CHECK(unended.substr(whole.size()) == expected_ending);
      CHECK(unended.substr(1, whole.size() - 1) == whole.substr(1));
    }
  }
}
