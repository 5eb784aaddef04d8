#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/text_encoding.hpp"

using namespace octavo::core;

TEST_SUITE("core.text_encoding") {
  TEST_CASE("labels name an encoding in any case; anything else names none") {
    CHECK(text_encoding_named("windows-1252") == TextEncoding::windows_1252);
    CHECK(text_encoding_named("CP1252") == TextEncoding::windows_1252);
    CHECK(text_encoding_named("Latin-1") == TextEncoding::latin_1);
    CHECK(text_encoding_named("ISO-8859-1") == TextEncoding::latin_1);
    CHECK(text_encoding_named("UTF-8") == TextEncoding::utf8);
    CHECK_FALSE(text_encoding_named("koi8-r").has_value());
    CHECK_FALSE(text_encoding_named("").has_value());
    CHECK_FALSE(text_encoding_named("windows-12520").has_value());
    CHECK(text_encoding_label(TextEncoding::latin_1) == "latin-1");
    CHECK(text_encoding_label(TextEncoding::windows_1252) == "windows-1252");
  }

  TEST_CASE("utf-8 bytes come back unchanged, invalid ones included (they are repaired later)") {
    CHECK(decode_to_utf8("caf\xC3\xA9 \xFF", TextEncoding::utf8) == "caf\xC3\xA9 \xFF");
  }

  TEST_CASE("windows-1252: the whole 0x80-0x9F table, the five undefined bytes reported") {
    std::string high;
    for (int byte = 0x80; byte <= 0x9F; ++byte) high += static_cast<char>(byte);
    std::vector<std::size_t> undefined;
    const std::string decoded =
        decode_to_utf8(high, TextEncoding::windows_1252, [&](std::size_t offset) { undefined.push_back(offset); });
    CHECK(decoded ==
          "€\uFFFD‚ƒ„…†‡"
          "ˆ‰Š‹Œ\uFFFDŽ\uFFFD"
          "\uFFFD‘’“”•–—"
          "˜™š›œ\uFFFDžŸ");
    CHECK(undefined == std::vector<std::size_t>{1, 13, 15, 16, 29});
  }

  TEST_CASE("windows-1252 and latin-1 agree on ASCII and 0xA0-0xFF") {
    const std::string bytes = "Caf\xE9 \xA0\xA9 \xDF\xFF\xF7 \xE0 la cr\xE8me";
    const std::string expected = "Café \u00A0© ßÿ÷ à la crème";
    CHECK(decode_to_utf8(bytes, TextEncoding::windows_1252) == expected);
    CHECK(decode_to_utf8(bytes, TextEncoding::latin_1) == expected);
  }

  TEST_CASE("latin-1 maps 0x80-0x9F to the C1 controls and reports nothing") {
    bool reported = false;
    CHECK(decode_to_utf8("\x80\x93\x9F", TextEncoding::latin_1, [&](std::size_t) { reported = true; }) ==
          "\u0080\u0093\u009F");
    CHECK_FALSE(reported);
  }
}
