#include <doctest/doctest.h>

#include "core/identifier.hpp"
#include "core/sha256.hpp"

using namespace octavo::core;

TEST_SUITE("core.sha256") {
  // Test vectors from FIPS 180-4 examples and NIST CAVS.
  TEST_CASE("known digests") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }

  TEST_CASE("the SHA extensions, where the processor has them, give the portable code's digests") {
    std::string bytes;
    std::uint32_t x = 12345;
    while (bytes.size() <= 5000) {
      CAPTURE(bytes.size());
      CHECK(sha256(bytes) == testing::sha256_portable(bytes));
      // Every length up to 300 (every way the padding falls), then steps of 37 bytes.
      const std::size_t more = bytes.size() < 300 ? 1 : 37;
      for (std::size_t i = 0; i < more; ++i) {
        x = x * 1664525 + 1013904223;  // a linear congruential generator: bytes of every value
        bytes += static_cast<char>(x >> 24);
      }
    }
  }

  TEST_CASE("uuid from content is stable and marked version 5") {
    CHECK(uuid_urn_from_content("abc") == "urn:uuid:ba7816bf-8f01-5fea-8141-40de5dae2223");
    CHECK(uuid_urn_from_content("abc") != uuid_urn_from_content("abd"));
  }

  TEST_CASE("slugify") {
    CHECK(slugify("Kratom's Role in Pain: An Overview") == "kratoms-role-in-pain-an-overview");
    CHECK(slugify("Caf\xc3\xa9 \xe2\x80\x94 na\xc3\xafve") == "cafe-naive");
    CHECK(slugify("\xe2\x80\x94!!", "fallback") == "fallback");
  }
}
