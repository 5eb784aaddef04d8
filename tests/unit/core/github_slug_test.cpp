#include <doctest/doctest.h>

#include "core/github_slug.hpp"
#include "core/unicode.hpp"

using namespace octavo::core;

// Expectations from github-slugger's own fixtures (test/fixtures.json), which GitHub's ids match.
TEST_SUITE("core.github_slug") {
  TEST_CASE("lower case, spaces to '-', punctuation dropped, '-' and '_' kept, nothing trimmed or merged") {
    CHECK(github_slug("bravoCharlieDelta") == "bravocharliedelta");
    CHECK(github_slug("heading with a - dash") == "heading-with-a---dash");
    CHECK(github_slug("heading with an _ underscore") == "heading-with-an-_-underscore");
    CHECK(github_slug("heading with a period.txt") == "heading-with-a-periodtxt");
    CHECK(github_slug("exchange.bind_headers(exchange, routing [, bindCallback])") ==
          "exchangebind_headersexchange-routing--bindcallback");
    CHECK(github_slug(" a ") == "-a-");
    CHECK(github_slug("apostrophe’s should be trimmed") == "apostrophes-should-be-trimmed");
    CHECK(github_slug(":ok_hand: Single") == "ok_hand-single");
  }

  TEST_CASE("an ASCII heading gets the slug ICU's categories give each of its characters") {
    // All ASCII takes a path of its own, without ICU; one character beyond ASCII ("é", a letter
    // kept as it is) sends the same text through the general one.
    for (int c = 1; c < 128; ++c) {
      const std::string text = std::string("Ab") + static_cast<char>(c) + "9";
      CAPTURE(c);
      CHECK(github_slug(text) + "\xc3\xa9" == github_slug(text + "\xc3\xa9"));
    }
  }

  TEST_CASE("letters and digits of every script stay; symbols, emoji and other dashes go") {
    CHECK(github_slug("Привет non-latin 你好") == "привет-non-latin-你好");
    CHECK(github_slug("Профили пользователей") == "профили-пользователей");
    CHECK(github_slug("I ♥ unicode") == "i--unicode");
    CHECK(github_slug("en–dash") == "endash");
    CHECK(github_slug("😄 - an emoji") == "---an-emoji");
    CHECK(github_slug("😄_😄 unicode emoji") == "_-unicode-emoji");
    CHECK(github_slug("a١٢ Ⅻ ǅ") == "a١٢-ⅻ-ǆ");  // Arabic-Indic digits, a letter number, title case
    CHECK(github_slug("a\u2028b") == "ab");      // a line separator is not a space
    CHECK(github_slug("") == "");
    CHECK(github_slug("!!!") == "");
  }

  TEST_CASE("repeats are numbered as GitHub numbers them, whatever the order") {
    GithubSlugger slugger;
    CHECK(slugger.slug("echo") == "echo");
    CHECK(slugger.slug("echo") == "echo-1");
    CHECK(slugger.slug("echo 1") == "echo-1-1");
    CHECK(slugger.slug("echo-1") == "echo-1-2");
    CHECK(slugger.slug("echo") == "echo-2");
    GithubSlugger other;
    CHECK(other.slug("foxtrot-1") == "foxtrot-1");
    CHECK(other.slug("foxtrot") == "foxtrot");
    CHECK(other.slug("foxtrot") == "foxtrot-2");
  }
}

TEST_SUITE("core.unicode") {
  TEST_CASE("general categories and the alphabetic property") {
    CHECK(general_category(U'A') == "Lu");
    CHECK(general_category(U'5') == "Nd");
    CHECK(general_category(U' ') == "Zs");
    CHECK(general_category(0x2019) == "Pf");
    CHECK(general_category(0x1F604) == "So");
    CHECK(general_category(0x110000) == "Cn");
    CHECK(is_alphabetic(U'ж'));
    CHECK(is_alphabetic(0x24B6));  // Ⓐ, a symbol that counts as a letter
    CHECK_FALSE(is_alphabetic(U'5'));
  }

  TEST_CASE("lower case by Unicode's full mapping, never the locale's") {
    CHECK(lower_case("ÀÉÎ ΟΔΟΣ") == "àéî \u03bf\u03b4\u03bf\u03c2");  // the final sigma
    CHECK(lower_case("İ") == "i\u0307");
    CHECK(lower_case("") == "");
    CHECK(lower_case("a\xff") == "a\uFFFD");
  }

  TEST_CASE("two characters compose as NFC composes them, or not at all") {
    CHECK(canonical_composition(U'e', 0x0301) == U'é');
    CHECK(canonical_composition(U'u', 0x0308) == U'ü');
    CHECK(canonical_composition(U'é', 0x0308) == 0);    // no such composite
    CHECK(canonical_composition(0x0915, 0x093C) == 0);  // क़ U+0958 is excluded from composition
    CHECK(canonical_composition(U'a', U'b') == 0);
    CHECK(canonical_composition(0x110000, 0x0301) == 0);
  }
}
