#include "compile.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <string>

#include "core/diagnostics.hpp"
#include "pdf/haru_document.hpp"

namespace fs = std::filesystem;

namespace {

// A scratch folder under the system temporary directory, removed at the end of the test.
struct ScratchFolder {
  fs::path path = fs::temp_directory_path() / ("octavo-compile-" + std::to_string(::getpid()));
  ScratchFolder() { fs::create_directories(path); }
  ~ScratchFolder() { fs::remove_all(path); }
};

}  // namespace

TEST_SUITE("pipeline.compile") {
  TEST_CASE("a build the process ends with keeps the PDF's writing to the exit; another frees it") {
    const ScratchFolder scratch;
    octavo::CompileOptions options;
    options.corpus_dir = std::string(OCTAVO_SOURCE_DIR) + "/corpus";
    options.data_dir = OCTAVO_SOURCE_DIR;
    options.version = "test";
    options.formats = octavo::Formats::pdf;
    options.cache = false;
    octavo::core::DiagnosticList diagnostics;
    // libharu's memory, counted by its adapter, stands for the whole of the writing.
    const std::size_t at_start = octavo::pdf::HaruDocument::heap_in_use();

    options.output_dir = (scratch.path / "freed").string();
    REQUIRE(octavo::compile(options, diagnostics).exit_code == 0);
    CHECK(octavo::pdf::HaruDocument::heap_in_use() == at_start);

    options.output_dir = (scratch.path / "kept").string();
    options.exits_after = true;
    const octavo::CompileResult kept = octavo::compile(options, diagnostics);
    REQUIRE(kept.exit_code == 0);
    CHECK(kept.written.size() == 1);
    // Still held, and reachable: the sanitizer build's leak check passes this test.
    CHECK(octavo::pdf::HaruDocument::heap_in_use() > at_start);
  }
}
