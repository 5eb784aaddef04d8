// Deflate (RFC 1951): each EPUB file as its ZIP entry stores it, with the CRC-32 and size the
// entry's headers record, and each PDF page's content as a FlateDecode stream (RFC 1950). A page's
// content is deflated in parts that join (flate_part), so that its body can be kept from one build
// to the next. The only user of zlib, for what needs its sync flush and preset dictionaries;
// whole buffers go through libdeflate (core/whole_deflate), which is faster.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content_defined_pieces.hpp"
#include "core/deflate_memo.hpp"
#include "core/whole_deflate.hpp"

namespace octavo::core {

/// One file deflated: what a ZIP entry holds of it once the file itself is gone.
struct DeflatedBytes {
  std::string compressed;   ///< the raw deflate stream: no zlib header, no trailer
  std::uint32_t crc32 = 0;  ///< CRC-32 of the uncompressed bytes (ISO 3309, as ZIP records it)
  std::uint64_t size = 0;   ///< the uncompressed size in bytes

  /// The file as one string, for a DeflateMemo (an EPUB article's page kept under its key);
  /// from_kept_form reads it back (nullopt if damaged).
  std::string kept_form() const;
  static std::optional<DeflatedBytes> from_kept_form(std::string_view kept);
};

/// Files up to this size are deflated whole (deflate_whole); longer ones (a long book's
/// navigation, contents and package document) in pieces, so that a rebuild after an edit deflates
/// only the pieces around it.
inline constexpr std::size_t zip_whole_limit = 64 * 1024;

/// The pieces of a longer file: 8 to 64 KiB, about 24 KiB on average. Smaller pieces would make an
/// edit cheaper to deflate again, and the file larger by a sync flush and a fresh block a piece.
inline constexpr PieceSizes zip_piece_sizes{8 * 1024, 64 * 1024, 14};

/// `bytes` as a raw deflate stream: up to zip_whole_limit deflate_whole's; past it, one stream
/// deflated in pieces (content_defined_ends with zip_piece_sizes) with libzip's settings for level
/// 6 (zlib's default level, a 32 KiB window, zlib's largest memory level, the default strategy),
/// each referring back to the 32 KiB before it. Empty input gives the two-byte empty stream. Throws
/// std::bad_alloc if zlib or libdeflate cannot allocate its state, the only way either can fail
/// with these fixed settings.
/// With a `memo`, the compressed bytes it kept for the same `bytes` (or piece, window and end) are
/// taken instead (then only the CRC-32 is computed), and what is deflated here is kept in it. A
/// piece is kept under a SHA-256 of a name, whether it is last, its window's length and the
/// digests of its bytes and of the pieces its window lies in; a whole file's digest (of its bytes
/// alone) could equal one only for a file that starts with that name's length byte and text, and
/// the EPUB's files start with XML, CSS or an image's signature.
DeflatedBytes deflate_zip_entry(std::string_view bytes, DeflateMemo* memo = nullptr);

/// The pieces deflate_zip_entry deflates a long file in: where each ends in its bytes, and the
/// name a memo keeps its compressed bytes under. Empty for a file deflated whole (up to
/// zip_whole_limit bytes).
struct ZipPieces {
  std::vector<std::size_t> ends;
  std::vector<StreamDigest> names;
};
ZipPieces zip_pieces(std::string_view bytes);

/// deflate_zip_entry(bytes, &memo), its pieces `pieces` (zip_pieces(bytes)) already named: each
/// taken from `memo`, or deflated and kept there, in order. Throws as deflate_zip_entry.
DeflatedBytes deflate_zip_pieces(std::string_view bytes, const ZipPieces& pieces, DeflateMemo& memo);

/// A long file kept as the names of its pieces, with its CRC-32 and size: what a memo keeps for a
/// file made from inputs it names by a digest of its own (an EPUB page under its key), beside the
/// pieces, so that the file is taken from them without being made, and a file made anew after an
/// edit deflates only the pieces the edit changed.
struct ZipPieceList {
  std::vector<StreamDigest> names;
  std::uint32_t crc32 = 0;
  std::uint64_t size = 0;

  /// The list as one string, for a DeflateMemo; from_kept_form reads it back (nullopt if damaged).
  std::string kept_form() const;
  static std::optional<ZipPieceList> from_kept_form(std::string_view kept);
};

/// The file `list` names, its pieces taken from `memo` in order; nullopt if one is missing there.
std::optional<DeflatedBytes> recall_zip_pieces(const ZipPieceList& list, DeflateMemo& memo);

/// `bytes` as a zlib stream (header, deflate, Adler-32) with libharu 2.3's settings for a PDF
/// stream's FlateDecode filter (zlib's default level, window and memory level): the bytes libharu
/// writes when it compresses the same stream itself. Throws std::bad_alloc as deflate_zip_entry.
std::string flate_encode(std::string_view bytes);

/// Part of a PDF stream deflated on its own, raw and ended by a sync flush (byte-aligned, no final
/// block) unless it is the last, with the Adler-32 and size of its bytes. Parts deflated
/// apart join into one FlateDecode stream (flate_join) whatever was deflated beside them, in this
/// build or an earlier one: a PDF page's body kept from the last build goes between its margins'
/// drawing deflated anew. Deflated together, the bytes would be a little smaller: only a part
/// given a window (the tail of the part before it) has matches that reach back across a join.
struct FlatePart {
  std::string compressed;
  std::uint32_t adler32 = 1;  ///< of the uncompressed bytes (RFC 1950 §8.2); 1 for none
  std::uint64_t size = 0;     ///< uncompressed
  std::string tail;           ///< the last flate_tail_size uncompressed bytes (all, if fewer)
  bool last = false;          ///< ended by a final block, not a sync flush: no part may follow

  /// The part as one string, for a DeflateMemo; from_kept_form reads it back (nullopt if damaged).
  /// Only a part that is not last is kept.
  std::string kept_form() const;
  static std::optional<FlatePart> from_kept_form(std::string_view kept);
};

/// How many of its last bytes a FlatePart keeps, for a part after it to refer back to (a page's
/// furniture to its body: their operators and font names). A kilobyte of it keeps the page
/// content of corpus/'s PDF within 3.2 % of its size deflated whole (no window: 5.4 %; the
/// whole window, 32 KiB: 2.2 %).
inline constexpr std::size_t flate_tail_size = 1024;

/// `bytes` deflated as a part, which may refer back to `window`, the bytes just before it in the
/// stream (the tails of the parts before it); a `last` part ends the stream (its final block).
/// Without a window, libdeflate deflates it (deflate_whole, or deflate_whole_unended where that
/// gives a stream), and otherwise zlib with libharu's settings for a FlateDecode stream.
/// Throws std::bad_alloc as deflate_zip_entry.
FlatePart flate_part(std::string_view bytes, std::string_view window = {}, bool last = false);

/// `bytes` deflated as flate_part does, but with a 2 KiB window: for a few hundred bytes (a page's
/// first operators, its furniture) it compresses as well, and is much cheaper to set up.
FlatePart flate_small_part(std::string_view bytes, std::string_view window = {}, bool last = false);

/// The zlib stream (RFC 1950) of the parts' bytes one after the other: zlib's header for
/// flate_encode's settings, the parts, an empty final block unless the last part is `last`, the
/// Adler-32 of all the bytes. Only the last part may be `last`.
std::string flate_join(const std::vector<const FlatePart*>& parts);

}  // namespace octavo::core
