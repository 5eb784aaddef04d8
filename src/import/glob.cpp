#include "import/glob.hpp"

#include <cstddef>
#include <vector>

#include "core/utf8.hpp"

namespace octavo::import {
namespace {

std::vector<std::string_view> components(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = path.find('/', start);
    parts.push_back(path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) return parts;
    start = slash + 1;
  }
}

// One component against one pattern component, with the classic backtracking to the last '*':
// linear in practice, never exponential. '?' takes a whole UTF-8 character.
bool component_match(std::string_view pattern, std::string_view name) {
  std::size_t p = 0;
  std::size_t n = 0;
  std::size_t star = std::string_view::npos;
  std::size_t star_name = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = ++p;
      star_name = n;
    } else if (p < pattern.size() && pattern[p] == '?') {
      ++p;
      core::decode_utf8(name, n);
    } else if (p < pattern.size() && pattern[p] == name[n]) {
      ++p;
      ++n;
    } else if (star != std::string_view::npos) {
      p = star;
      core::decode_utf8(name, star_name);
      n = star_name;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace

// Component by component; `**` components make it a matching of two sequences, solved with a
// table (matched[i][j]: pattern components from i match path components from j) rather than by
// recursion, so that "**/**/**/…" costs no more than its size.
bool glob_match(std::string_view pattern, std::string_view path) {
  if (pattern.empty()) return false;
  const std::vector<std::string_view> want = components(pattern);
  const std::vector<std::string_view> have = components(path);
  std::vector<std::vector<char>> matched(want.size() + 1, std::vector<char>(have.size() + 1, 0));
  matched[want.size()][have.size()] = 1;
  for (std::size_t i = want.size(); i-- > 0;) {
    for (std::size_t j = have.size() + 1; j-- > 0;) {
      if (want[i] == "**") {
        matched[i][j] = matched[i + 1][j] || (j < have.size() && matched[i][j + 1]);
      } else {
        matched[i][j] = j < have.size() && matched[i + 1][j + 1] && component_match(want[i], have[j]);
      }
    }
  }
  return matched[0][0] != 0;
}

bool glob_covers_folder(std::string_view pattern, std::string_view folder) {
  constexpr std::string_view any_below = "/**";
  if (!pattern.ends_with(any_below)) return false;
  return glob_match(pattern.substr(0, pattern.size() - any_below.size()), folder);
}

}  // namespace octavo::import
