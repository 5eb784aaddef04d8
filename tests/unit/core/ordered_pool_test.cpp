#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/ordered_pool.hpp"

using namespace octavo::core;

TEST_SUITE("core.ordered_pool") {
  TEST_CASE("results come in order whatever the number of threads and the time each takes") {
    for (const std::size_t threads : {0, 1, 2, 3, 8}) {
      CAPTURE(threads);
      // Later indices finish sooner, so a pool that handed results over as they finished would
      // hand them over backwards.
      OrderedPool<std::string> pool(threads, 12, 4, [](std::size_t i) {
        std::this_thread::sleep_for(std::chrono::microseconds(200 * (12 - i)));
        return std::to_string(i);
      });
      std::string order;
      for (int i = 0; i < 12; ++i) order += pool.take() + " ";
      CHECK(order == "0 1 2 3 4 5 6 7 8 9 10 11 ");
    }
  }

  TEST_CASE("no more than the window is computed ahead of the consumer") {
    std::atomic<std::size_t> started = 0;
    OrderedPool<std::size_t> pool(3, 20, 2, [&](std::size_t i) {
      ++started;
      return i;
    });
    for (std::size_t taken = 0; taken < 20; ++taken) {
      // Give the workers time to run ahead as far as they may.
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      CHECK(started.load() <= taken + 2);
      CHECK(pool.take() == taken);
    }
  }

  TEST_CASE("a consumer slower than its workers wakes them once for half a window, not for every result") {
    constexpr std::size_t count = 640;
    constexpr std::size_t window = 64;
    OrderedPool<std::size_t> pool(2, count, window, [](std::size_t i) { return i; });
    for (std::size_t taken = 0; taken < count; ++taken) {
      // Slower than the workers, which then fill the window and sleep until it has room.
      const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(20);
      while (std::chrono::steady_clock::now() < until) {
      }
      REQUIRE(pool.take() == taken);
    }
    // Woken for every result taken, the workers would be woken about `count` times; in batches of
    // half a window, some count / 32 times (a call wakes both, and a worker that finds the slots
    // taken by the other sleeps again and needs another call).
    CHECK(pool.wakes() <= count / 8);
  }

  TEST_CASE("a consumer faster than its workers is woken once for half a window, not for every result") {
    constexpr std::size_t count = 96;
    constexpr std::size_t window = 16;
    OrderedPool<std::size_t> pool(2, count, window, [](std::size_t i) {
      std::this_thread::sleep_for(std::chrono::microseconds(300));
      return i;
    });
    for (std::size_t taken = 0; taken < count; ++taken) REQUIRE(pool.take() == taken);
    // Woken for each result it waits for, the consumer would be woken nearly `count` times (it
    // waits for about every one); for a batch of half a window, some count / 8 times, and a few
    // more when a worker ends before the batch is whole.
    CHECK(pool.wakes() >= 1);
    CHECK(pool.wakes() <= count / 4);
  }

  TEST_CASE("a batch that cannot be whole is handed over as far as it is ready") {
    // Five results, a window of eight: the consumer asks for the four of half a window, then for
    // the one that remains; the last worker to end calls it for what is there.
    for (const std::size_t threads : {2, 3, 8}) {
      CAPTURE(threads);
      OrderedPool<std::size_t> pool(threads, 5, 8, [](std::size_t i) {
        std::this_thread::sleep_for(std::chrono::microseconds(100 * (5 - i)));
        return i;
      });
      for (std::size_t taken = 0; taken < 5; ++taken) REQUIRE(pool.take() == taken);
    }
  }

  TEST_CASE("with one thread or none, work runs on the caller's thread when taken") {
    for (const std::size_t threads : {0, 1}) {
      std::vector<std::thread::id> ran_on;
      OrderedPool<int> pool(threads, 3, 2, [&](std::size_t) {
        ran_on.push_back(std::this_thread::get_id());
        return 0;
      });
      CHECK(ran_on.empty());
      pool.take();
      pool.take();
      CHECK(ran_on == std::vector<std::thread::id>(2, std::this_thread::get_id()));
    }
  }

  TEST_CASE("what work throws is rethrown when its result is taken, and later results still come") {
    for (const std::size_t threads : {0, 2}) {
      OrderedPool<int> pool(threads, 3, 3, [](std::size_t i) {
        if (i == 1) throw std::runtime_error("article 1");
        return static_cast<int>(i);
      });
      CHECK(pool.take() == 0);
      CHECK_THROWS_WITH(pool.take(), "article 1");
      CHECK(pool.take() == 2);
    }
  }

  TEST_CASE("a pool left before every result is taken stops its workers") {
    std::atomic<std::size_t> done = 0;
    {
      OrderedPool<int> pool(2, 1000, 4, [&](std::size_t) {
        ++done;
        return 0;
      });
      pool.take();
    }
    CHECK(done.load() <= 1 + 4);
  }

  TEST_CASE("the default is the machine's cores, between 1 and the cap") {
    CHECK(default_jobs() >= 1);
    CHECK(default_jobs() <= max_default_jobs);
  }
}
