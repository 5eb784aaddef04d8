#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "fonts/truetype_cmap.hpp"

using octavo::fonts::TrueTypeCmap;

namespace {

// Big-endian bytes of a minimal sfnt file: a table directory with one 'cmap' table.
struct Bytes {
  std::string data;
  Bytes& u16(std::uint32_t value) {
    data += static_cast<char>(value >> 8 & 0xFF);
    data += static_cast<char>(value & 0xFF);
    return *this;
  }
  Bytes& u32(std::uint32_t value) { return u16(value >> 16).u16(value & 0xFFFF); }
};

struct Subtable {
  std::uint32_t platform, encoding;
  std::string bytes;
};

std::string font_with_cmap(const std::vector<Subtable>& subtables) {
  Bytes cmap;
  cmap.u16(0).u16(static_cast<std::uint32_t>(subtables.size()));
  std::uint32_t offset = 4 + 8 * static_cast<std::uint32_t>(subtables.size());
  for (const Subtable& subtable : subtables) {
    cmap.u16(subtable.platform).u16(subtable.encoding).u32(offset);
    offset += static_cast<std::uint32_t>(subtable.bytes.size());
  }
  for (const Subtable& subtable : subtables) cmap.data += subtable.bytes;
  Bytes font;
  font.u32(0x00010000).u16(1).u16(16).u16(0).u16(0);
  font.data += "cmap";
  font.u32(0).u32(28).u32(static_cast<std::uint32_t>(cmap.data.size()));
  return font.data + cmap.data;
}

// Format 4: A–C by delta to glyphs 10–12; é–ê through glyphIdArray (é → 20, ê → none); the
// 0xFFFF sentinel segment.
std::string format4() {
  Bytes table;
  table.u16(4).u16(44).u16(0).u16(6).u16(4).u16(1).u16(2);
  table.u16(0x43).u16(0xEA).u16(0xFFFF);           // endCode
  table.u16(0);                                    // reservedPad
  table.u16(0x41).u16(0xE9).u16(0xFFFF);           // startCode
  table.u16(0x10000 - (0x41 - 10)).u16(0).u16(1);  // idDelta
  table.u16(0).u16(4).u16(0);                      // idRangeOffset: seg 1 → glyphIdArray[0]
  table.u16(20).u16(0);                            // glyphIdArray
  return table.data;
}

// Format 12: a group starting at .notdef (space), A–C → 10–12, two emoji → 30–31.
std::string format12() {
  Bytes table;
  table.u16(12).u16(0).u32(16 + 3 * 12).u32(0).u32(3);
  table.u32(0x20).u32(0x20).u32(0);
  table.u32(0x41).u32(0x43).u32(10);
  table.u32(0x1F600).u32(0x1F601).u32(30);
  return table.data;
}

}  // namespace

TEST_SUITE("fonts.truetype_cmap") {
  TEST_CASE("format 4 maps by delta and through the glyph id array; 0 means no glyph") {
    const auto cmap = TrueTypeCmap::parse(font_with_cmap({{3, 1, format4()}}));
    REQUIRE(cmap);
    CHECK(cmap->glyph_id(U'A') == 10);
    CHECK(cmap->glyph_id(U'C') == 12);
    CHECK(cmap->glyph_id(U'D') == 0);
    CHECK(cmap->glyph_id(U'@') == 0);
    CHECK(cmap->glyph_id(0xE9) == 20);
    CHECK(cmap->glyph_id(0xEA) == 0);
    CHECK(cmap->glyph_id(0xFFFF) == 0);
    CHECK(cmap->glyph_id(0x1F600) == 0);
  }

  TEST_CASE("format 12 wins over format 4 and reaches past the BMP") {
    const auto cmap = TrueTypeCmap::parse(font_with_cmap({{3, 1, format4()}, {3, 10, format12()}}));
    REQUIRE(cmap);
    CHECK(cmap->glyph_id(0x1F600) == 30);
    CHECK(cmap->glyph_id(0x1F601) == 31);
    CHECK(cmap->glyph_id(U'B') == 11);
    CHECK(cmap->glyph_id(0xE9) == 0);  // only in the format 4 table
    CHECK(cmap->glyph_id(U' ') == 0);  // its group starts at .notdef
  }

  TEST_CASE("ranges list the code points with a glyph, adjacent runs joined, .notdef's left out") {
    const auto cmap = TrueTypeCmap::parse(font_with_cmap({{3, 10, format12()}}));
    REQUIRE(cmap);
    const std::vector<octavo::fonts::CodePointRange> ranges = cmap->ranges();
    REQUIRE(ranges.size() == 2);  // U+0020 maps to glyph 0: no glyph
    CHECK(ranges[0].first == 0x41);
    CHECK(ranges[0].last == 0x43);
    CHECK(ranges[1].first == 0x1F600);
    CHECK(ranges[1].last == 0x1F601);
    const auto format_4 = TrueTypeCmap::parse(font_with_cmap({{3, 1, format4()}}));
    REQUIRE(format_4);
    for (const octavo::fonts::CodePointRange& range : format_4->ranges()) {
      for (char32_t code_point = range.first; code_point <= range.last; ++code_point) {
        CHECK(format_4->glyph_id(code_point) != 0);
      }
    }
  }

  TEST_CASE("no font, a truncated font and a symbol-only cmap give nullopt") {
    CHECK_FALSE(TrueTypeCmap::parse(""));
    CHECK_FALSE(TrueTypeCmap::parse("not a font at all"));
    const std::string font = font_with_cmap({{3, 1, format4()}});
    CHECK_FALSE(TrueTypeCmap::parse(font.substr(0, font.size() - 20)));
    CHECK_FALSE(TrueTypeCmap::parse(font_with_cmap({{3, 0, format4()}})));
  }
}
