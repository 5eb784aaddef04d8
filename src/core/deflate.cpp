#include "core/deflate.hpp"

// next_in as a pointer to const: the input is the caller's string_view.
#define ZLIB_CONST
#include <zlib.h>

#include <algorithm>
#include <cassert>
#include <climits>
#include <deque>
#include <memory>
#include <new>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/byte_stream.hpp"
#include "core/content_defined_pieces.hpp"
#include "core/sha256.hpp"

namespace octavo::core {
namespace {

// zlib's settings for one kind of stream.
struct Settings {
  int level;
  int window_bits;  ///< negative: a raw stream, no zlib header or trailer
  int memory_level;
};

// The pieces of a long EPUB file (whole files go through libdeflate): zlib's default level (6),
// with the other values libzip 1.7.3's deflate (zip_algorithm_deflate.c) gives deflateInit2, the
// stream libzip writes when asked for level 6 (memory level 8 gives a different stream, 9 the
// same). Raw, as ZIP stores it (APPNOTE §4.4.5). Level 6 took 30 % less time than level 9,
// libzip's default, on the files of an EPUB of 500 bench articles, for 0.28 % more bytes.
constexpr Settings zip_entry{Z_DEFAULT_COMPRESSION, -MAX_WBITS, MAX_MEM_LEVEL};

// libharu 2.3's HPDF_Stream_WriteToStreamWithDeflate calls deflateInit(Z_DEFAULT_COMPRESSION):
// zlib's header and trailer, a 32 KiB window, memory level 8 (zlib's DEF_MEM_LEVEL, which zlib.h
// does not export). tests/unit/pdf compares the two streams.
constexpr int zlib_default_memory_level = 8;
constexpr Settings pdf_stream{Z_DEFAULT_COMPRESSION, MAX_WBITS, zlib_default_memory_level};
// A part of such a stream: the same, raw (flate_join writes the header and the trailer).
constexpr Settings pdf_stream_part{Z_DEFAULT_COMPRESSION, -MAX_WBITS, zlib_default_memory_level};
// A small part: a 2 KiB window and a 512-entry hash. zlib allocates and clears about 10 KB for it
// instead of some 270 KB, which a rebuild would pay for each page's furniture; on corpus/'s pages
// the furniture deflates to the same size either way.
constexpr Settings pdf_small_part{Z_DEFAULT_COMPRESSION, -11, 2};

// zlib counts in uInt (32 bits): larger inputs and outputs go through in pieces of this size.
constexpr std::size_t max_piece = UINT_MAX;

class DeflateStream {
 public:
  explicit DeflateStream(const Settings& settings) {
    if (deflateInit2(&stream_, settings.level, Z_DEFLATED, settings.window_bits, settings.memory_level,
                     Z_DEFAULT_STRATEGY) != Z_OK) {
      throw std::bad_alloc();
    }
  }
  ~DeflateStream() { deflateEnd(&stream_); }
  // Back to the state deflateInit2 left: the same settings, nothing deflated, no window. False if
  // zlib refused (a clobbered stream), and the stream is then not to be used again.
  bool reset() { return deflateReset(&stream_) == Z_OK; }

  // Lets the stream refer back to `window`, the bytes just before it (its last 32 KiB), before the
  // first deflate: a raw stream's preset dictionary (zlib.h, deflateSetDictionary).
  void refer_back_to(std::string_view window) {
    window = window.substr(window.size() - std::min<std::size_t>(window.size(), std::size_t{1} << MAX_WBITS));
    [[maybe_unused]] const int status =
        deflateSetDictionary(&stream_, reinterpret_cast<const Bytef*>(window.data()), static_cast<uInt>(window.size()));
    assert(status == Z_OK);  // only a misuse (a zlib header, or after deflating) is refused
  }
  DeflateStream(const DeflateStream&) = delete;
  DeflateStream& operator=(const DeflateStream&) = delete;

