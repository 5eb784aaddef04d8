// The EPUB navigation document (EPUB/nav.xhtml, EPUB 3.3 §7): the toc nav that reading systems
// show as the table of contents, and the landmarks nav. There are no print pages, so no page-list.
#pragma once

#include <string>

#include "model/book.hpp"

namespace octavo::epub {

/// nav.xhtml for `book`. Landmarks: titlepage, preamble (the disclaimer), toc (the contents
/// page), bodymatter (the first article, or the title page of the part that opens with it; left
/// out when there is no article) and appendix (Sources).
std::string navigation_document(const model::Book& book);

}  // namespace octavo::epub
