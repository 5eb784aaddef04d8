#include <doctest/doctest.h>

#include <string>

#include "import/glob.hpp"

using octavo::import::glob_covers_folder;
using octavo::import::glob_match;

TEST_SUITE("import.glob") {
  TEST_CASE("'*' matches within one component, '?' one character, the rest itself") {
    CHECK(glob_match("*/README.md", "part/README.md"));
    CHECK_FALSE(glob_match("*/README.md", "README.md"));
    CHECK_FALSE(glob_match("*/README.md", "a/b/README.md"));
    CHECK(glob_match("*.md", "notes.md"));
    CHECK_FALSE(glob_match("*.md", "sub/notes.md"));
    CHECK(glob_match("ch?.md", "ch1.md"));
    CHECK(glob_match("ch?.md", "ché.md"));  // one character, not one byte
    CHECK_FALSE(glob_match("ch?.md", "ch10.md"));
    CHECK(glob_match("a*b*c", "aXXbYYc"));
    CHECK_FALSE(glob_match("a*b*c", "aXXbYY"));
    CHECK(glob_match("notes.md", "notes.md"));
    CHECK_FALSE(glob_match("Notes.md", "notes.md"));
  }

  TEST_CASE("'**' matches any number of whole components, none included") {
    CHECK(glob_match("drafts/**", "drafts/a.md"));
    CHECK(glob_match("drafts/**", "drafts/x/y/z.md"));
    CHECK_FALSE(glob_match("drafts/**", "other/drafts/a.md"));
    CHECK(glob_match("**/README.md", "README.md"));
    CHECK(glob_match("**/README.md", "a/b/README.md"));
    CHECK(glob_match("a/**/z.md", "a/z.md"));
    CHECK(glob_match("a/**/z.md", "a/b/c/z.md"));
    CHECK_FALSE(glob_match("a/**/z.md", "b/z.md"));
    CHECK(glob_match("**", "anything/at/all.md"));
  }

  TEST_CASE("an empty pattern matches nothing; many '**' cost nothing") {
    CHECK_FALSE(glob_match("", ""));
    CHECK_FALSE(glob_match("", "a.md"));
    std::string pattern;
    std::string path;
    for (int i = 0; i < 30; ++i) {
      pattern += "**/";
      path += "d/";
    }
    CHECK_FALSE(glob_match(pattern + "x.md", path + "y.md"));
    CHECK(glob_match(pattern + "y.md", path + "y.md"));
  }

  TEST_CASE("a pattern ending in '/**' covers its folders whole") {
    CHECK(glob_covers_folder("drafts/**", "drafts"));
    CHECK(glob_covers_folder("**/node_modules/**", "web/node_modules"));
    CHECK_FALSE(glob_covers_folder("drafts/*", "drafts"));
    CHECK_FALSE(glob_covers_folder("drafts/**", "final"));
  }
}
