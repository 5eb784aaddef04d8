// "Did you mean …?": the known word nearest to a misspelt one, by edit distance. Used by the
// command line for unknown commands, options and values.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace octavo::core {

/// The optimal string alignment distance (Damerau–Levenshtein restricted to one edit per
/// substring) between `a` and `b`, counted in bytes: insertions, deletions, substitutions and
/// transpositions of two adjacent bytes cost 1 each. 0 for equal strings, the other's length
/// when one is empty.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate nearest to `word` when it is close enough to be a slip of the keyboard: at most
/// two edits, and fewer edits than half of `word`'s length. nullopt when none is that close (or
/// `candidates` is empty); of equally near candidates, the first.
std::optional<std::string> nearest_word(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace octavo::core
