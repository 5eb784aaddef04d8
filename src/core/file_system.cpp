#include "core/file_system.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "core/natural_order.hpp"

namespace octavo::core {

namespace fs = std::filesystem;

// Through C stdio, whose failing calls set errno, so that the reason can be reported. A full disk
// often shows only when the buffer is flushed, so fclose is checked too.
std::optional<std::string> write_whole_file(const std::string& path, std::string_view bytes) {
  errno = 0;
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return std::generic_category().message(errno != 0 ? errno : EIO);
  errno = 0;
  int error = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size() ? 0 : (errno != 0 ? errno : EIO);
  errno = 0;
  if (std::fclose(file) != 0 && error == 0) error = errno != 0 ? errno : EIO;
  if (error == 0) return std::nullopt;
  return std::generic_category().message(error);
}

DiskFileSystem::DiskFileSystem(std::string root) : root_(std::move(root)) {}

std::optional<std::string> DiskFileSystem::read_file(const std::string& path) const {
  std::error_code ec;
  const fs::path full = fs::path(root_) / path;
  if (!fs::is_regular_file(full, ec)) return std::nullopt;
  std::ifstream in(full, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return bytes;
}

bool DiskFileSystem::exists(const std::string& path) const {
  std::error_code ec;
  // symlink_status, not status: a link to nothing is still something the user put there.
  const fs::file_status status = fs::symlink_status(fs::path(root_) / path, ec);
  return !ec && fs::exists(status);
}

std::vector<std::string> DiskFileSystem::list_files() const {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(root_, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec)) names.push_back(it->path().filename().string());
  }
  // Directory order is whatever the file system gives; sort so that it never leaks into a book.
  std::sort(names.begin(), names.end(), natural_less);
  return names;
}

std::string DiskFileSystem::root_name() const {
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(fs::path(root_), ec);
  if (ec) absolute = fs::path(root_);
  std::string name = absolute.filename().string();
  if (name.empty() || name == "." || name == "..") name = absolute.parent_path().filename().string();
  return name.empty() ? "corpus" : name;
}

std::optional<std::string> lexically_inside(const std::string& path) {
  const fs::path normal = fs::path(path).lexically_normal();
  if (normal.is_absolute() || normal.empty() || normal == ".") return std::nullopt;
  if (*normal.begin() == "..") return std::nullopt;
  return normal.generic_string();
}

std::optional<std::string> DiskFileSystem::resolve_inside(const std::string& path) const {
  const std::optional<std::string> relative = lexically_inside(path);
  if (!relative) return std::nullopt;
  std::error_code ec;
  const fs::path root = fs::canonical(fs::path(root_), ec);
  if (ec) return std::nullopt;
  // weakly_canonical follows every link in the part of the path that exists.
  const fs::path full = fs::weakly_canonical(root / *relative, ec);
  if (ec) return std::nullopt;
  return lexically_inside(full.lexically_relative(root).generic_string());
}

MemoryFileSystem::MemoryFileSystem(std::map<std::string, std::string> files, std::string name)
    : files_(std::move(files)), name_(std::move(name)) {}

std::optional<std::string> MemoryFileSystem::resolve_inside(const std::string& path) const {
  std::optional<std::string> resolved = lexically_inside(path);
  // Links to links are followed a few times, as far as tests need; a cycle stays where it is.
  for (int hops = 0; resolved && hops < 8; ++hops) {
    const auto link = links_.find(*resolved);
    if (link == links_.end()) break;
    resolved = lexically_inside(link->second);
  }
  return resolved;
}

std::optional<std::string> MemoryFileSystem::read_file(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

bool MemoryFileSystem::exists(const std::string& path) const {
  if (files_.contains(path)) return true;
  // The first key after "path/" is inside that folder if the folder has anything in it.
  const std::string folder = path + "/";
  auto inside = files_.lower_bound(folder);
  return inside != files_.end() && inside->first.starts_with(folder);
}

std::vector<std::string> MemoryFileSystem::list_files() const {
  std::vector<std::string> names;
  for (const auto& [path, bytes] : files_) {
    if (path.find('/') == std::string::npos) names.push_back(path);
  }
  std::sort(names.begin(), names.end(), natural_less);  // the map keeps them bytewise
  return names;
}

std::string MemoryFileSystem::root_name() const { return name_; }

}  // namespace octavo::core
