// A cache entry's bytes: one SetArticle (its lines with everything on them, its diagnostics and its
// missing characters) in a compact binary form, behind a versioned header that names its key, so
// that a truncated or foreign entry reads as no entry at all. An altered one is the store's to
// catch (EntryPack checks each entry's CRC-32); the reader only stays within bounds, whatever the
// bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/sha256.hpp"
#include "fonts/glyph_coverage.hpp"
#include "layout/set_article.hpp"
#include "model/article.hpp"

namespace octavo::cache {

/// The entry for `set`, kept under `key`: lengths and ratios bit for bit, the lines that share a
/// table's repeated head sharing it again once decoded, images by their key (their bytes stay in
/// the model). Never fails.
std::string encode_entry(const layout::SetArticle& set, const core::StreamDigest& key);

/// The SetArticle of an entry written by encode_entry for `key`, its images' bytes taken from
/// `article`'s images of the same digest and its missing characters noted in `missing` (a fresh
/// branch of the book's coverage). Nullopt, never a partial result, when `bytes` are not a whole
/// entry of this format for `key`, hold a value out of range, or show an image `article` no longer
/// has.
std::optional<layout::SetArticle> decode_entry(std::string_view bytes, const core::StreamDigest& key,
                                               const model::Article& article, fonts::GlyphCoverage missing);

}  // namespace octavo::cache
