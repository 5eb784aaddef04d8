// Where each table-of-contents entry points: the contents page, nav.xhtml and toc.ncx all resolve
// book.contents through this, so a stale entry cannot become a broken link in one of them.
#pragma once

#include <string>

#include "model/book.hpp"

namespace octavo::epub {

class ContentsLinks {
 public:
  /// Looks entries up in the book's anchor table; `book` must outlive this.
  explicit ContentsLinks(const model::Book& book) : anchors_(book.anchors) {}

  /// The entry's target relative to EPUB/text/ ("a01-x.xhtml#anchor"): the article file alone
  /// when the anchor is empty or names no id of the article; for a part's entry, the target of
  /// its first entry that has one (interim, until parts have pages of their own); empty when no
  /// article has entry.article_id.
  std::string href(const model::ContentsEntry& entry) const;

 private:
  const model::AnchorTable& anchors_;
};

}  // namespace octavo::epub
