// A cache entry's bytes: one SetArticle (its lines with everything on them, its diagnostics and its
// missing characters), and the pages it was cut into when the page sink prepared them, in a compact
// binary form, behind a versioned header that names its key, so
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

/// Adds to `entry`, which encode_entry wrote (for the lines `cut` was cut from, or for none of
/// them: with their diagnostics and missing characters only), the cut's pages and figures, so
/// that a later build can take the article as cut (decode_cut). Each page is kept as
/// the page sink prepared it (PageSink::prepare_body): its size, links, anchors, body digest and
/// shown text, not its runs or rules. False, and the entry as it was, when a page was not prepared
/// or holds more than its body (a picture, whose bytes are the model's; furniture; a side).
bool add_cut(std::string& entry, const layout::CutArticle& cut);

/// The article as cut, from an entry to which add_cut added it: its pages without runs or rules
/// (each with its body digest and shown text), its figures, its diagnostics and its missing
/// characters (noted in `missing`, a fresh branch of the book's coverage). Nullopt when the entry
/// has no cut, or is not one whole entry of this format for `key`; its lines are not read.
std::optional<layout::CutArticle> decode_cut(std::string_view bytes, const core::StreamDigest& key,
                                             fonts::GlyphCoverage missing);

}  // namespace octavo::cache
