#include "cache/pack_file.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/byte_stream.hpp"
#include "core/deflate.hpp"
#include "pack_test_files.hpp"

using namespace octavo;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kind = "octavo test pack 1\n";
constexpr std::string_view fingerprint = "program 1";

// One string of a hand-made index: where it says the string is.
struct Listed {
  std::uint8_t name = 0;  // the digest's bytes are all this
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
};

// A pack of `data` after the header whose index lists `listed` (their CRC-32s those of the bytes
// they point at, so that only the listing is wrong), with `extra` after the index's entries.
std::string pack_of(const std::string& data, const std::vector<Listed>& listed, const std::string& extra = "") {
  const std::string header = cache::pack_header(kind, fingerprint);
  const std::string bytes = header + data;
  core::ByteWriter index;
  index.unsigned_number(listed.size());
  for (const Listed& entry : listed) {
    for (int i = 0; i < 32; ++i) index.byte(entry.name);
    index.unsigned_number(entry.offset);
    index.unsigned_number(entry.length);
    const std::string pointed =
        entry.offset + entry.length <= bytes.size() ? bytes.substr(entry.offset, entry.length) : "";
    index.unsigned_number(core::crc32(pointed));
  }
  std::string trailer;
  const std::uint64_t index_offset = bytes.size();
  for (int i = 0; i < 8; ++i) trailer += static_cast<char>((index_offset >> (8 * i)) & 0xFF);
  const std::uint32_t offset_crc = core::crc32(trailer);
  for (int i = 0; i < 4; ++i) trailer += static_cast<char>((offset_crc >> (8 * i)) & 0xFF);
  return bytes + index.bytes() + extra + trailer + "OCTVPEND";
}

std::size_t header_size() { return cache::pack_header(kind, fingerprint).size(); }

// The index read from `bytes` written as a file.
std::optional<cache::PackIndex> index_of(const std::string& bytes, std::string_view with_kind = kind,
                                         std::string_view with_fingerprint = fingerprint) {
  const test::TemporaryFolder folder("pack-file");
  fs::create_directories(folder.root);
  const fs::path path = folder.root / "test.pack";
  test::write_bytes(path, bytes);
  const core::InputFile file(path.string());
  return cache::read_pack_index(file, with_kind, with_fingerprint);
}

}  // namespace

