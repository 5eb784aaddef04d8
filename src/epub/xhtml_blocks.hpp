// Model blocks and inlines as XHTML elements: the bodies of the articles and of the disclaimer.
// Sits between the model and xml_document(): it builds XmlNode trees and never writes text.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "epub/xml_document.hpp"
#include "model/block.hpp"

namespace octavo::epub {

/// The ids of one XHTML document: those "#id" links may point at, and those already written.
struct DocumentIds {
  std::unordered_set<std::string> targets;  ///< from heading_ids(), plus any fixed ids of the page
  std::unordered_set<std::string> written;  ///< grows as ids are written; a repeated id is dropped
};

/// True if `id` can be written as an XHTML id: not empty, no whitespace, only XML characters.
bool is_usable_id(const std::string& id);

/// The usable ids of the headings in `blocks`, at any depth; empty if there are none.
std::unordered_set<std::string> heading_ids(const std::vector<model::Block>& blocks);

/// Appends the XHTML of `blocks` to `parent`: headings level 1–5 as h2–h6 (deeper ones as h6),
/// the summary as p.summary, the outline as a nav with the heading model::outline_title. A link
/// keeps only its text when its target is neither a web or mail address nor one of `ids.targets`.
void append_blocks(XmlNode& parent, const std::vector<model::Block>& blocks, DocumentIds& ids);

}  // namespace octavo::epub
