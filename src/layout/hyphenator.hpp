// Where a word may be hyphenated: Liang's patterns through libhyphen (the only file that sees
// hyphen.h is hyphenator.cpp). build_items asks it for justified paragraphs' words; the pipeline
// reads the pattern bytes (style/hyphenation_patterns.hpp) and makes it before layout.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace octavo::layout {

/// TeX's \lefthyphenmin and \righthyphenmin: characters kept before and after a hyphen.
inline constexpr std::size_t left_hyphen_min = 2;
inline constexpr std::size_t right_hyphen_min = 3;

/// Loaded patterns (the bytes of a libhyphen .dic, e.g. /usr/share/hyphen/hyph_en_US.dic).
/// Move-only; an empty Hyphenator (no patterns) finds no hyphenation points.
class Hyphenator {
 public:
  /// No patterns: hyphenates nothing.
  Hyphenator();
  /// Loads `patterns`, the contents of a pattern file; empty bytes, or bytes libhyphen cannot
  /// load, leave it empty (check with empty()).
  explicit Hyphenator(std::string_view patterns);
  ~Hyphenator();
  Hyphenator(Hyphenator&&) noexcept;
  Hyphenator& operator=(Hyphenator&&) noexcept;
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  /// True when no patterns are loaded.
  bool empty() const { return dictionary_ == nullptr; }
  /// The SHA-256 (hex) of the patterns loaded, which decide every hyphenation point: what a
  /// cache of set articles keys on. Empty when no patterns are loaded.
  const std::string& patterns_digest() const { return patterns_digest_; }

  /// Byte offsets into `word` (UTF-8, a run of text between spaces, punctuation and all) before
  /// which a hyphen may go, ascending, each at a character boundary after any combining marks.
  /// Only the word's letters count: leading opening and trailing closing punctuation are set
  /// aside, and so is a possessive or contraction ending ("kratom’s" hyphenates as "kratom").
  /// Empty when there are no patterns, when the rest is not all letters (Unicode L*, each with its
  /// combining marks: no digits, hyphens or other characters), when a letter is not in the pattern
  /// file's charset (UTF-8 holds all; ISO8859-1 Latin-1; any other, ASCII only), for an acronym
  /// or mixed case (a capital after the first letter), and within left_hyphen_min /
  /// right_hyphen_min characters of the ends.
  std::vector<std::size_t> hyphenation_points(std::string_view word) const;

 private:
  struct Dictionary;
  std::unique_ptr<Dictionary> dictionary_;
  std::string patterns_digest_;
};

}  // namespace octavo::layout
