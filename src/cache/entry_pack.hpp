// The set articles of one book, kept on disk between builds in one file
// (OUT/.octavo-cache/layout.pack, a pack_file.hpp pack of its own kind): each entry under its
// article's key. A build reads (or keeps unread) the entries of the articles it recalls from the
// pack the last build committed, and writes those of the articles it sets into the next pack as
// they come. Its commit appends those to the pack in place when few were written (with a new
// index, the old one and the entries neither read nor kept left as bytes no entry names, while
// they are fewer than those still named); else it copies the entries it read or kept after them
// and puts the next pack in place. A build that read or kept every entry and wrote none leaves the
// pack as it is, unwritten.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "cache/entry_store.hpp"
#include "cache/pack_file.hpp"

namespace octavo::cache {

class EntryPack final : public EntryStore {
 public:
  /// Reads from the pack `name` in the cache folder `cache_root` when it was written under the same
  /// `fingerprint`; a missing, damaged or foreign pack has no entries. The next pack is written
  /// beside it (the folder, with its CACHEDIR.TAG, made at the first entry written); next packs
  /// that builds since ended left there are removed. Never fails.
  EntryPack(std::string cache_root, std::string name, std::string fingerprint);
  /// Removes the next pack if commit() did not put it in place.
  ~EntryPack() override;
  EntryPack(const EntryPack&) = delete;
  EntryPack& operator=(const EntryPack&) = delete;

  /// The entry when its bytes read back whole (their CRC-32 is checked); it is then kept.
  std::optional<std::string> read(const core::StreamDigest& name) override;
  /// Keeps the entry as read() does, unread: a copy into a new pack copies its bytes as they are.
  bool keep(const core::StreamDigest& name) override;
  /// Appends `bytes` to the next pack. When a write fails (a full disk) or memory runs out, this
  /// build's pack is given up at once, the previous one too, and the build goes on without keeping.
  bool write(const core::StreamDigest& name, std::string_view bytes) override;

  /// Replaces the pack with the entries read and written since construction (removes it when there
  /// were none), and removes the folder of one file per article that builds before the pack kept.
  /// The entries written are appended to the pack in place (append_to_pack) when they total at
  /// most max_appended bytes and the bytes no entry would name stay no more than those it would;
  /// else, or when appending fails, a new pack is written and renamed onto it. False when the next
  /// pack could not be written: the previous one is then removed too. Once: later calls, reads
  /// and writes change nothing.
  bool commit();

  /// The most bytes of entries a build appends to the pack in place, held in memory until its
  /// commit: a few hundred articles of the bench's (25 KB each).
  static constexpr std::size_t max_appended = std::size_t{8} << 20;

  std::size_t read_count() const;     ///< entries read whole, or kept, from the previous pack
  std::size_t written_count() const;  ///< entries written to the next pack

 private:
  // Keeps `entry` of the previous pack for the next (read or kept).
  void mark_read(const PackEntry* entry);
  // Starts the next pack (its header), unless it is started or has failed.
  void start_next();
  // Gives up this build's pack: the next one goes, and the previous one with it.
  void fail_next();
  bool commit_locked();
  // The entries read from the previous pack and not written again, in its order.
  std::vector<const PackEntry*> kept_entries() const;
  // Appends the entries written, after those read from the previous pack, to it in place; false
  // when it is not to be, or cannot be, done.
  bool append_locked();

  std::string cache_root_;
  std::string path_;
  std::string next_path_;
  std::string fingerprint_;
  core::InputFile previous_;
  std::vector<PackEntry> previous_entries_;  // sorted by digest; not changed after construction
  std::uint64_t previous_size_ = 0;          // the previous pack's bytes, as its index was read
  std::uint64_t previous_data_start_ = 0;
  mutable std::mutex mutex_;  // guards everything below
  std::vector<bool> read_;    // by position in the previous pack: read whole, or kept
  std::size_t read_count_ = 0;
  std::unique_ptr<core::OutputFile> next_;
  bool next_failed_ = false;
  bool committed_ = false;
  std::uint64_t next_size_ = 0;
  std::vector<PackEntry> next_entries_;
  std::size_t written_count_ = 0;
  std::unordered_set<core::StreamDigest, DigestHash> written_;
  std::uint64_t next_data_start_ = 0;  // where the next pack's first entry is, after its header
  // The entries written, one after another as in the next pack, for appending in place; dropped,
  // and appending given up, once they pass max_appended.
  std::string appended_;
  bool may_append_ = false;
};

}  // namespace octavo::cache
