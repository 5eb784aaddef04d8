#include <doctest/doctest.h>

#include <string>

#include "import/data_url.hpp"

using namespace octavo;

TEST_SUITE("import.data_url") {
  TEST_CASE("only the data: scheme, in any case, is a data: URL") {
    CHECK(import::is_data_url("data:image/png;base64,AAAA"));
    CHECK(import::is_data_url("DaTa:,x"));
    CHECK_FALSE(import::is_data_url("data"));
    CHECK_FALSE(import::is_data_url("img/data:x.png"));
    CHECK_FALSE(import::is_data_url(""));
  }

  TEST_CASE("base64 data is decoded, white space skipped and padding honoured") {
    CHECK(import::data_url_bytes("data:text/plain;base64,aGVsbG8=") == "hello");
    CHECK(import::data_url_bytes("data:;BASE64,aGVs\n bG8h") == "hello!");
    CHECK(import::data_url_bytes("data:x;base64,aA==") == "h");
    CHECK(import::data_url_bytes("data:x;base64,") == "");
  }

  TEST_CASE("base64 with another character, data after padding or a cut group is refused") {
    CHECK_FALSE(import::data_url_bytes("data:x;base64,aGVs*G8="));
    CHECK_FALSE(import::data_url_bytes("data:x;base64,aA==aA=="));
    CHECK_FALSE(import::data_url_bytes("data:x;base64,aGVsb"));
    CHECK_FALSE(import::data_url_bytes("data:x;base64,a==="));
  }

  TEST_CASE("other data has its %XX escapes decoded; a stray '%' stays") {
    CHECK(import::data_url_bytes("data:image/svg+xml,%3Csvg%2F%3E") == "<svg/>");
    CHECK(import::data_url_bytes("data:,100%") == "100%");
    CHECK(import::data_url_bytes("data:text/plain;charset=utf-8,a,b") == "a,b");
  }

  TEST_CASE("no comma, or no data: scheme, gives no bytes") {
    CHECK_FALSE(import::data_url_bytes("data:image/png;base64"));
    CHECK_FALSE(import::data_url_bytes("image.png"));
  }

  TEST_CASE("messages name a data: URL by its header, never its data") {
    CHECK(import::data_url_label("data:image/png;base64,iVBORw0KGgo") == "data:image/png;base64,…");
    CHECK(import::data_url_label("data:image/png;base64") == "data:image/png;base64…");
    CHECK(import::data_url_label("data:image/svg+xml;charset=utf-8;name=a-very-long-name.svg,<svg/>") ==
          "data:image/svg+xml;charset=utf-8;name=a-,…");
  }
}
