// Where cache entries live during a build, each under a digest: a pack beside the books
// (EntryPack: OUT/.octavo-cache/layout.pack), or memory for tests. A store keeps for the next
// build exactly the entries this one read, kept or wrote. Every operation may fail quietly: a cache
// that cannot be read or written only makes the build as slow as a cold one, never different.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/sha256.hpp"

namespace octavo::cache {

/// Creates `folder` (with its parents) inside the cache folder `cache_root`, and a CACHEDIR.TAG in
/// `cache_root` if it has none, which backup tools honour. False when the folder cannot be made.
bool make_cache_folder(const std::string& cache_root, const std::string& folder);

/// Every member may be called from several threads at once.
class EntryStore {
 public:
  virtual ~EntryStore() = default;
  /// The bytes of the entry `name`, whole and as written; nullopt when there is none or they cannot
  /// be read whole. A store on disk checks them for damage (EntryPack: a CRC-32 each), since the
  /// entry's reader does not. An entry read is kept for the next build.
  virtual std::optional<std::string> read(const core::StreamDigest& name) = 0;
  /// Keeps the entry `name` for the next build as read() would, without reading it (nor checking
  /// it for damage, which a later read does); false when there is none.
  virtual bool keep(const core::StreamDigest& name) = 0;
  /// Keeps `bytes` as the entry `name` for the next build, in place of any read under that name
  /// (a name is written once: later writes of it change nothing). False when it could not.
  virtual bool write(const core::StreamDigest& name, std::string_view bytes) = 0;
};

/// The name of the cache folder inside the output folder. Hidden, so that listings of the books
/// leave it out.
inline constexpr std::string_view cache_folder_name = ".octavo-cache";

/// Names → bytes in memory, for tests: a build's reads and writes, then commit(), as with a pack.
/// Its bytes are whatever put() left (no check for damage), for tests of the entries' reader.
class MemoryStore final : public EntryStore {
 public:
  std::optional<std::string> read(const core::StreamDigest& name) override;
  bool keep(const core::StreamDigest& name) override;
  bool write(const core::StreamDigest& name, std::string_view bytes) override;

  /// Removes every entry neither read, kept nor written since the last commit, as the next pack leaves
  /// them out.
  void commit();
  /// Every entry's name, in order.
  std::vector<core::StreamDigest> names() const;
  /// Replaces an entry's bytes as they are, for tests of damaged entries.
  void put(const core::StreamDigest& name, std::string bytes);
  std::size_t writes() const;
  /// The bytes read() returned since the store was made.
  std::size_t bytes_read() const;

 private:
  mutable std::mutex mutex_;
  std::map<core::StreamDigest, std::string> entries_;
  std::set<core::StreamDigest> used_;     // read, kept or written since the last commit
  std::set<core::StreamDigest> written_;  // since the last commit
  std::size_t writes_ = 0;
  std::size_t bytes_read_ = 0;
};

}  // namespace octavo::cache
