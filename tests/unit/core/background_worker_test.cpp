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
  TEST_CASE("tasks run one at a time, in the order given, on another thread; results come back in it") {
    BackgroundWorker<std::string> worker;
    std::vector<std::string> order;  // written by the worker only: tasks never overlap
    const std::thread::id caller = std::this_thread::get_id();
    std::atomic<bool> elsewhere{true};
    for (int i = 0; i < 50; ++i) {
      worker.submit([i, &order, &elsewhere, caller] {
        if (std::this_thread::get_id() == caller) elsewhere = false;
        order.push_back(std::to_string(i));
        return "task " + std::to_string(i);
      });
    }
    CHECK(worker.in_flight() == 50);
    for (int i = 0; i < 50; ++i) CHECK(worker.take_oldest() == "task " + std::to_string(i));
    CHECK(worker.in_flight() == 0);
    CHECK(elsewhere);
    REQUIRE(order.size() == 50);
    for (int i = 0; i < 50; ++i) CHECK(order[static_cast<std::size_t>(i)] == std::to_string(i));
  }

  TEST_CASE("results taken while more are queued, and taken as they come, keep their order") {
    BackgroundWorker<int> worker;
    int next_taken = 0;
    for (int i = 0; i < 200; ++i) {
      worker.submit([i] {
        if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(100));
        return i;
      });
      // Take whatever is ready, and now and then wait for the oldest, as the PDF writer does.
      while (worker.oldest_ready() || worker.in_flight() > 5) CHECK(worker.take_oldest() == next_taken++);
    }
    while (worker.in_flight() > 0) CHECK(worker.take_oldest() == next_taken++);
    CHECK(next_taken == 200);
    CHECK_FALSE(worker.oldest_ready());
  }

  TEST_CASE("oldest_ready tells a result is there without waiting for it") {
    BackgroundWorker<int> worker;
    CHECK_FALSE(worker.oldest_ready());
    std::promise<void> release;
    worker.submit([gate = release.get_future().share()] {
      gate.wait();
      return 1;
    });
    worker.submit([] { return 2; });
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK_FALSE(worker.oldest_ready());  // the first is held; the second waits behind it
    release.set_value();
    // Then it comes, and says so before it is taken (within seconds even on a loaded machine).
    for (int tries = 0; tries < 5000 && !worker.oldest_ready(); ++tries) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    CHECK(worker.oldest_ready());
    CHECK(worker.take_oldest() == 1);
    CHECK(worker.take_oldest() == 2);
  }

  TEST_CASE("start starts the one thread before any task, and again is nothing; tasks then run on it") {
    BackgroundWorker<std::thread::id> worker;
    REQUIRE(worker.start());
    REQUIRE(worker.start());
    worker.submit([] { return std::this_thread::get_id(); });
    const std::thread::id first = worker.take_oldest();
    worker.submit([] { return std::this_thread::get_id(); });
    const std::thread::id second = worker.take_oldest();
    CHECK(first != std::this_thread::get_id());
    CHECK(first == second);
  }

  TEST_CASE("a task's exception comes back when its result is taken; later tasks still run") {
    BackgroundWorker<int> worker;
    worker.submit([]() -> int { throw std::runtime_error("no room"); });
    worker.submit([] { return 7; });
    CHECK_THROWS_WITH_AS(worker.take_oldest(), "no room", std::runtime_error);
    CHECK(worker.take_oldest() == 7);
  }

  TEST_CASE("destroyed with tasks queued: every one still runs before the thread is joined") {
    std::promise<void> release;
    std::atomic<int> ran = 0;
    std::thread opener;
    {
      BackgroundWorker<int> worker;
      worker.submit([gate = release.get_future().share(), &ran] {
        gate.wait();
        return ++ran;
      });
      for (int i = 1; i < 10; ++i) worker.submit([&ran] { return ++ran; });
      // The first task is let go only after the destructor has begun, with nine tasks queued.
      opener = std::thread([&release] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        release.set_value();
      });
    }  // the destructor waits here for every task
    opener.join();
    CHECK(ran.load() == 10);
  }
}
