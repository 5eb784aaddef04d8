// The EPUB writer, last stage of the EPUB branch: model::Book → an EPUB 3.3 file. It renders
// every document and zips them (see epub_paths.hpp for the layout).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/deflate_memo.hpp"
#include "core/diagnostics.hpp"
#include "core/progress.hpp"
#include "model/book.hpp"

namespace octavo::epub {

struct EpubOptions {
  std::string stylesheet;  ///< the CSS text of styles/epub.css, read by the caller
  /// Files deflated by an earlier build, taken from and kept there (the build cache); null: every
  /// file is deflated. The book is the same either way.
  core::DeflateMemo* memo = nullptr;
};

/// Receives one file of the EPUB: its path inside the archive and its bytes, which live only
/// during the call.
using FileReceiver = std::function<void(const std::string& path, std::string_view bytes)>;

/// Hands every file of the EPUB except mimetype to `receive`, one at a time and each once made, in
/// archive order: META-INF/container.xml, the package document, nav.xhtml, toc.ncx, the
/// stylesheet, the text pages in reading order, then each image once, in order of first use. Only
/// one text page is held at a time. Reports each article rendered to `progress`, as the stage
/// "Writing EPUB".
void epub_files(const model::Book& book, const EpubOptions& options, const FileReceiver& receive,
                core::Progress& progress = core::no_progress());

/// Writes the complete EPUB to `path` (the caller makes it atomic by writing to a temporary name
/// first), deflating each file as epub_files makes it, so that only the compressed book is held.
/// `book` must have been through the transforms (ids, identifier, dates; the language is checked on
/// import), which is asserted. Returns false, with an error on `sink`, if the archive cannot be
/// written; it then removes whatever it wrote at `path`. Reports to `progress` as epub_files does,
/// then "Saving EPUB" (uncounted).
bool write_epub(const model::Book& book, const EpubOptions& options, const std::string& path,
                core::DiagnosticSink& sink, core::Progress& progress = core::no_progress());

}  // namespace octavo::epub
