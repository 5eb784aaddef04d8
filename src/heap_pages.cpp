#include "heap_pages.hpp"

#include <cstdlib>

#ifdef OCTAVO_WITH_MIMALLOC
#include <mimalloc.h>
#endif

namespace octavo {

void use_large_heap_pages() {
#ifdef OCTAVO_WITH_MIMALLOC
  // A build touches each page of its heap once, and on the 2-core VM this was measured on a page
  // fault costs some 10-20 µs: a rebuild of 1,000 articles took about 32,000 faults, 18 % of its
  // samples in the kernel. mimalloc's large OS pages (madvise(MADV_HUGEPAGE) on its segments, so
  // the kernel backs them with transparent huge pages where it allows) take effect only on memory
  // committed at once, hence no eager-commit delay for a thread's first segment. Both are read
  // each time mimalloc reserves a segment, so setting them here covers every segment but those
  // reserved before main() (which is why main() builds on a thread of its own). mimalloc may then
  // keep freed memory until exit rather than give it back, which a process that builds one book
  // can afford; the peak grows by up to a segment per thread (README, "The heap in large pages").
  if (std::getenv("MIMALLOC_LARGE_OS_PAGES") == nullptr) mi_option_enable(mi_option_large_os_pages);
  if (std::getenv("MIMALLOC_EAGER_COMMIT_DELAY") == nullptr) mi_option_set(mi_option_eager_commit_delay, 0);
#endif
}

}  // namespace octavo
