// The deflate memo of one book, kept on disk between builds (OUT/.octavo-cache/deflated/pdf.pack
// and epub.pack): one file holding the compressed streams the book's last build used, each under
// the digest its writer asks for (the SHA-256 of its uncompressed bytes, or a key over what they
// are made from: epub::article_page_key, pdf::page_digest). A build recalls from the pack the last
// build left, and leaves one that names exactly the streams this build used, recalled or deflated
// anew, in the order it used them. A rebuild that deflated a few streams anew appends them to the
// pack in place, with a new index (the streams no longer used left as bytes no entry names, while
// they are fewer than those still named), as cache::EntryPack does; a first build, or one that
// deflated much anew, writes the next pack beside it as it goes and puts it in place at its end.
// One file, not one per stream: a book has thousands of pages, and writing a file per page would
// cost a cold build more than deflating them.
#pragma once

#include <atomic>
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
  /// then named by the next pack too. Nothing is written for it unless the next pack is being
  /// written (keep): a rebuild that changed nothing leaves the pack as it is, and one that changed
  /// a little only appends to it.
  std::optional<std::string> recall(const core::StreamDigest& digest) override;
  /// Keeps `compressed` for the next pack, once per digest: held until commit while the pack may
  /// be appended to (up to max_appended bytes), else written to the next pack at once. When a
  /// write fails (a full disk) or memory runs out, this build's pack is given up at once, the
  /// previous one too, and the build goes on without keeping.
  void keep(const core::StreamDigest& digest, std::string_view compressed) override;
  /// The stream recall would give, its CRC-32 checked, read through a piece of the pack of its
  /// own (the worker threads read ahead of the book's thread, which recalls in the pack's order),
  /// and not yet counted as recalled.
  std::optional<std::string> read_ahead(const core::StreamDigest& digest) override;
  /// Counts `bytes`, read ahead for `digest`, as recalled now.
  void use_read_ahead(const core::StreamDigest& digest, std::string_view bytes) override;

  /// Leaves a pack naming the streams recalled and kept since construction, in that order
  /// (removes it when there were none): the pack as it is when they were all of it in its order;
  /// else the previous pack appended to in place (append_to_pack) when it was read whole and the
  /// bytes no entry would name stay no more than those it would; else a new pack, written and
  /// renamed onto it. False when the next pack could not be written: the previous one is then
  /// removed too, since it no longer matches this build (the next build deflates anew). Once:
  /// later calls, and streams kept after it, change nothing.
  bool commit();

  /// The most bytes of new streams a build holds in memory to append to the pack, as
  /// EntryPack::max_appended: a rebuild that changed a few dozen articles' pages (about 2.5 KB of
  /// streams a page of the bench's), or moved every later page's folio (about 300 bytes a page:
  /// 1.3 MB at 1,000 articles); more, and the next pack is written as the build goes. Held twice
  /// over for a moment at commit, with the index after it.
  static constexpr std::size_t max_appended = std::size_t{8} << 20;

  std::size_t recalled() const;  ///< streams taken from the previous pack
  /// Reads of the previous pack so far: streams in the order of use take one a piece of it (256
  /// KiB), not one each.
  std::size_t reads() const;
  std::size_t kept() const;  ///< streams the next pack names, whether written or not

 private:
  void read_previous();
  std::optional<std::string> recall_locked(const core::StreamDigest& digest);
  // What one reader of the previous pack (recall in the order of use, or read_ahead) holds of
  // it: two pieces read at once, whose streams are read from memory, and the small streams it
  // read again from before both, by offset (a few hundred bytes each, at most max_read_again of
  // them: all are dropped when it is full). Two pieces, since a pack appended to lists its
  // streams in the order of use while the new ones lie at its end: a rebuild reads on in the old
  // streams after the edited article's, and alternates between them and the new parts around
  // each page after pages were added. Each reader its own, so that one reading out of the
  // other's order moves neither's pieces nor drops the other's streams.
  struct Piece {
    std::string bytes;  // the previous pack's bytes from `start`
    std::uint64_t start = 0;
    bool holds(std::uint64_t offset, std::uint64_t length) const {
      return offset >= start && offset - start <= bytes.size() && length <= bytes.size() - (offset - start);
    }
  };
  struct Reader {
    Piece pieces[2];
    std::size_t last_used = 0;  // the piece read from last; the other is read into next
    std::map<std::uint64_t, std::string> read_again;
  };
  // The stream `found` through `reader`, or nullopt when it cannot be read whole or its CRC-32
  // fails. Const: it reads only the previous pack, which no lock guards, and the reader its
  // caller locked.
  std::optional<std::string> read_checked(const PackEntry& found, Reader& reader) const;
  // Counts the stream `found`, whose `bytes` were read, as recalled by this build.
  void count_recalled(const PackEntry& found, std::string_view bytes);
  // `length` bytes of the previous pack from `offset`. Those within a piece come from it; those
  // after a piece's start, past its end or beyond it, are read with what follows them,
  // read_ahead_size in all but never past the index, into the piece used less lately; those
  // before both pieces (a stream recalled again) and those of read_ahead_size or more are read
  // alone. A rebuild recalls thousands of streams of a few hundred bytes, mostly in the pack's
  // order: one read each was more than half of the book thread's recalling (a rebuild of 1,000
  // articles).
  std::optional<std::string> read_previous_stream(std::uint64_t offset, std::uint64_t length, Reader& reader) const;
  // What the next pack names, in the order of use: a stream of the previous pack (by its place
  // in previous_entries_) or one kept anew (by its place in appended_entries_).
  struct Used {
    bool appended = false;
    std::size_t index = 0;
  };
  // Names `compressed` under `digest` in the next pack: held in appended_, or written to the
  // next pack once it is being written; its CRC-32 when the caller has it.
  void keep_locked(const core::StreamDigest& digest, std::string_view compressed,
                   std::optional<std::uint32_t> crc32 = std::nullopt);
  // Writes `bytes` to the next pack under `digest`.
  void write_next(const core::StreamDigest& digest, std::string_view bytes, std::uint32_t crc32);
  bool commit_locked();
  // Appends the streams held to the previous pack in place, with the index of the streams used;
  // false when it is not to be, or cannot be, done.
  bool append_locked();
  // Closes and removes the next pack, if it was started.
  void abandon_next();
  // Gives up this build's pack: the next one goes, and the previous one with it.
  void fail_next();
  // Starts writing the next pack with the streams used so far, in their order (runs of the
  // previous pack's copied as one piece each, those held from appended_); every stream named
  // after is written at once.
  void write_from_now();

  std::string cache_root_;
  std::string folder_;
  std::string path_;
  std::string next_path_;
  std::string fingerprint_;
  // The previous pack, as the constructor found it; never changed after, so read without a lock
  // (InputFile::read_at may be called from several threads at once).
  core::InputFile previous_;
  std::vector<PackEntry> previous_entries_;  // sorted by digest
  std::uint64_t previous_size_ = 0;          // the previous pack's bytes, as its index was read
  std::uint64_t previous_data_start_ = 0;
  std::uint64_t previous_data_end_ = 0;  // where the index starts
  mutable std::atomic<std::size_t> reads_{0};
  static constexpr std::uint64_t read_ahead_size = std::uint64_t{256} << 10;
  // The workers' reader has a lock of its own: the book's thread, recalling in order, then never
  // waits for a worker's read of the pack (a rebuild of 1,000 articles made 888 futex calls on
  // the one lock both took before).
  std::mutex ahead_mutex_;
  Reader ahead_;              // for read_ahead; guarded by ahead_mutex_
  mutable std::mutex mutex_;  // guards everything below
  Reader in_order_;           // for recall
  static constexpr std::size_t max_read_again = 64;
  static constexpr std::uint64_t max_read_again_size = 4096;
  // The streams the next pack names, in the order of use, until it is being written.
  std::vector<Used> used_;
  // How many of used_, from the first, were the previous pack's first streams in its order.
  std::size_t matched_ = 0;
  // The streams kept anew while the pack may be appended to: their bytes one after another, and
  // their entries, offsets counted from appended_'s start.
  std::string appended_;
  std::vector<PackEntry> appended_entries_;
  // Set once the next pack is being written (write_from_now): every stream named goes to it.
  bool writing_next_ = false;
  std::unique_ptr<core::OutputFile> next_;
  bool next_failed_ = false;
  bool committed_ = false;
  std::uint64_t next_size_ = 0;
  std::vector<PackEntry> next_entries_;
  // Whether each of previous_entries_ (by its index) is named by the next pack already, recalled:
  // a flag each, where a set of their digests cost a rebuild of 1,000 articles 2.8 ms of the
  // book's thread.
  std::vector<bool> previous_named_;
  // The streams kept anew, named by the next pack already.
  std::unordered_set<core::StreamDigest, DigestHash> kept_digests_;
  std::size_t recalled_ = 0;
};

}  // namespace octavo::cache