  // The stream of `bytes`, ended by `end`: Z_FINISH (a final block, and the trailer if the
  // settings have one) or Z_SYNC_FLUSH (byte-aligned, and more may follow).
  std::string deflate_all(std::string_view bytes, int end = Z_FINISH) {
    // deflateBound is enough for the whole stream, so the loop below normally runs once; it loops
    // only for inputs or outputs beyond uInt. A sync flush adds at most 6 bytes to the bound.
    std::string out(deflateBound(&stream_, bytes.size()) + 6, '\0');
    std::size_t read = 0;
    std::size_t written = 0;
    int status = Z_OK;
    // Z_BUF_ERROR only says that a call could not progress; the next, with more room, will.
    while (status == Z_OK || status == Z_BUF_ERROR) {
      if (stream_.avail_in == 0 && read < bytes.size()) {
        const std::size_t piece = std::min(bytes.size() - read, max_piece);
        stream_.next_in = reinterpret_cast<const Bytef*>(bytes.data() + read);
        stream_.avail_in = static_cast<uInt>(piece);
        read += piece;
      }
      if (written == out.size()) out.resize(out.size() * 2);
      const std::size_t room = std::min(out.size() - written, max_piece);
      stream_.next_out = reinterpret_cast<Bytef*>(out.data() + written);
      stream_.avail_out = static_cast<uInt>(room);
      // Z_NO_FLUSH until the last piece is in: the stream does not depend on how it was fed.
      const int flush = read == bytes.size() ? end : Z_NO_FLUSH;
      status = deflate(&stream_, flush);
      written += room - stream_.avail_out;
      // A flush is complete when it left room in the output (zlib.h, deflate).
      if (flush == Z_SYNC_FLUSH && status == Z_OK && stream_.avail_out > 0) break;
    }
    // Z_STREAM_ERROR, the only other answer, means a clobbered stream: a programming mistake, but
    // one that must not put a truncated stream into a book.
    if (status != (end == Z_FINISH ? Z_STREAM_END : Z_OK)) {
      throw std::logic_error("zlib's deflate failed with status " + std::to_string(status));
    }
    // A copy of the exact size: the bound is about the size of the input, and the books keep
    // thousands of these.
    return out.substr(0, written);
  }

 private:
  z_stream stream_{};
};

// A stream with `settings`, made once a thread and reset after each use: zlib's deflateReset is
// deflateEnd and deflateInit2 without freeing and allocating its state again (zlib.h), so the bytes
// are the same, while a rebuild's thousands of page furniture parts no longer each allocate and
// free it (setting it up took about a tenth of a warm rebuild's drawing of pages).
class ReusedStream {
 public:
  explicit ReusedStream(const Settings& settings) : slot_(slot_of(settings)) {
    if (!slot_.stream) slot_.stream = std::make_unique<DeflateStream>(settings);
    assert(!slot_.in_use);  // nothing deflated here deflates again before it is done
    slot_.in_use = true;
  }
  ~ReusedStream() {
    slot_.in_use = false;
    // A stream zlib will not reset is dropped, and the next use makes a new one.
    if (!slot_.stream->reset()) slot_.stream.reset();
  }
  ReusedStream(const ReusedStream&) = delete;
  ReusedStream& operator=(const ReusedStream&) = delete;
  DeflateStream* operator->() { return slot_.stream.get(); }

