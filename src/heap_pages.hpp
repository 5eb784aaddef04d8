// How the octavo program's allocator (mimalloc, CMakeLists.txt) takes memory from the system: set
// once by main() before a build, the only place the program names mimalloc.
#pragma once

namespace octavo {

/// Asks the allocator for its heap in 2 MiB pages, committed when reserved, so that the kernel
/// maps a build's memory in a few hundred page faults instead of tens of thousands. Leaves alone
/// what the user set through MIMALLOC_LARGE_OS_PAGES or MIMALLOC_EAGER_COMMIT_DELAY; does nothing
/// in a program built without mimalloc (the sanitizer and fuzz builds) or where the kernel gives
/// no transparent huge pages.
void use_large_heap_pages();

}  // namespace octavo
