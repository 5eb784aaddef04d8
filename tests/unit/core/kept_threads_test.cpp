#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <thread>
#include <vector>

#include "core/kept_threads.hpp"
#include "core/ordered_pool.hpp"

using namespace octavo::core;
using namespace std::chrono_literals;

namespace {

// Waits up to five seconds for every kept thread to be free again (a thread counts as free just
// after its task returns, so a moment after what the task signalled).
bool all_free() {
  const auto until = std::chrono::steady_clock::now() + 5s;
  while (std::chrono::steady_clock::now() < until) {
    const KeptThreadCount count = kept_thread_count();
    if (count.free == count.started) return true;
    std::this_thread::sleep_for(1ms);
  }
  return false;
}

}  // namespace

TEST_SUITE("core.kept_threads") {
  TEST_CASE("tasks handed over together run at the same time, each on a thread") {
    // Each task waits for all the others: this ends only if every one has a thread of its own.
    // What the tasks share outlives the test case, should a check end it while they run.
    constexpr int tasks = 4;
    struct Shared {
      std::vector<std::promise<void>> arrived = std::vector<std::promise<void>>(tasks);
      std::vector<std::shared_future<void>> each;
      std::vector<std::promise<bool>> done = std::vector<std::promise<bool>>(tasks);
    };
    const auto shared = std::make_shared<Shared>();
    for (auto& promise : shared->arrived) shared->each.push_back(promise.get_future().share());
    std::vector<std::future<bool>> results;
    for (int i = 0; i < tasks; ++i) {
      results.push_back(shared->done[i].get_future());
      REQUIRE(run_on_kept_thread([shared, i] {
        shared->arrived[i].set_value();
        bool all = true;
        for (const auto& other : shared->each) all = all && other.wait_for(5s) == std::future_status::ready;
        shared->done[i].set_value(all);
      }));
    }
    for (auto& result : results) {
      REQUIRE(result.wait_for(10s) == std::future_status::ready);
      CHECK(result.get());
    }
    CHECK(kept_thread_count().started >= tasks);
  }

  TEST_CASE("a thread is kept and serves the next task, and the pools that follow") {
    {  // at least two kept threads, whatever ran before
      OrderedPool<int> pool(2, 4, 4, [](std::size_t i) { return static_cast<int>(i); });
      for (int i = 0; i < 4; ++i) REQUIRE(pool.take() == i);
    }
    REQUIRE(all_free());
    const std::size_t before = kept_thread_count().started;
    REQUIRE(before >= 2);
    std::vector<std::thread::id> served;
    for (int round = 0; round < 20; ++round) {
      std::promise<std::thread::id> ran;
      std::future<std::thread::id> id = ran.get_future();
      REQUIRE(run_on_kept_thread([&ran] { ran.set_value(std::this_thread::get_id()); }));
      served.push_back(id.get());
      REQUIRE(all_free());
    }
    // With a free thread every time, none is started: twenty tasks on the threads there were.
    CHECK(kept_thread_count().started == before);
    CHECK(served.front() != std::this_thread::get_id());
    // Ten pools of two workers one after the other start no thread either, and their workers run
    // on threads that served earlier pools: a thread of each pool's own sees one pool's work only.
    static thread_local int last_round = -1;
    static thread_local int rounds_seen = 0;
    std::atomic<int> most_rounds_seen{0};
    for (int round = 0; round < 10; ++round) {
      OrderedPool<int> pool(2, 50, 4, [&, round](std::size_t i) {
        if (last_round != round) {
          last_round = round;
          const int seen = ++rounds_seen;
          int most = most_rounds_seen.load();
          while (seen > most && !most_rounds_seen.compare_exchange_weak(most, seen)) {
          }
        }
        return static_cast<int>(i);
      });
      for (int i = 0; i < 50; ++i) REQUIRE(pool.take() == i);
      // The next pool follows at once: a pool ends only once its threads are free again.
    }
    CHECK(kept_thread_count().started == before);
    CHECK(most_rounds_seen.load() >= 2);
  }
}
