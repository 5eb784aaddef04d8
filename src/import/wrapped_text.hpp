// Hard-wrapped plain text (paragraphs between blank lines, as licences, READMEs and mail are written)
// read into blocks: paragraphs, headings, lists, preformatted text, rules and boxes. read_text_article
// asks it first of every .txt file, and reads the seeds' one-line-a-paragraph form itself.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "import/source_lines.hpp"
#include "model/block.hpp"

namespace octavo::import {

/// The blocks of `lines` read as hard-wrapped text, located in `path`, when they are such text: a
/// blank line separates two paragraphs, or there are two or more lines, none longer than 100
/// columns and none starting with "- ". Nullopt for the seeds' form (one paragraph a line, the "- "
/// outline), also with blank lines in it when its outline's entries recur as headings and a run of
/// lines holds a paragraph on one line, and for a single line. A paragraph on one line in
/// hard-wrapped text is read as a paragraph alone. Headings are left without ids, which
/// transform::resolve_links gives them. Nullopt for text that is all blank too. Never fails.
std::optional<std::vector<model::Block>> read_if_wrapped_text(const std::string& path,
                                                              const std::vector<SourceLine>& lines);

}  // namespace octavo::import
