// File access behind a small interface: the real disk, rooted at the corpus folder, or an
// in-memory tree for tests. Paths are relative to the root and use '/'.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/natural_order.hpp"

namespace octavo::core {

/// How many bytes an OutputFile gathers before it writes them: stdio's own buffer is a block (4 KiB
/// here), and a rebuild of 1,000 articles wrote its packs and books in 5,156 write calls, one for
/// about every stream it kept again.
inline constexpr std::size_t output_buffer_size = 256 * 1024;

/// A file written piece by piece, replacing `path`: for output too large to hold twice. The
/// first failure is kept, later writes do nothing, and close() says why ("No space left on
/// device"). Used by the writers, which write only to temporary files the pipeline renames.
class OutputFile {
 public:
  explicit OutputFile(const std::string& path);
  ~OutputFile();  ///< closes the file if close() was not called; the reason is then lost
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  /// Writes `piece` at the current position (the end, unless seek moved it); false once any open,
  /// write or seek has failed.
  bool write(std::string_view piece);
  /// Moves the position to `offset` bytes from the start, so that the next write overwrites what
  /// is there (a header whose sizes are known only after its data); false once any open, write or
  /// seek has failed.
  bool seek(std::uint64_t offset);
  /// False once any open, write or seek has failed; close() then says why.
  bool ok() const { return error_ == 0; }
  /// Closes the file: the reason of the first failure, or nullopt once every byte is written.
  std::optional<std::string> close();

 private:
  bool flush();  // writes what is gathered; false, the reason kept, if the system refuses
  bool write_at(std::uint64_t offset, std::string_view bytes);
  bool fail(int error);  // keeps the first reason; false

  // Its own buffer rather than stdio's, so that a seek back into bytes not yet written (libzip
  // rewriting an entry's local header once its sizes are known, twice an entry) only moves within
  // them: stdio writes out its buffer and moves the descriptor at every seek, two system calls
  // each, some 4 % of the EPUB thread's samples in a rebuild.
  std::unique_ptr<char[]> buffer_;  // output_buffer_size bytes, or none: then written as given
  std::size_t capacity_ = 0;
  int descriptor_ = -1;
  std::uint64_t buffer_start_ = 0;   // where buffer_[0] goes in the file
  std::size_t buffered_ = 0;         // bytes gathered in buffer_
  std::size_t cursor_ = 0;           // the position, from buffer_start_; never past buffered_
  std::uint64_t descriptor_at_ = 0;  // the descriptor's own position
  int error_ = 0;                    ///< errno of the first failure; 0 for none
};

/// A file read at chosen offsets, without moving a shared position: what a pack of many small
/// streams needs (cache::DeflatePack reads its streams, and pieces of them ahead, where they lie).
/// read_at may be called from several threads at once.
class InputFile {
 public:
  /// Opens `path` for reading; is_open() says whether it could be.
  explicit InputFile(const std::string& path);
  InputFile() = default;  ///< no file: every read fails
  ~InputFile();
  InputFile(InputFile&& other) noexcept;
  InputFile& operator=(InputFile&& other) noexcept;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  bool is_open() const { return descriptor_ >= 0; }
  /// The file's size in bytes; nullopt if it is not open or cannot be asked.
  std::optional<std::uint64_t> size() const;
  /// `count` bytes from `offset`; nullopt when they cannot all be read (past the end, an error).
  std::optional<std::string> read_at(std::uint64_t offset, std::uint64_t count) const;
  /// read_at into `bytes`, which is resized to `count` in the memory it holds when that is enough:
  /// a caller reading piece after piece into one string touches no fresh memory, and no byte is
  /// cleared first. False when they cannot all be read; `bytes` then holds nothing of worth.
  bool read_into(std::uint64_t offset, std::uint64_t count, std::string& bytes) const;
  /// The open file's device and inode, which tell whether a path still names it; nullopt if it is
  /// not open or cannot be asked.
  std::optional<std::pair<std::uint64_t, std::uint64_t>> file_id() const;

