// How the octavo program's allocator (mimalloc, CMakeLists.txt) takes memory from the system: in
// large pages, for a process that builds one book and exits (octavo build and check) and for one
// that builds again on every change (octavo watch), and how the first gives it back: whole, at its
// end. The only file that names mimalloc.
#pragma once

#include <functional>

namespace octavo {

/// Runs `work` with the allocator's heap taken in 2 MiB pages, committed when reserved, so that
/// the kernel maps a build's memory in a few hundred page faults instead of tens of thousands:
/// sets mimalloc's options, then runs `work` on a thread started after that and waits for it
/// (on the calling thread if the system gives no thread). mimalloc (2.0) does not give such
/// pages back once their blocks are freed, so that the next build of a process that builds again
/// (octavo watch) finds its memory mapped: a rebuild of corpus/ took some 20 page faults instead
/// of 1,100. Options the user set through MIMALLOC_LARGE_OS_PAGES or MIMALLOC_EAGER_COMMIT_DELAY
/// stand. In a program built without mimalloc (the sanitizer and fuzz builds) only the thread
/// remains; where the kernel gives no transparent huge pages the heap stays in small pages.
void run_with_large_heap_pages(const std::function<void()>& work);

/// Ends the process with `exit_code`, from any thread, once what it printed is flushed
/// (std::cout, std::cerr and C's streams): its heap goes back to the system whole, and no
/// destructor of a static or thread-local object runs, nor any other thread (callers end their
/// files first). For a process whose one build is over: freeing what the build thread's caches
/// hold and tearing down its heap took 15 ms of a 500 ms rebuild of 1,000 articles. Under a leak
/// checker (the sanitizer builds), which runs at a normal exit, it only flushes and returns.
void exit_leaving_heap(int exit_code);

}  // namespace octavo
