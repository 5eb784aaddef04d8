// The EPUB writer, last stage of the EPUB branch: model::Book → an EPUB 3.3 file. It checks what
// the package needs, renders every document and zips them (see epub_paths.hpp for the layout).
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "epub/zip_container.hpp"
#include "model/book.hpp"

namespace octavo::epub {

struct EpubOptions {
  std::string stylesheet;  ///< the CSS text of styles/epub.css, read by the caller
};

/// Reports an error for each thing that would make the package invalid: a missing identifier, a
/// language that is not a BCP 47 tag, a malformed date or modified time, an article id that is
/// not an XML name or is used twice. True if there was none.
bool check_epub_input(const model::Book& book, core::DiagnosticSink& sink);

/// Every file of the EPUB except mimetype, in archive order: META-INF/container.xml, the package
/// document, nav.xhtml, toc.ncx, the stylesheet, then the text pages in reading order.
std::vector<ContainerFile> epub_files(const model::Book& book, const EpubOptions& options);

/// Writes the complete EPUB to `path` (the caller makes it atomic by writing to a temporary name
/// first). Returns false, with an error on `sink`, if the input fails check_epub_input or the
/// archive cannot be written; it then removes whatever it wrote at `path`.
bool write_epub(const model::Book& book, const EpubOptions& options, const std::string& path,
                core::DiagnosticSink& sink);

}  // namespace octavo::epub
