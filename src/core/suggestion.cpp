#include "core/suggestion.hpp"

#include <algorithm>
#include <vector>

namespace octavo::core {

namespace {

// Two edits catch a transposition plus one more slip ("--fromat", "biuld", "qiuet"); more than
// that suggests words the user did not mean.
constexpr std::size_t max_suggestion_distance = 2;

}  // namespace

// Wagner–Fischer dynamic programming plus Damerau's (1964) transposition case, in the "optimal
// string alignment" form that never edits a substring twice. Three rows suffice; the words are
// command-line sized, so the O(|a|·|b|) cost never matters.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> before_previous(b.size() + 1);
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before_previous[j - 2] + 1);
      }
    }
    std::swap(before_previous, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<std::string> nearest_word(std::string_view word, std::span<const std::string_view> candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = max_suggestion_distance + 1;
  for (const std::string_view candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    // "Fewer than half the word's length": a one-letter option is never "near" another one.
    if (distance < best_distance && distance * 2 < word.size()) {
      best = std::string(candidate);
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace octavo::core