 private:
  int descriptor_ = -1;
};

/// Appends `bytes` to the file at `path` in one write at its end, when `path` still names the file
/// `expected` has open (the same device and inode, and no other name), that file is
/// `expected_size` bytes long, and no other process holds its lock (flock, held meanwhile). False,
/// with the file as it was, otherwise or when the write fails (a short write is cut off again).
/// Bytes before `expected_size` are never written: what a reader of `expected` relies on stays.
bool append_in_place(const std::string& path, const InputFile& expected, std::uint64_t expected_size,
                     std::string_view bytes);

/// The regular file at `path` held open, so that a rename onto its name, or its removal, leaves its
/// space taken until the holder is destroyed (when the system frees it: some 10 ms for 12 MB, work
/// a caller may want off its way); null when there is none, it cannot be opened or memory runs
/// out, or it is a link, a FIFO or a device, which are never opened (a FIFO would block). Never
/// throws.
std::shared_ptr<const void> hold_open(const std::string& path);

/// Writes `bytes` to `path`, replacing it. Returns the reason on failure ("No space left on
/// device"), nullopt once every byte is written and the file closed. Used by the writers, which
/// write only to temporary files that the pipeline renames.
std::optional<std::string> write_whole_file(const std::string& path, std::string_view bytes);

/// The bytes of the regular file at `path`, read whole; nullopt if it is no regular file or cannot
/// be read.
std::optional<std::string> read_whole_file(const std::string& path);

/// `path` with "." and ".." resolved without looking at any disk ("a/../b.png" → "b.png");
/// nullopt if it is absolute, climbs above the root, or is the root itself.
std::optional<std::string> lexically_inside(const std::string& path);

/// What a name in a folder is. A symbolic link counts as what it leads to when that is inside the
/// root; one that leads outside, or to a folder, is never followed.
enum class EntryKind { file, folder, link_outside, link_to_folder, other };

struct FolderEntry {
  std::string name;  ///< the name alone, no '/'
  EntryKind kind = EntryKind::other;
};

/// Orders two names of one folder; a strict weak order, as std::sort wants.
using NameOrder = bool (*)(std::string_view a, std::string_view b);

/// Folder nesting below the root that list_files descends into; deeper folders are left out with
/// an error. Real corpora nest a handful of levels; a loop of folders never ends without a bound.
inline constexpr int max_folder_depth = 32;
/// Files list_files returns at most; the rest are left out with an error. Ten times the largest
/// corpus measured (10,000 articles, with their images): more is a wrong folder, such as a home.
inline constexpr std::size_t max_listed_files = 100000;

/// How list_files walks the tree.
struct ListOptions {
  /// The order of the entries of one folder, files and folders together: natural order
  /// (core/natural_order.hpp: "ch2.md" before "ch10.md") unless the caller gives another.
  NameOrder order = natural_less;
  std::function<bool(const std::string& folder)> skip_folder = {};  ///< folders not to enter (may be empty)
};

/// Its const members may be called from several threads at once (import::read_corpus does).
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// The bytes of a regular file; nullopt if it is missing, not a regular file or unreadable.
  virtual std::optional<std::string> read_file(const std::string& path) const = 0;
  /// What names the bytes of the regular file at `path` without reading them, as long as it stays
  /// the same (core::settled_file_identity on disk); nullopt if it is missing, not a regular file,
  /// changed too recently to be trusted, or this file system cannot tell: then only reading tells.
  virtual std::optional<std::string> settled_identity(const std::string& path) const = 0;
  /// True if anything is at `path` (a file, a folder, even a broken link), so that a caller can
  /// tell "missing" from "cannot read" after read_file fails; false if nothing is.
  virtual bool exists(const std::string& path) const = 0;
  /// The entries directly in `folder` ("" for the root), in no particular order; empty if it is
  /// missing or cannot be read.
  virtual std::vector<FolderEntry> list_folder(const std::string& folder) const = 0;
  /// The regular files in the root and in its folders, at any depth, as '/'-separated paths
  /// relative to the root ("part-1/ch1.md"), in pre-order: each folder's entries, files and folders
  /// together, in `options.order`, a folder's files right where its name falls. Hidden files and
  /// folders (a name starting with '.') are skipped; symbolic links that lead outside the root or
  /// to a folder are not followed (a warning each); folders deeper than max_folder_depth and files
  /// beyond max_listed_files are left out with an error. Empty if there are none.
  std::vector<std::string> list_files(DiagnosticSink& sink, const ListOptions& options = {}) const;
  /// A short name for the root (the corpus folder's own name); "corpus" if it has none.
  virtual std::string root_name() const = 0;
  /// Where `path` leads once "." and ".." are resolved and every symbolic link is followed, as a
  /// '/'-separated path relative to the root; nullopt if that is outside the root (or the root
  /// itself). A path that does not exist still resolves, as far as it can.
  virtual std::optional<std::string> resolve_inside(const std::string& path) const = 0;
};

/// The corpus folder on disk, as it is found when this is made: a link in the root's own path is
/// resolved then, and every check and read is in the folder it led to. Never writes.
class DiskFileSystem final : public FileSystem {
 public:
  explicit DiskFileSystem(std::string root);
  std::optional<std::string> read_file(const std::string& path) const override;
  std::optional<std::string> settled_identity(const std::string& path) const override;
  bool exists(const std::string& path) const override;
  std::vector<FolderEntry> list_folder(const std::string& folder) const override;
  std::string root_name() const override;
  std::optional<std::string> resolve_inside(const std::string& path) const override;

 private:
  // Where paths are read from and checked against: the root with every link resolved, once, so
  // that what resolve_inside checked is what is read, even if a link in the root's path is changed
  // meanwhile (resolving the root for every article was most of resolve_inside's system calls);
  // the root as given when it is missing.
  std::filesystem::path base() const;

  std::string root_;
  std::string canonical_root_;  // empty when the root is missing
};

/// An in-memory tree, for tests: path → bytes. A folder exists when a path inside it does
/// ("sub/a.txt" makes "sub" a folder), and cannot be read as a file.
class MemoryFileSystem final : public FileSystem {
 public:
  explicit MemoryFileSystem(std::map<std::string, std::string> files, std::string name = "corpus");
  /// Makes `path` a symbolic link to `target`, relative to the root; a target that starts with "/"
  /// or climbs by ".." leads outside. Only resolve_inside and list_folder follow links.
  void add_link(std::string path, std::string target) { links_[std::move(path)] = std::move(target); }
  /// Gives the file at `path` a settled identity, which settled_identity returns while the file
  /// exists, whatever its bytes become: a test's stand-in for a file that has not changed.
  void set_identity(std::string path, std::string identity) { identities_[std::move(path)] = std::move(identity); }
  std::optional<std::string> read_file(const std::string& path) const override;
  std::optional<std::string> settled_identity(const std::string& path) const override;
  bool exists(const std::string& path) const override;
  std::vector<FolderEntry> list_folder(const std::string& folder) const override;
  std::string root_name() const override;
  std::optional<std::string> resolve_inside(const std::string& path) const override;

 private:
  std::map<std::string, std::string> files_;
  std::string name_;
  std::map<std::string, std::string> links_;
  std::map<std::string, std::string> identities_;
};

}  // namespace octavo::core
