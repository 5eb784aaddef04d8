#include <doctest/doctest.h>

#include "import/heading_ids.hpp"

TEST_SUITE("import.heading_ids") {
  TEST_CASE("ids are slugs, made unique with -2, -3 in order") {
    octavo::import::HeadingIds ids;
    CHECK(ids.claim("Why Kratom’s Role Matters") == "why-kratoms-role-matters");
    CHECK(ids.claim("Summary") == "summary");
    CHECK(ids.claim("Summary") == "summary-2");
    CHECK(ids.claim("summary!") == "summary-3");
  }

  TEST_CASE("a suffixed id never collides with a heading whose own slug looks suffixed") {
    octavo::import::HeadingIds ids;
    CHECK(ids.claim("a 2") == "a-2");
    CHECK(ids.claim("a") == "a");
    CHECK(ids.claim("a") == "a-3");
  }

  TEST_CASE("text with no letters or digits gets the fallback slug") {
    octavo::import::HeadingIds ids;
    CHECK(ids.claim("***") == "untitled");
    CHECK(ids.claim("") == "untitled-2");
  }
}
