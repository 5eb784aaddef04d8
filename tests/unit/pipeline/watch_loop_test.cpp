#include "watch_loop.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <functional>
#include <memory>
#include <sstream>
#include <string>

#include <unistd.h>

#include "core/diagnostics.hpp"
#include "watch/stop_signals.hpp"

using octavo::build_status_line;
using octavo::BuildOutcome;

namespace {

// Calls `on_release` when destroyed: stands for what a build leaves over.
class Released {
 public:
  explicit Released(std::function<void()> on_release) : on_release_(std::move(on_release)) {}
  Released(const Released&) = delete;
  Released& operator=(const Released&) = delete;
  ~Released() { on_release_(); }

 private:
  std::function<void()> on_release_;
};

}  // namespace

TEST_SUITE("pipeline.watch_loop") {
  TEST_CASE("the status line of a build that wrote its books") {
    CHECK(build_status_line({true, 2, 0, 0, {}}, 1.2, true) == "built in 1.20 s: 2 books");
    CHECK(build_status_line({true, 2, 0, 1, {}}, 0.416, false) == "rebuilt in 0.42 s: 2 books, 1 warning");
    CHECK(build_status_line({true, 1, 0, 3, {}}, 0.05, false) == "rebuilt in 0.05 s: 1 book, 3 warnings");
  }

  TEST_CASE("the status line of a failed build") {
    CHECK(build_status_line({false, 0, 2, 1, {}}, 0.1, false) ==
          "build failed in 0.10 s (2 errors); the last good books are kept");
    CHECK(build_status_line({false, 0, 1, 0, {}}, 0.1, true) ==
          "build failed in 0.10 s (1 error); the last good books are kept");
    // --strict: warnings alone fail the build.
    CHECK(build_status_line({false, 0, 0, 2, {}}, 0.1, false) ==
          "build failed in 0.10 s (2 warnings); the last good books are kept");
  }

  TEST_CASE("what a build left over is let go after its status line, not before") {
    namespace fs = std::filesystem;
    const fs::path corpus = fs::temp_directory_path() / ("octavo-watch-left-" + std::to_string(::getpid()));
    fs::create_directories(corpus);
    octavo::watch::StopSignals stop;  // SIGINT blocked in this thread, taken through its descriptor
    REQUIRE(stop.descriptor() >= 0);
    std::ostringstream status;
    std::string said_when_released = "(not released)";
    const auto build = [&] {
      BuildOutcome outcome{true, 2, 0, 0, {}};
      outcome.left_over.push_back(std::make_shared<const Released>([&] { said_when_released = status.str(); }));
      std::raise(SIGINT);  // pending: the watch stops after this first build
      return outcome;
    };
    octavo::core::DiagnosticList sink;
    const octavo::WatchSetup setup{corpus.string(), (corpus.parent_path() / "octavo-watch-left-out").string(),
                                   (corpus / "no-styles").string(), false};
    CHECK(octavo::watch_corpus(setup, stop, build, sink, status) == 0);
    CHECK(said_when_released.starts_with("octavo: built in "));
    fs::remove_all(corpus);
  }
}
