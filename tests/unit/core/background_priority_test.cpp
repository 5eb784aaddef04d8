#include "core/background_priority.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <future>
#include <stdexcept>
#include <thread>

using octavo::core::background_niceness;
using octavo::core::lower_this_thread_priority;
using octavo::core::start_in_background;
using octavo::core::this_thread_niceness;

TEST_SUITE("core.background_priority") {
#ifdef __linux__
  TEST_CASE("lowering a thread's priority leaves the thread that started it as it was") {
    const int caller = this_thread_niceness();
    int lowered = caller;
    bool changed = false;
    std::thread([&] {
      changed = lower_this_thread_priority();
      lowered = this_thread_niceness();
    }).join();
    CHECK(changed);
    CHECK(lowered == std::min(caller + background_niceness, 19));
    CHECK(this_thread_niceness() == caller);
  }

  TEST_CASE("work started on a thread of its own runs at background priority") {
    const int caller = this_thread_niceness();
    std::future<int> niceness = start_in_background(std::launch::async, [] { return this_thread_niceness(); });
    CHECK(niceness.get() == std::min(caller + background_niceness, 19));
    CHECK(this_thread_niceness() == caller);
  }

  TEST_CASE("deferred work runs at the priority of the thread that waits for it") {
    // It runs on that thread, which must not be slowed for the rest of the build.
    const int caller = this_thread_niceness();
    std::future<int> niceness = start_in_background(std::launch::deferred, [] { return this_thread_niceness(); });
    CHECK(niceness.get() == caller);
    CHECK(this_thread_niceness() == caller);
  }
#endif

  TEST_CASE("the work's result and its exception come back through the future") {
    CHECK(start_in_background(std::launch::async, [] { return 42; }).get() == 42);
    std::future<int> failed = start_in_background(std::launch::async, []() -> int { throw std::runtime_error("no"); });
    CHECK_THROWS_AS(failed.get(), std::runtime_error);
  }
}
