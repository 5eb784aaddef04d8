#include <dlfcn.h>
#include <doctest/doctest.h>
#include <link.h>

#include <string>

#include "cache/build_fingerprint.hpp"
#include "fonts/font_face.hpp"
#include "fonts/font_set.hpp"

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

TEST_SUITE("cache.build_fingerprint") {
  TEST_CASE("each face is named by its file's name, path and identity as the font set read it") {
    core::DiagnosticList diagnostics;
    const fonts::FontSet fonts(std::string(OCTAVO_SOURCE_DIR) + "/fonts", diagnostics);
    REQUIRE(fonts.ok());
    const std::string fingerprint = cache::build_fingerprint("1", fonts);
    CHECK(fingerprint.starts_with(cache::program_fingerprint("1")));
    for (const fonts::FontFace face : fonts::all_faces) {
      CAPTURE(fonts::font_file_name(face));
      REQUIRE_FALSE(fonts.font_identity(face).empty());
      const std::string line = std::string(fonts::font_file_name(face)) + " " + fonts.font_path(face) + " " +
                               fonts.font_identity(face) + "\n";
      CHECK(fingerprint.find(line) != std::string::npos);
    }
  }
}
