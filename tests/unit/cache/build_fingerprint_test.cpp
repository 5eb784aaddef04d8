#include <dlfcn.h>
#include <doctest/doctest.h>
#include <link.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "cache/build_fingerprint.hpp"
#include "core/file_system.hpp"

using namespace octavo;

namespace {

int add_name(dl_phdr_info* object, std::size_t, void* names) {
  *static_cast<std::string*>(names) += std::string(object->dlpi_name) + "\n";
  return 0;
}

// Every object loaded now, opened ones included.
std::string loaded_objects() {
  std::string names;
  dl_iterate_phdr(add_name, &names);
  return names;
}

}  // namespace

TEST_SUITE("cache.build_fingerprint") {
  TEST_CASE("the program's fingerprint names the version and the libraries it links") {
    const std::string fingerprint = cache::program_fingerprint("1.2.3");
    CHECK(fingerprint.starts_with("octavo 1.2.3\n/proc/self/exe "));
    CHECK(fingerprint.find("libc.so.6 ") != std::string::npos);
    CHECK(cache::program_fingerprint("1.2.4") != fingerprint);
  }

  TEST_CASE("a library opened while the program runs leaves the fingerprint as it was") {
    // The writers' threads open libraries when they first need them (libzip for the EPUB): a
    // fingerprint taken on another thread must not depend on whether that has happened yet.
    const char* library = "libbz2.so.1.0";  // linked by none of this test's libraries
    REQUIRE(loaded_objects().find(library) == std::string::npos);
    const std::string before = cache::program_fingerprint("1");
    void* opened = dlopen(library, RTLD_NOW | RTLD_LOCAL);
    REQUIRE(opened != nullptr);
    CHECK(loaded_objects().find(library) != std::string::npos);
    CHECK(cache::program_fingerprint("1") == before);
    dlclose(opened);
  }
}

namespace {

namespace fs = std::filesystem;

// A copy of the fonts folder, removed at the end.
struct FontsCopy {
  fs::path folder = fs::temp_directory_path() / ("octavo-fingerprint-" + std::to_string(::getpid()));
  FontsCopy() {
    fs::remove_all(folder);
    fs::copy(std::string(OCTAVO_SOURCE_DIR) + "/fonts", folder);
  }
  ~FontsCopy() { fs::remove_all(folder); }
  FontsCopy(const FontsCopy&) = delete;
  FontsCopy& operator=(const FontsCopy&) = delete;
};

std::string fingerprint_of(const fs::path& folder) {
  core::DiagnosticList diagnostics;
  const fonts::FontSet fonts(folder.string(), diagnostics);
  REQUIRE(fonts.ok());
  return cache::build_fingerprint("1", fonts);
}

}  // namespace

TEST_SUITE("cache.build_fingerprint") {
  TEST_CASE("the fonts' files are in the build's fingerprint: the same files, the same fingerprint") {
    const FontsCopy copy;
    const std::string fingerprint = fingerprint_of(copy.folder);
    CHECK(fingerprint.starts_with(cache::program_fingerprint("1")));
    CHECK(fingerprint.find("NotoSerif-Bold.ttf " + (copy.folder / "NotoSerif-Bold.ttf").string() + " ") !=
          std::string::npos);
    CHECK(fingerprint_of(copy.folder) == fingerprint);
  }

  TEST_CASE("a font written again changes the fingerprint, even with its old bytes and time") {
    const FontsCopy copy;
    const fs::path bold = copy.folder / "NotoSerif-Bold.ttf";
    const std::string before = fingerprint_of(copy.folder);
    // The same bytes written in place, the modification time set back: only the status-change
    // time tells (it cannot be set back).
    const fs::file_time_type modified = fs::last_write_time(bold);
    const std::string bytes = *core::read_whole_file(bold.string());
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    {
      std::ofstream same_file(bold, std::ios::binary | std::ios::trunc);  // in place: the inode stays
      same_file << bytes;
    }
    fs::last_write_time(bold, modified);
    CHECK(fingerprint_of(copy.folder) != before);
  }

  TEST_CASE("another font copied over one, keeping its time, changes the fingerprint") {
    const FontsCopy copy;
    const std::string before = fingerprint_of(copy.folder);
    fs::copy_file(copy.folder / "NotoSerif-BoldItalic.ttf", copy.folder / "NotoSerif-Bold.ttf",
                  fs::copy_options::overwrite_existing);
    fs::last_write_time(copy.folder / "NotoSerif-Bold.ttf", fs::last_write_time(copy.folder / "NotoSerif-Italic.ttf"));
    CHECK(fingerprint_of(copy.folder) != before);
  }
}
