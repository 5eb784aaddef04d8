#include <doctest/doctest.h>

#include "core/language_tag.hpp"

using octavo::core::is_language_tag;

TEST_SUITE("core.language_tag") {
  TEST_CASE("well-formed tags: language, script, region, variants, extensions, private use") {
    for (const char* good : {"en", "EN", "en-GB", "en-gb", "fr-CA", "zh-Hant-TW", "es-419", "de-CH-1996", "sl-rozaj",
                             "sr-Latn-RS", "zh-yue-HK", "haw", "en-US-u-ca-gregory", "en-x-twain", "x-private",
                             "i-klingon", "en-GB-oed", "zh-min-nan", "de-CH-1901-x-phonebk"}) {
      CHECK_MESSAGE(is_language_tag(good), good);
    }
  }

  TEST_CASE("malformed tags") {
    for (const char* bad : {"", "e", "en_US", "en-", "-en", "en--GB", "12", "toolongtag", "en-GB-1", "en-a", "en-a-b",
                            "en-x", "x", "en-GB-toolongvariant", "e1", "en US", "english language"}) {
      CHECK_FALSE_MESSAGE(is_language_tag(bad), bad);
    }
  }
}
