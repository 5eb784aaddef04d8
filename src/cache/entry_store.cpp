#include "cache/entry_store.hpp"

#include <unistd.h>

#include <filesystem>
#include <system_error>

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

FolderStore::FolderStore(std::string cache_root, std::string folder)
    : cache_root_(std::move(cache_root)), folder_(std::move(folder)), files_(folder_) {}

std::optional<std::string> FolderStore::read(const std::string& name) const { return files_.read_file(name); }

bool FolderStore::make_folder() {
  // Called with mutex_ held.
  if (made_) return true;
  made_ = make_cache_folder(cache_root_, folder_);
  return made_;
}

bool FolderStore::write(const std::string& name, std::string_view bytes) {
  std::string temporary;
  {
    const std::lock_guard lock(mutex_);
    if (!make_folder()) return false;
    // Unique among processes (the pid) and this process's threads (the count); not an entry's
    // name, so that a reader never sees it.
    temporary = ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(temporaries_++);
  }
  const fs::path temporary_path = fs::path(folder_) / temporary;
  std::error_code ec;
  if (core::write_whole_file(temporary_path.string(), bytes)) {
    fs::remove(temporary_path, ec);
    return false;
  }
  fs::rename(temporary_path, fs::path(folder_) / name, ec);
  if (ec) fs::remove(temporary_path, ec);
  return !ec;
}

std::vector<std::string> FolderStore::names() const {
  std::vector<std::string> names;
  for (const core::FolderEntry& entry : files_.list_folder("")) names.push_back(entry.name);
  return names;
}

void FolderStore::remove(const std::string& name) {
  std::error_code ec;
  fs::remove(fs::path(folder_) / name, ec);
}

std::optional<std::string> MemoryStore::read(const std::string& name) const {
  const std::lock_guard lock(mutex_);
  const auto found = entries_.find(name);
  if (found == entries_.end()) return std::nullopt;
  return found->second;
}

bool MemoryStore::write(const std::string& name, std::string_view bytes) {
  const std::lock_guard lock(mutex_);
  entries_[name] = std::string(bytes);
  ++writes_;
  return true;
}

std::vector<std::string> MemoryStore::names() const {
  const std::lock_guard lock(mutex_);
  std::vector<std::string> names;
  for (const auto& [name, bytes] : entries_) names.push_back(name);
  return names;
}

void MemoryStore::remove(const std::string& name) {
  const std::lock_guard lock(mutex_);
  entries_.erase(name);
}

void MemoryStore::put(const std::string& name, std::string bytes) {
  const std::lock_guard lock(mutex_);
  entries_[name] = std::move(bytes);
}

std::size_t MemoryStore::writes() const {
  const std::lock_guard lock(mutex_);
  return writes_;
}

}  // namespace octavo::cache
