// One thread that runs the tasks handed to it, in the order given, while the caller goes on; each
// task's result (or exception) comes back through a std::future. The PDF writer compresses each
// finished page's content on it while the next page is drawn (pdf/haru_document.cpp).
#pragma once

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>

namespace octavo::core {

template <typename Result>
class BackgroundWorker {
 public:
  BackgroundWorker() = default;
  /// Runs the tasks still queued, then joins the thread.
  ~BackgroundWorker() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
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

  /// Queues `task`; the thread starts with the first task. Throws std::system_error if the thread
  /// cannot be started, std::bad_alloc if memory runs out; `task` is then not queued.
  template <typename Task>
  std::future<Result> submit(Task task) {
    std::packaged_task<Result()> packaged(std::move(task));
    std::future<Result> result = packaged.get_future();
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      // The thread first: if it cannot start, nothing is left queued.
      if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
      tasks_.push_back(std::move(packaged));
    }
    wake_.notify_one();
    return result;
  }

 private:
  void run() {
    for (;;) {
      std::packaged_task<Result()> task;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
        if (tasks_.empty()) return;  // stopping, and nothing left to do
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();  // a task's exception is stored in its future
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::packaged_task<Result()>> tasks_;  // guarded by mutex_
  bool stopping_ = false;                           // guarded by mutex_
  std::thread thread_;
};

}  // namespace octavo::core
