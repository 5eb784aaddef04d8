// The patterns a whole book is hyphenated with: an article in another language than the book's
// (front matter `lang: de`) is hyphenated with that language's patterns, not the book's.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "layout/hyphenator.hpp"

namespace octavo::layout {

/// The book language's Hyphenator, and one for each other language its articles are written in.
/// Languages that share a pattern file (en-GB and en-AU) may share one Hyphenator. Default: no
/// patterns for any language.
class Hyphenators {
 public:
  Hyphenators();
  /// The book's language is hyphenated with `book`, every other language not at all until set.
  explicit Hyphenators(std::shared_ptr<const Hyphenator> book);

  /// Text in `language` (a BCP 47 tag as an article names it) is hyphenated with `hyphenator`.
  void set(const std::string& language, std::shared_ptr<const Hyphenator> hyphenator);

  /// The book language's patterns: for its front matter and for articles in its language.
  const Hyphenator& book() const { return *book_; }
  /// The patterns for text in `language`: the book's for an empty tag (an article in the book's
  /// language), none for a language never set (English patterns would break a Russian word
  /// anywhere).
  const Hyphenator& for_language(std::string_view language) const;

 private:
  std::shared_ptr<const Hyphenator> book_;
  std::map<std::string, std::shared_ptr<const Hyphenator>, std::less<>> by_language_;
};

}  // namespace octavo::layout
