// The Sources appendix (EPUB/text/sources.xhtml), last in the reading order: for every article,
// its title linked back to its source note, then the note's fields.
#pragma once

#include <string>

#include "model/book.hpp"

namespace octavo::epub {

/// The appendix; each entry is a section with id model::sources_entry_id(article). With no
/// articles it holds only the heading.
std::string sources_xhtml(const model::Book& book);

}  // namespace octavo::epub
