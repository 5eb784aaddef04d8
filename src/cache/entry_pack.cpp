#include "cache/entry_pack.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <system_error>

#include "core/deflate.hpp"

namespace octavo::cache {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view pack_kind = "octavo layout pack 1\n";
// Where builds before the pack kept one file per article, in the cache folder.
constexpr std::string_view older_entries_folder = "layout";

}  // namespace

EntryPack::EntryPack(std::string cache_root, std::string name, std::string fingerprint)
    : cache_root_(std::move(cache_root)),
      path_((fs::path(cache_root_) / name).string()),
      next_path_(next_pack_path(path_)),
      fingerprint_(std::move(fingerprint)) {
  remove_abandoned_packs(cache_root_, name);
  previous_ = core::InputFile(path_);
  try {
    if (std::optional<PackIndex> index = read_pack_index(previous_, pack_kind, fingerprint_)) {
      previous_entries_ = std::move(index->entries);
      sort_by_digest(previous_entries_);
      read_.assign(previous_entries_.size(), false);
      previous_size_ = index->end;
      previous_data_start_ = index->data_start;
      may_append_ = previous_size_ > 0;
    }
  } catch (const std::exception&) {  // no memory for the index: as if there were no pack
    previous_entries_.clear();
    read_.clear();
  }
}

EntryPack::~EntryPack() {
  const std::lock_guard lock(mutex_);
  if (next_ == nullptr) return;
  next_->close();
  next_.reset();
  std::error_code ec;
  fs::remove(next_path_, ec);
}

std::optional<std::string> EntryPack::read(const core::StreamDigest& name) {
  const PackEntry* found = find_entry(previous_entries_, name);
  if (found == nullptr) return std::nullopt;
  try {
    // Read outside the lock: reads at offsets of a file that is only read are independent.
    std::optional<std::string> bytes = previous_.read_at(found->offset, found->length);
    if (!bytes || core::crc32(*bytes) != found->crc32) return std::nullopt;
    mark_read(found);
    return bytes;
  } catch (const std::exception&) {  // no memory: the article is set anew
    return std::nullopt;
  }
}

bool EntryPack::keep(const core::StreamDigest& name) {
  const PackEntry* found = find_entry(previous_entries_, name);
  if (found == nullptr) return false;
  mark_read(found);
  return true;
}

void EntryPack::mark_read(const PackEntry* entry) {
  const std::lock_guard lock(mutex_);
  if (committed_) return;
  const auto place = static_cast<std::size_t>(entry - previous_entries_.data());
  if (!read_[place]) ++read_count_;
  read_[place] = true;
}

void EntryPack::start_next() {
  if (next_ != nullptr || next_failed_) return;
  if (!make_cache_folder(cache_root_, cache_root_)) return fail_next();
  next_ = std::make_unique<core::OutputFile>(next_path_);
  const std::string header = pack_header(pack_kind, fingerprint_);
  if (!next_->write(header)) return fail_next();
  next_size_ = header.size();
  next_data_start_ = next_size_;
}

void EntryPack::fail_next() {
  // The next pack will not be committed: its bytes go at once (a full disk needs the room for the
  // book), and so does the previous pack, which commit would have replaced; entries are still read
  // from it, through the open file.
  next_failed_ = true;
  if (next_ != nullptr) {
    next_->close();
    next_.reset();
  }
  std::error_code ec;
  fs::remove(next_path_, ec);
  fs::remove(path_, ec);
}

bool EntryPack::write(const core::StreamDigest& name, std::string_view bytes) {
  const std::uint32_t crc32 = core::crc32(bytes);  // before the lock, which the other workers wait on
  const std::lock_guard lock(mutex_);
  if (committed_ || next_failed_) return false;
  try {
    if (!written_.insert(name).second) return true;
    start_next();
    if (next_failed_) return false;
    if (!next_->write(bytes)) {
      fail_next();
      return false;
    }
    next_entries_.push_back({name, next_size_, bytes.size(), crc32, next_entries_.size()});
    next_size_ += bytes.size();
    if (may_append_ && appended_.size() + bytes.size() <= max_appended) {
      appended_ += bytes;
    } else {
      may_append_ = false;
      std::string().swap(appended_);
    }
    ++written_count_;
    return true;
  } catch (const std::exception&) {  // no memory: the next build sets the article again
    fail_next();
    return false;
  }
}

