#include <doctest/doctest.h>

#include "core/diagnostics.hpp"
#include "core/fixed_clock.hpp"

using namespace octavo::core;

TEST_SUITE("core.fixed_clock") {
  TEST_CASE("epoch seconds to a UTC timestamp") {
    CHECK(timestamp_from_epoch(0).iso_datetime() == "1970-01-01T00:00:00Z");
    CHECK(timestamp_from_epoch(1700000000).iso_datetime() == "2023-11-14T22:13:20Z");
    CHECK(timestamp_from_epoch(951782400).iso_date() == "2000-02-29");
  }

  TEST_CASE("SOURCE_DATE_EPOCH must be a plain number") {
    CHECK(source_date_epoch(nullptr) == std::nullopt);
    CHECK(source_date_epoch("") == std::nullopt);
    CHECK(source_date_epoch("12a") == std::nullopt);
    CHECK(source_date_epoch("99999999999999999999") == std::nullopt);
    CHECK(source_date_epoch("86400")->iso_date() == "1970-01-02");
  }

  TEST_CASE("ISO dates are checked against the calendar") {
    CHECK(parse_iso_timestamp("2024-02-29")->iso_date() == "2024-02-29");
    CHECK(parse_iso_timestamp("2023-02-29") == std::nullopt);
    CHECK(parse_iso_timestamp("2023-13-01") == std::nullopt);
    CHECK(parse_iso_timestamp("2023-1-01") == std::nullopt);
    CHECK(parse_iso_timestamp("2023-05-06T07:08:09Z")->iso_datetime() == "2023-05-06T07:08:09Z");
    CHECK(parse_iso_timestamp("0001-01-01")->iso_date() == "0001-01-01");
    CHECK(parse_iso_timestamp("0000-01-01") == std::nullopt);
    CHECK(parse_iso_timestamp("2023-05-06T24:00:00Z") == std::nullopt);
  }

  TEST_CASE("every digit position must hold an ASCII digit: no spaces, no signs") {
    for (const char* bad : {" 999-01-01", "+024-01-01", "-024-01-01", "2024-01- 1", "2024-+1-01", "2024-01-+1",
                            "2024-01-01T 1:00:00Z", "2024-01-01T01:+0:00Z", "2024-01-01T01:00:-0Z", "2024/01/01",
                            "2024-01-01t01:00:00Z", "2024-01-01T01:00:00z", "2024-01-01 ", "2024-01-01T01:00:00"}) {
      CHECK_MESSAGE(parse_iso_timestamp(bad) == std::nullopt, bad);
    }
  }
}

TEST_SUITE("core.diagnostics") {
  TEST_CASE("GNU-style formatting") {
    // Each location is built before its diagnostic: GCC 12 at -O3 reports a location built inside
    // the diagnostic's braces as maybe uninitialized (on the path where a later member throws).
    const SourceLocation a_txt{"a.txt", 3, 7};
    const SourceLocation book_toml{"book.toml", 0, 0};
    CHECK(format_diagnostic({Severity::warning, a_txt, "expected X, found Y", ""}) ==
          "a.txt:3:7: warning: expected X, found Y");
    CHECK(format_diagnostic({Severity::error, book_toml, "no articles", "add one"}) ==
          "book.toml: error: no articles\n  hint: add one");
    CHECK(format_diagnostic({Severity::error, {}, "cannot write", ""}) == "error: cannot write");
  }

  TEST_CASE("the list counts errors and warnings") {
    DiagnosticList list;
    list.warning({"a", 1, 1}, "w");
    list.error({"b", 2, 0}, "e");
    CHECK(list.error_count() == 1);
    CHECK(list.warning_count() == 1);
    CHECK(list.to_string() == "a:1:1: warning: w\nb:2: error: e\n");
  }
}
