#include "cache/deflate_pack.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <exception>
#include <filesystem>
#include <system_error>

#include "cache/entry_store.hpp"
#include "core/byte_stream.hpp"
#include "core/deflate.hpp"

namespace octavo::cache {
namespace fs = std::filesystem;

namespace {

// A pack: this line, the fingerprint (a core::ByteWriter string), the streams one after another, the
// index (a count, then per stream its 32-byte digest, offset, length and CRC-32 as varints), and
// a trailer: the index's offset (8 bytes, little-endian), the CRC-32 of those 8 bytes (4), and the
// end mark. The index comes last so that streams are written as they come; the trailer has a
// fixed size so that it can be found, and its CRC keeps a damaged offset from making the reader
// take most of the file for an index.
constexpr std::string_view pack_magic = "octavo deflate pack 2\n";
constexpr std::string_view end_mark = "OCTVPEND";
constexpr std::size_t trailer_size = 8 + 4 + end_mark.size();
// The least an index entry takes: the digest and three one-byte varints.
constexpr std::size_t least_entry_size = 32 + 3;

std::string little_endian(std::uint64_t value) {
  std::string out(8, '\0');
  for (std::size_t i = 0; i < 8; ++i) out[i] = static_cast<char>((value >> (8 * i)) & 0xFF);
  return out;
}

std::uint64_t from_little_endian(std::string_view bytes) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < 8; ++i) value |= std::uint64_t{static_cast<unsigned char>(bytes[i])} << (8 * i);
  return value;
}

// The trailer for an index at `index_offset`.
std::string trailer_for(std::uint64_t index_offset) {
  const std::string offset = little_endian(index_offset);
  return offset + little_endian(core::crc32(offset)).substr(0, 4) + std::string(end_mark);
}

// Whether the process `pid` has ended (kill(pid, 0) finds no such process); a process that exists
// but is another user's counts as running.
bool has_ended(long pid) { return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH; }

}  // namespace

DeflatePack::DeflatePack(std::string cache_root, std::string folder, std::string name, std::string fingerprint)
    : cache_root_(std::move(cache_root)),
      folder_(std::move(folder)),
      path_((fs::path(folder_) / name).string()),
      // Unique among processes building into the same folder; never a pack's own name.
      next_path_(path_ + ".next-" + std::to_string(::getpid())),
      fingerprint_(std::move(fingerprint)) {
  remove_abandoned(name);
  try {
    read_previous();
  } catch (const std::exception&) {  // no memory for the index: as if there were no pack
    previous_entries_.clear();
  }
}

DeflatePack::~DeflatePack() { abandon_next(); }

void DeflatePack::remove_abandoned(const std::string& name) {
  // A build stopped by a signal (which removes only the books' temporaries) or a crash leaves its
  // next pack, named by its process id; the next build into the folder removes it.
  const std::string prefix = name + ".next-";
  std::error_code ec;
  for (fs::directory_iterator it(folder_, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string file = it->path().filename().string();
    if (!file.starts_with(prefix)) continue;
    const std::string pid = file.substr(prefix.size());
    if (pid.empty() || pid.size() > 9 || pid.find_first_not_of("0123456789") != std::string::npos) continue;
    if (has_ended(std::stol(pid))) {
      std::error_code ignored;
      fs::remove(it->path(), ignored);
    }
  }
}

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
  const std::optional<std::uint64_t> file_size = previous_.size();
  if (!file_size) return;
  const std::uint64_t size = *file_size;
  // The header: the magic line and the fingerprint, whose length takes at most 10 varint bytes.
  const std::uint64_t header_room = std::min<std::uint64_t>(size, pack_magic.size() + 10 + fingerprint_.size());
  const std::optional<std::string> header = previous_.read_at(0, header_room);
  if (!header || !header->starts_with(pack_magic)) return;
  core::ByteReader header_reader(std::string_view(*header).substr(pack_magic.size()));
  if (header_reader.string() != fingerprint_ || header_reader.failed()) return;
  const std::uint64_t data_start = header_room - header_reader.left();
  if (size < data_start + trailer_size) return;
  const std::optional<std::string> trailer = previous_.read_at(size - trailer_size, trailer_size);
  if (!trailer) return;
  const std::uint64_t index_offset = from_little_endian(*trailer);
  if (*trailer != trailer_for(index_offset)) return;
  if (index_offset < data_start || index_offset > size - trailer_size) return;
  const std::optional<std::string> index = previous_.read_at(index_offset, size - trailer_size - index_offset);
  if (!index) return;
  core::ByteReader reader(*index);
  const std::size_t count = reader.count(least_entry_size);
  std::vector<Entry> entries(count);
  for (std::size_t position = 0; position < count; ++position) {
    Entry& entry = entries[position];
    entry.position = position;
    for (std::uint8_t& byte : entry.digest) byte = reader.byte();
    entry.offset = reader.unsigned_number();
    entry.length = reader.unsigned_number();
    entry.crc32 = static_cast<std::uint32_t>(reader.at_most(UINT32_MAX));
    if (entry.offset < data_start || entry.offset > index_offset || entry.length > index_offset - entry.offset) {
      reader.fail();
    }
  }
  if (reader.failed() || !reader.at_end()) return;
  // In the pack's order the streams follow each other from the data's start (the prefix copied
  // by diverge relies on it); a pack that says otherwise is not used.
  std::uint64_t expected = data_start;
  for (const Entry& entry : entries) {
    if (entry.offset != expected) return;
    expected += entry.length;
  }
  if (expected != index_offset) return;
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.digest < b.digest; });
  previous_entries_ = std::move(entries);
  previous_data_start_ = data_start;
  previous_data_end_ = index_offset;
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
  const auto found = std::lower_bound(previous_entries_.begin(), previous_entries_.end(), digest,
                                      [](const Entry& entry, const core::StreamDigest& d) { return entry.digest < d; });
  if (found == previous_entries_.end() || found->digest != digest) return std::nullopt;
  std::optional<std::string> bytes = read_previous_stream(found->offset, found->length);
  if (!bytes || core::crc32(*bytes) != found->crc32) return std::nullopt;
  ++recalled_;
  if (!diverged_ && !committed_ && found->position == matched_) {
    ++matched_;
    next_digests_.insert(digest);
  } else {
    keep_locked(digest, *bytes);
  }
  return bytes;
}

