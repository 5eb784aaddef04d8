#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/diagnostics.hpp"
#include "output_files.hpp"

namespace fs = std::filesystem;
using octavo::OutputFiles;

namespace {

// A scratch folder under the system temporary directory, removed at the end of the test.
struct ScratchFolder {
  fs::path path = fs::temp_directory_path() / ("octavo-output-files-" + std::to_string(::getpid()));
  ScratchFolder() { fs::create_directories(path); }
  ~ScratchFolder() { fs::remove_all(path); }
};

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t entries(const fs::path& folder) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

}  // namespace

TEST_SUITE("pipeline.output_files") {
  TEST_CASE("nothing is replaced and no temporary is left when the books are not committed") {
    ScratchFolder scratch;
    const fs::path book = scratch.path / "book.pdf";
    write(book, "previous");
    {
      OutputFiles outputs;
      const std::string temporary = outputs.temporary_for(book.string());
      CHECK(fs::path(temporary).parent_path() == scratch.path);
      write(temporary, "half-written");
    }
    CHECK(read(book) == "previous");
    CHECK(entries(scratch.path) == 1);
  }

  TEST_CASE("commit replaces every target") {
    ScratchFolder scratch;
    write(scratch.path / "book.epub", "old epub");
    octavo::core::DiagnosticList sink;
    OutputFiles outputs;
    write(outputs.temporary_for((scratch.path / "book.epub").string()), "new epub");
    write(outputs.temporary_for((scratch.path / "book.pdf").string()), "new pdf");
    REQUIRE(outputs.commit(sink));
    CHECK(read(scratch.path / "book.epub") == "new epub");
    CHECK(read(scratch.path / "book.pdf") == "new pdf");
    CHECK(entries(scratch.path) == 2);
    CHECK(sink.all().empty());
  }

  TEST_CASE("a folder in a target's place is an error before any book is replaced, and the temporaries go") {
    ScratchFolder scratch;
    write(scratch.path / "book.epub", "old epub");
    fs::create_directories(scratch.path / "book.pdf" / "occupied");
    octavo::core::DiagnosticList sink;
    {
      OutputFiles outputs;
      write(outputs.temporary_for((scratch.path / "book.epub").string()), "new epub");
      write(outputs.temporary_for((scratch.path / "book.pdf").string()), "new pdf");
      CHECK_FALSE(outputs.commit(sink));
    }
    CHECK(sink.to_string() == (scratch.path / "book.pdf").string() +
                                  ": error: cannot replace the output file: a folder of that name is in the way\n");
    CHECK(read(scratch.path / "book.epub") == "old epub");
    CHECK(entries(scratch.path) == 2);
  }
}
