// One thread that runs the tasks handed to it, in the order given, while the caller goes on; the
// caller takes their results (or exceptions) back in the same order. The PDF writer compresses
// each finished page's content on it while the next page is drawn (pdf/haru_document.cpp).
//
// Results come back through the worker's own queue, not a std::future per task: setting a
// future's result ends in std::call_once, whose glibc implementation makes a futex system call
// every time, waiter or not (2,277 of a cold build's 5,327 futex calls at 500 articles, one per
// page). Here a task's end wakes the caller only when it waits for that very result, and a task
// handed over wakes the thread only when it sleeps.
#pragma once

#include <cassert>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>
#include <variant>

namespace octavo::core {

template <typename Result>
class BackgroundWorker {
 public:
  BackgroundWorker() = default;
  /// Runs the tasks still queued (their results are dropped), then joins the thread.
  ~BackgroundWorker() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    work_.notify_one();
    if (thread_.joinable()) thread_.join();
  }
  BackgroundWorker(const BackgroundWorker&) = delete;
  BackgroundWorker& operator=(const BackgroundWorker&) = delete;

  /// Starts the thread unless it runs already; false if the system gives no thread (submit would
  /// then throw). Nothing is queued.
  bool start() {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (thread_.joinable()) return true;
    try {
      thread_ = std::thread([this] { run(); });
    } catch (const std::system_error&) {
      return false;
    }
    return true;
  }

  /// Queues `task` (copyable: it is held in a std::function); the thread starts with the first
  /// task. Throws std::system_error if the thread cannot be started, std::bad_alloc if memory
  /// runs out; `task` is then not queued.
  template <typename Task>
  void submit(Task task) {
    std::function<Result()> queued(std::move(task));
    bool wake = false;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      // The thread first: if it cannot start, nothing is left queued.
      if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
      tasks_.push_back({std::move(queued), {}});
      wake = worker_sleeping_;
    }
    if (wake) work_.notify_one();
  }

  /// Tasks submitted whose results have not been taken.
  std::size_t in_flight() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return tasks_.size();
  }

  /// Whether the oldest result not taken is there to take without waiting; false with none.
  bool oldest_ready() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return !tasks_.empty() && tasks_.front().outcome.has_value();
  }

  /// The oldest result not taken, waiting for it; rethrows what its task threw. There must be one
  /// (in_flight() > 0).
  Result take_oldest() {
    std::unique_lock<std::mutex> lock(mutex_);
    assert(!tasks_.empty());
    if (!tasks_.front().outcome) {
      caller_waiting_ = true;
      done_.wait(lock, [this] { return tasks_.front().outcome.has_value(); });
      caller_waiting_ = false;
    }
    std::variant<Result, std::exception_ptr> outcome = std::move(*tasks_.front().outcome);
    tasks_.pop_front();
    --next_;  // the task the thread runs next moved one place forward
    lock.unlock();
    if (auto* failure = std::get_if<std::exception_ptr>(&outcome)) std::rethrow_exception(*failure);
    return std::move(std::get<Result>(outcome));
  }

 private:
  struct Task {
    std::function<Result()> work;                                     // empty once run
    std::optional<std::variant<Result, std::exception_ptr>> outcome;  // set when run
  };

  void run() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      while (next_ == tasks_.size() && !stopping_) {
        worker_sleeping_ = true;
        work_.wait(lock);
        worker_sleeping_ = false;
      }
      if (next_ == tasks_.size()) return;  // stopping, and nothing left to do
      std::function<Result()> work = std::move(tasks_[next_].work);
      lock.unlock();
      std::variant<Result, std::exception_ptr> outcome = std::exception_ptr();
      try {
        outcome.template emplace<Result>(work());
      } catch (...) {
        outcome = std::current_exception();
      }
      work = nullptr;  // what the task holds (a page's content) freed before the lock is taken
      lock.lock();
      // Meanwhile the caller may have queued tasks after this one and taken results before it
      // (lowering next_ as it did): next_ is still this task's place.
      tasks_[next_].outcome.emplace(std::move(outcome));
      const bool wake = caller_waiting_ && next_ == 0;
      ++next_;
      if (wake) {
        lock.unlock();
        done_.notify_one();
        lock.lock();
      }
    }
  }

  mutable std::mutex mutex_;
  std::condition_variable work_;  // a task queued, or stopping
  std::condition_variable done_;  // the oldest result arrived
  // Tasks not yet taken, oldest first: those before next_ are run (outcome set), the rest wait.
  std::deque<Task> tasks_;        // guarded by mutex_
  std::size_t next_ = 0;          // guarded by mutex_
  bool worker_sleeping_ = false;  // guarded by mutex_
  bool caller_waiting_ = false;   // guarded by mutex_
  bool stopping_ = false;         // guarded by mutex_
  std::thread thread_;
};

}  // namespace octavo::core
