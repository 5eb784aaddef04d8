#include "core/kept_threads.hpp"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace octavo::core {
namespace {

class KeptThreads {
 public:
  KeptThreads() = default;
  KeptThreads(const KeptThreads&) = delete;
  KeptThreads& operator=(const KeptThreads&) = delete;
  // At a normal exit every task handed over has ended (each caller waits for its own), so the
  // threads are waiting: they stop, and their thread_local objects are destroyed as they end.
  ~KeptThreads() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    task_ready_.notify_all();
    for (std::thread& thread : threads_) thread.join();
  }

  bool run(std::function<void()> task) {
    std::unique_lock lock(mutex_);
    // Each queued task has a free thread of its own waiting to take it.
    if (free_ <= tasks_.size()) {
      try {
        threads_.emplace_back([this] { serve(); });
      } catch (const std::system_error&) {
        return false;
      }
      ++free_;
    }
    tasks_.push_back(std::move(task));
    lock.unlock();
    task_ready_.notify_one();
    return true;
  }

  KeptThreadCount count() {
    const std::lock_guard lock(mutex_);
    return {threads_.size(), free_};
  }

 private:
  void serve() {
    std::unique_lock lock(mutex_);
    for (;;) {
      task_ready_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
      if (tasks_.empty()) return;  // stopping
      std::function<void()> task = std::move(tasks_.front());
      tasks_.pop_front();
      --free_;
      lock.unlock();
      task();
      task = nullptr;  // what it holds is released before the thread counts as free
      lock.lock();
      ++free_;
    }
  }

  std::mutex mutex_;
  std::condition_variable task_ready_;
  std::deque<std::function<void()>> tasks_;  // guarded by mutex_
  std::size_t free_ = 0;                     // threads not running a task; guarded by mutex_
  bool stopping_ = false;                    // guarded by mutex_
  std::vector<std::thread> threads_;         // guarded by mutex_
};

KeptThreads& kept_threads() {
  static KeptThreads kept;
  return kept;
}

}  // namespace

bool run_on_kept_thread(std::function<void()> task) { return kept_threads().run(std::move(task)); }

KeptThreadCount kept_thread_count() { return kept_threads().count(); }

}  // namespace octavo::core
