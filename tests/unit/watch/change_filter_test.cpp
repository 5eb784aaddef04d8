#include "watch/change_filter.hpp"

#include <doctest/doctest.h>

using octavo::watch::is_ignored_name;
using octavo::watch::is_inside_folder;

TEST_SUITE("watch.change_filter") {
  TEST_CASE("editors' temporary files, backups and hidden names are ignored") {
    for (const char* name : {".git", ".a.md.swp", ".#a.md", "#a.md#", "a.md~", "book.toml~", "4913", "a.swp", "b.swo",
                             "c.swx", ".goutputstream-X1Y2"}) {
      CAPTURE(name);
      CHECK(is_ignored_name(name));
    }
  }

  TEST_CASE("articles, the manifest, images and folders are not") {
    for (const char* name :
         {"a.md", "book.toml", "001_x.txt", "figure.png", "part one", "#", "a#", "4914", "~a", "swp", "a.swp.md", ""}) {
      CAPTURE(name);
      CHECK_FALSE(is_ignored_name(name));
    }
  }

  TEST_CASE("inside a folder compares whole names") {
    CHECK(is_inside_folder("/c/out", "/c/out"));
    CHECK(is_inside_folder("/c/out/book.pdf", "/c/out"));
    CHECK(is_inside_folder("/c/out/sub/x", "/c/out/"));
    CHECK(is_inside_folder("/c", "/"));
    CHECK_FALSE(is_inside_folder("/c/outside", "/c/out"));
    CHECK_FALSE(is_inside_folder("/c/o", "/c/out"));
    CHECK_FALSE(is_inside_folder("/c/out", ""));
  }
}
