// Model blocks and inlines as XHTML elements: the bodies of the articles, of their endnotes and of
// the disclaimer. Sits between the model and xml_document(): it builds XmlNode trees and never writes text.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "epub/xml_document.hpp"
#include "model/block.hpp"

namespace octavo::epub {

class BookLinks;

/// The ids of one XHTML document, what its links may point at, and what its notes link back to.
struct DocumentIds {
  std::unordered_set<std::string> written;  ///< grows as ids are written; a repeated id is dropped
  /// Note id → the ids of the references to it written so far, in reading order (for back-links).
  std::unordered_map<std::string, std::vector<std::string>> note_refs = {};
  /// The ids of the notes this document writes (its article's endnotes), which references link to.
  std::unordered_set<std::string> notes = {};
  /// The book's anchor table, through which every in-book link is looked up; without it links
  /// keep only their text unless they are web or mail addresses.
  const BookLinks* book = nullptr;
  std::string article_id = {};  ///< the article this document shows; empty for other pages
};

/// True if `id` can be written as an XHTML id: not empty, no whitespace, only XML characters.
bool is_usable_id(const std::string& id);

/// Appends the XHTML of `blocks` to `parent`: headings level 1–5 as h2–h6 (deeper ones as h6),
/// the summary as p.summary, the outline as a nav with the heading model::outline_title, tables
/// with thead/tbody and th scope, task items with a ☐/☑ box, footnote references as noterefs
/// (linked when `ids.notes` holds their note). Every usable block or anchor id is written once
/// (the first time). An in-book link (target_article set; "#id" alone means this document's
/// article) leads to "#id" in this document or "<article file>#id", as `ids.book` finds it; a
/// link keeps only its text when the id is not there, or when it is neither in-book nor a web or
/// mail address.
void append_blocks(XmlNode& parent, const std::vector<model::Block>& blocks, DocumentIds& ids);

}  // namespace octavo::epub
