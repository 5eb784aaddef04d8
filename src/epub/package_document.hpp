// The package document (EPUB/package.opf, EPUB 3.3 §5): the book's metadata, including EPUB
// Accessibility 1.1 metadata, the manifest of every resource and the spine (reading order).
#pragma once

#include <string>
#include <vector>

#include "model/book.hpp"

namespace octavo::epub {

/// One resource of the publication as the manifest lists it.
struct PackageItem {
  std::string id;          ///< manifest id, an XML ID
  std::string href;        ///< relative to the package document
  std::string media_type;  ///< "application/xhtml+xml", "text/css", …
  std::string properties;  ///< "nav" for the navigation document; empty for none
  bool in_spine = false;   ///< the spine lists these items in the order given
};

/// The summary of the accessibility metadata: true of every book Octavo writes without images,
/// and the one for books with images (any item whose media type is image/…).
extern const char* const accessibility_summary;
extern const char* const accessibility_summary_with_images;

/// The package document for `metadata` and `items`; the spine refers to an item with id "ncx"
/// as its toc. Empty metadata fields (subtitle, authors, editor, publisher, date) are left out.
std::string package_document(const model::Metadata& metadata, const std::vector<PackageItem>& items);

}  // namespace octavo::epub
