#include "core/natural_order.hpp"

#include <cstddef>

namespace octavo::core {

namespace {

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// Where a byte sorts among bytes: '/' below every other byte, so that paths compare component by
// component ("a/b" before "a-b"; the end of a string sorts below even '/'). ASCII letters fold to
// lower case, as strcasecmp does, so "_" sorts before letters as it does in lower-case names.
int byte_rank(unsigned char c) {
  if (c == '/') return 0;
  if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
  return c + 1;
}

std::size_t digits_end(std::string_view text, std::size_t from) {
  while (from < text.size() && is_digit(static_cast<unsigned char>(text[from]))) ++from;
  return from;
}

std::size_t zeros_end(std::string_view text, std::size_t from, std::size_t end) {
  while (from < end && text[from] == '0') ++from;
  return from;
}

}  // namespace

// Digit runs are compared as digit strings, never parsed: without their leading zeros the longer
// one is the larger, and equal lengths compare digit by digit. So a run of any length works, and
// no 64-bit overflow can reorder "18446744073709551616" (2^64) before "2".
bool natural_less(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  int digit_count_order = 0;  // the second key: <0 when a's digit run is shorter, >0 when longer
  while (i < a.size() && j < b.size()) {
    const auto ca = static_cast<unsigned char>(a[i]);
    const auto cb = static_cast<unsigned char>(b[j]);
    if (is_digit(ca) && is_digit(cb)) {
      const std::size_t end_a = digits_end(a, i);
      const std::size_t end_b = digits_end(b, j);
      const std::size_t value_a = zeros_end(a, i, end_a);
      const std::size_t value_b = zeros_end(b, j, end_b);
      if (end_a - value_a != end_b - value_b) return end_a - value_a < end_b - value_b;
      const int by_value = a.substr(value_a, end_a - value_a).compare(b.substr(value_b, end_b - value_b));
      if (by_value != 0) return by_value < 0;
      if (digit_count_order == 0 && end_a - i != end_b - j) digit_count_order = end_a - i < end_b - j ? -1 : 1;
      i = end_a;
      j = end_b;
      continue;
    }
    // A digit run against any other byte compares as its first digit: since no other byte is a
    // digit, every run falls on the same side of that byte, and the order stays consistent.
    if (byte_rank(ca) != byte_rank(cb)) return byte_rank(ca) < byte_rank(cb);
    ++i;
    ++j;
  }
  if (i < a.size() || j < b.size()) return i == a.size();  // a prefix comes first
  if (digit_count_order != 0) return digit_count_order < 0;
  return a < b;
}

}  // namespace octavo::core
