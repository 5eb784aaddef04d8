#include "cache/deflate_pack.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <system_error>

#include "cache/entry_store.hpp"
#include "core/deflate.hpp"

namespace octavo::cache {
namespace fs = std::filesystem;

namespace {

// 3: the streams lie anywhere before the index, a pack being appended to in place.
constexpr std::string_view pack_kind = "octavo deflate pack 3\n";

}  // namespace

DeflatePack::DeflatePack(std::string cache_root, std::string folder, std::string name, std::string fingerprint)
    : cache_root_(std::move(cache_root)),
      folder_(std::move(folder)),
      path_((fs::path(folder_) / name).string()),
      next_path_(next_pack_path(path_)),
      fingerprint_(std::move(fingerprint)) {
  remove_abandoned_packs(folder_, name);
  try {
    read_previous();
  } catch (const std::exception&) {  // no memory for the index: as if there were no pack
    previous_entries_.clear();
  }
}

DeflatePack::~DeflatePack() { abandon_next(); }

void DeflatePack::abandon_next() {
  if (next_ == nullptr) return;
  next_->close();
  next_.reset();
  std::error_code ec;
  fs::remove(next_path_, ec);
}

void DeflatePack::fail_next() {
  // The next pack will not be committed: its bytes go at once (a full disk needs the room for the
  // book), and so does the previous pack, which commit would remove anyway (it no longer
  // matches); streams are still recalled from it, through the open file.
  next_failed_ = true;
  abandon_next();
  std::error_code ec;
  fs::remove(path_, ec);
}

void DeflatePack::read_previous() {
  previous_ = core::InputFile(path_);
  std::optional<PackIndex> index = read_pack_index(previous_, pack_kind, fingerprint_);
  if (!index) return;
  sort_by_digest(index->entries);
  previous_entries_ = std::move(index->entries);
  previous_named_.assign(previous_entries_.size(), false);
  previous_size_ = index->end;
  previous_data_start_ = index->data_start;
  previous_data_end_ = index->data_end;
}

std::optional<std::string> DeflatePack::recall(const core::StreamDigest& digest) {
  const std::lock_guard lock(mutex_);
  try {
    return recall_locked(digest);
  } catch (const std::exception&) {  // no memory: deflated anew, and not kept
    fail_next();
    return std::nullopt;
  }
}

std::optional<std::string> DeflatePack::recall_locked(const core::StreamDigest& digest) {
  const PackEntry* found = find_entry(previous_entries_, digest);
  if (found == nullptr) return std::nullopt;
  std::optional<std::string> bytes = read_checked(*found, in_order_);
  if (bytes) count_recalled(*found, *bytes);
  return bytes;
}

std::optional<std::string> DeflatePack::read_ahead(const core::StreamDigest& digest) {
  const PackEntry* found = find_entry(previous_entries_, digest);
  if (found == nullptr) return std::nullopt;
  const std::lock_guard lock(ahead_mutex_);
  try {
    return read_checked(*found, ahead_);
  } catch (const std::exception&) {  // no memory: the page is drawn and deflated anew
    return std::nullopt;
  }
}

void DeflatePack::use_read_ahead(const core::StreamDigest& digest, std::string_view bytes) {
  const std::lock_guard lock(mutex_);
  try {
    if (const PackEntry* found = find_entry(previous_entries_, digest)) count_recalled(*found, bytes);
  } catch (const std::exception&) {  // no memory: the next build deflates anew
    fail_next();
  }
}

std::optional<std::string> DeflatePack::read_checked(const PackEntry& found, Reader& reader) const {
  std::optional<std::string> bytes = read_previous_stream(found.offset, found.length, reader);
  if (!bytes || core::crc32(*bytes) != found.crc32) return std::nullopt;
  return bytes;
}

void DeflatePack::count_recalled(const PackEntry& found, std::string_view bytes) {
  ++recalled_;
  const auto index = static_cast<std::size_t>(&found - previous_entries_.data());
  if (committed_ || next_failed_ || previous_named_[index]) return;
  // A stream kept anew under the digest of one in the pack (whose bytes did not read back) is named
  // already. Rebuilds keep few streams, so this is rarely looked up at all.
  if (!kept_digests_.empty() && kept_digests_.contains(found.digest)) return;
  previous_named_[index] = true;
  if (writing_next_) return write_next(found.digest, bytes, found.crc32);  // read back whole: its CRC stands
  if (matched_ == used_.size() && found.position == matched_) ++matched_;
  used_.push_back({false, index});
}

std::optional<std::string> DeflatePack::read_previous_stream(std::uint64_t offset, std::uint64_t length,
                                                             Reader& reader) const {
  for (const std::size_t p : {reader.last_used, 1 - reader.last_used}) {
    const Piece& piece = reader.pieces[p];
    if (piece.holds(offset, length)) {
      reader.last_used = p;
      return piece.bytes.substr(offset - piece.start, length);
    }
  }
  if (length >= read_ahead_size) {
    ++reads_;
    return previous_.read_at(offset, length);
  }
  // Once both pieces hold bytes, a stream before both is one read again, such as the first
  // operators every recto shares (or, reading ahead, one of an article behind another): read
  // alone, the pieces staying for the streams after it, and kept while small. Any other is read
  // with what follows it, into a piece still empty, else the one used less lately: reading on
  // after either piece, or from the end of a pack appended to, where the streams used first may
  // lie, and back.
  Piece* pieces = reader.pieces;
  if (!pieces[0].bytes.empty() && !pieces[1].bytes.empty() && offset < pieces[0].start && offset < pieces[1].start) {
    if (const auto found = reader.read_again.find(offset);
        found != reader.read_again.end() && found->second.size() == length) {
      return found->second;
    }
    ++reads_;
    std::optional<std::string> bytes = previous_.read_at(offset, length);
    if (bytes && length <= max_read_again_size) {
      if (reader.read_again.size() == max_read_again) reader.read_again.clear();
      reader.read_again.emplace(offset, *bytes);
    }
    return bytes;
  }
  // Entries lie between the data's start and the index (read_pack_index checked it).
  const std::uint64_t count = std::min<std::uint64_t>(read_ahead_size, previous_data_end_ - offset);
  if (count < length) return std::nullopt;
  if (count == 0) return std::string();  // a stream of no bytes at the index: the pieces stay
  // Read into the piece's own memory, which its last bytes held: a fresh string for each was
  // memory the kernel had to clear and map anew, some 5 % of a rebuild's time.
  const std::size_t p = pieces[0].bytes.empty() ? 0 : pieces[1].bytes.empty() ? 1 : 1 - reader.last_used;
  Piece& piece = pieces[p];
  ++reads_;
  if (!previous_.read_into(offset, count, piece.bytes)) {
    piece.bytes.clear();
    piece.start = 0;  // no piece: the next stream is read with what follows it
    return std::nullopt;
  }
  piece.start = offset;
  reader.last_used = p;
  return piece.bytes.substr(0, length);
}

void DeflatePack::keep(const core::StreamDigest& digest, std::string_view compressed) {
  const std::lock_guard lock(mutex_);
  try {
    keep_locked(digest, compressed);
  } catch (const std::exception&) {  // no memory: the next build deflates anew
    fail_next();
  }
}

void DeflatePack::keep_locked(const core::StreamDigest& digest, std::string_view compressed,
                              std::optional<std::uint32_t> crc32) {
  if (committed_ || next_failed_) return;
  if (const PackEntry* found = find_entry(previous_entries_, digest);
      found != nullptr && previous_named_[static_cast<std::size_t>(found - previous_entries_.data())]) {
    return;  // recalled already
  }
  if (!kept_digests_.insert(digest).second) return;
  const std::uint32_t crc = crc32 ? *crc32 : core::crc32(compressed);
  // Held to append while there is a pack to append to and the held bytes stay few; a first build,
  // or one that deflated much anew, writes the next pack as it goes.
  if (!writing_next_ && (previous_entries_.empty() || appended_.size() + compressed.size() > max_appended)) {
    write_from_now();
  }
  if (writing_next_) return write_next(digest, compressed, crc);
  used_.push_back({true, appended_entries_.size()});
  appended_entries_.push_back({digest, appended_.size(), compressed.size(), crc, 0});
  appended_ += compressed;
}

void DeflatePack::write_next(const core::StreamDigest& digest, std::string_view bytes, std::uint32_t crc32) {
  if (next_failed_) return;
  if (!next_->write(bytes)) return fail_next();
  next_entries_.push_back({digest, next_size_, bytes.size(), crc32, next_entries_.size()});
  next_size_ += bytes.size();
}

void DeflatePack::write_from_now() {
  if (writing_next_) return;
  writing_next_ = true;
  if (!make_cache_folder(cache_root_, folder_)) return fail_next();
  next_ = std::make_unique<core::OutputFile>(next_path_);
  const std::string header = pack_header(pack_kind, fingerprint_);
  next_->write(header);
  next_size_ = header.size();
  // The streams used so far, in their order: each run of the previous pack's that lie one after
  // another there copied as one piece (a rebuild's start, up to the first article changed, is one).
  for (std::size_t u = 0; u < used_.size() && !next_failed_;) {
    if (used_[u].appended) {
      const PackEntry& entry = appended_entries_[used_[u].index];
      write_next(entry.digest, std::string_view(appended_).substr(entry.offset, entry.length), entry.crc32);
      ++u;
      continue;
    }
    const std::uint64_t from = previous_entries_[used_[u].index].offset;
    std::uint64_t to = from;
    const std::size_t first = u;
    for (; u < used_.size() && !used_[u].appended && previous_entries_[used_[u].index].offset == to; ++u) {
      to += previous_entries_[used_[u].index].length;
    }
    if (!copy_pack_bytes(previous_, from, to - from, *next_)) return fail_next();
    for (std::size_t c = first; c < u; ++c) {
      PackEntry entry = previous_entries_[used_[c].index];
      entry.offset = entry.offset - from + next_size_;
      entry.position = next_entries_.size();
      next_entries_.push_back(entry);
    }
    next_size_ += to - from;
  }
  std::vector<Used>().swap(used_);
  std::vector<PackEntry>().swap(appended_entries_);
  std::string().swap(appended_);
}

bool DeflatePack::commit() {
  const std::lock_guard lock(mutex_);
  if (committed_) return true;
  committed_ = true;
  try {
    return commit_locked();
  } catch (const std::exception&) {  // no memory for the index
    fail_next();
    return false;
  }
}

bool DeflatePack::commit_locked() {
  std::error_code ec;
  if (!writing_next_ && !next_failed_) {
    // Nothing written yet: the pack goes when this build used no stream, and stays as it is when
    // it used all of them in its order and kept none anew; else it is appended to, or written.
    if (used_.empty()) {
      fs::remove(path_, ec);
      return !ec;
    }
    if (matched_ == used_.size() && matched_ == previous_entries_.size()) return true;
    if (append_locked()) return true;
    write_from_now();
  }
  // write_from_now() made the next pack unless it failed.
  const bool put = !next_failed_ && finish_pack(*next_, next_entries_, next_size_, next_path_, path_);
  next_.reset();
  if (!put) {
    fs::remove(next_path_, ec);
    fs::remove(path_, ec);
    return false;
  }
  return true;
}

bool DeflatePack::append_locked() {
  // The index: the streams used, in their order, where they lie in the pack or will.
  std::vector<PackEntry> entries;
  entries.reserve(used_.size());
  for (const Used& used : used_) {
    if (used.appended) {
      entries.push_back(appended_entries_[used.index]);
      entries.back().offset += previous_size_;
    } else {
      entries.push_back(previous_entries_[used.index]);
    }
  }
  return append_to_pack(path_, previous_, previous_size_, previous_data_start_, appended_, std::move(entries));
}

std::size_t DeflatePack::reads() const { return reads_; }

std::size_t DeflatePack::recalled() const {
  const std::lock_guard lock(mutex_);
  return recalled_;
}

std::size_t DeflatePack::kept() const {
  const std::lock_guard lock(mutex_);
  return writing_next_ ? next_entries_.size() : used_.size();
}

}  // namespace octavo::cache
