// Work that runs beside the build's longest chain, that nothing waits for until the end and whose
// memory is small (the Sources appendix beside the articles, the EPUB beside the PDF) runs at a
// lower scheduling priority, so that when the cores are short the scheduler gives them to that
// chain first, and the background work fills the time the chain leaves a core idle.
#pragma once

#include <future>
#include <thread>
#include <type_traits>
#include <utility>

namespace octavo::core {

/// How much lower background work runs: its nice value is the caller's plus this (up to 19). At
/// 10 the scheduler gives a thread of equal work about a tenth of what it gives a thread at the
/// caller's value when both want the same core; 19 measured no faster.
inline constexpr int background_niceness = 10;

/// Lowers the calling thread's priority by background_niceness (on Linux the nice value belongs
/// to a thread, not to its process). False, with the priority unchanged, where the system has no
/// such value or refuses the change; the work then runs at its former priority, only later.
bool lower_this_thread_priority();

/// The calling thread's nice value; 0 where the system has none or will not say.
int this_thread_niceness();

/// std::async(policy, work), whose thread, should it start one, runs `work` at background
/// priority (lower_this_thread_priority). Run deferred, `work` runs at get() on the thread that
/// calls it, at that thread's priority: it is then the only work left. Call get() on the thread
/// that called this: deferred work run on any other thread would lower that thread for good.
template <typename Work>
std::future<std::invoke_result_t<Work>> start_in_background(std::launch policy, Work work) {
  const std::thread::id caller = std::this_thread::get_id();
  return std::async(policy, [caller, work = std::move(work)]() mutable {
    if (std::this_thread::get_id() != caller) lower_this_thread_priority();
    return work();
  });
}

}  // namespace octavo::core
