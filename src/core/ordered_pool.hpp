// A fixed-size pool of workers that computes work(0), work(1), … work(count - 1) ahead of
// one consumer, which takes the results strictly in that order. Layout uses it to set articles
// on several cores while pagination, numbering and the PDF stay sequential (lay_out_book.cpp).
#pragma once

#include <algorithm>
#include <cassert>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <variant>
#include <vector>

#include "core/kept_threads.hpp"

namespace octavo::core {

/// The number of threads `--jobs` means when not given: the machine's cores, at most
/// `max_default_jobs`; 1 when the count is unknown.
std::size_t default_jobs();

/// More threads than this gain little on layout and cost a window of articles in memory each.
inline constexpr std::size_t max_default_jobs = 8;

template <typename Result>
class OrderedPool {
 public:
  /// Starts `threads` workers (none for 0 or 1: take() then runs work itself) that compute
  /// work(i) for i in [0, count), never more than `window` (at least 1) results ahead of take().
  /// The workers run on kept threads (core/kept_threads.hpp), each until every index is claimed
  /// (one asleep on a full window when the last is claimed: until half a window more is taken).
  /// `work` is called from several threads at once and must be safe to call so.
  OrderedPool(std::size_t threads, std::size_t count, std::size_t window, std::function<Result(std::size_t)> work)
      : work_(std::move(work)),
        count_(count),
        window_(std::max<std::size_t>(window, 1)),
        resume_gap_(std::max<std::size_t>(window_ / 2, 1)),
        slots_(window_) {
    if (threads < 2) return;
    for (std::size_t i = 0; i < threads; ++i) {
      {
        const std::lock_guard lock(running_->mutex);
        ++running_->workers;
      }
      // The worker holds the count it lowers, which may outlive the pool by the time it is lowered;
      // it lowers it once its thread is free again, for the next pool made after this one.
      bool started = false;
      try {
        started = run_on_kept_thread([this] { run(); },
                                     [running = running_] {
                                       const std::lock_guard lock(running->mutex);
                                       --running->workers;
                                       running->ended.notify_all();
                                     });
      } catch (...) {  // the tasks could not be made (no memory): as with no thread
      }
      if (!started) {
        // The system has no thread left to give: the workers started do all the work (and with
        // none, take() does), which only takes longer.
        const std::lock_guard lock(running_->mutex);
        --running_->workers;
        break;
      }
      ++workers_;
    }
  }
  /// Stops the workers after the work they are doing, whether or not every result was taken, and
  /// waits for them to end.
  ~OrderedPool() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    ready_for_work_.notify_all();
    std::unique_lock lock(running_->mutex);
    running_->ended.wait(lock, [&] { return running_->workers == 0; });
  }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  /// The next result in order, work(0) first, waiting for it if need be; rethrows what work threw
  /// for it. Must not be called more than `count` times.
  Result take() {
    assert(taken_ < count_);
    if (workers_ == 0) return work_(taken_++);
    Slot& slot = slots_[taken_ % window_];
    std::unique_lock lock(mutex_);
    if (!slot.has_value()) {
      // It sleeps until a batch of results is ready, half a window (or all that remain): woken for
      // each result it waits for, a consumer faster than its workers cost a futex wake and a
      // reschedule a result (some 1,000 of each in a rebuild of 1,000 articles, a tenth of its
      // processor time).
      consumer_wants_ = std::min(resume_gap_, count_ - taken_);
      consumer_waiting_ = true;
      result_ready_.wait(lock, [&] { return consumer_called_; });
      consumer_waiting_ = false;
      consumer_called_ = false;
    }
    Slot done = std::move(slot);
    slot.reset();
    ++taken_;
    // Workers that found the window full sleep until `resume_gap_` slots are free, and are woken
    // once for them: waking them for every result taken cost a futex wake per result (a tenth of
    // a rebuild's samples went to the pools' wakes, most of them on the consumer's thread).
    const bool wake_workers = idle_workers_ > 0 && !workers_called_ && free_slots() >= resume_gap_;
    if (wake_workers) {
      workers_called_ = true;
      ++wakes_;
    }
    lock.unlock();
    if (wake_workers) ready_for_work_.notify_all();
    if (auto* failure = std::get_if<std::exception_ptr>(&*done)) std::rethrow_exception(*failure);
    return std::move(std::get<Result>(*done));
  }

