#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <fstream>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/background_priority.hpp"
#include "core/diagnostics.hpp"
#include "side_by_side.hpp"

using octavo::run_side_by_side;
using octavo::SideBySide;
using octavo::core::DiagnosticList;
using octavo::core::DiagnosticSink;

TEST_SUITE("pipeline.side_by_side") {
#ifdef __linux__
  TEST_CASE("the first writer runs at background priority, the second at the caller's") {
    // The first (the EPUB) yields its core to the PDF's layout and fills the time the PDF's end
    // leaves a core idle.
    const int caller = octavo::core::this_thread_niceness();
    if (caller >= 19) return;  // already as low as a thread goes: nothing to tell apart
    int first = caller;
    int second = caller - 1;
    DiagnosticList printed;
    run_side_by_side(
        [&](DiagnosticSink&) {
          first = octavo::core::this_thread_niceness();
          return true;
        },
        [&](DiagnosticSink&) {
          second = octavo::core::this_thread_niceness();
          return true;
        },
        printed, [] { return true; });
    CHECK(first == std::min(caller + octavo::core::background_niceness, 19));
    CHECK(second == caller);
    CHECK(octavo::core::this_thread_niceness() == caller);
  }
#endif

  TEST_CASE("the first writer's diagnostics come first, even when the second reports first") {
    // The first writer waits until the second has reported and returned, so forwarding them as
    // they arrived would print the second's before the first's.
    for (int round = 0; round < 20; ++round) {
      std::promise<void> second_done;
      std::shared_future<void> second_finished = second_done.get_future().share();
      DiagnosticList printed;
      const SideBySide result = run_side_by_side(
          [&](DiagnosticSink& sink) {
            second_finished.wait();
            sink.warning({"book.epub", 0, 0}, "first, one");
            sink.warning({"book.epub", 0, 0}, "first, two");
            return true;
          },
          [&](DiagnosticSink& sink) {
            sink.warning({"a.txt", 3, 1}, "second");
            second_done.set_value();
            return true;
          },
          printed, [] { return true; });
      CHECK(result.first);
      CHECK(result.second);
      CHECK(printed.to_string() ==
            "book.epub: warning: first, one\nbook.epub: warning: first, two\na.txt:3:1: warning: second\n");
    }
  }

  TEST_CASE("once the first writer has finished, the second's diagnostics pass on as they come") {
    std::promise<void> first_done;
    std::shared_future<void> first_finished = first_done.get_future().share();
    DiagnosticList printed;
    bool passed_on_at_once = false;
    run_side_by_side(
        [&](DiagnosticSink& sink) {
          sink.warning({"book.epub", 0, 0}, "first");
          first_done.set_value();
          return true;
        },
        [&](DiagnosticSink& sink) {
          first_finished.wait();
          // The first's thread ends just after it returns: report until its diagnostic is through.
          for (int i = 0; i < 10000 && printed.all().empty(); ++i) {
            sink.warning({"a.txt", 1, 1}, "waiting");
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
          }
          const std::size_t before = printed.all().size();
          sink.warning({"a.txt", 2, 1}, "live");
          passed_on_at_once = printed.all().size() == before + 1;
          return true;
        },
        printed, [] { return true; });
    CHECK(passed_on_at_once);
    REQUIRE(printed.all().size() >= 3);
    CHECK(printed.all().front().message == "first");
    CHECK(printed.all().back().message == "live");
  }

  TEST_CASE("the first writer runs on another thread, the second on the caller's") {
    std::thread::id first_thread;
    std::thread::id second_thread;
    DiagnosticList printed;
    run_side_by_side(
        [&](DiagnosticSink&) {
          first_thread = std::this_thread::get_id();
          return true;
        },
        [&](DiagnosticSink&) {
          second_thread = std::this_thread::get_id();
          return true;
        },
        printed, [] { return true; });
    CHECK(first_thread != std::this_thread::get_id());
    CHECK(second_thread == std::this_thread::get_id());
  }

  TEST_CASE("when keep_second says no, the second's diagnostics are dropped and it counts as failed") {
    DiagnosticList printed;
    bool asked_after_first = false;
    const SideBySide result = run_side_by_side(
        [](DiagnosticSink& sink) {
          sink.error({"book.epub", 0, 0}, "cannot write the EPUB file");
          return false;
        },
        [](DiagnosticSink& sink) {
          sink.warning({"a.txt", 1, 1}, "from the PDF");
          return true;
        },
        printed,
        [&] {
          asked_after_first = printed.error_count() == 1;
          return false;
        });
    CHECK(asked_after_first);
    CHECK_FALSE(result.first);
    CHECK_FALSE(result.second);
    CHECK(printed.to_string() == "book.epub: error: cannot write the EPUB file\n");
  }

  TEST_CASE("an exception from either writer reaches the caller after both returned") {
    DiagnosticList printed;
    bool second_returned = false;
    CHECK_THROWS_AS(run_side_by_side([](DiagnosticSink&) -> bool { throw std::runtime_error("first"); },
                                     [&](DiagnosticSink&) {
                                       second_returned = true;
                                       return true;
                                     },
                                     printed, [] { return true; }),
                    std::runtime_error);
    CHECK(second_returned);
    bool first_returned = false;
    CHECK_THROWS_AS(
        run_side_by_side(
            [&](DiagnosticSink&) {
              first_returned = true;
              return true;
            },
            [](DiagnosticSink&) -> bool { throw std::runtime_error("second"); }, printed, [] { return true; }),
        std::runtime_error);
    CHECK(first_returned);
    CHECK(printed.all().empty());
  }

#ifndef __SANITIZE_ADDRESS__  // AddressSanitizer's allocator keeps freed memory on purpose
  TEST_CASE("the first writer's freed memory goes back to the system when it returns") {
    // The first writer allocates 64 MB in small blocks, then one block it keeps, then frees the
    // rest: glibc's arena for its thread stays resident below the block kept (as the EPUB's did,
    // 139 MB at 10,000 articles) unless it is trimmed.
    const auto resident_bytes = [] {
      std::ifstream statm("/proc/self/statm");
      long pages = 0;
      long resident = 0;
      statm >> pages >> resident;
      return resident * sysconf(_SC_PAGESIZE);
    };
    std::unique_ptr<std::string> kept;
    const long before = resident_bytes();
    DiagnosticList printed;
    run_side_by_side(
        [&](DiagnosticSink&) {
          std::vector<std::string> blocks;
          for (int i = 0; i < 32768; ++i) blocks.emplace_back(2000, 'x');
          kept = std::make_unique<std::string>(2000, 'y');
          return true;
        },
        [](DiagnosticSink&) { return true; }, printed, [] { return true; });
    CHECK(resident_bytes() - before < 16L * 1024 * 1024);
  }
#endif
}
