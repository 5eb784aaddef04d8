// One article as an XHTML page (EPUB/text/<article id>.xhtml): its title, its blocks, its notes as
// endnotes and, at the end, its source note, which links to the article's entry in the Sources appendix.
#pragma once

#include <string>

#include "epub/book_links.hpp"
#include "model/article.hpp"

namespace octavo::epub {

/// The article's page, in the article's language or else `book_language`; its in-book links lead
/// where `links` (the book's anchor table) says. Notes follow the text as a numbered list of
/// endnotes, each linking back to every reference to it; no notes, no endnotes section. The source
/// note is a section with id model::source_note_id(article); it is written even when the note has
/// no fields.
std::string article_xhtml(const model::Article& article, const std::string& book_language, const BookLinks& links);

}  // namespace octavo::epub
