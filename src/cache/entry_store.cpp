#include "cache/entry_store.hpp"

#include <filesystem>
#include <system_error>

#include "core/file_system.hpp"

namespace octavo::cache {
namespace fs = std::filesystem;

namespace {

// https://bford.info/cachedir/: tar --exclude-caches, borg, restic and others skip the folder.
constexpr std::string_view cachedir_tag =
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by Octavo (set articles and compressed streams kept between "
    "builds).\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n";

}  // namespace

bool make_cache_folder(const std::string& cache_root, const std::string& folder) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return false;
  const fs::path tag = fs::path(cache_root) / "CACHEDIR.TAG";
  if (!fs::exists(tag, ec)) core::write_whole_file(tag.string(), cachedir_tag);
  return true;
}

std::optional<std::string> MemoryStore::read(const core::StreamDigest& name) {
  const std::lock_guard lock(mutex_);
  const auto found = entries_.find(name);
  if (found == entries_.end()) return std::nullopt;
  used_.insert(name);
  bytes_read_ += found->second.size();
  return found->second;
}

bool MemoryStore::keep(const core::StreamDigest& name) {
  const std::lock_guard lock(mutex_);
  if (entries_.count(name) == 0) return false;
  used_.insert(name);
  return true;
}

bool MemoryStore::write(const core::StreamDigest& name, std::string_view bytes) {
  const std::lock_guard lock(mutex_);
  if (!written_.insert(name).second) return true;  // written once: the first write stays
  entries_[name] = std::string(bytes);
  used_.insert(name);
  ++writes_;
  return true;
}

void MemoryStore::commit() {
  const std::lock_guard lock(mutex_);
  std::erase_if(entries_, [&](const auto& entry) { return used_.count(entry.first) == 0; });
  used_.clear();
  written_.clear();
}

std::vector<core::StreamDigest> MemoryStore::names() const {
  const std::lock_guard lock(mutex_);
  std::vector<core::StreamDigest> names;
  for (const auto& [name, bytes] : entries_) names.push_back(name);
  return names;
}

void MemoryStore::put(const core::StreamDigest& name, std::string bytes) {
  const std::lock_guard lock(mutex_);
  entries_[name] = std::move(bytes);
}

std::size_t MemoryStore::writes() const {
  const std::lock_guard lock(mutex_);
  return writes_;
}

std::size_t MemoryStore::bytes_read() const {
  const std::lock_guard lock(mutex_);
  return bytes_read_;
}

}  // namespace octavo::cache
