#include "watch/debounce.hpp"

#include <doctest/doctest.h>

#include <chrono>

using octavo::watch::Debounce;
using std::chrono::milliseconds;

namespace {

// A time `ms` milliseconds after an arbitrary start.
Debounce::Clock::time_point at(int ms) { return Debounce::Clock::time_point() + milliseconds(ms); }

}  // namespace

TEST_SUITE("watch.debounce") {
  TEST_CASE("nothing pending: wait without limit") {
    const Debounce debounce(milliseconds(150), milliseconds(1000));
    CHECK_FALSE(debounce.pending());
    CHECK_FALSE(debounce.wait(at(0)).has_value());
  }

  TEST_CASE("a burst of events makes one rebuild, once it has been quiet long enough") {
    Debounce debounce(milliseconds(150), milliseconds(1000));
    debounce.change(at(0));  // a save: write, rename, chmod, a few ms apart
    debounce.change(at(3));
    debounce.change(at(5));
    CHECK(debounce.pending());
    CHECK(debounce.wait(at(5)) == milliseconds(150));
    CHECK(debounce.wait(at(100)) == milliseconds(55));
    CHECK(debounce.wait(at(155)) == milliseconds(0));
    CHECK(debounce.wait(at(400)) == milliseconds(0));
    debounce.clear();
    CHECK_FALSE(debounce.pending());
    CHECK_FALSE(debounce.wait(at(400)).has_value());
  }

  TEST_CASE("a change during the wait starts the quiet time again") {
    Debounce debounce(milliseconds(150), milliseconds(1000));
    debounce.change(at(0));
    debounce.change(at(140));
    CHECK(debounce.wait(at(150)) == milliseconds(140));
    CHECK(debounce.wait(at(290)) == milliseconds(0));
  }

  TEST_CASE("changes that never pause still rebuild after the longest burst") {
    Debounce debounce(milliseconds(150), milliseconds(1000));
    for (int t = 0; t <= 900; t += 100) debounce.change(at(t));
    CHECK(debounce.wait(at(900)) == milliseconds(100));
    debounce.change(at(990));
    CHECK(debounce.wait(at(990)) == milliseconds(10));
    CHECK(debounce.wait(at(1000)) == milliseconds(0));
    debounce.clear();
    debounce.change(at(1010));  // changes during the rebuild start a burst of their own
    CHECK(debounce.wait(at(1010)) == milliseconds(150));
  }
}
