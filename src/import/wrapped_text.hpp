// Hard-wrapped plain text (paragraphs separated by blank lines, as licences, READMEs and mail are
// written) read into blocks: paragraphs, headings, lists, preformatted text, rules and boxes.
// Called by read_text_article for every .txt file that is not in the seeds' one-line-a-paragraph form.
#pragma once

#include <string>
#include <vector>

#include "import/source_lines.hpp"
#include "model/block.hpp"

namespace octavo::import {

/// True when `lines` are to be read as hard-wrapped text: a blank line separates two paragraphs,
/// or there are two or more lines, none longer than 100 columns and none starting with "- ". False
/// for the seeds' form (one paragraph a line, the "- " outline), also with blank lines in it when
/// its outline's entries recur as headings and a run of lines holds a paragraph on one line, and
/// for a single line. A paragraph on one line in hard-wrapped text is read as a paragraph alone.
bool is_wrapped_text(const std::vector<SourceLine>& lines);

/// The blocks of hard-wrapped text, located in `path`; headings are left without ids, which
/// transform::resolve_links gives them. No blocks for text that is all blank; never fails.
std::vector<model::Block> read_wrapped_text(const std::string& path, const std::vector<SourceLine>& lines);

}  // namespace octavo::import