std::optional<std::string> DeflatePack::read_previous_stream(std::uint64_t offset, std::uint64_t length) {
  if (offset >= read_ahead_start_ && offset - read_ahead_start_ <= read_ahead_.size() &&
      length <= read_ahead_.size() - (offset - read_ahead_start_)) {
    return read_ahead_.substr(offset - read_ahead_start_, length);
  }
  if (length >= read_ahead_size) return previous_.read_at(offset, length);
  // A stream before the piece is one recalled again, such as the first operators every recto
  // shares: read alone, the piece staying for the streams after it, and kept while small.
  if (offset < read_ahead_start_) {
    if (const auto found = recalled_again_.find(offset);
        found != recalled_again_.end() && found->second.size() == length) {
      return found->second;
    }
    std::optional<std::string> bytes = previous_.read_at(offset, length);
    if (bytes && length <= max_recalled_again_size) {
      if (recalled_again_.size() == max_recalled_again) recalled_again_.clear();
      recalled_again_.emplace(offset, *bytes);
    }
    return bytes;
  }
  // Entries lie between the data's start and the index (read_previous checked it).
  std::optional<std::string> piece =
      previous_.read_at(offset, std::min<std::uint64_t>(read_ahead_size, previous_data_end_ - offset));
  if (!piece || piece->size() < length) return std::nullopt;
  if (piece->empty()) return piece;  // a stream of no bytes at the index: the piece stays
  read_ahead_ = std::move(*piece);
  read_ahead_start_ = offset;
  return read_ahead_.substr(0, length);
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
  core::ByteWriter header;
  header.string(fingerprint_);
  next_->write(pack_magic);
  next_->write(header.bytes());
  next_size_ = pack_magic.size() + header.bytes().size();
  if (matched_ == 0) return;
  // The matched streams are the previous pack's first ones, one after another from its data's
  // start: copied as one piece, and listed in their order.
  std::vector<Entry> prefix(matched_);
  for (const Entry& entry : previous_entries_) {
    if (entry.position < matched_) prefix[entry.position] = entry;
  }
  const std::uint64_t length = prefix.back().offset + prefix.back().length - previous_data_start_;
  constexpr std::uint64_t piece = std::uint64_t{1} << 20;
  for (std::uint64_t copied = 0; copied < length; copied += piece) {
    const std::optional<std::string> bytes =
        previous_.read_at(previous_data_start_ + copied, std::min(piece, length - copied));
    if (!bytes || !next_->write(*bytes)) return fail_next();
  }
  for (Entry entry : prefix) {
    entry.offset = entry.offset - previous_data_start_ + next_size_;
    next_entries_.push_back(entry);
  }
  next_size_ += length;
}

void DeflatePack::keep_locked(const core::StreamDigest& digest, std::string_view compressed) {
  if (committed_ || next_failed_ || !next_digests_.insert(digest).second) return;
  diverge();
  if (next_failed_) return;
  if (!next_->write(compressed)) return fail_next();
  next_entries_.push_back({digest, next_size_, compressed.size(), core::crc32(compressed)});
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
  bool written = !next_failed_;
  if (written) {
    core::ByteWriter index;
    index.unsigned_number(next_entries_.size());
    for (const Entry& entry : next_entries_) {
      for (const std::uint8_t byte : entry.digest) index.byte(byte);
      index.unsigned_number(entry.offset);
      index.unsigned_number(entry.length);
      index.unsigned_number(entry.crc32);
    }
    next_->write(index.bytes());
    next_->write(trailer_for(next_size_));
  }
  if (next_ != nullptr) written = !next_->close() && written;
  next_.reset();
  if (written) fs::rename(next_path_, path_, ec);
  if (!written || ec) {
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
