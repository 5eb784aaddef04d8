#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <optional>

#include "core/diagnostics.hpp"
#include "epub/zip_container.hpp"

using namespace octavo;

namespace {

std::uint32_t read_le(const std::string& bytes, std::size_t at, int size) {
  std::uint32_t value = 0;
  for (int i = size - 1; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(bytes.at(at + i));
  return value;
}

// What a ZIP reader sees of one entry: from its local header and its central directory record.
struct Entry {
  std::string name;
  std::uint32_t method, flags, extra_length, dos_time, dos_date, version_made_by, external_attributes;
  std::size_t data_offset;
};

// Walks the local headers in file order (APPNOTE.TXT §4.3.7) and checks each against the central
// directory (§4.3.12), which lists the same entries in the same order.
std::vector<Entry> read_entries(const std::string& zip) {
  std::vector<Entry> entries;
  std::size_t at = 0;
  while (read_le(zip, at, 4) == 0x04034b50) {
    Entry entry{};
    entry.flags = read_le(zip, at + 6, 2);
    entry.method = read_le(zip, at + 8, 2);
    entry.dos_time = read_le(zip, at + 10, 2);
    entry.dos_date = read_le(zip, at + 12, 2);
    const std::uint32_t compressed = read_le(zip, at + 18, 4);
    const std::uint32_t name_length = read_le(zip, at + 26, 2);
    entry.extra_length = read_le(zip, at + 28, 2);
    entry.name = zip.substr(at + 30, name_length);
    entry.data_offset = at + 30 + name_length + entry.extra_length;
    at = entry.data_offset + compressed;
    entries.push_back(entry);
  }
  std::size_t central = at;
  for (Entry& entry : entries) {
    REQUIRE(read_le(zip, central, 4) == 0x02014b50);
    entry.version_made_by = read_le(zip, central + 4, 2);
    entry.external_attributes = read_le(zip, central + 38, 4);
    CHECK(zip.substr(central + 46, read_le(zip, central + 28, 2)) == entry.name);
    central += 46 + read_le(zip, central + 28, 2) + read_le(zip, central + 30, 2) + read_le(zip, central + 32, 2);
  }
  CHECK(read_le(zip, central, 4) == 0x06054b50);
  return entries;
}

const std::vector<epub::ContainerFile> files = {
    {"META-INF/container.xml", "<container/>"},
    {"EPUB/package.opf", std::string(2000, 'x')},
    {"EPUB/text/b.xhtml", "b"},
    {"EPUB/text/a.xhtml", ""},
};

std::string zip_under_tz(const char* tz) {
  const char* old = std::getenv("TZ");
  const std::optional<std::string> saved = old != nullptr ? std::optional<std::string>(old) : std::nullopt;
  setenv("TZ", tz, 1);
  tzset();
  core::DiagnosticList sink;
  const std::optional<std::string> zip = epub::zip_container(files, sink);
  if (saved) {
    setenv("TZ", saved->c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
  REQUIRE(zip);
  return *zip;
}

}  // namespace

TEST_SUITE("epub.zip_container") {
  TEST_CASE("mimetype first, stored, without extra field, its content at byte 38") {
    core::DiagnosticList sink;
    const std::optional<std::string> zip = epub::zip_container(files, sink);
    REQUIRE(zip);
    CHECK(sink.to_string() == "");
    const std::vector<Entry> entries = read_entries(*zip);
    REQUIRE(!entries.empty());
    CHECK(entries[0].name == "mimetype");
    CHECK(entries[0].method == 0);
    CHECK(entries[0].extra_length == 0);
    CHECK(zip->substr(30, 8) == "mimetype");
    CHECK(zip->substr(38, 20) == "application/epub+zip");
  }

  TEST_CASE("then the files in the order given, deflated, without data descriptors or extra fields") {
    core::DiagnosticList sink;
    const std::vector<Entry> entries = read_entries(*epub::zip_container(files, sink));
    REQUIRE(entries.size() == 5);
    CHECK(entries[1].name == "META-INF/container.xml");
    CHECK(entries[2].name == "EPUB/package.opf");
    CHECK(entries[3].name == "EPUB/text/b.xhtml");
    CHECK(entries[4].name == "EPUB/text/a.xhtml");
    for (std::size_t i = 1; i < entries.size(); ++i) {
      CHECK(entries[i].method == 8);
      CHECK(entries[i].extra_length == 0);
      CHECK((entries[i].flags & 0x8) == 0);
    }
  }

  TEST_CASE("every entry: 2000-01-01 12:00:00 and rw-r--r-- from a Unix host") {
    core::DiagnosticList sink;
    for (const Entry& entry : read_entries(*epub::zip_container(files, sink))) {
      CAPTURE(entry.name);
      CHECK(entry.dos_time == (12u << 11));
      CHECK(entry.dos_date == ((20u << 9) | (1u << 5) | 1u));
      CHECK((entry.version_made_by >> 8) == 3);
      CHECK(entry.external_attributes == 0100644u << 16);
    }
  }

  TEST_CASE("byte-identical across runs and across time zones") {
    const std::string utc = zip_under_tz("UTC");
    CHECK(zip_under_tz("UTC") == utc);
    CHECK(zip_under_tz("Pacific/Kiritimati") == utc);
    CHECK(zip_under_tz("America/Los_Angeles") == utc);
    CHECK(zip_under_tz("Australia/Sydney") == utc);  // daylight saving time in January
  }

  TEST_CASE("a duplicate path is an error, not an archive") {
    core::DiagnosticList sink;
    CHECK_FALSE(epub::zip_container({{"a", "1"}, {"a", "2"}}, sink));
    CHECK(sink.to_string() == "error: cannot build the epub archive: File already exists (a)\n");
  }
}
