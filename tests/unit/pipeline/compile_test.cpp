#include "compile.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
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

std::string bytes_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_SUITE("pipeline.compile") {
  TEST_CASE("a build leaves the PDF's writing, its model and the books it replaced to its caller") {
    const ScratchFolder scratch;
    octavo::CompileOptions options;
    options.corpus_dir = std::string(OCTAVO_SOURCE_DIR) + "/corpus";
    options.data_dir = OCTAVO_SOURCE_DIR;
    options.version = "test";
    options.formats = octavo::Formats::pdf;
    options.cache = false;
    options.output_dir = (scratch.path / "out").string();
    octavo::core::DiagnosticList diagnostics;
    // libharu's memory, counted by its adapter, stands for the whole of the writing.
    const std::size_t at_start = octavo::pdf::HaruDocument::heap_in_use();

    octavo::CompileResult first = octavo::compile(options, diagnostics);
    REQUIRE(first.exit_code == 0);
    REQUIRE(first.written.size() == 1);
    // Still held: the writing and the model, and no book replaced yet.
    CHECK(octavo::pdf::HaruDocument::heap_in_use() > at_start);
    CHECK(first.left_over.size() == 2);
    first.left_over.clear();
    CHECK(octavo::pdf::HaruDocument::heap_in_use() == at_start);

    // The second build replaces the first's book: the old file is held open until let go.
    struct stat before {};
    REQUIRE(::stat(first.written[0].c_str(), &before) == 0);
    octavo::CompileResult second = octavo::compile(options, diagnostics);
    REQUIRE(second.exit_code == 0);
    CHECK(second.left_over.size() == 3);
    struct stat after {};
    REQUIRE(::stat(second.written[0].c_str(), &after) == 0);
    CHECK(after.st_ino != before.st_ino);
    second.left_over.clear();
    CHECK(octavo::pdf::HaruDocument::heap_in_use() == at_start);
  }

  TEST_CASE("builds with what earlier builds kept make the books a build without it makes") {
    const ScratchFolder scratch;
    const fs::path corpus = scratch.path / "corpus";
    fs::copy(std::string(OCTAVO_SOURCE_DIR) + "/corpus", corpus);
    octavo::CompileOptions options;
    options.corpus_dir = corpus.string();
    options.data_dir = OCTAVO_SOURCE_DIR;
    options.version = "test";
    options.cache = false;
    octavo::KeptBetweenBuilds kept;
    // Both books of a build with `kept` and of one without, into folders of their own.
    const auto build = [&](const char* folder, octavo::KeptBetweenBuilds* with) {
      options.output_dir = (scratch.path / folder).string();
      octavo::core::DiagnosticList diagnostics;
      const octavo::CompileResult result = octavo::compile(options, diagnostics, octavo::core::no_progress(), with);
      REQUIRE(result.exit_code == 0);
      REQUIRE(result.written.size() == 2);
      return bytes_of(result.written[0]) + bytes_of(result.written[1]) + diagnostics.to_string();
    };
    const std::string anew = build("anew", nullptr);
    CHECK(build("kept", &kept) == anew);
    // What the first build kept: the seeds read, and the book's hyphenation patterns.
    for (const auto& entry : fs::directory_iterator(corpus)) {
      if (entry.path().extension() != ".txt") continue;
      CHECK(kept.text_articles.find(entry.path().filename().string(), bytes_of(entry.path())) != nullptr);
    }
    // (Debian's hyphen-en-us, which .ci/packages.txt installs; without it the book has no patterns.)
    if (const fs::path patterns = "/usr/share/hyphen/hyph_en_US.dic"; fs::exists(patterns)) {
      CHECK(kept.patterns.find("hyph_en_US.dic", bytes_of(patterns)) != nullptr);
    }
    CHECK(build("kept", &kept) == anew);
    // A seed edited: it alone is read again, and the books are those of a build without `kept`.
    fs::path seed;
    for (const auto& entry : fs::directory_iterator(corpus)) {
      if (entry.path().extension() == ".txt" && (seed.empty() || entry.path() < seed)) seed = entry.path();
    }
    REQUIRE(!seed.empty());
    std::ofstream(seed, std::ios::app) << "\nA paragraph added after a blank line, as an author appends one.\n";
    const std::string edited = build("anew", nullptr);
    CHECK(edited != anew);
    CHECK(build("kept", &kept) == edited);
  }
}
