// The HTML article reader (.html, .htm, .xhtml): a web page saved whole, as people archive articles
// (SingleFile, "Save page as"). Parsed by html_tree, its main text mapped by html_blocks; the page's
// own resources (styles, scripts, remote images) are never fetched.
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostics.hpp"
#include "import/image_reference.hpp"
#include "model/article.hpp"

namespace octavo::import {

/// Reads the bytes of the HTML file `path`. The text is the first <article> (the one holding the
/// most text when there are several), else <main>, else <body>. The title is the og:title meta,
/// else <title>, else empty: the corpus chooses it (import/choose_titles.hpp), and headings get no
/// ids here beyond their own id= (transform::resolve_links). The source is <link rel="canonical">,
/// else og:url, else the URL of a SingleFile header; the author <meta name="author">; the
/// retrieval date the SingleFile header's "saved date"; the language <html lang>. Local images are read through
/// `images`. Never throws on bad input.
model::Article read_html_article(const std::string& path, std::string_view bytes, ImageReader& images,
                                 core::DiagnosticSink& sink);
/// The same for an article with no corpus around it: every local image is "not found".
model::Article read_html_article(const std::string& path, std::string_view bytes, core::DiagnosticSink& sink);

/// The date of a SingleFile header comment ("\n Page saved with SingleFile \n url: … \n saved
/// date: Tue Oct 17 2023 13:55:34 GMT+0300 (…)\n") as "2023-10-17", the saver's own calendar
/// date; empty when the comment is no such header or holds no readable date.
std::string single_file_saved_date(std::string_view comment);

}  // namespace octavo::import
