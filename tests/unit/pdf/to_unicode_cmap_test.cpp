#include <doctest/doctest.h>

#include "pdf/to_unicode_cmap.hpp"

using octavo::pdf::to_unicode_cmap;

namespace {

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t found = 0;
  for (std::size_t pos = text.find(part); pos != std::string::npos; pos = text.find(part, pos + 1)) ++found;
  return found;
}

}  // namespace

TEST_SUITE("pdf.to_unicode_cmap") {
  TEST_CASE("runs become bfranges split at 256-code boundaries, singles bfchars; no cidrange; no code past the BMP") {
    const std::set<char32_t> used = {0x20,  0x41,  0x42,   0x43,   0xE9,   0xFE,   0xFF,
                                     0x100, 0x101, 0x2013, 0x2014, 0x201C, 0x201D, 0x1F600};
    CHECK(to_unicode_cmap(used) ==
          "/CIDInit /ProcSet findresource begin\n"
          "12 dict begin\n"
          "begincmap\n"
          "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
          "/CMapName /Adobe-Identity-UCS def\n"
          "/CMapType 2 def\n"
          "1 begincodespacerange\n"
          "<0000> <FFFF>\n"
          "endcodespacerange\n"
          "5 beginbfrange\n"
          "<0041> <0043> <0041>\n"
          "<00FE> <00FF> <00FE>\n"
          "<0100> <0101> <0100>\n"
          "<2013> <2014> <2013>\n"
          "<201C> <201D> <201C>\n"
          "endbfrange\n"
          "2 beginbfchar\n"
          "<0020> <0020>\n"
          "<00E9> <00E9>\n"
          "endbfchar\n"
          "endcmap\n"
          "CMapName currentdict /CMap defineresource pop\n"
          "end\n"
          "end\n");
  }

  TEST_CASE("compact codes: one-byte and two-byte sources, runs split where a code's lead byte changes") {
    // A face with space…tilde, then 0x100 characters from U+0100, and the dashes: U+01FF has code
    // 0x80FF, U+0200 0x8100.
    const octavo::pdf::FontCodes codes =
        octavo::pdf::FontCodes::for_characters({{0x20, 0x7E}, {0x100, 0x2FF}, {0x2013, 0x2014}});
    REQUIRE(codes.compact());
    const std::string cmap = to_unicode_cmap({0x20, 0x41, 0x42, 0x1FE, 0x1FF, 0x200, 0x2013, 0x2014, 0x2015}, codes);
    CHECK(count(cmap, "2 begincodespacerange\n<00> <7F>\n<8000> <FFFF>\nendcodespacerange\n") == 1);
    CHECK(count(cmap, "3 beginbfrange\n<41> <42> <0041>\n<80FE> <80FF> <01FE>\n<8200> <8201> <2013>\nendbfrange\n") ==
          1);
    CHECK(count(cmap, "2 beginbfchar\n<20> <0020>\n<8100> <0200>\nendbfchar\n") == 1);
    CHECK(count(cmap, "2015") == 0);  // the face lacks it: no code of its own
  }

  TEST_CASE("compact codes: a run splits where the character's high byte changes, though its codes go on") {
    // À…ǿ: U+00FF has code 0x803F and U+0100 0x8040, one lead byte, but a bfrange's destination
    // may change in its last byte only.
    const octavo::pdf::FontCodes codes = octavo::pdf::FontCodes::for_characters({{0xC0, 0x1FF}});
    CHECK(count(to_unicode_cmap({0xFE, 0xFF, 0x100, 0x101}, codes),
                "2 beginbfrange\n<803E> <803F> <00FE>\n<8040> <8041> <0100>\nendbfrange\n") == 1);
  }

  TEST_CASE("blocks hold at most 100 entries") {
    std::set<char32_t> used;
    for (char32_t code = 0x100; code < 0x100 + 2 * 150; code += 2) used.insert(code);  // 150 singles
    const std::string cmap = to_unicode_cmap(used);
    CHECK(count(cmap, "100 beginbfchar\n") == 1);
    CHECK(count(cmap, "50 beginbfchar\n") == 1);
    CHECK(count(cmap, "endbfchar\n") == 2);
    CHECK(count(cmap, "bfrange") == 0);
  }

  TEST_CASE("an empty set gives a code space and no mappings") {
    const std::string cmap = to_unicode_cmap({});
    CHECK(count(cmap, "endcodespacerange\nendcmap\n") == 1);
  }
}
