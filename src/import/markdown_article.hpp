// The markdown article reader (.md): optional TOML front matter, then CommonMark parsed by
// cmark 0.30 and mapped onto the document model. The only file that includes cmark.h.
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostics.hpp"
#include "import/image_reference.hpp"
#include "model/article.hpp"

namespace octavo::import {

/// Deepest nesting of containers (quotes, lists, items, emphasis, links) kept in the model; deeper
/// containers are flattened into their ancestor with a warning, so no later stage that recurses
/// over the model can run out of stack. Real articles nest a handful of levels.
inline constexpr int max_markdown_nesting = 64;

/// Reads the bytes of the .md file `path`. The title is the front matter's, else empty: the
/// corpus chooses it (import/choose_titles.hpp), and headings get no ids here
/// (transform::resolve_links). Raw HTML is kept as text, and a link that cannot be kept
/// (read_link_destination) keeps its text, both with warnings; never throws on bad input.
/// Local images are read through `images` and become figures (BlockKind::figure) after the
/// paragraph or heading they are written in; a paragraph that held only images is dropped. An
/// image that cannot be used (see ImageReader::read) leaves its alt text in the running text.
model::Article read_markdown_article(const std::string& path, std::string_view bytes, ImageReader& images,
                                     core::DiagnosticSink& sink);
/// The same for an article with no corpus around it: every local image is "not found".
model::Article read_markdown_article(const std::string& path, std::string_view bytes, core::DiagnosticSink& sink);

}  // namespace octavo::import
