// Model blocks and inlines as XHTML elements: the bodies of the articles and of the disclaimer.
// Sits between the model and xml_document(): it builds XmlNode trees and never writes text.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "epub/xml_document.hpp"
#include "model/anchor_table.hpp"
#include "model/block.hpp"

namespace octavo::epub {

/// Where the links of one XHTML document may lead, and the ids it has written.
struct DocumentIds {
  const model::AnchorTable* anchors = nullptr;  ///< the book's (transform::resolve_links); none: no in-book links
  std::string article_id;                       ///< the article the document shows; empty for other pages
  std::unordered_set<std::string> written;      ///< grows as ids are written; a repeated id is dropped
};

/// True if `id` can be written as an XHTML id: not empty, no whitespace, only XML characters.
bool is_usable_id(const std::string& id);

/// Appends the XHTML of `blocks` to `parent`: headings level 1–5 as h2–h6 (deeper ones as h6),
/// the summary as p.summary, the outline as a nav with the heading model::outline_title; a
/// block's id on its element and an anchor as an empty span with its id. An in-book link
/// (target_article set) leads to "#id" in this document or "<article file>#id"; a link keeps
/// only its text when `ids.anchors` has no such id, or when it is neither in-book nor a web or
/// mail address.
void append_blocks(XmlNode& parent, const std::vector<model::Block>& blocks, DocumentIds& ids);

}  // namespace octavo::epub
