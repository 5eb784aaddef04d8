#include "cache/pack_file.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <filesystem>
#include <system_error>

#include "core/byte_stream.hpp"
#include "core/deflate.hpp"

namespace octavo::cache {
namespace fs = std::filesystem;

namespace {

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

constexpr std::string_view next_mark = ".next-";

}  // namespace

void sort_by_digest(std::vector<PackEntry>& entries) {
  std::sort(entries.begin(), entries.end(), [](const PackEntry& a, const PackEntry& b) { return a.digest < b.digest; });
}

const PackEntry* find_entry(const std::vector<PackEntry>& entries, const core::StreamDigest& digest) {
  const auto found =
      std::lower_bound(entries.begin(), entries.end(), digest,
                       [](const PackEntry& entry, const core::StreamDigest& d) { return entry.digest < d; });
  return found == entries.end() || found->digest != digest ? nullptr : &*found;
}

std::string pack_header(std::string_view kind, std::string_view fingerprint) {
  core::ByteWriter header;
  header.string(fingerprint);
  return std::string(kind) + header.bytes();
}

namespace {

// The index of a pack whose trailer ends at `end` (the file's size, or less for a pack whose last
// append was cut short), or nullopt.
std::optional<PackIndex> read_index_ending_at(const core::InputFile& file, std::uint64_t data_start,
                                              std::uint64_t end) {
  if (end < data_start + trailer_size) return std::nullopt;
  const std::optional<std::string> trailer = file.read_at(end - trailer_size, trailer_size);
  if (!trailer) return std::nullopt;
  const std::uint64_t index_offset = from_little_endian(*trailer);
  if (*trailer != trailer_for(index_offset)) return std::nullopt;
  if (index_offset < data_start || index_offset > end - trailer_size) return std::nullopt;
  const std::optional<std::string> index = file.read_at(index_offset, end - trailer_size - index_offset);
  if (!index) return std::nullopt;
  core::ByteReader reader(*index);
  const std::size_t count = reader.count(least_entry_size);
  PackIndex found{std::vector<PackEntry>(count), data_start, index_offset, end};
  // Each string lies between the header and the index; a pack that says otherwise is not used.
  for (std::size_t position = 0; position < count; ++position) {
    PackEntry& entry = found.entries[position];
    entry.position = position;
    for (std::uint8_t& byte : entry.digest) byte = reader.byte();
    entry.offset = reader.unsigned_number();
    entry.length = reader.unsigned_number();
    entry.crc32 = static_cast<std::uint32_t>(reader.at_most(UINT32_MAX));
    if (entry.offset < data_start || entry.offset > index_offset || entry.length > index_offset - entry.offset) {
      reader.fail();
    }
  }
  if (reader.failed() || !reader.at_end()) return std::nullopt;
  return found;
}

// How far back from a pack's end a trailer is looked for when the last one is damaged: an append
// cut short (a build killed within its one write) leaves at most max_appended bytes of entries and
// an index after the trailer before it.
constexpr std::uint64_t trailer_search_reach = std::uint64_t{32} << 20;
// The most trailers tried in that reach: each costs a read of its index.
constexpr int max_trailers_tried = 16;

}  // namespace

std::optional<PackIndex> read_pack_index(const core::InputFile& file, std::string_view kind,
                                         std::string_view fingerprint) {
  const std::optional<std::uint64_t> file_size = file.size();
  if (!file_size) return std::nullopt;
  const std::uint64_t size = *file_size;
  // The header: the kind's line and the fingerprint, whose length takes at most 10 varint bytes.
  const std::uint64_t header_room = std::min<std::uint64_t>(size, kind.size() + 10 + fingerprint.size());
  const std::optional<std::string> header = file.read_at(0, header_room);
  if (!header || !header->starts_with(kind)) return std::nullopt;
  core::ByteReader header_reader(std::string_view(*header).substr(kind.size()));
  if (header_reader.string() != fingerprint || header_reader.failed()) return std::nullopt;
  const std::uint64_t data_start = header_room - header_reader.left();
  if (std::optional<PackIndex> found = read_index_ending_at(file, data_start, size)) return found;
  if (size <= data_start) return std::nullopt;
  // A pack appended to in place whose last append was cut short still holds the trailer and index
  // it had before, intact, with the torn bytes after them: the last trailer that reads whole is
  // the pack. Its entries are still checked one by one (their CRC-32) as they are read.
  const std::uint64_t window_start = size - std::min(size - data_start, trailer_search_reach);
  const std::optional<std::string> window = file.read_at(window_start, size - window_start);
  if (!window) return std::nullopt;
  std::size_t before = window->size();
  for (int tried = 0; tried < max_trailers_tried && before > 0; ++tried) {
    const std::size_t mark = std::string_view(*window).substr(0, before).rfind(end_mark);
    if (mark == std::string_view::npos) break;
    const std::uint64_t end = window_start + mark + end_mark.size();
    if (std::optional<PackIndex> found = read_index_ending_at(file, data_start, end)) return found;
    before = mark;
  }
  return std::nullopt;
}

std::string pack_end(const std::vector<PackEntry>& entries, std::uint64_t index_offset) {
  core::ByteWriter index;
  index.unsigned_number(entries.size());
  for (const PackEntry& entry : entries) {
    index.raw(entry.digest);
    index.unsigned_number(entry.offset);
    index.unsigned_number(entry.length);
    index.unsigned_number(entry.crc32);
  }
  return index.take() + trailer_for(index_offset);
}

bool append_to_pack(const std::string& path, const core::InputFile& previous, std::uint64_t previous_size,
                    std::uint64_t data_start, std::string_view strings, std::vector<PackEntry> entries) {
  std::uint64_t named = 0;
  for (std::size_t position = 0; position < entries.size(); ++position) {
    named += entries[position].length;
    entries[position].position = position;
  }
  // The new strings are all named; what the pack held from its data's start is named or not.
  const std::uint64_t unnamed = previous_size - data_start - (named - strings.size());
  if (unnamed > named) return false;
  // A build that finds the pack changed since it read it writes a new one, from the file it read.
  // One write: a build killed within it (SIGKILL; or a stop signal, whose handler ends the process
  // from another thread) leaves a torn end after the old trailer, which read_pack_index looks back
  // past; the next build then writes the pack anew, since its size is not the pack's end.
  return core::append_in_place(path, previous, previous_size,
                               std::string(strings) + pack_end(entries, previous_size + strings.size()));
}

bool finish_pack(core::OutputFile& next, const std::vector<PackEntry>& entries, std::uint64_t index_offset,
                 const std::string& next_path, const std::string& path) {
  next.write(pack_end(entries, index_offset));
  if (next.close()) return false;
  std::error_code ec;
  fs::rename(next_path, path, ec);
  return !ec;
}

bool copy_pack_bytes(const core::InputFile& from, std::uint64_t offset, std::uint64_t length, core::OutputFile& to) {
  // Large enough that a 25 MB pack is copied in a few dozen reads, small enough to hold.
  constexpr std::uint64_t piece = std::uint64_t{1} << 20;
  std::string bytes;  // one buffer for every piece: fresh memory for each was a tenth of the copy
  for (std::uint64_t copied = 0; copied < length; copied += piece) {
    if (!from.read_into(offset + copied, std::min(piece, length - copied), bytes) || !to.write(bytes)) return false;
  }
  return true;
}

std::string next_pack_path(const std::string& path) {
  return path + std::string(next_mark) + std::to_string(::getpid());
}

void remove_abandoned_packs(const std::string& folder, const std::string& name) {
  const std::string prefix = name + std::string(next_mark);
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
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

}  // namespace octavo::cache
