// The navigation tree that nav.xhtml's toc and toc.ncx's navMap both render, so that the two
// cannot disagree: the disclaimer, the contents page, each article with its sections, Sources.
#pragma once

#include <string>
#include <vector>

#include "model/book.hpp"

namespace octavo::epub {

struct TocItem {
  std::string label;  ///< never blank (see visible_label)
  std::string href;   ///< relative to the package document ("text/a01-x.xhtml#anchor")
  std::vector<TocItem> children;
};

/// The tree for `book`: parts (which lead to their first article, until they have pages of their
/// own), articles and sections, as book.contents nests them. Contents entries whose article does
/// not exist are left out; the disclaimer, contents and Sources items are always there.
std::vector<TocItem> toc_items(const model::Book& book);

}  // namespace octavo::epub
