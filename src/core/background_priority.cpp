#include "core/background_priority.hpp"

#include <algorithm>
#include <cerrno>
#include <optional>

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace octavo::core {

#ifdef __linux__
namespace {

// setpriority(2), "Bugs": under NPTL the nice value is a per-thread attribute, and PRIO_PROCESS
// with a thread's id names that thread alone. Nullopt when the system will not say: -1 is a
// valid value, so only errno tells a failure.
std::optional<int> niceness_of_this_thread() {
  errno = 0;
  const int niceness = getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
  if (errno != 0) return std::nullopt;
  return niceness;
}

}  // namespace

int this_thread_niceness() { return niceness_of_this_thread().value_or(0); }

bool lower_this_thread_priority() {
  const std::optional<int> niceness = niceness_of_this_thread();
  if (!niceness) return false;
  // Raising the value needs no privilege.
  const int lowered = std::min(*niceness + background_niceness, 19);
  return setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), lowered) == 0;
}
#else
int this_thread_niceness() { return 0; }
bool lower_this_thread_priority() { return false; }
#endif

}  // namespace octavo::core
