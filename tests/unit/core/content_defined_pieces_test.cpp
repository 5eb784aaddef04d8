#include "core/content_defined_pieces.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

using octavo::core::content_defined_ends;
using octavo::core::PieceSizes;

namespace {

// Bytes that never repeat in the same order: a linear congruential generator's top byte.
std::string varied_bytes(std::size_t size, std::uint32_t seed) {
  std::string bytes;
  std::uint32_t state = seed;
  while (bytes.size() < size) {
    state = state * 1103515245u + 12345u;
    bytes += static_cast<char>(state >> 24);
  }
  return bytes;
}

std::vector<std::size_t> shifted(const std::vector<std::size_t>& ends, std::size_t from, std::ptrdiff_t by) {
  std::vector<std::size_t> out;
  for (const std::size_t end : ends) {
    if (end > from) out.push_back(static_cast<std::size_t>(static_cast<std::ptrdiff_t>(end) + by));
  }
  return out;
}

// The ends of `ends` past `from`: the cuts after an edit at `from`.
std::vector<std::size_t> after(const std::vector<std::size_t>& ends, std::size_t from) {
  std::vector<std::size_t> out;
  for (const std::size_t end : ends) {
    if (end > from) out.push_back(end);
  }
  return out;
}

constexpr PieceSizes sizes{1024, 8192, 10};

}  // namespace

TEST_SUITE("core.content_defined_pieces") {
  TEST_CASE("the pieces cover the bytes in order, each within its sizes but the last") {
    const std::string bytes = varied_bytes(200000, 1);
    const std::vector<std::size_t> ends = content_defined_ends(bytes, sizes);
    REQUIRE(ends.size() > 20);
    CHECK(ends.back() == bytes.size());
    std::size_t start = 0;
    for (std::size_t i = 0; i < ends.size(); ++i) {
      CAPTURE(i);
      CHECK(ends[i] - start <= sizes.most);
      if (i + 1 < ends.size()) CHECK(ends[i] - start >= sizes.least);
      start = ends[i];
    }
    // Cut by the pattern, not at the longest: pieces of many lengths, about least + 2^10 long.
    CHECK(ends.size() > bytes.size() / sizes.most * 2);
    CHECK(ends.size() < bytes.size() / sizes.least);
  }

  TEST_CASE("nothing gives no pieces; fewer bytes than the least length give one") {
    CHECK(content_defined_ends("", sizes).empty());
    CHECK(content_defined_ends("short", sizes) == std::vector<std::size_t>{5});
  }

  TEST_CASE("bytes without the pattern are cut at the longest length") {
    const std::string same(30000, 'a');  // the hash of 64 a's either matches or never does
    const std::vector<std::size_t> ends = content_defined_ends(same, {1024, 8192, 63});
    CHECK(ends == std::vector<std::size_t>{8192, 16384, 24576, 30000});
  }

  TEST_CASE("after an insertion or a deletion, the cuts fall where they fell before, moved with the bytes") {
    const std::string bytes = varied_bytes(200000, 2);
    const std::vector<std::size_t> ends = content_defined_ends(bytes, sizes);
    const std::size_t at = 50000;
    const std::string inserted = bytes.substr(0, at) + "one sentence changed" + bytes.substr(at);
    const std::vector<std::size_t> after_insertion = content_defined_ends(inserted, sizes);
    // Past the edit, within two pieces, every cut is an old one moved by the length inserted.
    const std::vector<std::size_t> expected = shifted(ends, at + 2 * sizes.most, 20);
    const std::vector<std::size_t> found = after(after_insertion, at + 2 * sizes.most + 20);
    CHECK(found == expected);
    CHECK(found.size() > 10);

    const std::string deleted = bytes.substr(0, at) + bytes.substr(at + 300);
    const std::vector<std::size_t> after_deletion = content_defined_ends(deleted, sizes);
    CHECK(after(after_deletion, at + 2 * sizes.most - 300) == shifted(ends, at + 2 * sizes.most, -300));
  }

  TEST_CASE("fixed offsets would not come back after an insertion: the test above can fail") {
    // Cutting every `most` bytes moves every later cut by the insertion, so no old cut remains.
    const std::string bytes = varied_bytes(100000, 3);
    const std::vector<std::size_t> fixed = content_defined_ends(bytes, {8192, 8192, 10});
    const std::string inserted = bytes.substr(0, 5000) + "x" + bytes.substr(5000);
    const std::vector<std::size_t> moved = content_defined_ends(inserted, {8192, 8192, 10});
    CHECK(after(moved, 30000) != shifted(fixed, 30000, 1));
  }
}
