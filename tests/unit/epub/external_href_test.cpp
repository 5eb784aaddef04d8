#include <doctest/doctest.h>

#include "epub/external_href.hpp"

using octavo::epub::external_href;

TEST_SUITE("epub.external_href") {
  TEST_CASE("web and mail addresses pass through unchanged") {
    CHECK(external_href("https://example.com/a/b?x=1&y=2#top") == "https://example.com/a/b?x=1&y=2#top");
    CHECK(external_href("HTTP://Example.com") == "HTTP://Example.com");
    CHECK(external_href("mailto:ann@example.com") == "mailto:ann@example.com");
    CHECK(external_href("http://[::1]:8080/x") == "http://[::1]:8080/x");
    CHECK(external_href("https://example.com/%20ok") == "https://example.com/%20ok");
  }

  TEST_CASE("anything else is not a link") {
    CHECK(external_href("javascript:alert(1)") == "");
    CHECK(external_href("file:///etc/passwd") == "");
    CHECK(external_href("other.md") == "");
    CHECK(external_href("#section") == "");
    CHECK(external_href("") == "");
  }

  TEST_CASE("characters a URI may not hold are percent-encoded") {
    CHECK(external_href("https://example.com/a b\"<c>{d}|\\^`") ==
          "https://example.com/a%20b%22%3Cc%3E%7Bd%7D%7C%5C%5E%60");
    CHECK(external_href("https://example.com/caf\xc3\xa9\x01") == "https://example.com/caf%C3%A9%01");
    CHECK(external_href("https://example.com/50%/%zz/[x]") == "https://example.com/50%25/%25zz/%5Bx%5D");
    CHECK(external_href("https://example.com/#a#b") == "https://example.com/#a%23b");
  }
}
