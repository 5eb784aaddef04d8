// The NCX (EPUB/toc.ncx), kept for EPUB 2 reading systems (EPUB 3.3 §A.3 "legacy"): a navMap
// that mirrors the toc nav, tied to the book by dtb:uid = the unique identifier.
#pragma once

#include <string>

#include "model/book.hpp"

namespace octavo::epub {

/// toc.ncx for `book`; navPoints that point at the same target share one playOrder.
std::string ncx_document(const model::Book& book);

}  // namespace octavo::epub