 private:
  struct Slot {
    const Settings* settings;
    std::unique_ptr<DeflateStream> stream;
    bool in_use = false;
  };
  static Slot& slot_of(const Settings& settings) {
    // One for each of the few Settings above, told apart by address; a deque keeps each in place.
    thread_local std::deque<Slot> slots;
    for (Slot& slot : slots) {
      if (slot.settings == &settings) return slot;
    }
    return slots.emplace_back(Slot{&settings, nullptr});
  }
  Slot& slot_;
};

std::string deflate_with(const Settings& settings, std::string_view bytes) {
  ReusedStream stream(settings);
  return stream->deflate_all(bytes);
}

// What `memo` kept for `bytes`, else `bytes` deflated whole (and kept).
std::string deflate_remembered(std::string_view bytes, DeflateMemo* memo) {
  if (memo == nullptr) return deflate_whole(bytes);
  const StreamDigest digest = sha256(bytes);
  if (std::optional<std::string> kept = memo->recall(digest)) return std::move(*kept);
  std::string compressed = deflate_whole(bytes);
  memo->keep(digest, compressed);
  return compressed;
}

// The last flate_tail_size of `bytes` (all, if fewer): what a part keeps for the next.
std::string tail_of(std::string_view bytes) {
  return std::string(bytes.substr(bytes.size() - std::min(bytes.size(), flate_tail_size)));
}

// A part's description, once its compressed bytes are in.
void describe_part(FlatePart& part, std::string_view bytes, bool last) {
  part.last = last;
  part.adler32 = adler32_of(bytes);
  part.size = bytes.size();
  part.tail = tail_of(bytes);
}

// `bytes` as a part of a stream deflated with `settings` (flate_part).
FlatePart deflate_part(const Settings& settings, std::string_view bytes, std::string_view window, bool last) {
  ReusedStream stream(settings);
  if (!window.empty()) stream->refer_back_to(window);
  FlatePart part;
  part.compressed = stream->deflate_all(bytes, last ? Z_FINISH : Z_SYNC_FLUSH);
  describe_part(part, bytes, last);
  return part;
}

// The name a long file's piece is kept under (deflate_zip_entry): a SHA-256 of a name, whether
// the piece ends the stream, the length of its window, and the digests of the pieces its window
// lies in (`window_pieces`, in order: the window is the last `reach` bytes of their bytes, which
// the digests fix) and of the piece itself. Deflating with a window refers back into it, so the
// same bytes after another window deflate to other bytes. Naming the window by its pieces'
// digests, each piece's bytes are hashed once, not once more for every later piece whose window
// they fall in: with 32 KiB windows and pieces of 16 KiB on average, that was three times the file.
StreamDigest zip_piece_digest(std::span<const StreamDigest> window_pieces, std::size_t reach, const StreamDigest& piece,
                              bool last) {
  ByteWriter key;
  key.string("octavo zip piece 2");
  key.byte(last ? 1 : 0);
  key.unsigned_number(reach);
  key.unsigned_number(window_pieces.size());
  for (const StreamDigest& digest : window_pieces) key.raw(digest);
  key.raw(piece);
  return sha256(key.bytes());
}

// Each piece of `bytes` that `ends` cut, in order, with the window before it (the 32 KiB before
// it, or fewer at the start) and whether it ends the file.
template <typename Use>
void for_each_piece(std::string_view bytes, const std::vector<std::size_t>& ends, Use use) {
  std::size_t start = 0;
  for (std::size_t index = 0; index < ends.size(); ++index) {
    const std::size_t end = ends[index];
    const std::size_t reach = std::min<std::size_t>(start, std::size_t{1} << MAX_WBITS);
    use(index, bytes.substr(start, end - start), bytes.substr(start - reach, reach), end == bytes.size());
    start = end;
  }
}

// A piece deflated: a raw deflate stream with zip_entry's settings that refers back to `window`
// and ends with a sync flush, or with the final block when it is the last.
std::string deflate_piece(std::string_view piece, std::string_view window, bool last) {
  ReusedStream stream(zip_entry);
  if (!window.empty()) stream->refer_back_to(window);
  return stream->deflate_all(piece, last ? Z_FINISH : Z_SYNC_FLUSH);
}

}  // namespace

ZipPieces zip_pieces(std::string_view bytes) {
  ZipPieces pieces;
  if (bytes.size() <= zip_whole_limit) return pieces;
  pieces.ends = content_defined_ends(bytes, zip_piece_sizes);
  std::vector<StreamDigest> piece_digests;  // of the pieces' bytes, so far
  piece_digests.reserve(pieces.ends.size());
  pieces.names.reserve(pieces.ends.size());
  for_each_piece(bytes, pieces.ends,
                 [&](std::size_t index, std::string_view piece, std::string_view window, bool last) {
                   // The pieces the window lies in: back from this one until they hold the window's bytes.
                   std::size_t first = index;
                   for (std::size_t covered = 0; covered < window.size();
                        covered += pieces.ends[first] - (first == 0 ? 0 : pieces.ends[first - 1])) {
                     --first;
                   }
                   piece_digests.push_back(sha256(piece));
                   pieces.names.push_back(
                       zip_piece_digest(std::span<const StreamDigest>(piece_digests).subspan(first, index - first),
                                        window.size(), piece_digests.back(), last));
                 });
  return pieces;
}

DeflatedBytes deflate_zip_pieces(std::string_view bytes, const ZipPieces& pieces, DeflateMemo& memo) {
  if (pieces.ends.empty()) return {deflate_remembered(bytes, &memo), crc32(bytes), bytes.size()};
  std::string compressed;
  for_each_piece(bytes, pieces.ends,
                 [&](std::size_t index, std::string_view piece, std::string_view window, bool last) {
                   const StreamDigest& name = pieces.names[index];
                   if (std::optional<std::string> kept = memo.recall(name)) {
                     compressed += *kept;
                   } else {
                     const std::string deflated = deflate_piece(piece, window, last);
                     memo.keep(name, deflated);
                     compressed += deflated;
                   }
                 });
  return {std::move(compressed), crc32(bytes), bytes.size()};
}

DeflatedBytes deflate_zip_entry(std::string_view bytes, DeflateMemo* memo) {
  if (bytes.size() <= zip_whole_limit) return {deflate_remembered(bytes, memo), crc32(bytes), bytes.size()};
  // A long file in pieces (content_defined_ends), each a raw deflate stream with zip_entry's settings
  // that refers back to the 32 KiB before it and ends with a sync flush, the last with the final
  // block: one stream of the whole file, whose pieces a memo keeps apart. After an edit only the
  // piece it falls in, and those whose window reaches back to it, are deflated again. Deflated
  // whole, the file would be about 0.5 % smaller.
  if (memo != nullptr) return deflate_zip_pieces(bytes, zip_pieces(bytes), *memo);
  std::string compressed;
  for_each_piece(bytes, content_defined_ends(bytes, zip_piece_sizes),
                 [&](std::size_t, std::string_view piece, std::string_view window, bool last) {
                   compressed += deflate_piece(piece, window, last);
                 });
  return {std::move(compressed), crc32(bytes), bytes.size()};
}

std::string ZipPieceList::kept_form() const {
  ByteWriter out;
  out.unsigned_number(crc32);
  out.unsigned_number(size);
  out.unsigned_number(names.size());
  for (const StreamDigest& name : names) out.raw(name);
  return out.take();
}

std::optional<ZipPieceList> ZipPieceList::from_kept_form(std::string_view kept) {
  ByteReader in(kept);
  ZipPieceList list;
  list.crc32 = static_cast<std::uint32_t>(in.at_most(UINT32_MAX));
  list.size = in.unsigned_number();
  const std::size_t count = in.count(std::tuple_size_v<StreamDigest>);
  list.names.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    StreamDigest name{};
    for (std::uint8_t& byte : name) byte = in.byte();
    list.names.push_back(name);
  }
  if (in.failed() || !in.at_end() || list.names.empty()) return std::nullopt;
  return list;
}

