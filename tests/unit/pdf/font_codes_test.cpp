#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "pdf/font_codes.hpp"

using octavo::fonts::CodePointRange;
using octavo::pdf::compact_encoding_cmap;
using octavo::pdf::FontCodes;

namespace {

std::string code_of(const FontCodes& codes, char32_t code_point) {
  std::string out;
  codes.append(out, code_point);
  return out;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t found = 0;
  for (std::size_t pos = text.find(part); pos != std::string::npos; pos = text.find(part, pos + 1)) ++found;
  return found;
}

}  // namespace

TEST_SUITE("pdf.font_codes") {
  TEST_CASE("Identity-H by default: two bytes, the code point") {
    const FontCodes codes;
    CHECK_FALSE(codes.compact());
    CHECK(code_of(codes, U'A') == std::string("\0A", 2));
    CHECK(code_of(codes, 0x2014) == "\x20\x14");
    CHECK(codes.code(0x2014) == 0x2014);
    CHECK(codes.length(U'A') == 2);
    CHECK(codes.code_space() == "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  }

  TEST_CASE("compact: ASCII in one byte, the face's other characters ranked from 0x8000, others 0xFFFF") {
    // A face with space…tilde, Latin-1's letters and two dashes (and U+1F600, past the BMP).
    const FontCodes codes =
        FontCodes::for_characters({{0x20, 0x7E}, {0xC0, 0xFF}, {0x2013, 0x2014}, {0x1F600, 0x1F600}});
    REQUIRE(codes.compact());
    CHECK(code_of(codes, U'A') == "A");
    CHECK(codes.length(U'A') == 1);
    CHECK(codes.code(U'(') == 0x28);
    CHECK(codes.code(0x7F) == 0x7F);  // ASCII whether the face has it or not
    CHECK(codes.code(0xC0) == 0x8000);
    CHECK(codes.code(0xE9) == 0x8029);  // é: 0xE9 - 0xC0 after À
    CHECK(codes.code(0xFF) == 0x803F);
    CHECK(codes.code(0x2013) == 0x8040);  // ranked on past the gap
    CHECK(code_of(codes, 0x2014) == "\x80\x41");
    CHECK(codes.length(0x2014) == 2);
    CHECK(codes.code(0xA0) == 0xFFFF);  // lacked: in no range
    CHECK(codes.code(0x2015) == 0xFFFF);
    CHECK(codes.code_space() == "2 begincodespacerange\n<00> <7F>\n<8000> <FFFF>\nendcodespacerange\n");
  }

  TEST_CASE("a range across ASCII's end: one byte up to U+007F, two from U+0080") {
    const FontCodes codes = FontCodes::for_characters({{0x20, 0x17F}});
    REQUIRE(codes.compact());
    CHECK(code_of(codes, 0x7E) == "~");
    CHECK(code_of(codes, 0x80) == std::string("\x80\0", 2));
    CHECK(codes.code(0x17F) == 0x80FF);
    CHECK(codes.has_own_code(0x17F));
    CHECK_FALSE(codes.has_own_code(0x180));
    CHECK(FontCodes().has_own_code(0x180));  // Identity-H has a code for every BMP character
  }

  TEST_CASE("surrogates a cmap maps take no code; the ranks go on after them") {
    const FontCodes codes = FontCodes::for_characters({{0xD7FE, 0xE001}});
    REQUIRE(codes.compact());
    CHECK(codes.code(0xD7FE) == 0x8000);
    CHECK(codes.code(0xD7FF) == 0x8001);
    CHECK(codes.code(0xD800) == 0xFFFF);
    CHECK(codes.code(0xE000) == 0x8002);
    CHECK(codes.code(0xE001) == 0x8003);
  }

  TEST_CASE("a face with more than 32,767 characters past ASCII keeps Identity-H") {
    CHECK(FontCodes::for_characters({{0x80, 0x80 + 32766}}).compact());  // 32,767: 0x8000…0xFFFE
    const FontCodes codes = FontCodes::for_characters({{0x20, 0x7E}, {0x80, 0x80 + 32767}});
    CHECK_FALSE(codes.compact());
    CHECK(codes.code(U'A') == 0x41);
    CHECK(codes.length(U'A') == 2);
  }

  TEST_CASE("the compact encoding CMap maps each code to the CID of its value, 129 ranges in two blocks") {
    const std::string cmap = compact_encoding_cmap();
    CHECK(count(cmap, "/CMapName /Octavo-Compact-H def\n") == 1);
    CHECK(count(cmap, "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n") == 1);
    CHECK(count(cmap, "<00> <7F>\n<8000> <FFFF>\nendcodespacerange\n") == 1);
    CHECK(count(cmap, "100 begincidrange\n<00> <7F> 0\n<8000> <80FF> 32768\n") == 1);
    CHECK(count(cmap, "29 begincidrange\n") == 1);
    CHECK(count(cmap, "<FF00> <FFFF> 65280\nendcidrange\nendcmap\n") == 1);
    CHECK(count(cmap, "endcidrange\n") == 2);
  }
}
