#include "import/text_list_marker.hpp"

#include <array>
#include <string>
#include <utility>

namespace octavo::import {

namespace {

constexpr std::size_t max_digits = 9;  // CommonMark's limit: no overflow, and no year is a list
constexpr std::size_t max_numeral_letters = 8;

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The value of a roman numeral in lower case, or 0 unless it is written the canonical way: the
// numeral is read greedily, then written back, and must come out the same ("iiii", "vv", "ic"
// and every other word fail).
int roman_value(std::string_view letters) {
  static constexpr std::array<std::pair<int, std::string_view>, 13> numerals{{{1000, "m"},
                                                                              {900, "cm"},
                                                                              {500, "d"},
                                                                              {400, "cd"},
                                                                              {100, "c"},
                                                                              {90, "xc"},
                                                                              {50, "l"},
                                                                              {40, "xl"},
                                                                              {10, "x"},
                                                                              {9, "ix"},
                                                                              {5, "v"},
                                                                              {4, "iv"},
                                                                              {1, "i"}}};
  int value = 0;
  std::string_view rest = letters;
  for (const auto& [amount, symbol] : numerals) {
    while (rest.starts_with(symbol)) {
      value += amount;
      rest.remove_prefix(symbol.size());
    }
  }
  if (!rest.empty() || value == 0) return 0;
  std::string canonical;
  int left = value;
  for (const auto& [amount, symbol] : numerals) {
    for (; left >= amount; left -= amount) canonical += symbol;
  }
  return canonical == letters ? value : 0;
}

// Spaces after a marker, then text: returns the marker's length with its spaces, or 0.
std::size_t after_spaces(std::string_view text, std::size_t marker_end) {
  std::size_t end = marker_end;
  while (end < text.size() && text[end] == ' ') ++end;
  if (end == marker_end || end == text.size()) return 0;
  return end;
}

}  // namespace

std::optional<ListMarker> read_list_marker(std::string_view text) {
  ListMarker marker;
  for (const std::string_view bullet : {std::string_view("-"), std::string_view("*"), std::string_view("\u2022")}) {
    if (!text.starts_with(bullet)) continue;
    const std::size_t length = after_spaces(text, bullet.size());
    if (length == 0) return std::nullopt;
    marker.bullet = std::string(bullet);
    marker.length = length;
    marker.width = static_cast<int>(length - bullet.size()) + 1;
    return marker;
  }

  const bool parenthesised = text.starts_with('(');
  std::size_t pos = parenthesised ? 1 : 0;
  const std::size_t first = pos;
  if (pos < text.size() && is_digit(text[pos])) {
    while (pos < text.size() && is_digit(text[pos])) ++pos;
    if (pos - first > max_digits) return std::nullopt;
    marker.decimal = std::stoll(std::string(text.substr(first, pos - first)));
  } else {
    const bool upper = pos < text.size() && is_upper(text[pos]);
    while (pos < text.size() && (upper ? is_upper(text[pos]) : is_lower(text[pos]))) ++pos;
    const std::size_t count = pos - first;
    if (count == 0 || count > max_numeral_letters) return std::nullopt;
    std::string letters(text.substr(first, count));
    for (char& c : letters) c = static_cast<char>(is_upper(c) ? c - 'A' + 'a' : c);
    marker.upper = upper;
    if (count == 1) marker.alpha = letters[0] - 'a' + 1;
    marker.roman = roman_value(letters);
    if (marker.alpha == 0 && marker.roman == 0) return std::nullopt;
  }
  if (pos == text.size()) return std::nullopt;
  if (parenthesised) {
    if (text[pos] != ')') return std::nullopt;
    marker.delimiter = '(';
  } else {
    if (text[pos] != '.' && text[pos] != ')') return std::nullopt;
    marker.delimiter = text[pos];
  }
  const std::size_t length = after_spaces(text, pos + 1);
  if (length == 0) return std::nullopt;
  marker.length = length;
  marker.width = static_cast<int>(length);  // ASCII only
  return marker;
}

}  // namespace octavo::import
