#include <doctest/doctest.h>

#include "core/url.hpp"

using namespace octavo::core;

TEST_SUITE("core.url") {
  TEST_CASE("web and mail addresses, the scheme in any case") {
    CHECK(is_web_or_mail_url("https://example.com/x"));
    CHECK(is_web_or_mail_url("HTTPS://example.com/x"));
    CHECK(is_web_or_mail_url("Http://example.com"));
    CHECK(is_web_or_mail_url("MailTo:ann@example.com"));
  }

  TEST_CASE("nothing else is a web or mail address") {
    CHECK_FALSE(is_web_or_mail_url(""));
    CHECK_FALSE(is_web_or_mail_url("#section"));
    CHECK_FALSE(is_web_or_mail_url("other.md"));
    CHECK_FALSE(is_web_or_mail_url("javascript:alert(1)"));
    CHECK_FALSE(is_web_or_mail_url("file:///etc/passwd"));
    CHECK_FALSE(is_web_or_mail_url("ftp://example.com"));
    CHECK_FALSE(is_web_or_mail_url("http:relative"));
    CHECK_FALSE(is_web_or_mail_url("httpsx://example.com"));
    CHECK_FALSE(is_web_or_mail_url(" https://example.com"));
  }

  TEST_CASE("a valid URI is left as it is") {
    CHECK(encode_url("https://example.com/a/b?x=1&y=2#top") == "https://example.com/a/b?x=1&y=2#top");
    CHECK(encode_url("HTTP://Example.com") == "HTTP://Example.com");
    CHECK(encode_url("mailto:ann@example.com?subject=Hi") == "mailto:ann@example.com?subject=Hi");
    CHECK(encode_url("http://[::1]:8080/x") == "http://[::1]:8080/x");
    CHECK(encode_url("https://example.com/%20ok%2f") == "https://example.com/%20ok%2f");
    CHECK(encode_url("") == "");
  }

  TEST_CASE("what a URI may not hold is percent-encoded, including quotes, braces and a stray %") {
    CHECK(encode_url("https://example.com/a b\"<c>{d}|\\^`") ==
          "https://example.com/a%20b%22%3Cc%3E%7Bd%7D%7C%5C%5E%60");
    CHECK(encode_url("https://example.com/caf\xc3\xa9\x01\x7f") == "https://example.com/caf%C3%A9%01%7F");
    CHECK(encode_url("https://example.com/50%/%zz/%4") == "https://example.com/50%25/%25zz/%254");
    CHECK(encode_url("https://example.com/#a#b") == "https://example.com/#a%23b");
  }

  TEST_CASE("brackets are kept only around the host") {
    CHECK(encode_url("https://example.com/[x]?[y]") == "https://example.com/%5Bx%5D?%5By%5D");
    CHECK(encode_url("mailto:[a]@example.com") == "mailto:%5Ba%5D@example.com");
  }

  TEST_CASE("encoding twice changes nothing more") {
    const std::string once = encode_url("https://example.com/a b/50%/\xc3\xa9");
    CHECK(encode_url(once) == once);
  }

  TEST_CASE("percent-decoding: every valid escape, a stray '%' kept") {
    CHECK(percent_decode("my%20notes.md") == "my notes.md");
    CHECK(percent_decode("%D0%B2%d0%b2") == "вв");
    CHECK(percent_decode("100% sure %2") == "100% sure %2");
    CHECK(percent_decode("") == "");
  }

  TEST_CASE("a scheme or a host names something outside the corpus; a relative path does not") {
    CHECK(has_scheme_or_host("https://example.org"));
    CHECK(has_scheme_or_host("javascript:alert(1)"));
    CHECK(has_scheme_or_host("//host/x.md"));
    CHECK_FALSE(has_scheme_or_host("ch2.md"));
    CHECK_FALSE(has_scheme_or_host("../a/b.md#x:y"));
    CHECK_FALSE(has_scheme_or_host("#anchor"));
    CHECK_FALSE(has_scheme_or_host(""));
  }
}
