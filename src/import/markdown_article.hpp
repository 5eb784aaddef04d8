// The markdown article reader (.md): optional YAML or TOML front matter, then GitHub Flavored
// Markdown parsed by cmark-gfm and mapped onto the document model, its raw HTML through
// markdown_html. markdown_article.cpp is the only file that includes cmark-gfm's headers.
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostics.hpp"
#include "import/image_reference.hpp"
#include "import/unused_front_matter_keys.hpp"
#include "model/article.hpp"

namespace octavo::import {

/// Deepest nesting of containers (quotes, lists, items, emphasis, links) kept in the model; deeper
/// containers are flattened into their ancestor with a warning, so no later stage that recurses
/// over the model can run out of stack. Real articles nest a handful of levels.
inline constexpr int max_markdown_nesting = 64;

/// Reads the bytes of the .md file `path`. The title is the front matter's, else empty: the
/// corpus chooses it (import/choose_titles.hpp), and headings get no ids here
/// (transform::resolve_links; an HTML id= is kept as the heading's id). Front matter keys no
/// field uses go to `unused_keys` (see read_front_matter). Raw HTML is read as HTML
/// (markdown_html.hpp), and a link that cannot be kept (read_link_destination) keeps its text
/// with a warning; never throws on bad input.
/// GFM: pipe tables (table → table_row → table_cell, the head row and its cells role header,
/// cells aligned by the delimiter row, each cell one paragraph), ~~strikethrough~~, task items,
/// bare URLs and www. links, and footnotes: Article::footnotes in order of first reference,
/// "fn-<n>", referred to by footnote_ref inlines "fnref-<n>", "fnref-<n>-2", …. A reference with
/// no definition stays text, and a definition no reference uses stays text where it was
/// written, "[^label]: …", both with a warning; so do cells beyond a row's header count
/// (dropped) and a delimiter row with no header row (kept as written, free of smart quotes).
/// Local images are read through `images` and become figures (BlockKind::figure) after the
/// paragraph or heading they are written in; a paragraph that held only images is dropped (in a
/// table cell it stays). An image that cannot be used (see ImageReader::read) leaves its alt
/// text in the running text.
model::Article read_markdown_article(const std::string& path, std::string_view bytes, ImageReader& images,
                                     UnusedFrontMatterKeys& unused_keys, core::DiagnosticSink& sink);
/// The same for an article with no corpus around it: every local image is "not found", and
/// unused front matter keys are reported at once.
model::Article read_markdown_article(const std::string& path, std::string_view bytes, core::DiagnosticSink& sink);

}  // namespace octavo::import
