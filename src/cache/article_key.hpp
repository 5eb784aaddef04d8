// The keys a set article, and its entry in the Sources appendix, are kept under: a SHA-256 over
// everything article_flow (sources_entry_flow) reads, so that an entry is used only when setting
// it again would give the very same lines.
#pragma once

#include <string>
#include <string_view>

#include "core/sha256.hpp"
#include "layout/article_cache.hpp"
#include "model/article_digests.hpp"

namespace octavo::cache {

/// A SHA-256 over: `fingerprint` (the program, its libraries and the fonts:
/// build_fingerprint), every setting of the page style, the hyphenation
/// patterns' digest, the digest of every field of the article (model::article_digest, from
/// `digests`: blocks, inlines, images with their digests, footnotes, provenance, source note,
/// every source location), where each of its links resolves against the book's anchors
/// ("unresolved" for none), and the article's own anchors. Two inputs that differ in any of these
/// get different keys. Never fails.
core::StreamDigest article_key(const layout::ArticleInputs& inputs, std::string_view fingerprint,
                               const model::ArticleDigests& digests);

/// The key an article's entry in the Sources appendix is kept under: a SHA-256 over `fingerprint`,
/// the page style, the patterns' digest and the article's id, title, location and source note (all
/// that sources_entry_flow reads, and the patterns). Never the key of an article. Never fails.
core::StreamDigest sources_entry_key(const layout::SourcesEntryInputs& inputs, std::string_view fingerprint);

/// The key the contents' titles are kept under: a SHA-256 over `fingerprint`, the page style, the
/// patterns' digest and each entry's title, level and kind, in order (all that set_contents_titles
/// reads). Never the key of an article or of a Sources entry. Never fails.
core::StreamDigest contents_titles_key(const layout::ContentsTitlesInputs& inputs, std::string_view fingerprint);

/// The key the contents' pages are kept under: a SHA-256 over `fingerprint`, the page style, the
/// patterns' digest and each entry's title, destination, level, kind and page number, in order
/// (all that contents_flow reads, with the titles it sets from them). Never the key of an article,
/// of a Sources entry or of the titles. Never fails.
core::StreamDigest contents_pages_key(const layout::ContentsPagesInputs& inputs, std::string_view fingerprint);

}  // namespace octavo::cache
