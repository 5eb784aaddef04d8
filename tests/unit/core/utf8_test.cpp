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