bool EntryPack::commit() {
  const std::lock_guard lock(mutex_);
  if (committed_) return !next_failed_;
  committed_ = true;
  try {
    std::error_code ec;
    fs::remove_all(fs::path(cache_root_) / older_entries_folder, ec);
    return commit_locked();
  } catch (const std::exception&) {  // no memory for the index
    fail_next();
    return false;
  }
}

bool EntryPack::commit_locked() {
  if (next_failed_) return false;
  std::error_code ec;
  if (next_ == nullptr) {
    // Nothing written: the pack stays as it is when every entry was read, and goes when none was.
    if (read_count_ == previous_entries_.size() && read_count_ > 0) return true;
    if (read_count_ == 0) {
      fs::remove(path_, ec);
      return !ec;
    }
    start_next();
    if (next_failed_) return false;
  }
  if (append_locked()) return true;
  // The entries read, in the previous pack's order, after those written: those that lie one after
  // another there are copied as one piece.
  std::vector<const PackEntry*> kept = kept_entries();
  for (std::size_t first = 0; first < kept.size();) {
    std::size_t last = first;
    while (last + 1 < kept.size() && kept[last + 1]->position == kept[last]->position + 1 &&
           kept[last + 1]->offset == kept[last]->offset + kept[last]->length) {
      ++last;
    }
    const std::uint64_t start = kept[first]->offset;
    const std::uint64_t length = kept[last]->offset + kept[last]->length - start;
    if (!copy_pack_bytes(previous_, start, length, *next_)) {
      fail_next();
      return false;
    }
    for (std::size_t i = first; i <= last; ++i) {
      PackEntry entry = *kept[i];
      entry.offset = entry.offset - start + next_size_;
      entry.position = next_entries_.size();
      next_entries_.push_back(entry);
    }
    next_size_ += length;
    first = last + 1;
  }
  const bool put = finish_pack(*next_, next_entries_, next_size_, next_path_, path_);
  next_.reset();
  if (!put) fail_next();
  return put;
}

std::vector<const PackEntry*> EntryPack::kept_entries() const {
  std::vector<const PackEntry*> kept;
  for (std::size_t place = 0; place < previous_entries_.size(); ++place) {
    if (read_[place] && written_.count(previous_entries_[place].digest) == 0) kept.push_back(&previous_entries_[place]);
  }
  std::sort(kept.begin(), kept.end(), [](const PackEntry* a, const PackEntry* b) { return a->position < b->position; });
  return kept;
}

bool EntryPack::append_locked() {
  if (!may_append_ || next_ == nullptr) return false;
  // The index: the entries read, where they lie in the pack, then those written, where they will.
  const std::vector<const PackEntry*> kept = kept_entries();
  std::vector<PackEntry> entries;
  entries.reserve(kept.size() + next_entries_.size());
  for (const PackEntry* entry : kept) entries.push_back(*entry);
  for (const PackEntry& entry : next_entries_) {
    entries.push_back(entry);
    entries.back().offset = entry.offset - next_data_start_ + previous_size_;
  }
  if (!append_to_pack(path_, previous_, previous_size_, previous_data_start_, appended_, std::move(entries))) {
    return false;
  }
  next_->close();
  next_.reset();
  std::error_code ec;
  fs::remove(next_path_, ec);
  return true;
}

std::size_t EntryPack::read_count() const {
  const std::lock_guard lock(mutex_);
  return read_count_;
}

std::size_t EntryPack::written_count() const {
  const std::lock_guard lock(mutex_);
  return written_count_;
}

}  // namespace octavo::cache
