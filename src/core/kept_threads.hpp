// Threads the process keeps once started, on which OrderedPool's workers run. Every stage of a
// build that works article by article (reading, links, word counts, layout) has a pool of its
// own, and on the 2-core VM this was measured on a thread started for it was dear: the clone, a
// stack mapped and protected, mimalloc's heap for the thread and the fresh pages it touches first.
// Reading corpus/ took 3.8 ms with two threads of its own and 1.6 ms on the book's thread alone,
// its links and word counts 1.8 ms and 0.6 ms; a build of corpus/ started ten threads for pools.
// A kept thread runs one task at a time, then waits for the next; a thread is started only when
// none is free, so every task handed over starts at once, as on a thread of its own.
#pragma once

#include <cstddef>
#include <functional>

namespace octavo::core {

/// Runs `task` on a kept thread: a free one, else one started now and kept from then on; then,
/// once that thread counts as free again, `after` (if any) on it, so that a caller waiting for
/// `after` can hand over its next task without a thread being started for it. False, with neither
/// run, when the system gives no thread (or memory for the task), or once the process is ending.
/// Any thread may call it, a kept one too. A kept thread starts with the scheduling priority and
/// signal mask of the thread that made it start, and keeps them for every later task: tasks must
/// leave both as they found them. Kept threads are stopped and joined when the process exits
/// normally (static destruction); an exception out of `task` or `after` ends the process
/// (std::terminate), as on a thread of its own.
bool run_on_kept_thread(std::function<void()> task, std::function<void()> after = {});

/// How many kept threads were started, and how many of them wait for a task now.
struct KeptThreadCount {
  std::size_t started = 0;
  std::size_t free = 0;
};
KeptThreadCount kept_thread_count();

}  // namespace octavo::core
