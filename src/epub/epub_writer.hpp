// The EPUB writer, last stage of the EPUB branch: model::Book → an EPUB 3.3 file. It renders
// every document and zips them (see epub_paths.hpp for the layout).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/deflate_memo.hpp"
#include "core/diagnostics.hpp"
#include "core/progress.hpp"
#include "core/sha256.hpp"
#include "model/article_digests.hpp"
#include "model/book.hpp"

namespace octavo::epub {

struct EpubOptions {
  std::string stylesheet;  ///< the CSS text of styles/epub.css, read by the caller
  /// Files deflated by an earlier build, taken from and kept there (the build cache); null: every
  /// file is deflated. The book is the same either way.
  core::DeflateMemo* memo = nullptr;
  /// The digests of the book's articles, which article_page_key starts from, when the caller
  /// shares them with another writer (layout's cache); null: epub_files makes its own.
  const model::ArticleDigests* article_digests = nullptr;
};

/// Receives one file of the EPUB: its path inside the archive and its bytes, which live only
/// during the call.
using FileReceiver = std::function<void(const std::string& path, std::string_view bytes)>;

/// Receives a page not yet made (an article's, nav.xhtml or the contents page): its path,
/// `key` giving the digest of everything its bytes depend on (article_page_key, book_page_keys),
/// and `make` giving its bytes. A receiver that holds the page's deflated bytes under that key
/// from an earlier build need not make it.
using PageReceiver = std::function<void(const std::string& path, const std::function<core::StreamDigest()>& key,
                                        const std::function<std::string()>& make)>;

/// Hands every file of the EPUB except mimetype to `receive`, one at a time and each once made, in
/// archive order: META-INF/container.xml, the package document, nav.xhtml, toc.ncx, the
/// stylesheet, the text pages in reading order, then each image once, in order of first use; the
/// articles' pages, nav.xhtml and the contents page go to `receive_page` instead, unmade.
/// Only one text page is held at a time.
/// Reports each article handed on to `progress`, as the stage "Writing EPUB".
void epub_files(const model::Book& book, const EpubOptions& options, const FileReceiver& receive,
                const PageReceiver& receive_page, core::Progress& progress = core::no_progress());

/// As above, with every article's page made and handed to `receive` too.
void epub_files(const model::Book& book, const EpubOptions& options, const FileReceiver& receive,
                core::Progress& progress = core::no_progress());

/// Writes the complete EPUB to `path` (the caller makes it atomic by writing to a temporary name
/// first), deflating each file as epub_files makes it, so that only the compressed book is held.
/// With a memo, an article's page kept there under its key (article_page_key) is taken as it is,
/// neither made nor deflated, and every page made is kept under its key; the book is the same.
/// `book` must have been through the transforms (ids, identifier, dates; the language is checked on
/// import), which is asserted. Returns false, with an error on `sink`, if the archive cannot be
/// written; it then removes whatever it wrote at `path`. Reports to `progress` as epub_files does,
/// then "Saving EPUB" (uncounted).
bool write_epub(const model::Book& book, const EpubOptions& options, const std::string& path,
                core::DiagnosticSink& sink, core::Progress& progress = core::no_progress());

}  // namespace octavo::epub
