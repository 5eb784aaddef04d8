#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/thread_memo.hpp"

using namespace octavo;

TEST_SUITE("core.thread_memo") {
  TEST_CASE("sources are new serials, never 0") {
    const std::uint64_t first = core::new_memo_source();
    const std::uint64_t second = core::new_memo_source();
    CHECK(first != 0);
    CHECK(second != 0);
    CHECK(second != first);
  }

  TEST_CASE("an answer is found under its source and text only") {
    core::ThreadMemo<int> memo(10);
    const std::uint64_t one = core::new_memo_source();
    const std::uint64_t two = core::new_memo_source();
    CHECK(memo.find(one, "word") == nullptr);
    memo.keep(one, "word", 1);
    memo.keep(two, "word", 2);
    REQUIRE(memo.find(one, "word") != nullptr);
    CHECK(*memo.find(one, "word") == 1);
    REQUIRE(memo.find(two, "word") != nullptr);
    CHECK(*memo.find(two, "word") == 2);
    CHECK(memo.find(one, "other") == nullptr);
    memo.keep(one, "word", 3);  // a text's answer never changes: the first stays
    CHECK(*memo.find(one, "word") == 1);
  }

  TEST_CASE("every answer is found again as the table grows, and no text finds another's") {
    core::ThreadMemo<int> memo(5000);
    const std::uint64_t one = core::new_memo_source();
    for (int i = 0; i < 3000; ++i) memo.keep(one, "word" + std::to_string(i), i);
    int found = 0;
    for (int i = 0; i < 3000; ++i) {
      const int* answer = memo.find(one, "word" + std::to_string(i));
      if (answer != nullptr && *answer == i) ++found;
    }
    CHECK(found == 3000);
    int strays = 0;
    for (int i = 3000; i < 6000; ++i) strays += memo.find(one, "word" + std::to_string(i)) != nullptr ? 1 : 0;
    CHECK(strays == 0);
    CHECK(memo.find(one, "") == nullptr);
    memo.keep(one, "", -1);  // the empty text is a text like any other
    REQUIRE(memo.find(one, "") != nullptr);
    CHECK(*memo.find(one, "") == -1);
  }

  TEST_CASE("texts whose hashes are all the same are told apart by their text, around the table's end") {
    struct SameHash {
      std::size_t operator()(std::string_view) const noexcept { return 15; }  // the last entry of 16
    };
    core::ThreadMemo<int, 1, SameHash> memo(100);
    const std::uint64_t one = core::new_memo_source();
    for (int i = 0; i < 40; ++i) memo.keep(one, "w" + std::to_string(i), i);  // grows 16 → 32 → 64 → 128
    int found = 0;
    for (int i = 0; i < 40; ++i) {
      const int* answer = memo.find(one, "w" + std::to_string(i));
      if (answer != nullptr && *answer == i) ++found;
    }
    CHECK(found == 40);
    CHECK(memo.find(one, "w40") == nullptr);
    memo.keep(one, "w7", 70);  // kept already: the first answer stays
    CHECK(*memo.find(one, "w7") == 7);
  }

  TEST_CASE("keep returns the answer kept: the new one, or the one kept before it") {
    core::ThreadMemo<std::string, 1> memo(2);
    const std::uint64_t one = core::new_memo_source();
    const std::string& first = memo.keep(one, "w", "first");
    CHECK(first == "first");
    CHECK(&first == memo.find(one, "w"));
    const std::string& again = memo.keep(one, "w", "second");  // kept already: the first stays
    CHECK(again == "first");
    CHECK(&again == memo.find(one, "w"));
    memo.keep(one, "x", "x");
    const std::string& after_full = memo.keep(one, "y", "y");  // full: emptied, then kept
    CHECK(after_full == "y");
    CHECK(&after_full == memo.find(one, "y"));
    CHECK(memo.find(one, "w") == nullptr);
  }

  TEST_CASE("a source that is full forgets its answers") {
    core::ThreadMemo<int, 2> memo(3);
    const std::uint64_t one = core::new_memo_source();
    for (int i = 0; i < 3; ++i) memo.keep(one, "w" + std::to_string(i), i);
    CHECK(memo.find(one, "w0") != nullptr);
    memo.keep(one, "w3", 3);  // full: emptied first
    CHECK(memo.find(one, "w0") == nullptr);
    CHECK(memo.find(one, "w3") != nullptr);
  }

  TEST_CASE("one more source than fits forgets the source used least recently, not the first kept") {
    core::ThreadMemo<int, 2> memo(3);
    const std::uint64_t one = core::new_memo_source();
    const std::uint64_t two = core::new_memo_source();
    memo.keep(one, "w", 1);
    memo.keep(two, "x", 2);
    CHECK(memo.find(one, "w") != nullptr);  // `one` is now the more recent of the two
    const std::uint64_t three = core::new_memo_source();
    CHECK(memo.find(three, "y") == nullptr);  // a miss takes no slot
    CHECK(memo.find(one, "w") != nullptr);
    CHECK(memo.find(two, "x") != nullptr);
    CHECK(memo.find(one, "w") != nullptr);  // `two` is again the least recent
    memo.keep(three, "y", 3);               // takes the slot of `two`
    CHECK(memo.find(three, "y") != nullptr);
    CHECK(memo.find(one, "w") != nullptr);
    CHECK(memo.find(two, "x") == nullptr);
  }
}
