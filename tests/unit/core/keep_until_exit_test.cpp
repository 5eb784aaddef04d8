#include "core/keep_until_exit.hpp"

#include <doctest/doctest.h>

#include <memory>

namespace {

// Counts its destructions into a counter that outlives it.
struct Counted {
  explicit Counted(int& destroyed) : destroyed_(destroyed) {}
  ~Counted() { ++destroyed_; }
  Counted(const Counted&) = delete;
  Counted& operator=(const Counted&) = delete;
  int& destroyed_;
};

}  // namespace

TEST_SUITE("core.keep_until_exit") {
  TEST_CASE("an object kept until exit is not destroyed when its last owner lets it go") {
    static int destroyed = 0;  // static: the kept object may still read it at exit
    {
      auto object = std::make_unique<Counted>(destroyed);
      octavo::core::keep_until_exit(std::move(object));
      CHECK(object == nullptr);
    }
    CHECK(destroyed == 0);
    // The control: the same object let go without keep_until_exit is destroyed.
    { auto let_go = std::make_shared<Counted>(destroyed); }
    CHECK(destroyed == 1);
  }

  TEST_CASE("a shared object kept until exit outlives its other owners") {
    static int destroyed = 0;
    std::weak_ptr<Counted> watch;
    {
      auto shared = std::make_shared<Counted>(destroyed);
      watch = shared;
      octavo::core::keep_until_exit(shared);
    }
    CHECK_FALSE(watch.expired());
    CHECK(destroyed == 0);
  }
}