TEST_SUITE("cache.pack_file") {
  TEST_CASE("a whole pack's index: its entries in order, one after another from the header") {
    const std::size_t start = header_size();
    const std::optional<cache::PackIndex> index =
        index_of(pack_of("aaaabbbbbbc", {{1, start, 4}, {2, start + 4, 6}, {3, start + 10, 1}}));
    REQUIRE(index.has_value());
    CHECK(index->data_start == start);
    CHECK(index->data_end == start + 11);
    REQUIRE(index->entries.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
      CHECK(index->entries[i].position == i);
      CHECK(index->entries[i].digest[31] == i + 1);
    }
    CHECK(index->entries[1].offset == start + 4);
    CHECK(index->entries[1].length == 6);
    CHECK(index->entries[1].crc32 == core::crc32("bbbbbb"));
    // An empty pack is a pack.
    const std::optional<cache::PackIndex> empty = index_of(pack_of("", {}));
    REQUIRE(empty.has_value());
    CHECK(empty->entries.empty());
  }

  TEST_CASE(
      "strings anywhere before the index: gaps, overlaps and any order are a pack, the header and the index not") {
    const std::size_t start = header_size();
    const std::string data = "aaaa--bbbbbb";
    const std::vector<Listed> gapped = {{2, start + 6, 6}, {1, start, 4}};
    const std::optional<cache::PackIndex> index = index_of(pack_of(data, gapped));
    REQUIRE(index.has_value());
    CHECK(index->entries.size() == 2);
    CHECK(index->entries[0].offset == start + 6);  // in the index's order
    CHECK(index->end == pack_of(data, gapped).size());
    CHECK(index_of(pack_of(data, {{1, start, 5}, {2, start + 4, 6}})).has_value());             // an overlap
    CHECK(index_of(pack_of(data, {{1, start, 4}})).has_value());                                // bytes unlisted
    CHECK_FALSE(index_of(pack_of(data, {{1, start - 1, 4}})).has_value());                      // in the header
    CHECK_FALSE(index_of(pack_of(data, {{1, start + 10, 3}})).has_value());                     // into the index
    CHECK_FALSE(index_of(pack_of(data, {{1, start, 4}, {2, start + 6, 6}}, "x")).has_value());  // after the entries
  }

  TEST_CASE("a pack appended to, its last append cut short, is read up to the trailer before it") {
    const std::size_t start = header_size();
    const std::string whole = pack_of("aaaa", {{1, start, 4}});
    // Torn after the trailer: part of an append's strings and index, with no trailer of its own, or
    // with a damaged one.
    for (const std::string& torn : {std::string("bbbbbb\x01\x02"), std::string(5000, 'z') + "OCTVPEND"}) {
      const std::optional<cache::PackIndex> index = index_of(whole + torn);
      REQUIRE(index.has_value());
      CHECK(index->end == whole.size());
      REQUIRE(index->entries.size() == 1);
      CHECK(index->entries[0].offset == start);
    }
  }

  TEST_CASE("a count larger than the index's bytes allow is no pack, and reserves nothing") {
    std::string bytes = pack_of("", {});
    // The index is the count's one byte just before the trailer: say 127 entries.
    bytes[bytes.size() - 21] = 0x7F;
    CHECK_FALSE(index_of(bytes).has_value());
  }

  TEST_CASE("another kind or fingerprint, a damaged trailer, or too few bytes is no pack") {
    const std::size_t start = header_size();
    const std::string good = pack_of("aaaa", {{1, start, 4}});
    REQUIRE(index_of(good).has_value());
    CHECK_FALSE(index_of(good, "octavo other pack 1\n").has_value());
    CHECK_FALSE(index_of(good, kind, "program 2").has_value());
    for (const std::size_t from_end : {1, 9, 20}) {  // the end mark, the offset's CRC, the offset
      std::string damaged = good;
      damaged[damaged.size() - from_end] ^= 0x01;
      CAPTURE(from_end);
      CHECK_FALSE(index_of(damaged).has_value());
    }
    for (std::size_t length = 0; length < good.size(); ++length)
      CHECK_FALSE(index_of(good.substr(0, length)).has_value());
  }

  TEST_CASE("a pack written with finish_pack reads back, put in place by its rename") {
    const test::TemporaryFolder folder("pack-file-finish");
    fs::create_directories(folder.root);
    const std::string path = (folder.root / "test.pack").string();
    const std::string next_path = cache::next_pack_path(path);
    CHECK(next_path != path);
    const std::string header = cache::pack_header(kind, fingerprint);
    std::vector<cache::PackEntry> entries;
    {
      core::OutputFile next(next_path);
      next.write(header);
      std::uint64_t size = header.size();
      for (const std::string& bytes : {std::string("first"), std::string("second string")}) {
        next.write(bytes);
        entries.push_back({core::sha256(bytes), size, bytes.size(), core::crc32(bytes), entries.size()});
        size += bytes.size();
      }
      REQUIRE(cache::finish_pack(next, entries, size, next_path, path));
    }
    CHECK_FALSE(fs::exists(next_path));
    const core::InputFile file(path);
    const std::optional<cache::PackIndex> index = cache::read_pack_index(file, kind, fingerprint);
    REQUIRE(index.has_value());
    REQUIRE(index->entries.size() == 2);
    CHECK(index->entries[1].digest == core::sha256("second string"));
    CHECK(file.read_at(index->entries[1].offset, index->entries[1].length) == "second string");
  }
}
