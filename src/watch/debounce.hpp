// When a burst of changes has settled, so that one save (often several events: a write, a rename,
// a change of mode) makes one rebuild. Pure: the caller passes the time; src/watch_loop.cpp drives it.
#pragma once

#include <chrono>
#include <optional>

namespace octavo::watch {

class Debounce {
 public:
  using Clock = std::chrono::steady_clock;

  /// Due once `quiet` has passed without a change, or `longest` after the first change of a burst
  /// that never pauses (a tool writing without end still gets its rebuilds).
  Debounce(Clock::duration quiet, Clock::duration longest) : quiet_(quiet), longest_(longest) {}

  /// Records a change seen at `now`.
  void change(Clock::time_point now);
  /// True when a change is waiting for its rebuild.
  bool pending() const { return first_.has_value(); }
  /// How long to wait for more changes before rebuilding: nullopt (no limit) when nothing is
  /// pending, zero once the rebuild is due.
  std::optional<Clock::duration> wait(Clock::time_point now) const;
  /// Forgets the pending changes: call it as the rebuild starts, so that changes made during the
  /// rebuild make another one.
  void clear();

 private:
  Clock::duration quiet_;
  Clock::duration longest_;
  std::optional<Clock::time_point> first_;  ///< the first change of the pending burst
  Clock::time_point last_{};                ///< the latest change
};

}  // namespace octavo::watch