  /// How many times take() woke sleeping workers and workers woke a waiting take(): a figure for
  /// tests, which check that a consumer slower than its workers wakes them in batches.
  std::size_t wakes() const {
    const std::lock_guard lock(mutex_);
    return wakes_;
  }

 private:
  using Slot = std::optional<std::variant<Result, std::exception_ptr>>;

  // Each worker claims the next index whose slot is free (within `window_` of the consumer),
  // computes it without the lock, and stores it in that slot; once every index is claimed, its
  // kept thread is free for other work (a worker asleep on a full window then, once it wakes).
  void run() {
    std::unique_lock lock(mutex_);
    for (;;) {
      if (!stopping_ && next_ < count_ && free_slots() == 0) {
        // Asleep, it adds nothing to the results the consumer waits for: the consumer takes those
        // ready rather than wait for a whole batch.
        call_consumer_if(slot_ready(taken_), lock);
        ++idle_workers_;
        while (!stopping_ && free_slots() < resume_gap_) {
          // Whatever woke it (a call another worker answered first, or none), it needs a call.
          workers_called_ = false;
          ready_for_work_.wait(lock);
        }
        --idle_workers_;
      }
      if (stopping_ || next_ >= count_) {
        // Every index is claimed: the batch the consumer waits for may be one this worker will not
        // finish, so it takes those ready.
        call_consumer_if(slot_ready(taken_), lock);
        return;
      }
      const std::size_t index = next_++;
      lock.unlock();
      std::variant<Result, std::exception_ptr> outcome = std::exception_ptr();
      try {
        outcome.template emplace<Result>(work_(index));
      } catch (...) {
        outcome = std::current_exception();
      }
      lock.lock();
      slots_[index % window_].emplace(std::move(outcome));
      // Only the result that completes the batch the consumer waits for wakes it.
      call_consumer_if(index >= taken_ && index < taken_ + consumer_wants_ && batch_ready(), lock);
    }
  }

  bool slot_ready(std::size_t index) const { return index < count_ && slots_[index % window_].has_value(); }

  // Results taken_ to taken_ + consumer_wants_ are all there; guarded by mutex_.
  bool batch_ready() const {
    for (std::size_t index = taken_; index < taken_ + consumer_wants_; ++index) {
      if (!slots_[index % window_].has_value()) return false;
    }
    return true;
  }

  // Wakes a waiting consumer when `wanted`, after `lock` is let go, so that it does not wake only to
  // wait for the lock.
  void call_consumer_if(bool wanted, std::unique_lock<std::mutex>& lock) {
    if (!wanted || !consumer_waiting_ || consumer_called_) return;
    consumer_called_ = true;
    ++wakes_;
    lock.unlock();
    result_ready_.notify_one();
    lock.lock();
  }

  // Slots neither holding a result nor claimed by a worker; guarded by mutex_.
  std::size_t free_slots() const { return taken_ + window_ - next_; }

  std::function<Result(std::size_t)> work_;
  const std::size_t count_;
  const std::size_t window_;
  const std::size_t resume_gap_;  // free slots that wake workers sleeping on a full window
  mutable std::mutex mutex_;
  std::condition_variable ready_for_work_;  // half a window came free, or stopping
  std::condition_variable result_ready_;    // the result take() waits for arrived
  std::vector<Slot> slots_;                 // result i in slot i % window_; guarded by mutex_
  std::size_t next_ = 0;                    // the next index to claim; guarded by mutex_
  std::size_t taken_ = 0;                   // results taken; guarded by mutex_ (with workers)
  bool stopping_ = false;
  bool consumer_waiting_ = false;   // take() waits for result taken_; guarded by mutex_
  std::size_t consumer_wants_ = 0;  // the results from taken_ take() waits for; guarded by mutex_
  bool consumer_called_ = false;    // a worker woke the waiting take(); guarded by mutex_
  std::size_t idle_workers_ = 0;    // workers asleep on a full window; guarded by mutex_
  bool workers_called_ = false;     // take() woke them, none has slept since; guarded by mutex_
  std::size_t wakes_ = 0;           // guarded by mutex_
  // The workers still running, which the destructor waits for; shared with them.
  struct Running {
    std::mutex mutex;
    std::condition_variable ended;
    std::size_t workers = 0;  // guarded by mutex
  };
  const std::shared_ptr<Running> running_ = std::make_shared<Running>();
  std::size_t workers_ = 0;  // workers started
};

}  // namespace octavo::core
