// The words a book's pages may set, gathered before layout so that the hyphenation patterns can
// be loaded for them (layout::Hyphenator's second constructor): German's take libhyphen seconds
// whole, milliseconds for the words of a short book.
#pragma once

#include <string>

#include "model/book.hpp"

namespace octavo::layout {

/// Every text of `book` that layout sets, one piece after another with a line break between:
/// the metadata, the disclaimer, the parts' titles, each article's title, blocks (text, code and
/// images' alt text) and notes, its source note, and the book's own headings and labels. A word
/// of the pages that is not here is still hyphenated right, only after all the patterns are loaded.
std::string text_to_set(const model::Book& book);

}  // namespace octavo::layout
