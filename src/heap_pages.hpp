// How the octavo program's allocator (mimalloc, CMakeLists.txt) takes memory from the system for a
// process that builds one book and exits (octavo build and check); the only file that names mimalloc.
#pragma once

#include <functional>

namespace octavo {

/// Runs `work` with the allocator's heap taken in 2 MiB pages, committed when reserved, so that
/// the kernel maps a build's memory in a few hundred page faults instead of tens of thousands:
/// sets mimalloc's options, then runs `work` on a thread started after that and waits for it
/// (on the calling thread if the system gives no thread). Options the user set through
/// MIMALLOC_LARGE_OS_PAGES or MIMALLOC_EAGER_COMMIT_DELAY stand. In a program built without
/// mimalloc (the sanitizer and fuzz builds) only the thread remains; where the kernel gives no
/// transparent huge pages the heap stays in small pages, and is given back less often.
void run_with_large_heap_pages(const std::function<void()>& work);

}  // namespace octavo
