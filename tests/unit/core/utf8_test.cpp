#include <doctest/doctest.h>

#include "core/utf8.hpp"

using namespace octavo::core;

TEST_SUITE("core.utf8") {
  TEST_CASE("valid text passes through unchanged") {
    CHECK(repair_utf8("caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d") == "caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d");
  }

  TEST_CASE("stray, truncated, overlong and surrogate sequences become U+FFFD, each reported") {
    std::vector<std::size_t> offsets;
    const std::string repaired =
        repair_utf8("a\x80z\xc3\xc0\xafq\xed\xa0\x80", [&](std::size_t offset) { offsets.push_back(offset); });
    CHECK(repaired == "a\xef\xbf\xbdz\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdq\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    CHECK(offsets == std::vector<std::size_t>{1, 3, 4, 5, 7, 8, 9});
  }

  TEST_CASE("a genuine U+FFFD is not reported as invalid") {
    int reports = 0;
    CHECK(repair_utf8("\xef\xbf\xbd", [&](std::size_t) { ++reports; }) == "\xef\xbf\xbd");
    CHECK(reports == 0);
  }

  TEST_CASE("xml_safe drops C0 controls, U+FFFE and U+FFFF but keeps tab and newline") {
    CHECK(xml_safe(std::string("a\x01\tb\n\x1f", 6) + "\xef\xbf\xbe\xef\xbf\xbfz") == "a\tb\nz");
    CHECK(xml_safe(std::string("nul\0end", 7)) == "nulend");
  }

  TEST_CASE("clean_xml_text removes what XML 1.0 forbids and reports each removal with its offset") {
    std::string removed;
    const auto report = [&](std::size_t offset, char32_t code_point) {
      removed += std::to_string(offset) + ":" + std::to_string(static_cast<unsigned>(code_point)) + " ";
    };
    CHECK(clean_xml_text(std::string("a\x01\tb\n\0", 6) + "\xef\xbf\xbe\xc3\xa9\xef\xbf\xbfz", report) ==
          "a\tb\n\xc3\xa9z");
    CHECK(removed == "1:1 5:0 6:65534 11:65535 ");
  }

  TEST_CASE("clean_xml_text drops invalid bytes as U+FFFD but keeps a genuine U+FFFD") {
    std::string removed;
    const auto report = [&](std::size_t offset, char32_t code_point) {
      removed += std::to_string(offset) + ":" + std::to_string(static_cast<unsigned>(code_point)) + " ";
    };
    CHECK(clean_xml_text("x\xfe\xef\xbf\xbdy\xff", report) == "x\xef\xbf\xbdy");
    CHECK(removed == "1:65533 6:65533 ");
    CHECK(clean_xml_text("plain text, nothing to remove") == "plain text, nothing to remove");
  }

  TEST_CASE("clean_xml_text also removes the controls and non-characters XML 1.0 discourages") {
    std::string removed;
    const auto report = [&](std::size_t offset, char32_t code_point) {
      removed += std::to_string(offset) + ":" + code_point_name(code_point) + " ";
    };
    // DEL, NEL, CSI, U+FDD0, U+1FFFE and U+10FFFF go; U+00A0, U+FDF0 and U+1F600 stay.
    CHECK(clean_xml_text("a\x7F\xC2\x85\xC2\x9B\xC2\xA0\xEF\xB7\x90\xEF\xB7\xB0\xF0\x9F\xBF\xBE\xF4\x8F\xBF\xBF"
                         "\xF0\x9F\x98\x80z",
                         report) == "a\xC2\xA0\xEF\xB7\xB0\xF0\x9F\x98\x80z");
    CHECK(removed == "1:U+007F 2:U+0085 4:U+009B 8:U+FDD0 14:U+1FFFE 18:U+10FFFF ");
    CHECK(is_xml_char(0x85));
    CHECK(is_discouraged_xml_char(0x85));
    CHECK_FALSE(is_discouraged_xml_char(0xA0));
    CHECK_FALSE(is_discouraged_xml_char(0xFFFD));
  }

  TEST_CASE("count_non_text_bytes counts controls but TAB, LF, FF and CR, and invalid bytes") {
    CHECK(count_non_text_bytes("") == 0);
    CHECK(count_non_text_bytes("Text\twith\r\nline\fbreaks, caf\xC3\xA9 \xEF\xBF\xBD.") == 0);
    CHECK(count_non_text_bytes(std::string("\0\x01\x1B ok \x80\xC3", 9)) == 5);
  }

  TEST_CASE("column_at counts code points, not bytes") {
    CHECK(column_at("\xc3\xa9t\xc3\xa9", 0) == 1);
    CHECK(column_at("\xc3\xa9t\xc3\xa9", 3) == 3);
  }

  TEST_CASE("count_words joins apostrophes and hyphens but not dashes") {
    CHECK(count_words("") == 0);
    CHECK(count_words(" \xe2\x80\x94 ") == 0);
    CHECK(count_words("Kratom\xe2\x80\x99s well-being \xe2\x80\x94 a caf\xc3\xa9, 7 days.") == 6);
  }
}
