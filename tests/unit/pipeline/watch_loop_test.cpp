#include "watch_loop.hpp"

#include <doctest/doctest.h>

using octavo::build_status_line;
using octavo::BuildOutcome;

TEST_SUITE("pipeline.watch_loop") {
  TEST_CASE("the status line of a build that wrote its books") {
    CHECK(build_status_line({true, 2, 0, 0}, 1.2, true) == "built in 1.20 s: 2 books");
    CHECK(build_status_line({true, 2, 0, 1}, 0.416, false) == "rebuilt in 0.42 s: 2 books, 1 warning");
    CHECK(build_status_line({true, 1, 0, 3}, 0.05, false) == "rebuilt in 0.05 s: 1 book, 3 warnings");
  }

  TEST_CASE("the status line of a failed build") {
    CHECK(build_status_line({false, 0, 2, 1}, 0.1, false) ==
          "build failed in 0.10 s (2 errors); the last good books are kept");
    CHECK(build_status_line({false, 0, 1, 0}, 0.1, true) ==
          "build failed in 0.10 s (1 error); the last good books are kept");
    // --strict: warnings alone fail the build.
    CHECK(build_status_line({false, 0, 0, 2}, 0.1, false) ==
          "build failed in 0.10 s (2 warnings); the last good books are kept");
  }
}
