#include "watch/debounce.hpp"

#include <algorithm>

namespace octavo::watch {

void Debounce::change(Clock::time_point now) {
  if (!first_) first_ = now;
  last_ = now;
}

std::optional<Debounce::Clock::duration> Debounce::wait(Clock::time_point now) const {
  if (!first_) return std::nullopt;
  const Clock::time_point due = std::min(last_ + quiet_, *first_ + longest_);
  return due <= now ? Clock::duration::zero() : due - now;
}

void Debounce::clear() { first_.reset(); }

}  // namespace octavo::watch
