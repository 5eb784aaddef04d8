#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/natural_order.hpp"

using octavo::core::natural_less;

namespace {

std::vector<std::string> sorted(std::vector<std::string> names) {
  std::sort(names.begin(), names.end(), natural_less);
  return names;
}

// Every string of up to three pieces from `pieces`: digit runs of several lengths and values,
// letters of both cases, separators and a UTF-8 letter.
std::vector<std::string> combinations(const std::vector<std::string>& pieces) {
  std::vector<std::string> out{""};
  std::size_t from = 0;
  for (int length = 1; length <= 3; ++length) {
    const std::size_t to = out.size();
    for (std::size_t k = from; k < to; ++k) {
      for (const std::string& piece : pieces) out.push_back(out[k] + piece);
    }
    from = to;
  }
  // "0" + "1" and "01" are the same string: keep one of each.
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

TEST_SUITE("core.natural_order") {
  TEST_CASE("numbers compare by value: ch2 before ch10, 2-intro before 10-end") {
    CHECK(sorted({"ch10.md", "ch2.md", "ch1.md"}) == std::vector<std::string>{"ch1.md", "ch2.md", "ch10.md"});
    CHECK(sorted({"10-end.txt", "2-intro.txt"}) == std::vector<std::string>{"2-intro.txt", "10-end.txt"});
    CHECK(sorted({"v1.10.txt", "v1.9.txt", "v1.2.txt"}) ==
          std::vector<std::string>{"v1.2.txt", "v1.9.txt", "v1.10.txt"});
    CHECK(natural_less("a9b", "a10a"));
    CHECK_FALSE(natural_less("a10a", "a9b"));
  }

  TEST_CASE("leading zeros: by value first, then fewer digits first") {
    CHECK(sorted({"010.txt", "9.txt", "01.txt", "1.txt", "001.txt", "2.txt"}) ==
          std::vector<std::string>{"1.txt", "01.txt", "001.txt", "2.txt", "9.txt", "010.txt"});
    CHECK(natural_less("0", "00"));
    CHECK(natural_less("00", "1"));
    // The value and the text after it come before the digit count: the zero is noise.
    CHECK(natural_less("01a", "1b"));
    CHECK(natural_less("1a", "01b"));
    // The first run of differing digit count decides, not the last.
    CHECK(natural_less("1-02", "01-2"));
  }

  TEST_CASE("digit runs longer than 64 bits compare as digit strings") {
    const std::string two_to_64 = "18446744073709551616";  // 2^64: wraps to 0 if parsed into 64 bits
    CHECK(natural_less("2", two_to_64));
    CHECK(natural_less("18446744073709551615", two_to_64));
    CHECK_FALSE(natural_less(two_to_64, "2"));
    const std::string long_run(300, '9');
    CHECK(natural_less(long_run, "1" + std::string(300, '0')));
    CHECK(natural_less("x" + long_run + "a", "x" + long_run + "b"));
    CHECK(natural_less(long_run, "000" + long_run));
  }

  TEST_CASE("letters compare without case, and bytes break the tie") {
    CHECK(sorted({"b.md", "C.md", "a.md", "B.md"}) == std::vector<std::string>{"a.md", "B.md", "b.md", "C.md"});
    CHECK(natural_less("Apple", "banana"));
    CHECK(natural_less("apple", "Banana"));
    CHECK(natural_less("A", "a"));
    CHECK_FALSE(natural_less("a", "A"));
    // ASCII case folding only: the two bytes of É (C3 89) and é (C3 A9) are compared as they are.
    CHECK(natural_less("\xc3\x89t\xc3\xa9", "\xc3\xa9t\xc3\xa9"));
  }

  TEST_CASE("folding is to lower case: '_' sorts before letters, as in lower-case names") {
    CHECK(natural_less("A_b", "Ab"));
    CHECK(natural_less("a_b", "ab"));
  }

  TEST_CASE("UTF-8 bytes sort after ASCII, as unsigned bytes") {
    CHECK(natural_less("z.md", "\xc3\xa9.md"));
    CHECK(
        natural_less("\xc3\xa9"
                     "2.md",
                     "\xc3\xa9"
                     "10.md"));
    CHECK(natural_less("a\x7f", "a\x80"));
  }

  TEST_CASE("the empty string comes first; a prefix comes before what extends it") {
    CHECK(natural_less("", "a"));
    CHECK(natural_less("", "0"));
    CHECK(natural_less("", "/"));
    CHECK_FALSE(natural_less("", ""));
    CHECK_FALSE(natural_less("a", ""));
    CHECK(natural_less("ch", "ch1"));
    CHECK(natural_less("ch1", "ch1.md"));
  }

  TEST_CASE("paths compare component by component") {
    // Bytewise '-' (2D) sorts before '/' (2F); by component, folder a's files come before a-b.
    CHECK(natural_less("a/b", "a-b"));
    CHECK(natural_less("a/z", "a.md"));
    CHECK(natural_less("a", "a/b"));
    CHECK(natural_less("2/z.md", "10/a.md"));
    CHECK(natural_less("ch2/x.md", "ch10.md"));
    CHECK(sorted({"b.md", "a-b.md", "a/2.md", "a/10.md", "a/1/z.md", "A.md"}) ==
          std::vector<std::string>{"a/1/z.md", "a/2.md", "a/10.md", "a-b.md", "A.md", "b.md"});
  }

  TEST_CASE("equal strings are not less; different strings equal by value and case still order") {
    CHECK_FALSE(natural_less("ch10.md", "ch10.md"));
    CHECK(natural_less("ch01.md", "ch001.md") != natural_less("ch001.md", "ch01.md"));
    CHECK(natural_less("Ch1.md", "ch1.md") != natural_less("ch1.md", "Ch1.md"));
  }

  TEST_CASE("a strict total order: irreflexive, asymmetric, total and transitive") {
    const std::vector<std::string> all = combinations({"0", "1", "01", "9", "10", "a", "A", "_", "/", "\xc3\xa9"});
    REQUIRE(all.size() > 900);
    // If every earlier string of the sorted list is less than every later one, and never the other
    // way round, the order is the sorted positions' order: total, asymmetric and transitive.
    const std::vector<std::string> order = sorted(all);
    for (std::size_t x = 0; x < order.size(); ++x) {
      CHECK_FALSE(natural_less(order[x], order[x]));
      for (std::size_t y = x + 1; y < order.size(); ++y) {
        const bool forward = natural_less(order[x], order[y]);
        const bool backward = natural_less(order[y], order[x]);
        if (!forward || backward) {
          FAIL_CHECK("'" << order[x] << "' and '" << order[y] << "' are out of order");
          return;
        }
      }
    }
  }
}
