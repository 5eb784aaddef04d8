#include <dlfcn.h>
#include <doctest/doctest.h>
#include <libdeflate.h>
#include <sys/resource.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include <atomic>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

#include "core/deflate.hpp"
#include "core/diagnostics.hpp"
#include "epub/zip_container.hpp"

using namespace octavo;
namespace fs = std::filesystem;

// Every deflate stream this process finishes, the container's and libzip's, ends here: the test
// executable's definition of zlib's deflate takes precedence over libz's for libzip too (ELF
// symbol interposition), and hands the call on to libz's. A stream is counted when deflate
// answers Z_STREAM_END. zlib gives that answer again to each further Z_FINISH on an ended
// stream, but neither core::deflate nor libzip calls deflate on a stream once it has ended, so
// each stream counts once however many calls it took. (Counting deflateInit2 would count threads,
// not streams: a zlib stream is reused after deflateReset.)
std::atomic<int> deflate_streams{0};

extern "C" int deflate(z_streamp stream, int flush) {
  using Deflate = int (*)(z_streamp, int);
  static const auto zlib_deflate = reinterpret_cast<Deflate>(dlsym(RTLD_NEXT, "deflate"));
  const int status = zlib_deflate(stream, flush);
  if (status == Z_STREAM_END) ++deflate_streams;
  return status;
}

// The same for libdeflate, which deflates each file up to core::zip_whole_limit in one call. Its
// archive may be linked into the executable (OCTAVO_STATIC_LIBRARIES), where a definition of the
// same name would clash, so the test links with --wrap (tests/CMakeLists.txt): every call from the
// linked objects comes here, and __real_ is libdeflate's, static or shared.
extern "C" size_t __real_libdeflate_deflate_compress(libdeflate_compressor* compressor, const void* in, size_t in_size,
                                                     void* out, size_t out_size);
extern "C" size_t __wrap_libdeflate_deflate_compress(libdeflate_compressor* compressor, const void* in, size_t in_size,
                                                     void* out, size_t out_size) {
  ++deflate_streams;
  return __real_libdeflate_deflate_compress(compressor, in, in_size, out, out_size);
}

