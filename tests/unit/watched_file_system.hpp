// A memory file system for tests that watch or change one of a FileSystem's answers: every member
// goes to a core::MemoryFileSystem, and a test's subclass overrides the one it watches.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/file_system.hpp"

namespace test {

class WatchedFileSystem : public octavo::core::FileSystem {
 public:
  explicit WatchedFileSystem(std::map<std::string, std::string> files, std::string name = "corpus")
      : files_(std::move(files), std::move(name)) {}
  std::optional<std::string> read_file(const std::string& path) const override { return files_.read_file(path); }
  std::optional<std::string> settled_identity(const std::string& path) const override {
    return files_.settled_identity(path);
  }
  bool exists(const std::string& path) const override { return files_.exists(path); }
  std::vector<octavo::core::FolderEntry> list_folder(const std::string& folder) const override {
    return files_.list_folder(folder);
  }
  std::string root_name() const override { return files_.root_name(); }
  std::optional<std::string> resolve_inside(const std::string& path) const override {
    return files_.resolve_inside(path);
  }

 protected:
  /// The files themselves, for links and identities a test sets up.
  octavo::core::MemoryFileSystem& files() { return files_; }

 private:
  octavo::core::MemoryFileSystem files_;
};

}  // namespace test
