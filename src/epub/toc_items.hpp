// The navigation tree that nav.xhtml's toc and toc.ncx's navMap both render, so that the two
// cannot disagree: the disclaimer, the contents page, each part with its articles, each article
// with its sections, Sources.
#pragma once

#include <string>
#include <vector>

#include "epub/book_links.hpp"
#include "model/book.hpp"

namespace octavo::epub {

struct TocItem {
  std::string label;  ///< never blank (see visible_label)
  std::string href;   ///< relative to the package document ("text/a01-x.xhtml#anchor")
  std::vector<TocItem> children;
};

/// The tree for `book`, as deep as book.contents. Entries whose part or article has no page are
/// left out with their children; the disclaimer, contents and Sources items are always there.
std::vector<TocItem> toc_items(const model::Book& book);
/// The same, with the book's `links` made once by the caller.
std::vector<TocItem> toc_items(const model::Book& book, const BookLinks& links);

}  // namespace octavo::epub