namespace {

struct File {
  std::string path;
  std::string content;
};

const std::vector<File> files = {
    {"META-INF/container.xml", "<container/>"},
    {"EPUB/package.opf", std::string(2000, 'x')},
    {"EPUB/text/b.xhtml", "b"},
    {"EPUB/text/a.xhtml", ""},
};

// A path of this process's own in the temporary folder; whatever is there goes with the object.
struct ScratchFile {
  explicit ScratchFile(const std::string& name)
      : path((fs::temp_directory_path() / ("octavo-unit-zip-" + std::to_string(::getpid()) + "-" + name)).string()) {
    fs::remove(path);
  }
  ~ScratchFile() {
    std::error_code ignored;
    fs::remove(path, ignored);
  }
  std::string path;
};

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

epub::ZipContainer container_of(const std::vector<File>& contents) {
  epub::ZipContainer container;
  for (const File& file : contents) container.add(file.path, core::deflate_zip_entry(file.content, nullptr));
  return container;
}

// The archive's bytes as written to a file; empty, with a failed check, if it could not be written.
std::string zip_of(const std::vector<File>& contents) {
  ScratchFile out("archive.epub");
  core::DiagnosticList sink;
  CHECK(container_of(contents).write(out.path, sink));
  CHECK(sink.to_string() == "");
  return read_bytes(out.path);
}

std::uint32_t read_le(const std::string& bytes, std::size_t at, int size) {
  std::uint32_t value = 0;
  for (int i = size - 1; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(bytes.at(at + i));
  return value;
}

// What a ZIP reader sees of one entry: from its local header and its central directory record.
struct Entry {
  std::string name;
  std::uint32_t version_needed, method, flags, extra_length, dos_time, dos_date, version_made_by, external_attributes;
  std::uint32_t crc, size;  // of the uncompressed bytes, from the local header
  std::size_t data_offset;
};

// Walks the local headers in file order (APPNOTE.TXT §4.3.7) and checks each against the central
// directory (§4.3.12), which lists the same entries in the same order.
std::vector<Entry> read_entries(const std::string& zip) {
  std::vector<Entry> entries;
  std::size_t at = 0;
  while (zip.size() >= at + 4 && read_le(zip, at, 4) == 0x04034b50) {
    Entry entry{};
    entry.version_needed = read_le(zip, at + 4, 2);
    entry.flags = read_le(zip, at + 6, 2);
    entry.method = read_le(zip, at + 8, 2);
    entry.crc = read_le(zip, at + 14, 4);
    entry.size = read_le(zip, at + 22, 4);
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
    CHECK(read_le(zip, central + 6, 2) == entry.version_needed);
    CHECK(read_le(zip, central + 8, 2) == entry.flags);
    entry.external_attributes = read_le(zip, central + 38, 4);
    CHECK(zip.substr(central + 46, read_le(zip, central + 28, 2)) == entry.name);
    central += 46 + read_le(zip, central + 28, 2) + read_le(zip, central + 30, 2) + read_le(zip, central + 32, 2);
  }
  CHECK(read_le(zip, central, 4) == 0x06054b50);
  return entries;
}

// Each entry as libzip reads it back, its CRC and sizes checked against the data (ZIP_CHECKCONS,
// and zip_fread fails on a CRC mismatch).
std::vector<File> unzip(const std::string& path) {
  std::vector<File> entries;
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
  REQUIRE(archive != nullptr);
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t stat;
    REQUIRE(zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat) == 0);
    std::string content(stat.size, '\0');
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    REQUIRE(file != nullptr);
    CHECK(zip_fread(file, content.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
    char beyond = 0;
    CHECK(zip_fread(file, &beyond, 1) == 0);  // the end, and the CRC checked
    zip_fclose(file);
    entries.push_back({stat.name, content});
  }
  zip_discard(archive);
  return entries;
}

// The archive libzip makes when it deflates the files itself at level 6: the same order, methods,
// time and permissions, built in memory.
std::string deflated_by_libzip(const std::vector<File>& contents) {
  std::tm fixed{};
  fixed.tm_year = 2000 - 1900;
  fixed.tm_mday = 1;
  fixed.tm_hour = 12;
  fixed.tm_isdst = -1;
  const std::time_t time = std::mktime(&fixed);
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  REQUIRE(archive != nullptr);
  zip_source_keep(buffer);
  const auto add = [&](const std::string& path, const std::string& content, zip_int32_t method) {
    const zip_int64_t index = zip_file_add(
        archive, path.c_str(), zip_source_buffer(archive, content.data(), content.size(), 0), ZIP_FL_ENC_UTF_8);
    REQUIRE(index >= 0);
    const auto entry = static_cast<zip_uint64_t>(index);
    zip_set_file_compression(archive, entry, method, method == ZIP_CM_DEFLATE ? 6 : 0);
    zip_file_set_mtime(archive, entry, time, 0);
    zip_file_set_external_attributes(archive, entry, 0, ZIP_OPSYS_UNIX, 0100644u << 16);
  };
  const std::string mimetype = "application/epub+zip";
  add("mimetype", mimetype, ZIP_CM_STORE);
  for (const File& file : contents) add(file.path, file.content, ZIP_CM_DEFLATE);
  REQUIRE(zip_close(archive) == 0);
  REQUIRE(zip_source_open(buffer) == 0);
  zip_source_seek(buffer, 0, SEEK_END);
  std::string bytes(static_cast<std::size_t>(zip_source_tell(buffer)), '\0');
  zip_source_seek(buffer, 0, SEEK_SET);
  CHECK(zip_source_read(buffer, bytes.data(), bytes.size()) == static_cast<zip_int64_t>(bytes.size()));
  zip_source_close(buffer);
  zip_source_free(buffer);
  return bytes;
}

// Text in which deflate finds repeats, and bytes in which it finds none.
std::string varied_bytes(std::size_t size, bool text) {
  std::string bytes;
  std::uint32_t state = 7;
  while (bytes.size() < size) {
    state = state * 1103515245u + 12345u;
    bytes +=
        text ? std::string(1 + (state >> 16) % 9, "abcdefgh "[(state >> 8) % 9]) : std::string(1, char(state >> 24));
  }
  bytes.resize(size);
  return bytes;
}

std::string zip_under_tz(const char* tz) {
  const char* old = std::getenv("TZ");
  const std::optional<std::string> saved = old != nullptr ? std::optional<std::string>(old) : std::nullopt;
  setenv("TZ", tz, 1);
  tzset();
  const std::string zip = zip_of(files);
  if (saved) {
    setenv("TZ", saved->c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
  return zip;
}

}  // namespace

TEST_SUITE("epub.zip_container") {
  TEST_CASE("mimetype first, stored, without extra field, its content at byte 38") {
    const std::string zip = zip_of(files);
    const std::vector<Entry> entries = read_entries(zip);
    REQUIRE(!entries.empty());
    CHECK(entries[0].name == "mimetype");
    CHECK(entries[0].method == 0);
    CHECK(entries[0].extra_length == 0);
    CHECK(zip.substr(30, 8) == "mimetype");
    CHECK(zip.substr(38, 20) == "application/epub+zip");
  }

  TEST_CASE("then the files in the order given, deflated, without data descriptors or extra fields") {
    const std::vector<Entry> entries = read_entries(zip_of(files));
    REQUIRE(entries.size() == 5);
    CHECK(entries[1].name == "META-INF/container.xml");
    CHECK(entries[2].name == "EPUB/package.opf");
    CHECK(entries[3].name == "EPUB/text/b.xhtml");
    CHECK(entries[4].name == "EPUB/text/a.xhtml");
    for (std::size_t i = 1; i < entries.size(); ++i) {
      CAPTURE(entries[i].name);
      CHECK(entries[i].method == 8);
      CHECK(entries[i].extra_length == 0);
      CHECK(entries[i].flags == 0x0000);       // normal compression, as libzip marks its level 6
      CHECK(entries[i].version_needed == 20);  // 2.0: deflate
    }
  }

  TEST_CASE("every entry: 2000-01-01 12:00:00 and rw-r--r-- from a Unix host") {
    for (const Entry& entry : read_entries(zip_of(files))) {
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

  TEST_CASE("libzip reads every entry back as it was added") {
    const std::vector<File> contents = {{"EPUB/text/long.xhtml", varied_bytes(200000, true)},
                                        {"EPUB/images/noise.png", varied_bytes(70000, false)},
                                        {"EPUB/text/empty.xhtml", ""}};
    ScratchFile out("read-back.epub");
    core::DiagnosticList sink;
    REQUIRE(container_of(contents).write(out.path, sink));
    const std::vector<File> entries = unzip(out.path);
    REQUIRE(entries.size() == 4);
    CHECK(entries[0].path == "mimetype");
    CHECK(entries[0].content == "application/epub+zip");
    for (std::size_t i = 0; i < contents.size(); ++i) {
      CHECK(entries[i + 1].path == contents[i].path);
      CHECK(entries[i + 1].content == contents[i].content);
    }
  }

  TEST_CASE("the archive libzip makes when it deflates the files itself, but for libdeflate's streams") {
    std::vector<File> contents = files;
    contents.push_back({"EPUB/text/long.xhtml", varied_bytes(core::zip_whole_limit, true)});
    contents.push_back({"EPUB/images/noise.png", varied_bytes(core::zip_whole_limit - 1, false)});
    const std::string ours = zip_of(contents);
    const std::string libzips = deflated_by_libzip(contents);
    const std::vector<Entry> entries = read_entries(ours);
    const std::vector<Entry> expected = read_entries(libzips);
    REQUIRE(entries.size() == expected.size());
    REQUIRE(entries.size() == contents.size() + 1);
    CHECK(ours.substr(0, entries[1].data_offset - 30 - entries[1].name.size()) ==
          libzips.substr(0, expected[1].data_offset - 30 - expected[1].name.size()));  // mimetype, stored
    for (std::size_t i = 0; i < entries.size(); ++i) {
      CAPTURE(entries[i].name);
      CHECK(entries[i].name == expected[i].name);
      CHECK(entries[i].version_needed == expected[i].version_needed);
      CHECK(entries[i].method == expected[i].method);
      CHECK(entries[i].flags == expected[i].flags);
      CHECK(entries[i].extra_length == expected[i].extra_length);
      CHECK(entries[i].dos_time == expected[i].dos_time);
      CHECK(entries[i].dos_date == expected[i].dos_date);
      CHECK(entries[i].version_made_by == expected[i].version_made_by);
      CHECK(entries[i].external_attributes == expected[i].external_attributes);
      CHECK(entries[i].crc == expected[i].crc);
      CHECK(entries[i].size == expected[i].size);
      if (i == 0) continue;
      const std::string stream = core::deflate_whole(contents[i - 1].content);
      CHECK(ours.substr(entries[i].data_offset, stream.size()) == stream);
    }
    ScratchFile out("whole.epub");
    core::DiagnosticList sink;
    REQUIRE(container_of(contents).write(out.path, sink));
    const std::vector<File> read_back = unzip(out.path);
    REQUIRE(read_back.size() == entries.size());
    for (std::size_t i = 0; i < contents.size(); ++i) CHECK(read_back[i + 1].content == contents[i].content);
  }

  TEST_CASE("longer files are deflated in pieces: another archive, which libzip reads back the same") {
    const std::vector<File> contents = {{"EPUB/text/long.xhtml", varied_bytes(300000, true)},
                                        {"EPUB/images/noise.png", varied_bytes(200000, false)}};
    CHECK(zip_of(contents) != deflated_by_libzip(contents));
    ScratchFile out("pieces.epub");
    core::DiagnosticList sink;
    REQUIRE(container_of(contents).write(out.path, sink));
    const std::vector<File> entries = unzip(out.path);
    REQUIRE(entries.size() == 3);
    CHECK(entries[1].content == contents[0].content);
    CHECK(entries[2].content == contents[1].content);
  }

  TEST_CASE("writing copies the deflated bytes: each file is deflated once, when it is added") {
    const int before = deflate_streams;
    const epub::ZipContainer container = container_of(files);
    CHECK(deflate_streams - before == 3);  // the empty file's stream is two fixed bytes
    ScratchFile out("copied.epub");
    core::DiagnosticList sink;
    CHECK(container.write(out.path, sink));
    CHECK(deflate_streams - before == 3);
  }

  TEST_CASE("an existing file at the path is replaced, not appended to") {
    ScratchFile out("replaced.epub");
    std::ofstream(out.path, std::ios::binary) << std::string(100000, 'z');
    core::DiagnosticList sink;
    REQUIRE(container_of(files).write(out.path, sink));
    CHECK(read_bytes(out.path) == zip_of(files));
  }

  TEST_CASE("a duplicate path is one error, and no file") {
    ScratchFile out("duplicate.epub");
    core::DiagnosticList sink;
    CHECK_FALSE(container_of({{"a", "1"}, {"a", "2"}}).write(out.path, sink));
    CHECK(sink.to_string() == "error: cannot build the epub archive: File already exists (a)\n");
    CHECK_FALSE(fs::exists(out.path));
  }

  TEST_CASE("a file that cannot be made is one error naming it and the reason") {
    core::DiagnosticList sink;
    CHECK_FALSE(container_of(files).write("/nonexistent-octavo-dir/book.epub", sink));
    CHECK(sink.to_string() ==
          "/nonexistent-octavo-dir/book.epub: error: cannot write the EPUB file: No such file or directory\n");
  }

  TEST_CASE("a file that cannot be written to the end is one error, and is removed") {
    const epub::ZipContainer container = container_of({{"EPUB/images/noise.png", varied_bytes(100000, false)}});
    ScratchFile out("too-large.epub");
    // No file of this process may grow past 4 KiB for the call: a write beyond fails with EFBIG,
    // as on a full disk, once SIGXFSZ (which would end the process) is ignored.
    rlimit limit{};
    REQUIRE(getrlimit(RLIMIT_FSIZE, &limit) == 0);
    const rlimit saved = limit;
    limit.rlim_cur = 4096;
    const auto saved_handler = std::signal(SIGXFSZ, SIG_IGN);
    REQUIRE(setrlimit(RLIMIT_FSIZE, &limit) == 0);
    core::DiagnosticList sink;
    const bool written = container.write(out.path, sink);
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, saved_handler);
    CHECK_FALSE(written);
    CHECK(sink.to_string() == out.path + ": error: cannot write the EPUB file: File too large\n");
    CHECK_FALSE(fs::exists(out.path));
  }
}
