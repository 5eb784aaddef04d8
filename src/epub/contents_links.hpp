// Where each table-of-contents entry points: the contents page, nav.xhtml and toc.ncx all resolve
// book.contents through this, so a stale entry cannot become a broken link in one of them.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "model/book.hpp"

namespace octavo::epub {

class ContentsLinks {
 public:
  /// Indexes the articles of `book` and the usable heading ids of each.
  explicit ContentsLinks(const model::Book& book);

  /// The entry's target relative to EPUB/text/ ("a01-x.xhtml#anchor"): the article file alone
  /// when the anchor is empty or names no heading; empty when no article has entry.article_id.
  std::string href(const model::ContentsEntry& entry) const;

 private:
  std::unordered_map<std::string, std::unordered_set<std::string>> anchors_;  // article id → heading ids
};

}  // namespace octavo::epub
