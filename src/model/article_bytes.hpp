// An article written out field by field for a cache key (layout's and the EPUB's): every member of
// the model that can change what a writer makes of the article goes in, so that two articles a
// writer could set apart never write the same bytes; where its links lead, which each writer
// resolves its own way, is written apart, so that both keys start from one digest of the rest.
#pragma once

#include <functional>

#include "core/byte_stream.hpp"
#include "core/sha256.hpp"
#include "core/source_location.hpp"
#include "model/article.hpp"

namespace octavo::model {

/// Writes where the caller's writer takes `node` (any inline, a link or not) to `out`: nothing
/// for an inline it does not resolve.
using PutResolution = std::function<void(core::ByteWriter& out, const Inline& node)>;

/// Writes every field of `article` to `out`: its id, title, language, part, provenance, blocks and
/// inlines in walk order with their shape, images by digest and header, footnotes, source note,
/// every source location and the headings import took. Never fails.
void put_article(core::ByteWriter& out, const Article& article);

/// The SHA-256 of put_article's bytes: all a writer reads of `article` but where its links lead,
/// which the book's other articles decide. Never fails.
core::StreamDigest article_digest(const Article& article);

/// Writes `put_resolution`'s bytes for every inline of `article`, in the order put_article writes
/// the inlines (the blocks', then each footnote's). With article_digest, a key over these bytes
/// tells apart any two articles whose links, resolved alike, could differ.
void put_resolutions(core::ByteWriter& out, const Article& article, const PutResolution& put_resolution);

/// Writes a source location (path, line, column).
void put_location(core::ByteWriter& out, const core::SourceLocation& at);

/// Writes a source note's fields (label, value, href of each).
void put_source_note(core::ByteWriter& out, const SourceNote& note);

}  // namespace octavo::model
