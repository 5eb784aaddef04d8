// Where cache entries live, by name: a folder beside the books (OUT/.octavo-cache/layout/<key>),
// or memory for tests. Every operation may fail quietly: a cache that cannot be read or written
// only makes the build as slow as a cold one, never different.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/file_system.hpp"

namespace octavo::cache {

/// Creates `folder` (with its parents) inside the cache folder `cache_root`, and a CACHEDIR.TAG in
/// `cache_root` if it has none, which backup tools honour. False when the folder cannot be made.
bool make_cache_folder(const std::string& cache_root, const std::string& folder);

/// Every member may be called from several threads at once.
class EntryStore {
 public:
  virtual ~EntryStore() = default;
  /// The entry's bytes; nullopt when there is none or it cannot be read.
  virtual std::optional<std::string> read(const std::string& name) const = 0;
  /// Stores `bytes` as `name`, replacing it; a reader sees the old bytes or the new, never a part.
  /// False when it could not.
  virtual bool write(const std::string& name, std::string_view bytes) = 0;
  /// Every name in the store, entries or not, in no particular order; empty when there is none.
  virtual std::vector<std::string> names() const = 0;
  /// Removes `name`; nothing when it is not there.
  virtual void remove(const std::string& name) = 0;
};

/// The name of the cache folder inside the output folder. Hidden, so that listings of the books
/// leave it out.
inline constexpr std::string_view cache_folder_name = ".octavo-cache";

/// A folder on disk, created (with its parent and a CACHEDIR.TAG there, which backup tools
/// honour) on the first write. Writes go to a temporary name in the folder, then are renamed.
class FolderStore final : public EntryStore {
 public:
  /// `folder` is OUT/.octavo-cache/layout; `cache_root` its parent, for CACHEDIR.TAG.
  FolderStore(std::string cache_root, std::string folder);
  std::optional<std::string> read(const std::string& name) const override;
  bool write(const std::string& name, std::string_view bytes) override;
  std::vector<std::string> names() const override;
  void remove(const std::string& name) override;

 private:
  bool make_folder();

  std::string cache_root_;
  std::string folder_;
  core::DiskFileSystem files_;
  std::mutex mutex_;   // guards made_ and temporaries_
  bool made_ = false;  // the folder exists (this run made sure)
  std::size_t temporaries_ = 0;
};

/// Names → bytes in memory, for tests; counts reads and writes.
class MemoryStore final : public EntryStore {
 public:
  std::optional<std::string> read(const std::string& name) const override;
  bool write(const std::string& name, std::string_view bytes) override;
  std::vector<std::string> names() const override;
  void remove(const std::string& name) override;

  /// Replaces an entry's bytes as they are, for tests of corrupt entries.
  void put(const std::string& name, std::string bytes);
  std::size_t writes() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string> entries_;
  std::size_t writes_ = 0;
};

}  // namespace octavo::cache
