// The plain-text article reader (.txt): hard-wrapped text (import/wrapped_text), or the seeds' own
// form of one paragraph a line: a lead (summary first), an outline of "- " lines, then sections
// whose headings repeat the outline entries. Called by read_corpus; produces one model::Article
// without an article id, word count or source note.
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostics.hpp"
#include "model/article.hpp"

namespace octavo::import {

/// Reads the bytes of the .txt file `path`. The title is left empty: the corpus chooses it
/// (import/choose_titles.hpp). Outline entries link to their headings by GitHub's ids
/// (core::GithubSlugger), which transform::resolve_links resolves. An empty file gives an article
/// with no blocks and a warning; never throws on bad input.
model::Article read_text_article(const std::string& path, std::string_view bytes, core::DiagnosticSink& sink);

}  // namespace octavo::import
