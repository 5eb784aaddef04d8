// The visible contents page (EPUB/text/contents.xhtml), in the reading order after the disclaimer:
// every article with its sections one level down, then the Sources appendix.
#pragma once

#include <string>

#include "model/book.hpp"

namespace octavo::epub {

/// The contents page for book.contents. An entry whose article does not exist is left out with
/// its sections; Sources is always listed.
std::string contents_xhtml(const model::Book& book);

}  // namespace octavo::epub
