#include "core/ordered_pool.hpp"

namespace octavo::core {

std::size_t default_jobs() {
  // hardware_concurrency may be 0 when the system does not say.
  const std::size_t cores = std::thread::hardware_concurrency();
  return std::clamp<std::size_t>(cores, 1, max_default_jobs);
}

}  // namespace octavo::core
