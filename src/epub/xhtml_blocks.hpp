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
  std::unordered_set<std::string> targets;  ///< from block_ids(), plus any fixed ids of the page
  std::unordered_set<std::string> written;  ///< grows as ids are written; a repeated id is dropped
  /// Note id → the ids of the references to it written so far, in reading order (for back-links).
  std::unordered_map<std::string, std::vector<std::string>> note_refs = {};
  /// Resolves in-book links to other articles; without it they keep only their text.
  const BookLinks* book = nullptr;
  std::string article_id = {};  ///< the article this document shows; empty for other pages
};

/// True if `id` can be written as an XHTML id: not empty, no whitespace, only XML characters.
bool is_usable_id(const std::string& id);

/// The usable ids that append_blocks() can write for `blocks`: those of blocks at any depth and
/// of anchor and footnote-reference inlines; empty if there are none.
std::unordered_set<std::string> block_ids(const std::vector<model::Block>& blocks);

/// Appends the XHTML of `blocks` to `parent`: headings level 1–5 as h2–h6 (deeper ones as h6),
/// the summary as p.summary, the outline as a nav with the heading model::outline_title, tables
/// with thead/tbody and th scope, task items with a ☐/☑ box, footnote references as noterefs.
/// Every usable block or anchor id is written once (the first time). A link keeps only its text
/// when its target is neither a web or mail address, nor one of `ids.targets`, nor an id of
/// another article known to `ids.book`.
void append_blocks(XmlNode& parent, const std::vector<model::Block>& blocks, DocumentIds& ids);

}  // namespace octavo::epub
