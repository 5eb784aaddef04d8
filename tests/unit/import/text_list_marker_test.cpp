#include <doctest/doctest.h>

#include <string>

#include "import/text_list_marker.hpp"

using namespace octavo;

namespace {

// "bullet -, text at 2" or "ordered ')' decimal 3 alpha 0 roman 0, text at 3"; "none".
std::string marker(std::string_view text) {
  const std::optional<import::ListMarker> m = import::read_list_marker(text);
  if (!m) return "none";
  if (!m->ordered()) return "bullet " + m->bullet + ", text at " + std::to_string(m->length);
  return std::string("ordered '") + m->delimiter + "' decimal " + std::to_string(m->decimal) + " alpha " +
         std::to_string(m->alpha) + " roman " + std::to_string(m->roman) + (m->upper ? " upper" : "") + ", text at " +
         std::to_string(m->length) + " width " + std::to_string(m->width);
}

}  // namespace

TEST_SUITE("import.text_list_marker") {
  TEST_CASE("bullets: -, * and • followed by spaces and text") {
    CHECK(marker("- item") == "bullet -, text at 2");
    CHECK(marker("*   item") == "bullet *, text at 4");
    CHECK(marker("\u2022 item") == "bullet \u2022, text at 4");
    CHECK(import::read_list_marker("\u2022 item")->width == 2);
    CHECK(marker("-item") == "none");
    CHECK(marker("-") == "none");
    CHECK(marker("--- rule") == "none");
  }

  TEST_CASE("numbers with '.' or ')', at most nine digits") {
    CHECK(marker("1. one") == "ordered '.' decimal 1 alpha 0 roman 0, text at 3 width 3");
    CHECK(marker("10)  ten") == "ordered ')' decimal 10 alpha 0 roman 0, text at 5 width 5");
    CHECK(marker("0. zero") == "ordered '.' decimal 0 alpha 0 roman 0, text at 3 width 3");
    CHECK(marker("123456789. n") != "none");
    CHECK(marker("1234567890. n") == "none");
    CHECK(marker("1.1. Section") == "none");
    CHECK(marker("2024 was a year") == "none");
    CHECK(marker("1.") == "none");
  }

  TEST_CASE("letters and roman numerals, bare or in parentheses") {
    CHECK(marker("a) item") == "ordered ')' decimal -1 alpha 1 roman 0, text at 3 width 3");
    CHECK(marker("(b) item") == "ordered '(' decimal -1 alpha 2 roman 0, text at 4 width 4");
    CHECK(marker("B. item") == "ordered '.' decimal -1 alpha 2 roman 0 upper, text at 3 width 3");
    CHECK(marker("i. item") == "ordered '.' decimal -1 alpha 9 roman 1, text at 3 width 3");
    CHECK(marker("iv. item") == "ordered '.' decimal -1 alpha 0 roman 4, text at 4 width 4");
    CHECK(marker("(XII) item") == "ordered '(' decimal -1 alpha 0 roman 12 upper, text at 6 width 6");
    CHECK(marker("iiii. item") == "none");  // not canonical
    CHECK(marker("vv. item") == "none");
    CHECK(marker("ab) item") == "none");
    CHECK(marker("Iv. item") == "none");  // mixed case
    CHECK(marker("i.e. that is") == "none");
    CHECK(marker("(an example)") == "none");
  }
}
