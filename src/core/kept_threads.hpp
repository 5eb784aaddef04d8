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

/// Runs `task` on a kept thread: a free one, else one started now and kept from then on. False,
/// with `task` not run, when the system gives no thread. Any thread may call it, a kept one too.
/// Kept threads are stopped and joined when the process exits normally (static destruction); an
/// exception out of `task` ends the process (std::terminate), as on a thread of its own.
bool run_on_kept_thread(std::function<void()> task);

/// How many kept threads were started, and how many of them wait for a task now.
struct KeptThreadCount {
  std::size_t started = 0;
  std::size_t free = 0;
};
KeptThreadCount kept_thread_count();

}  // namespace octavo::core
