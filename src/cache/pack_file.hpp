// A cache pack: many byte strings, each under a 32-byte digest, in one file (DeflatePack's streams,
// EntryPack's set articles), so that a build keeps thousands without making a file for each. The
// layout is described at pack_header.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/deflate_memo.hpp"
#include "core/file_system.hpp"

namespace octavo::cache {

/// One byte string of a pack: where it lies, and the CRC-32 it must read back with.
struct PackEntry {
  core::StreamDigest digest{};
  std::uint64_t offset = 0;  ///< from the file's start
  std::uint64_t length = 0;
  std::uint32_t crc32 = 0;   ///< of the bytes
  std::size_t position = 0;  ///< in the pack's order, from 0 (read_pack_index sets it)
};

/// A hash of a digest for unordered containers: a digest is already uniform, so its first bytes
/// are its hash.
struct DigestHash {
  std::size_t operator()(const core::StreamDigest& digest) const {
    std::size_t hash = 0;
    for (std::size_t i = 0; i < sizeof hash; ++i) hash = (hash << 8) | digest[i];
    return hash;
  }
};

/// What read_pack_index finds in a whole pack.
struct PackIndex {
  std::vector<PackEntry> entries;  ///< in the pack's order, wherever they lie before the index
  std::uint64_t data_start = 0;    ///< where the first string is, after the header
  std::uint64_t data_end = 0;      ///< where the index starts, after the last string
  std::uint64_t end = 0;           ///< where the trailer ends: the file's size, unless an append was torn
};

/// Sorts `entries` by digest, for find_entry.
void sort_by_digest(std::vector<PackEntry>& entries);

/// The entry under `digest` in `entries`, sorted by digest; nullptr when there is none.
const PackEntry* find_entry(const std::vector<PackEntry>& entries, const core::StreamDigest& digest);

/// The header of a pack of kind `kind` (a line ending in '\n') written under `fingerprint`. A pack
/// is this header (the kind's line, then the fingerprint as a core::ByteWriter string), the byte
/// strings (in a pack appended to in place, with bytes no entry names between some of them:
/// earlier indexes and trailers, strings no longer used), the index (a count, then per string its digest,
/// offset, length and CRC-32 as varints), and a trailer: the index's offset (8 bytes, little-endian), the CRC-32 of
/// those 8 bytes (4), and an end mark. The index comes last so that strings are written as they
/// come; the trailer has a fixed size so that it can be found, and its CRC keeps a damaged offset
/// from making the reader take most of the file for an index.
std::string pack_header(std::string_view kind, std::string_view fingerprint);

/// The index of the pack in `file` when it is a whole pack of `kind` written under `fingerprint`
/// whose strings lie between its header and its index, in any order, with bytes no entry names
/// between some of them (earlier indexes and trailers, strings no longer used: a pack appended to
/// in place, append_to_pack); nullopt for anything else (no file, another kind or fingerprint, a
/// damaged trailer or index). A pack whose last trailer is damaged is read up to the last trailer
/// before it that reads whole (an append torn by a killed build). Throws only std::bad_alloc.
std::optional<PackIndex> read_pack_index(const core::InputFile& file, std::string_view kind,
                                         std::string_view fingerprint);

/// What ends a pack whose index starts at `index_offset`: the index of `entries`, then the trailer.
/// Never fails.
std::string pack_end(const std::vector<PackEntry>& entries, std::uint64_t index_offset);

/// Appends `strings` (new strings, one after another), then the index of `entries` (in its order:
/// the pack's strings that stay, where they lie, and the new ones, at `previous_size` plus their
/// place in `strings`) and the trailer, to the pack at `path` in one write at its end, when the
/// file there is still `previous` (the same device and inode, and no other name),
/// `previous_size` bytes long, and no other build holds its lock (flock): the old index and
/// trailer are then bytes no entry names. The pack grows by what is appended and keeps what it
/// held, so once the bytes no entry would name (from `data_start` on: old indexes and trailers,
/// strings no longer listed) would outweigh those one does, nothing is appended: the caller writes
/// the pack anew, which drops them. False, with the file as it was, then or otherwise, or when the
/// write fails (a short write is cut off again), so that the caller can write a new pack instead.
/// Sets the entries' positions.
bool append_to_pack(const std::string& path, const core::InputFile& previous, std::uint64_t previous_size,
                    std::uint64_t data_start, std::string_view strings, std::vector<PackEntry> entries);

/// Ends the pack being written to `next` (the index of `entries`, which starts at `index_offset`, and
/// the trailer), closes it, and renames it from `next_path` onto `path`. False when a write, the
/// close or the rename fails; the caller then removes what is left.
bool finish_pack(core::OutputFile& next, const std::vector<PackEntry>& entries, std::uint64_t index_offset,
                 const std::string& next_path, const std::string& path);

/// Appends `length` bytes of `from`, starting at `offset`, to `to`, a mebibyte at a time; false
/// when they cannot all be read or written.
bool copy_pack_bytes(const core::InputFile& from, std::uint64_t offset, std::uint64_t length, core::OutputFile& to);

/// The name a build writes its next pack under, beside the pack at `path`: unique among the
/// processes building into the same folder, and never a pack's own name.
std::string next_pack_path(const std::string& path);

/// Removes the next packs of `name` in `folder` whose builds ended without committing them (a
/// build stopped by a signal, which removes only the books' temporaries, or a crash); a running
/// build's is left.
void remove_abandoned_packs(const std::string& folder, const std::string& name);

}  // namespace octavo::cache
