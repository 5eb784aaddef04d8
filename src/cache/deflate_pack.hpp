// The deflate memo of one book, kept on disk between builds (OUT/.octavo-cache/deflated/pdf.pack
// and epub.pack): one file holding the compressed streams the book's last build used, each under
// the digest its writer asks for (the SHA-256 of its uncompressed bytes, or a key over what they
// are made from: epub::article_page_key, pdf::page_digest). A build recalls from the pack the last build wrote and
// writes the next one beside it, holding exactly the streams this build used, recalled or
// deflated anew; commit() puts it in place. One file, not one per stream: a book has thousands of
// pages, and writing a file per page would cost a cold build more than deflating them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "cache/pack_file.hpp"
#include "core/deflate_memo.hpp"
#include "core/file_system.hpp"

namespace octavo::cache {

class DeflatePack final : public core::DeflateMemo {
 public:
  /// Recalls from the pack at `path` when it was written under the same `fingerprint`
  /// (program_fingerprint: another program may deflate otherwise); a missing, damaged or foreign
  /// pack recalls nothing. The next pack is written in the same folder, `folder` of the cache
  /// folder `cache_root` (made, with its CACHEDIR.TAG, at the first stream kept); next packs
  /// that builds since ended left there are removed. Never fails.
  DeflatePack(std::string cache_root, std::string folder, std::string name, std::string fingerprint);
  /// Removes the next pack if commit() did not put it in place.
  ~DeflatePack() override;
  DeflatePack(const DeflatePack&) = delete;
  DeflatePack& operator=(const DeflatePack&) = delete;

  /// The stream kept under `digest` when its bytes read back whole (their CRC-32 is checked);
  /// then kept in the next pack too. While the streams are recalled in the pack's own order and
  /// nothing new is kept, nothing is written: a rebuild that changed nothing leaves the pack as
  /// it is, and one that changed a little copies the unchanged start of it in one piece.
  std::optional<std::string> recall(const core::StreamDigest& digest) override;
  /// Appends `compressed` to the next pack, once per digest. When a write fails (a full disk) or
  /// memory runs out, this build's pack is given up at once, the previous one too, and the build
  /// goes on without keeping.
  void keep(const core::StreamDigest& digest, std::string_view compressed) override;
  /// The stream recall would give, its CRC-32 checked, read through a piece of the pack of its
  /// own (the worker threads read ahead of the book's thread, which recalls in the pack's order),
  /// and not yet counted as recalled.
  std::optional<std::string> read_ahead(const core::StreamDigest& digest) override;
  /// Counts `bytes`, read ahead for `digest`, as recalled now.
  void use_read_ahead(const core::StreamDigest& digest, std::string_view bytes) override;

  /// Replaces the pack with the streams recalled and kept since construction (removes it when
  /// there were none). False when the next pack could not be written: the previous one is then
  /// removed too, since it no longer matches this build (the next build deflates anew). Once:
  /// later calls, and streams kept after it, change nothing.
  bool commit();

  std::size_t recalled() const;  ///< streams taken from the previous pack
  std::size_t kept() const;      ///< streams in the next pack, whether written or not

 private:
  void read_previous();
  std::optional<std::string> recall_locked(const core::StreamDigest& digest);
  // What one reader of the previous pack (recall in the pack's order, or read_ahead) holds of
  // it: a piece read at once, whose streams are read from memory, and the small streams it read
  // again from before its piece, by offset (a few hundred bytes each, at most max_read_again of
  // them: all are dropped when it is full). Each reader its own, so that one reading out of the
  // other's order moves neither's piece nor drops the other's streams.
  struct Piece {
    std::string bytes;  // the previous pack's bytes from `start`
    std::uint64_t start = 0;
    std::map<std::uint64_t, std::string> read_again;
  };
  // The stream `found` from `piece`, or nullopt when it cannot be read whole or its CRC-32 fails.
  // Const: it reads only the previous pack, which no lock guards, and the piece its caller locked.
  std::optional<std::string> read_checked(const PackEntry& found, Piece& piece) const;
  // Counts the stream `found`, whose `bytes` were read, as recalled by this build.
  void count_recalled(const PackEntry& found, std::string_view bytes);
  // `length` bytes of the previous pack's data from `offset`. Those within the piece read ahead
  // come from it; those after it, or running past its end, are read with what follows them,
  // read_ahead_size in all but never past the index, and that becomes the piece; those before it
  // (a stream recalled again) and those of read_ahead_size or more are read alone. A rebuild
  // recalls thousands of streams of a few hundred bytes, mostly in the pack's own order: one read
  // each was more than half of the book thread's recalling (a rebuild of 1,000 articles).
  std::optional<std::string> read_previous_stream(std::uint64_t offset, std::uint64_t length, Piece& piece) const;
  // Appends `compressed` to the next pack under `digest`, with its CRC-32 when the caller has it.
  void keep_locked(const core::StreamDigest& digest, std::string_view compressed,
                   std::optional<std::uint32_t> crc32 = std::nullopt);
  bool commit_locked();
  // Closes and removes the next pack, if it was started.
  void abandon_next();
  // Gives up this build's pack: the next one goes, and the previous one with it.
  void fail_next();
  // Starts writing the next pack, with the previous pack's first `matched_` streams copied.
  void diverge();

  std::string cache_root_;
  std::string folder_;
  std::string path_;
  std::string next_path_;
  std::string fingerprint_;
  // The previous pack, as the constructor found it; never changed after, so read without a lock
  // (InputFile::read_at may be called from several threads at once).
  core::InputFile previous_;
  std::vector<PackEntry> previous_entries_;  // sorted by digest
  std::uint64_t previous_data_start_ = 0;
  std::uint64_t previous_data_end_ = 0;  // where the index starts
  static constexpr std::uint64_t read_ahead_size = std::uint64_t{256} << 10;
  // The workers' piece has a lock of its own: the book's thread, recalling in order, then never
  // waits for a worker's read of the pack (a rebuild of 1,000 articles made 888 futex calls on
  // the one lock both took before).
  std::mutex ahead_mutex_;
  Piece ahead_;               // for read_ahead; guarded by ahead_mutex_
  mutable std::mutex mutex_;  // guards everything below
  Piece in_order_;            // for recall
  static constexpr std::size_t max_read_again = 64;
  static constexpr std::uint64_t max_read_again_size = 4096;
  // How many of the previous pack's streams, from its first, were recalled in its order while
  // nothing else was asked for; until diverged_, the next pack is those and is not written.
  std::size_t matched_ = 0;
  bool diverged_ = false;
  std::unique_ptr<core::OutputFile> next_;
  bool next_failed_ = false;
  bool committed_ = false;
  std::uint64_t next_size_ = 0;
  std::vector<PackEntry> next_entries_;
  std::unordered_set<core::StreamDigest, DigestHash> next_digests_;
  std::size_t recalled_ = 0;
};

}  // namespace octavo::cache
