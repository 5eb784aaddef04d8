// The NCX (EPUB/toc.ncx), kept for EPUB 2 reading systems (EPUB 3.3 §A.3 "legacy"): a navMap
// that mirrors the toc nav, tied to the book by dtb:uid = the unique identifier.
#pragma once

#include <string>
#include <vector>

#include "epub/toc_items.hpp"
#include "model/book.hpp"

namespace octavo::epub {

/// All toc.ncx shows of the book's metadata.
struct NcxInputs {
  std::string identifier;  ///< dtb:uid
  std::string language;
  std::string title;  ///< the docTitle (visible_label)
};

/// The inputs of `book`'s toc.ncx, from its metadata.
NcxInputs ncx_inputs(const model::Book& book);

/// toc.ncx with a navMap of `items` (toc_items); navPoints that point at the same target share one
/// playOrder.
std::string ncx_document(const NcxInputs& inputs, const std::vector<TocItem>& items);

/// toc.ncx for `book`: ncx_document(ncx_inputs(book), toc_items(book)).
std::string ncx_document(const model::Book& book);

}  // namespace octavo::epub
