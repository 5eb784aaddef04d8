// File access behind a small interface: the real disk, rooted at the corpus folder, or an
// in-memory tree for tests. Paths are relative to the root and use '/'.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace octavo::core {

/// Writes `bytes` to `path`, replacing it. Returns the reason on failure ("No space left on
/// device"), nullopt once every byte is written and the file closed. Used by the writers, which
/// write only to temporary files that the pipeline renames.
std::optional<std::string> write_whole_file(const std::string& path, std::string_view bytes);

/// `path` with "." and ".." resolved without looking at any disk ("a/../b.png" → "b.png");
/// nullopt if it is absolute, climbs above the root, or is the root itself.
std::optional<std::string> lexically_inside(const std::string& path);

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// The bytes of a regular file; nullopt if it is missing, not a regular file or unreadable.
  virtual std::optional<std::string> read_file(const std::string& path) const = 0;
  /// True if anything is at `path` (a file, a folder, even a broken link), so that a caller can
  /// tell "missing" from "cannot read" after read_file fails; false if nothing is.
  virtual bool exists(const std::string& path) const = 0;
  /// Names of the regular files directly in the root, in natural order (core/natural_order.hpp:
  /// "ch2.md" before "ch10.md"); empty if none.
  virtual std::vector<std::string> list_files() const = 0;
  /// A short name for the root (the corpus folder's own name); "corpus" if it has none.
  virtual std::string root_name() const = 0;
  /// Where `path` leads once "." and ".." are resolved and every symbolic link is followed, as a
  /// '/'-separated path relative to the root; nullopt if that is outside the root (or the root
  /// itself). A path that does not exist still resolves, as far as it can.
  virtual std::optional<std::string> resolve_inside(const std::string& path) const = 0;
};

/// The corpus folder on disk. Never writes.
class DiskFileSystem final : public FileSystem {
 public:
  explicit DiskFileSystem(std::string root);
  std::optional<std::string> read_file(const std::string& path) const override;
  bool exists(const std::string& path) const override;
  std::vector<std::string> list_files() const override;
  std::string root_name() const override;
  std::optional<std::string> resolve_inside(const std::string& path) const override;

 private:
  std::string root_;
};

/// An in-memory tree, for tests: path → bytes. A folder exists when a path inside it does
/// ("sub/a.txt" makes "sub" a folder), and cannot be read as a file.
class MemoryFileSystem final : public FileSystem {
 public:
  explicit MemoryFileSystem(std::map<std::string, std::string> files, std::string name = "corpus");
  /// Makes `path` a symbolic link to `target`, relative to the root; a target that starts with "/"
  /// or climbs by ".." leads outside. Only resolve_inside follows links.
  void add_link(std::string path, std::string target) { links_[std::move(path)] = std::move(target); }
  std::optional<std::string> read_file(const std::string& path) const override;
  bool exists(const std::string& path) const override;
  std::vector<std::string> list_files() const override;
  std::string root_name() const override;
  std::optional<std::string> resolve_inside(const std::string& path) const override;

 private:
  std::map<std::string, std::string> files_;
  std::string name_;
  std::map<std::string, std::string> links_;
};

}  // namespace octavo::core
