#include "core/background_priority.hpp"

#include <algorithm>
#include <cerrno>

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace octavo::core {

#ifdef __linux__
// setpriority(2), "Bugs": under NPTL the nice value is a per-thread attribute, and PRIO_PROCESS
// with a thread's id sets that thread's alone. Raising it needs no privilege.
int this_thread_niceness() {
  errno = 0;
  const int niceness = getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
  return errno == 0 ? niceness : 0;  // -1 is a valid value: only errno tells a failure
}

bool lower_this_thread_priority() {
  errno = 0;
  const int niceness = getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
  if (errno != 0) return false;
  const int lowered = std::min(niceness + background_niceness, 19);
  return setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), lowered) == 0;
}
#else
int this_thread_niceness() { return 0; }
bool lower_this_thread_priority() { return false; }
#endif

}  // namespace octavo::core
