// An article written out field by field for a cache key (layout's and the EPUB's): every member of
// the model that can change what a writer makes of the article goes in, links by how the caller
// resolves them, so that two articles a writer could set apart never write the same bytes.
#pragma once

#include <functional>

#include "core/byte_stream.hpp"
#include "core/source_location.hpp"
#include "model/article.hpp"

namespace octavo::model {

/// Writes where the caller's writer takes `node` (any inline, a link or not) to `out`: nothing
/// for an inline it does not resolve.
using PutResolution = std::function<void(core::ByteWriter& out, const Inline& node)>;

/// Writes every field of `article` to `out`: its id, title, language, part, provenance, blocks and
/// inlines in walk order with their shape, images by digest and header, footnotes, source note,
/// every source location and the headings import took; after each inline's fields,
/// `put_resolution`'s bytes for it. Never fails.
void put_article(core::ByteWriter& out, const Article& article, const PutResolution& put_resolution);

/// Writes a source location (path, line, column).
void put_location(core::ByteWriter& out, const core::SourceLocation& at);

/// Writes a source note's fields (label, value, href of each).
void put_source_note(core::ByteWriter& out, const SourceNote& note);

}  // namespace octavo::model
