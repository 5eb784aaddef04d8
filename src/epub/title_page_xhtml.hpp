// The title page (EPUB/text/title.xhtml), first in the reading order: title, subtitle, authors,
// editor, publisher and date, each only when the metadata has it.
#pragma once

#include <string>

#include "model/book.hpp"

namespace octavo::epub {

/// The title page; a metadata field that is empty leaves out its line.
std::string title_page_xhtml(const model::Metadata& metadata);

}  // namespace octavo::epub
