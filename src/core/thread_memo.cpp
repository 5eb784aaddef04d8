#include "core/thread_memo.hpp"

#include <atomic>

namespace octavo::core {

std::uint64_t new_memo_source() {
  static std::atomic<std::uint64_t> last = 0;
  return ++last;
}

}  // namespace octavo::core
