#include <doctest/doctest.h>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "compile.hpp"
#include "recording_progress.hpp"
#include "terminal_progress.hpp"

using namespace std::chrono_literals;
using octavo::TerminalProgress;

namespace {

// A clock the test moves by hand, and the progress drawn with it into a string.
struct Fixture {
  std::chrono::steady_clock::time_point time{};
  std::ostringstream out;
  TerminalProgress progress{out, [this] { return time; }};

  // What was written since the last call.
  std::string written() {
    std::string text = out.str();
    out.str("");
    return text;
  }
};

}  // namespace

TEST_SUITE("pipeline.terminal_progress") {
  TEST_CASE("counts are grouped by thousands, whatever the locale") {
    CHECK(octavo::group_thousands(0) == "0");
    CHECK(octavo::group_thousands(999) == "999");
    CHECK(octavo::group_thousands(1000) == "1,000");
    CHECK(octavo::group_thousands(100000) == "100,000");
    CHECK(octavo::group_thousands(1234567) == "1,234,567");
  }

  TEST_CASE("the line: stage, the count right-aligned to the total, the unit") {
    CHECK(octavo::progress_line("Laying out", 412, 1000, "articles") == "Laying out    412/1,000 articles");
    CHECK(octavo::progress_line("Laying out", 1000, 1000, "articles") == "Laying out  1,000/1,000 articles");
    CHECK(octavo::progress_line("Writing PDF", 7, 9, "pages") == "Writing PDF  7/9 pages");
    CHECK(octavo::progress_line("Writing PDF", 12, 9, "pages") == "Writing PDF  9/9 pages");
    CHECK(octavo::progress_line("Saving PDF", 0, 0, "") == "Saving PDF");
  }

  TEST_CASE("nothing in the first half second") {
    Fixture f;
    f.progress.stage("Reading", 10, "articles");
    f.time += 499ms;
    f.progress.advance(3);
    f.progress.hide();
    CHECK(f.written() == "");
    f.time += 1ms;
    f.progress.advance();
    CHECK(f.written() == "\rReading   4/10 articles");
  }

  TEST_CASE("at most one draw a tenth of a second, however many reports") {
    Fixture f;
    f.time += 1s;
    f.progress.stage("Laying out", 100000, "articles");
    CHECK(f.written() == "\rLaying out        0/100,000 articles");
    int draws = 0;
    for (int step = 0; step < 20000; ++step) {  // 20,000 articles in 2 s
      f.time += 100us;
      f.progress.advance();
      if (!f.written().empty()) ++draws;
    }
    CHECK(draws == 20);
    f.time += 50ms;
    f.progress.advance();
    CHECK(f.written() == "");
    f.time += 50ms;
    f.progress.advance();
    CHECK(f.written() == "\rLaying out   20,002/100,000 articles");
  }

  TEST_CASE("a stage's start and its completion are drawn at once") {
    Fixture f;
    f.time += 1s;
    f.progress.stage("Writing EPUB", 2, "articles");
    CHECK(f.written() == "\rWriting EPUB  0/2 articles");
    f.time += 1ms;
    f.progress.advance();
    CHECK(f.written() == "");
    f.time += 1ms;
    f.progress.advance();
    CHECK(f.written() == "\rWriting EPUB  2/2 articles");
    // A shorter line covers the rest of the longer one with spaces.
    f.time += 1ms;
    f.progress.stage("Saving PDF", 0, "");
    CHECK(f.written() == "\rSaving PDF                ");
  }

  TEST_CASE("hide clears the whole line once; the next report draws it again") {
    Fixture f;
    f.time += 1s;
    f.progress.stage("Writing PDF", 50, "pages");
    f.progress.hide();
    CHECK(f.written() == "\rWriting PDF   0/50 pages\r                        \r");
    f.progress.hide();
    CHECK(f.written() == "");
    f.time += 100ms;
    f.progress.advance();
    CHECK(f.written() == "\rWriting PDF   1/50 pages");
  }

  TEST_CASE("reports before the first stage draw nothing; destruction hides the line") {
    std::ostringstream out;
    std::chrono::steady_clock::time_point time{};
    {
      TerminalProgress progress(out, [&] { return time; });
      time += 1s;
      progress.advance();
      CHECK(out.str() == "");
      progress.stage("Reading", 1, "articles");
    }
    CHECK(out.str() == "\rReading  0/1 articles\r                     \r");
  }
}

namespace {

// Records the progress reports and the diagnostics in one log, in the order they arrive.
struct Recorder final : test::RecordingProgress, octavo::core::DiagnosticSink {
  void report(octavo::core::Diagnostic diagnostic) override {
    log += octavo::core::format_diagnostic(diagnostic) + "\n";
  }
};

}  // namespace

TEST_SUITE("pipeline.progress") {
  TEST_CASE("compile hides the progress before every diagnostic and when it returns") {
    namespace fs = std::filesystem;
    const fs::path corpus = fs::temp_directory_path() / ("octavo-progress-" + std::to_string(::getpid()));
    fs::remove_all(corpus);
    fs::create_directories(corpus);
    std::ofstream(corpus / "a.md") << "# A\n\nText \xFF.\n";  // a warning while the articles are read
    std::ofstream(corpus / "b.md") << "# B\n\nText.\n";
    octavo::CompileOptions options;
    options.corpus_dir = corpus.string();
    options.check_only = true;
    options.data_dir = OCTAVO_SOURCE_DIR;
    Recorder recorder;
    CHECK(octavo::compile(options, recorder, recorder).exit_code == 0);
    CHECK(recorder.log ==
          "stage Reading 2 articles\n"
          "hide\n"
          "a.md:3:6: warning: invalid UTF-8 replaced by U+FFFD\n"
          "+1\n"
          "+1\n"
          "hide\n");
    fs::remove_all(corpus);
  }
}
