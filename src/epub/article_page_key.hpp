// The key an article's XHTML page is kept under between builds (its deflated bytes in the build
// cache's EPUB pack): a SHA-256 over everything article_xhtml reads, so that a page is recalled
// only when making it again would give the very same bytes.
#pragma once

#include <string>

#include "core/sha256.hpp"
#include "epub/book_links.hpp"
#include "model/article.hpp"
#include "model/article_digests.hpp"

namespace octavo::epub {

/// A SHA-256 over a format name, `book_language`, the digest of every field of `article`
/// (model::article_digest, from `digests`) and the href each of its links gets in its page
/// (link_href against `links`), so that a heading renamed in another article changes the key of a
/// page that links to it. Articles whose pages could differ get different keys; never the digest
/// of a file's bytes. Never fails.
core::StreamDigest article_page_key(const model::Article& article, const std::string& book_language,
                                    const BookLinks& links, const model::ArticleDigests& digests);

}  // namespace octavo::epub
