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

constexpr std::string_view pack_kind = "octavo deflate pack 2\n";

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

std::optional<std::string> DeflatePack::read_checked(const PackEntry& found, Piece& piece) const {
  std::optional<std::string> bytes = read_previous_stream(found.offset, found.length, piece);
  if (!bytes || core::crc32(*bytes) != found.crc32) return std::nullopt;
  return bytes;
}

void DeflatePack::count_recalled(const PackEntry& found, std::string_view bytes) {
  ++recalled_;
  if (!diverged_ && !committed_ && found.position == matched_) {
    ++matched_;
    next_digests_.insert(found.digest);
  } else {
    // Read back whole with the CRC-32 the previous pack lists (read_checked): it is not summed again.
    keep_locked(found.digest, bytes, found.crc32);
  }
}

std::optional<std::string> DeflatePack::read_previous_stream(std::uint64_t offset, std::uint64_t length,
                                                             Piece& piece) const {
  if (offset >= piece.start && offset - piece.start <= piece.bytes.size() &&
      length <= piece.bytes.size() - (offset - piece.start)) {
    return piece.bytes.substr(offset - piece.start, length);
  }
  if (length >= read_ahead_size) return previous_.read_at(offset, length);
  // A stream before the piece is one read again, such as the first operators every recto shares
  // (or, reading ahead, one of an article behind another): read alone, the piece staying for the
  // streams after it, and kept while small.
  if (offset < piece.start) {
    if (const auto found = piece.read_again.find(offset);
        found != piece.read_again.end() && found->second.size() == length) {
      return found->second;
    }
    std::optional<std::string> bytes = previous_.read_at(offset, length);
    if (bytes && length <= max_read_again_size) {
      if (piece.read_again.size() == max_read_again) piece.read_again.clear();
      piece.read_again.emplace(offset, *bytes);
    }
    return bytes;
  }
  // Entries lie between the data's start and the index (read_pack_index checked it).
  const std::uint64_t count = std::min<std::uint64_t>(read_ahead_size, previous_data_end_ - offset);
  if (count < length) return std::nullopt;
  if (count == 0) return std::string();  // a stream of no bytes at the index: the piece stays
  // Read into the piece's own memory, which the last piece held: a fresh string for each was
  // memory the kernel had to clear and map anew, some 5 % of a rebuild's time.
  if (!previous_.read_into(offset, count, piece.bytes)) {
    piece.bytes.clear();
    piece.start = 0;  // no piece: the next stream is read with what follows it
    return std::nullopt;
  }
  piece.start = offset;
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

void DeflatePack::diverge() {
  if (diverged_) return;
  diverged_ = true;
  if (!make_cache_folder(cache_root_, folder_)) return fail_next();
  next_ = std::make_unique<core::OutputFile>(next_path_);
  const std::string header = pack_header(pack_kind, fingerprint_);
  next_->write(header);
  next_size_ = header.size();
  if (matched_ == 0) return;
  // The matched streams are the previous pack's first ones, one after another from its data's
  // start: copied as one piece, and listed in their order.
  std::vector<PackEntry> prefix(matched_);
  for (const PackEntry& entry : previous_entries_) {
    if (entry.position < matched_) prefix[entry.position] = entry;
  }
  const std::uint64_t length = prefix.back().offset + prefix.back().length - previous_data_start_;
  if (!copy_pack_bytes(previous_, previous_data_start_, length, *next_)) return fail_next();
  for (PackEntry entry : prefix) {
    entry.offset = entry.offset - previous_data_start_ + next_size_;
    next_entries_.push_back(entry);
  }
  next_size_ += length;
}

void DeflatePack::keep_locked(const core::StreamDigest& digest, std::string_view compressed,
                              std::optional<std::uint32_t> crc32) {
  if (committed_ || next_failed_ || !next_digests_.insert(digest).second) return;
  diverge();
  if (next_failed_) return;
  if (!next_->write(compressed)) return fail_next();
  next_entries_.push_back(
      {digest, next_size_, compressed.size(), crc32 ? *crc32 : core::crc32(compressed), next_entries_.size()});
  next_size_ += compressed.size();
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
  if (!diverged_) {
    // Every stream this build used was the previous pack's, in its order: the pack stays as it
    // is when they were all of it, and goes when there were none.
    if (matched_ == previous_entries_.size() && matched_ > 0) return true;
    if (matched_ == 0) {
      fs::remove(path_, ec);
      return !ec;
    }
    diverge();
  }
  // diverge() made the next pack unless it failed.
  const bool put = !next_failed_ && finish_pack(*next_, next_entries_, next_size_, next_path_, path_);
  next_.reset();
  if (!put) {
    fs::remove(next_path_, ec);
    fs::remove(path_, ec);
    return false;
  }
  return true;
}

std::size_t DeflatePack::recalled() const {
  const std::lock_guard lock(mutex_);
  return recalled_;
}

std::size_t DeflatePack::kept() const {
  const std::lock_guard lock(mutex_);
  return diverged_ ? next_entries_.size() : matched_;
}

}  // namespace octavo::cache