std::optional<DeflatedBytes> recall_zip_pieces(const ZipPieceList& list, DeflateMemo& memo) {
  DeflatedBytes file{{}, list.crc32, list.size};
  for (const StreamDigest& name : list.names) {
    std::optional<std::string> kept = memo.recall(name);
    if (!kept) return std::nullopt;
    file.compressed += *kept;
  }
  return file;
}

std::string flate_encode(std::string_view bytes) { return deflate_with(pdf_stream, bytes); }

FlatePart flate_part(std::string_view bytes, std::string_view window, bool last) {
  if (window.empty()) {
    std::optional<std::string> whole = last ? deflate_whole(bytes) : deflate_whole_unended(bytes);
    if (whole) {
      FlatePart part;
      part.compressed = std::move(*whole);
      describe_part(part, bytes, last);
      return part;
    }
  }
  return deflate_part(pdf_stream_part, bytes, window, last);
}

FlatePart flate_small_part(std::string_view bytes, std::string_view window, bool last) {
  return deflate_part(pdf_small_part, bytes, window, last);
}

std::string flate_join(const std::vector<const FlatePart*>& parts) {
  // CMF 0x78: deflate with a 32 KiB window; FLG 0x9C: the default level, no dictionary, and the
  // check bits that make 0x789C a multiple of 31 (RFC 1950 §2.2): the header zlib writes for
  // pdf_stream.
  std::string out("\x78\x9C", 2);
  std::size_t size = out.size() + 2 + 4;
  for (const FlatePart* part : parts) size += part->compressed.size();
  out.reserve(size);
  uLong adler = adler32(0, Z_NULL, 0);
  for (const FlatePart* part : parts) {
    assert(!part->last || part == parts.back());
    out += part->compressed;
    adler = adler32_combine(adler, part->adler32, static_cast<z_off_t>(part->size));
  }
  // Unless the last part ended the stream, a final block of fixed Huffman codes holding only its
  // end code: 3 bits, then 7 zero bits.
  if (parts.empty() || !parts.back()->last) out += std::string("\x03\x00", 2);
  for (const int shift : {24, 16, 8, 0}) out += static_cast<char>((adler >> shift) & 0xFF);
  return out;
}

std::string DeflatedBytes::kept_form() const {
  ByteWriter out;
  out.unsigned_number(crc32);
  out.unsigned_number(size);
  out.string(compressed);
  return out.take();
}

std::optional<DeflatedBytes> DeflatedBytes::from_kept_form(std::string_view kept) {
  ByteReader in(kept);
  DeflatedBytes file;
  file.crc32 = static_cast<std::uint32_t>(in.at_most(UINT32_MAX));
  file.size = in.unsigned_number();
  file.compressed = in.string();
  if (in.failed() || !in.at_end()) return std::nullopt;
  return file;
}

std::string FlatePart::kept_form() const {
  assert(!last);
  ByteWriter out;
  out.unsigned_number(adler32);
  out.unsigned_number(size);
  out.string(compressed);
  out.string(tail);
  return out.take();
}

std::optional<FlatePart> FlatePart::from_kept_form(std::string_view kept) {
  ByteReader in(kept);
  FlatePart part;
  part.adler32 = static_cast<std::uint32_t>(in.at_most(UINT32_MAX));
  part.size = in.unsigned_number();
  part.compressed = in.string();
  part.tail = in.string();
  if (in.failed() || !in.at_end() || part.tail.size() != std::min<std::uint64_t>(part.size, flate_tail_size)) {
    return std::nullopt;
  }
  return part;
}

}  // namespace octavo::core
