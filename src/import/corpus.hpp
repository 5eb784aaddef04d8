// The import stage: a corpus folder (book.toml and its articles) becomes a model::Book. The
// first stage of the pipeline; the transforms fill in ids, contents, notes and defaults after it.
#pragma once

#include <cstddef>

#include "core/diagnostics.hpp"
#include "core/file_system.hpp"
#include "core/progress.hpp"
#include "import/kept_text_articles.hpp"
#include "import/style_settings.hpp"
#include "model/book.hpp"

namespace octavo::import {

/// What read_corpus gives: the book, and book.toml's page style choice, which is read with the
/// rest of the manifest and checked by style::read_page_style.
struct Corpus {
  model::Book book;
  StyleChoice style;  ///< not given without a book.toml, or with one that does not parse
};

/// Reads the corpus folder: book.toml when present, then every article in manifest order (or, with no manifest,
/// every article file (*.txt, *.md, *.markdown, *.html, *.htm, *.xhtml) of the folder and its sub-folders, each
/// folder's files and sub-folders together in natural name order, "ch2.md" before "ch10.md":
/// core::FileSystem::list_files). Files that book.toml's `exclude` patterns match are not picked up from the listing
/// (a pattern that matches nothing gets a warning). Each folder that holds articles is a part
/// (import/folder_parts.hpp); titles are chosen last (import/choose_titles.hpp). Never throws on bad input; problems
/// go to `sink`. A book.toml with a syntax error, or with no `articles` array, leaves the order to the folder
/// listing; one that exists but cannot be read is an error. Hidden files and folders are never picked up; a name
/// whose extension differs from an article's only in case ("b.MD") gets a warning. An article file that a manifest
/// listing articles neither lists nor excludes is an error, and so are a listed file reached through a symbolic link
/// to outside the corpus, a folder's articles listed apart from one another, and an empty corpus. Reports each
/// article read (or given up) to `progress`, as the stage "Reading". Plain-text articles are read
/// on `jobs` threads at once (none for 0 or 1), so `files` must be safe to read from several
/// threads; the book and its diagnostics are the same whatever `jobs` is. With `kept`, a
/// plain-text article whose text an earlier read_corpus of the process read is copied from it,
/// not read again, and what this one reads is kept there for the next: the same book and the same
/// diagnostics either way.
Corpus read_corpus(const core::FileSystem& files, core::DiagnosticSink& sink,
                   core::Progress& progress = core::no_progress(), std::size_t jobs = 1,
                   KeptTextArticles* kept = nullptr);

}  // namespace octavo::import
