// Files as the tests of the packs (DeflatePack, EntryPack) look at them: whole, by inode, or
// written over with damaged bytes.
#pragma once

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace octavo::test {

/// A fresh folder of its own in the system's temporary folder, named after the test; removed
/// afterwards.
struct TemporaryFolder {
  explicit TemporaryFolder(const std::string& name)
      : root(std::filesystem::temp_directory_path() / ("octavo-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(root);
  }
  ~TemporaryFolder() { std::filesystem::remove_all(root); }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  std::filesystem::path root;
};

/// The file's inode: a pack written again (to a new file, renamed into place) has another.
inline ino_t inode_of(const std::filesystem::path& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_ino;
}

inline std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

/// Changes the middle byte of `stored` where it lies in the file `path` (its first place), as a
/// damaged disk would: the pack's index and checksums stay as they were.
inline void damage_in_file(const std::filesystem::path& path, const std::string& stored) {
  std::string bytes = file_bytes(path);
  const std::size_t at = bytes.find(stored);
  REQUIRE(at != std::string::npos);
  bytes[at + stored.size() / 2] ^= 0x20;
  write_bytes(path, bytes);
}

}  // namespace octavo::test
