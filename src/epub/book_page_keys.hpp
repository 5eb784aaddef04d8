// The keys the EPUB's pages made from the contents tree (nav.xhtml, the contents page) are kept
// under between builds (their deflated bytes in the build cache's EPUB pack): each a SHA-256 over
// a format name and exactly the values its maker takes, so that a page is recalled only when
// making it again would give the very same bytes. An edit of an article's text changes neither,
// and a rebuild takes both (some 14 ms of making at 1,000 bench articles) without making them.
// toc.ncx has no key: it names the book's identifier, which an edit changes unless book.toml
// gives one (transform::complete_metadata).
#pragma once

#include <string>
#include <vector>

#include "core/sha256.hpp"
#include "epub/navigation_document.hpp"
#include "epub/toc_items.hpp"

namespace octavo::epub {

/// A SHA-256 over every item's label and href and over how they nest. Never fails.
core::StreamDigest toc_digest(const std::vector<TocItem>& items);

/// The key of navigation_document(inputs, items), given toc_digest(items).
core::StreamDigest navigation_key(const NavigationInputs& inputs, const core::StreamDigest& toc);

/// The key of contents_xhtml(language, items), given toc_digest(items).
core::StreamDigest contents_key(const std::string& language, const core::StreamDigest& toc);

}  // namespace octavo::epub
