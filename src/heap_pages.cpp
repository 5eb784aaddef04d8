#include "heap_pages.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <system_error>
#include <thread>

#ifdef OCTAVO_WITH_MIMALLOC
#include <mimalloc.h>
#endif

// A leak checker (AddressSanitizer's, LeakSanitizer) looks at the heap when the process exits
// normally, and std::_Exit would skip it. GCC and Clang name AddressSanitizer so; Clang names a
// LeakSanitizer alone through __has_feature.
#if defined(__SANITIZE_ADDRESS__)
#define OCTAVO_LEAK_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
#define OCTAVO_LEAK_CHECKED 1
#endif
#endif

namespace octavo {

void run_with_large_heap_pages(const std::function<void()>& work) {
#ifdef OCTAVO_WITH_MIMALLOC
  // A build touches each page of its heap once, and on the 2-core VM this was measured on a page
  // fault costs some 10-20 µs: a rebuild of 1,000 articles took about 32,000 faults, 18 % of its
  // samples in the kernel. With large OS pages, mimalloc asks for each segment in huge pages
  // (MAP_HUGETLB, from a pool the system reserved, none by default on Debian, else
  // madvise(MADV_HUGEPAGE), which the kernel honours in its default "[madvise]" mode of
  // transparent huge pages); only memory committed at once can be, hence no eager-commit delay
  // for a thread's first segment. The *_default setters change only what the environment left
  // unset (mimalloc read it at the process's start). Both options are read each time a segment
  // is reserved, so they cover every segment but those reserved before the call.
  mi_option_set_enabled_default(mi_option_large_os_pages, true);
  mi_option_set_default(mi_option_eager_commit_delay, 0);
#endif
  // The main thread would go on allocating from the segment mimalloc gave it before main(), in
  // small pages (the options alone left 8,300 faults of 20,000 at 500 articles; with the thread,
  // 870). Its stack is the default thread size (RLIMIT_STACK, or 2 MiB when that is unlimited),
  // as for layout's workers and the EPUB's thread, which walk the same bounded nesting.
  try {
    std::thread(work).join();
  } catch (const std::system_error&) {  // no thread to give: the same build, in small pages
    work();
  }
}

void exit_leaving_heap(int exit_code) {
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
#ifndef OCTAVO_LEAK_CHECKED
  std::_Exit(exit_code);
#else
  static_cast<void>(exit_code);
#endif
}

}  // namespace octavo
