// Where a word may be hyphenated: Liang's patterns through libhyphen (the only file that sees
// hyphen.h is hyphenator.cpp). build_items asks it for justified paragraphs' words; the pipeline
// reads the pattern bytes (style/hyphenation_patterns.hpp) and makes it before layout.
#pragma once

#include <cstddef>
#include <cstdint>
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
  /// The same Hyphenator, made fast to load for the words of `text`: when `patterns` has at least
  /// `filter_from` bytes, libhyphen loads only what those words can meet of them (libhyphen takes
  /// seconds over German's 1 MB file, milliseconds over what a short book needs). Every word of
  /// `text` hyphenates as with all the patterns; any other word is hyphenated with all of them,
  /// loaded then, once.
  Hyphenator(std::string_view patterns, std::string_view text, std::size_t filter_from = large_patterns);
  ~Hyphenator();
  Hyphenator(Hyphenator&&) noexcept;
  Hyphenator& operator=(Hyphenator&&) noexcept;
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  /// Pattern files this large are loaded for a text's words (German's is 1 MB; English's 100 KB
  /// load in milliseconds as they are).
  static constexpr std::size_t large_patterns = 256 * 1024;

  /// True when no patterns are loaded.
  bool empty() const { return dictionary_ == nullptr; }
  /// True when every pattern of the file is loaded: always unless loaded for a text, and then
  /// once a word outside the text was hyphenated.
  bool loaded_whole() const;
  /// The SHA-256 (hex) of the patterns loaded, which decide every hyphenation point: what a
  /// cache of set articles keys on. Empty when no patterns are loaded.
  const std::string& patterns_digest() const { return patterns_digest_; }
  /// Names these patterns in a thread's memo of answers (core::ThreadMemo): no other Hyphenator
  /// of the process has it. 0 when no patterns are loaded.
  std::uint64_t memo_source() const { return serial_; }

  /// Byte offsets into `word` (UTF-8, a run of text between spaces, punctuation and all) before
  /// which a hyphen may go, ascending, each at a character boundary after any combining marks.
  /// Only the word's letters count: leading opening and trailing closing punctuation are set
  /// aside, and so is a possessive or contraction ending ("kratom’s" hyphenates as "kratom").
  /// Empty when there are no patterns, when the rest is not all letters (Unicode L*, each with its
  /// combining marks: no digits, hyphens or other characters), when a letter is not in the pattern
  /// file's charset (UTF-8 holds all; ISO8859-1 Latin-1; any other, ASCII only), for an acronym
  /// or mixed case (a capital after the first letter), and within left_hyphen_min /
  /// right_hyphen_min characters of the ends.
  /// The points of a word asked for before on the same thread are remembered, not sought again.
  std::vector<std::size_t> hyphenation_points(std::string_view word) const;
  /// hyphenation_points(word) as this thread remembers it, without a copy: good until this
  /// thread's next call of either on any Hyphenator.
  const std::vector<std::size_t>& hyphenation_points_here(std::string_view word) const;

 private:
  struct Dictionary;
  struct Whole;
  // Which dictionary hyphenates `letters` (a word in the patterns' charset).
  const Dictionary& dictionary_for(const std::string& letters) const;
  // hyphenation_points, sought in the patterns.
  std::vector<std::size_t> points_from_patterns(std::string_view word) const;
  std::unique_ptr<Dictionary> dictionary_;
  std::unique_ptr<Whole> whole_;  ///< when loaded for a text: its words, and all the patterns
  std::string patterns_digest_;
  /// Tells this Hyphenator's remembered words from another's, which may later have its address.
  std::uint64_t serial_ = 0;
};

}  // namespace octavo::layout
