#include "core/keep_until_exit.hpp"

#include <mutex>
#include <utility>
#include <vector>

namespace octavo::core {

void keep_until_exit(std::shared_ptr<const void> object) {
  if (object == nullptr) return;
  // Allocated once and never deleted: no destructor of the list, hence of what it holds, runs at exit.
  static auto* const kept = new std::vector<std::shared_ptr<const void>>();
  static std::mutex kept_mutex;
  const std::lock_guard lock(kept_mutex);
  kept->push_back(std::move(object));
}

}  // namespace octavo::core
