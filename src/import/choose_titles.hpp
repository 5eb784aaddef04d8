// Titles for the whole corpus at once, once every article is read: an article's from its front
// matter, book.toml, its opening heading or its file name; a part's from book.toml, its folder's
// README, a heading all its articles open with, or the folder's name. Then heading levels are
// closed up so that none skips one. The last step of import, before the transforms.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/source_location.hpp"
#include "model/book.hpp"

namespace octavo::import {

/// A title given from outside an article's text, and where.
struct GivenTitle {
  std::string title;  ///< empty when none was given
  core::SourceLocation location;
};

/// What book.toml and the folders say about titles.
struct TitleSources {
  std::vector<GivenTitle> articles;           ///< book.toml's title of each article, by index into Book::articles
  std::map<std::string, GivenTitle> parts;    ///< folder → its [[parts]] title
  std::map<std::string, GivenTitle> readmes;  ///< folder → the title of its README.md, index.md or _index.md
  bool book_title_given = false;              ///< book.toml names the book, so its root's articles do not
};

/// Sets every article's and part's title; never leaves one empty.
/// - An article's title is its own (the front matter's, set by its reader), else book.toml's (a
///   warning when both are given and differ), else its opening heading: the first block, past
///   badges, pictures and a line of links, when it is a heading of level 1 or of a level no later
///   heading reaches; else the file name, with a warning. An opening heading used as the title,
///   or equal to it, is removed from the blocks; one that refers to a footnote is never taken.
/// - When every article of a folder (at least two) opens with the same heading and then another,
///   that heading is the series' name: removed from each, it titles the folder's part (the book,
///   for the corpus root, unless book.toml names it), and each article opens with the next one.
/// - A part's title is book.toml's ([[parts]]), else its README's, else the series' name, else
///   made from the folder's name (title_from_folder_name), with a warning. A [[parts]] entry for
///   a folder that holds no article of the book is an error.
/// - Heading levels are then renumbered in document order so that none is more than one below
///   the one before it (2, 4, 3, 1 → 1, 2, 2, 1), as screen readers and Ace expect.
void choose_titles(model::Book& book, const TitleSources& sources, core::DiagnosticSink& sink);

}  // namespace octavo::import
