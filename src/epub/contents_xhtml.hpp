// The visible contents page (EPUB/text/contents.xhtml), in the reading order after the disclaimer:
// every part with its articles one level down, every article with its sections, then the Sources
// appendix: the tree of toc_items(), so that it agrees with the navigation.
#pragma once

#include <string>

#include "model/book.hpp"

namespace octavo::epub {

/// The contents page for book.contents. An entry whose part or article has no page is left out
/// with its children; Sources is always listed.
std::string contents_xhtml(const model::Book& book);

}  // namespace octavo::epub
