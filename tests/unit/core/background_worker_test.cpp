#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/background_worker.hpp"

using namespace octavo::core;

TEST_SUITE("core.background_worker") {
  TEST_CASE("tasks run one at a time, in the order given, on another thread") {
    BackgroundWorker<std::string> worker;
    std::vector<std::string> order;  // written by the worker only: tasks never overlap
    std::vector<std::future<std::string>> results;
    const std::thread::id caller = std::this_thread::get_id();
    std::atomic<bool> elsewhere{true};
    for (int i = 0; i < 50; ++i) {
      results.push_back(worker.submit([i, &order, &elsewhere, caller] {
        if (std::this_thread::get_id() == caller) elsewhere = false;
        order.push_back(std::to_string(i));
        return "task " + std::to_string(i);
      }));
    }
    for (int i = 0; i < 50; ++i) CHECK(results[static_cast<std::size_t>(i)].get() == "task " + std::to_string(i));
    CHECK(elsewhere);
    REQUIRE(order.size() == 50);
    for (int i = 0; i < 50; ++i) CHECK(order[static_cast<std::size_t>(i)] == std::to_string(i));
  }

  TEST_CASE("start starts the one thread before any task, and again is nothing; tasks then run on it") {
    BackgroundWorker<std::thread::id> worker;
    REQUIRE(worker.start());
    REQUIRE(worker.start());
    const std::thread::id first = worker.submit([] { return std::this_thread::get_id(); }).get();
    const std::thread::id second = worker.submit([] { return std::this_thread::get_id(); }).get();
    CHECK(first != std::this_thread::get_id());
    CHECK(first == second);
  }

  TEST_CASE("a task's exception comes back through its future; later tasks still run") {
    BackgroundWorker<int> worker;
    std::future<int> failing = worker.submit([]() -> int { throw std::runtime_error("no room"); });
    std::future<int> next = worker.submit([] { return 7; });
    CHECK_THROWS_WITH_AS(failing.get(), "no room", std::runtime_error);
    CHECK(next.get() == 7);
  }

  TEST_CASE("destroyed with tasks queued: every one still runs before the thread is joined") {
    std::promise<void> release;
    std::vector<std::future<int>> results;
    std::thread opener;
    {
      BackgroundWorker<int> worker;
      results.push_back(worker.submit([gate = release.get_future().share()] {
        gate.wait();
        return 0;
      }));
      for (int i = 1; i < 10; ++i) results.push_back(worker.submit([i] { return i; }));
      // The first task is let go only after the destructor has begun, with nine tasks queued.
      opener = std::thread([&release] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        release.set_value();
      });
    }  // the destructor waits here for every task
    opener.join();
    for (int i = 0; i < 10; ++i) {
      REQUIRE(results[static_cast<std::size_t>(i)].wait_for(std::chrono::seconds(0)) == std::future_status::ready);
      CHECK(results[static_cast<std::size_t>(i)].get() == i);
    }
  }
}
