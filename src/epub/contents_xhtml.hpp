// The visible contents page (EPUB/text/contents.xhtml), in the reading order after the disclaimer:
// every part with its articles one level down, every article with its sections, then the Sources
// appendix: the tree of toc_items(), so that it agrees with the navigation.
#pragma once

#include <string>
#include <vector>

#include "epub/toc_items.hpp"
#include "model/book.hpp"

namespace octavo::epub {

/// The contents page for book.contents. An entry whose part or article has no page is left out
/// with its children; Sources is always listed.
std::string contents_xhtml(const model::Book& book);

/// The same page from the book's `language` and its toc `items` (toc_items, whose first two items,
/// the disclaimer and the contents page, and last, Sources, it lists as above): all it shows of the
/// book (contents_key hashes exactly these).
std::string contents_xhtml(const std::string& language, const std::vector<TocItem>& items);

}  // namespace octavo::epub
