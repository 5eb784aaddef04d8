#include "core/kept_threads.hpp"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <new>
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
    std::vector<std::thread> threads;
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
      threads.swap(threads_);
    }
    task_ready_.notify_all();
    for (std::thread& thread : threads) {
      // A kept thread that ends the process normally cannot join itself; it is ending anyway.
      if (thread.get_id() == std::this_thread::get_id()) {
        thread.detach();
      } else {
        thread.join();
      }
    }
  }

  bool run(std::function<void()> task, std::function<void()> after) {
    std::unique_lock lock(mutex_);
    if (stopping_) return false;
    try {
      // Each queued task has a free thread of its own waiting to take it.
      if (free_ <= tasks_.size()) {
        threads_.reserve(threads_.size() + 1);  // so that the thread, once started, is always kept
        threads_.emplace_back([this] { serve(); });
        ++free_;
      }
      tasks_.push_back({std::move(task), std::move(after)});
    } catch (const std::system_error&) {  // no thread to give
      return false;
    } catch (const std::bad_alloc&) {
      return false;
    }
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
      Task task = std::move(tasks_.front());
      tasks_.pop_front();
      --free_;
      lock.unlock();
      task.run();
      task.run = nullptr;  // what it holds is released before the thread counts as free
      lock.lock();
      ++free_;
      if (task.after) {
        lock.unlock();
        task.after();
        task.after = nullptr;
        lock.lock();
      }
    }
  }

  struct Task {
    std::function<void()> run;
    std::function<void()> after;
  };

  std::mutex mutex_;
  std::condition_variable task_ready_;
  std::deque<Task> tasks_;            // guarded by mutex_
  std::size_t free_ = 0;              // threads not running a task; guarded by mutex_
  bool stopping_ = false;             // guarded by mutex_
  std::vector<std::thread> threads_;  // guarded by mutex_
};

KeptThreads& kept_threads() {
  static KeptThreads kept;
  return kept;
}

}  // namespace

bool run_on_kept_thread(std::function<void()> task, std::function<void()> after) {
  return kept_threads().run(std::move(task), std::move(after));
}

KeptThreadCount kept_thread_count() { return kept_threads().count(); }

}  // namespace octavo::core
