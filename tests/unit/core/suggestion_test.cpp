#include <doctest/doctest.h>

#include <array>
#include <string_view>

#include "core/suggestion.hpp"

using namespace octavo::core;

TEST_SUITE("core.suggestion") {
  TEST_CASE("edit distance counts insertions, deletions, substitutions and adjacent transpositions") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("build", "build") == 0);
    CHECK(edit_distance("", "check") == 5);
    CHECK(edit_distance("check", "") == 5);
    CHECK(edit_distance("bild", "build") == 1);
    CHECK(edit_distance("builds", "build") == 1);
    CHECK(edit_distance("buold", "build") == 1);
    CHECK(edit_distance("biuld", "build") == 1);
    CHECK(edit_distance("--fromat", "--format") == 1);
    CHECK(edit_distance("kitten", "sitting") == 3);
    // Optimal string alignment edits no substring twice: "ca" → "abc" is 3, not Damerau's 2.
    CHECK(edit_distance("ca", "abc") == 3);
  }

  TEST_CASE("the nearest candidate is suggested only when it is close") {
    constexpr std::array<std::string_view, 3> commands{"build", "check", "help"};
    CHECK(nearest_word("biuld", commands) == "build");
    CHECK(nearest_word("chekc", commands) == "check");
    CHECK(nearest_word("hlep", commands) == "help");
    CHECK(nearest_word("bd", commands) == std::nullopt);       // 3 edits
    CHECK(nearest_word("compile", commands) == std::nullopt);  // far from all
    CHECK(nearest_word("buxxd", commands) == "build");         // 2 edits, fewer than 5 / 2
    CHECK(nearest_word("hexx", commands) == std::nullopt);     // 2 edits is half of 4
    CHECK(nearest_word("anything", {}) == std::nullopt);
    constexpr std::array<std::string_view, 3> options{"-o", "-q", "--format"};
    CHECK(nearest_word("-x", options) == std::nullopt);  // one edit, but half of a two-letter word
    CHECK(nearest_word("--fromat", options) == "--format");
    CHECK(nearest_word("-format", options) == "--format");
  }

  TEST_CASE("of equally near candidates, the first is suggested") {
    constexpr std::array<std::string_view, 2> words{"cart", "card"};
    CHECK(nearest_word("carx", words) == "cart");
    constexpr std::array<std::string_view, 2> reversed{"card", "cart"};
    CHECK(nearest_word("carx", reversed) == "card");
  }
}
