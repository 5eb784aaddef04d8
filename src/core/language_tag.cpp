#include "core/language_tag.hpp"

#include <array>
#include <vector>

namespace octavo::core {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool all_of(std::string_view text, bool (*test)(char)) {
  for (const char c : text) {
    if (!test(c)) return false;
  }
  return true;
}

bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
bool alpha(std::string_view s, std::size_t min, std::size_t max) {
  return s.size() >= min && s.size() <= max && all_of(s, is_alpha);
}
bool alnum(std::string_view s, std::size_t min, std::size_t max) {
  return s.size() >= min && s.size() <= max && all_of(s, is_alnum);
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

// The irregular grandfathered tags (RFC 5646 §2.2.8): they match no production of langtag. The
// regular ones ("zh-min-nan", "art-lojban") do, so they need no list.
bool is_irregular_grandfathered(std::string_view tag) {
  static constexpr std::array<std::string_view, 17> irregular = {
      "en-GB-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak",     "i-klingon", "i-lux",    "i-mingo",
      "i-navajo",  "i-pwn", "i-tao", "i-tay",     "i-tsu",      "sgn-BE-FR", "sgn-BE-NL", "sgn-CH-DE"};
  for (const std::string_view known : irregular) {
    if (equal_ignoring_case(tag, known)) return true;
  }
  return false;
}

std::vector<std::string_view> split_subtags(std::string_view tag) {
  std::vector<std::string_view> subtags;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = tag.find('-', start);
    subtags.push_back(tag.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return subtags;
    start = end + 1;
  }
}

// privateuse = "x" 1*("-" (1*8alphanum)), starting at subtags[i].
bool is_private_use(const std::vector<std::string_view>& subtags, std::size_t i) {
  if (i + 1 >= subtags.size() || !equal_ignoring_case(subtags[i], "x")) return false;
  for (++i; i < subtags.size(); ++i) {
    if (!alnum(subtags[i], 1, 8)) return false;
  }
  return true;
}

}  // namespace

bool is_language_tag(std::string_view tag) {
  if (is_irregular_grandfathered(tag)) return true;
  const std::vector<std::string_view> subtags = split_subtags(tag);
  if (is_private_use(subtags, 0)) return true;
  // langtag = language ["-" script] ["-" region] *("-" variant) *("-" extension) ["-" privateuse]
  // language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA; extlang = 3ALPHA *2("-" 3ALPHA)
  std::size_t i = 0;
  const std::string_view language = subtags[i++];
  if (!alpha(language, 2, 8)) return false;
  if (language.size() <= 3) {
    for (int extlangs = 0; extlangs < 3 && i < subtags.size() && alpha(subtags[i], 3, 3); ++extlangs) ++i;
  }
  if (i < subtags.size() && alpha(subtags[i], 4, 4)) ++i;  // script
  if (i < subtags.size() && (alpha(subtags[i], 2, 2) || (subtags[i].size() == 3 && all_of(subtags[i], is_digit)))) {
    ++i;  // region
  }
  // variant = 5*8alphanum / (DIGIT 3alphanum)
  while (i < subtags.size() && (alnum(subtags[i], 5, 8) || (alnum(subtags[i], 4, 4) && is_digit(subtags[i][0])))) {
    ++i;
  }
  // extension = singleton 1*("-" (2*8alphanum)); a singleton is any letter or digit but x.
  while (i < subtags.size() && alnum(subtags[i], 1, 1) && !equal_ignoring_case(subtags[i], "x")) {
    const std::size_t first = ++i;
    while (i < subtags.size() && alnum(subtags[i], 2, 8)) ++i;
    if (i == first) return false;
  }
  return i == subtags.size() || is_private_use(subtags, i);
}

}  // namespace octavo::core
