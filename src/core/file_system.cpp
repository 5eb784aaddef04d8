#include "core/file_system.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <new>
#include <system_error>
#include <utility>

#include "core/file_identity.hpp"

namespace octavo::core {

namespace fs = std::filesystem;

// Through a POSIX descriptor and a buffer of its own; the failing calls set errno, so that the
// reason can be reported. A full disk often shows only when the buffer is written, so close() is
// checked too.
OutputFile::OutputFile(const std::string& path) {
  errno = 0;
  descriptor_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (descriptor_ < 0) {
    error_ = errno != 0 ? errno : EIO;
    return;
  }
  // Without the memory for it, every write goes to the file as it comes (nothing may throw here:
  // libzip's callback makes one).
  buffer_.reset(new (std::nothrow) char[output_buffer_size]);
  if (buffer_) capacity_ = output_buffer_size;
}

OutputFile::~OutputFile() {
  if (descriptor_ >= 0) {
    flush();
    ::close(descriptor_);
  }
}

bool OutputFile::fail(int error) {
  if (error_ == 0) error_ = error != 0 ? error : EIO;
  return false;
}

bool OutputFile::write_at(std::uint64_t offset, std::string_view bytes) {
  if (offset > static_cast<std::uint64_t>(std::numeric_limits<off_t>::max())) return fail(EINVAL);
  if (offset != descriptor_at_) {
    errno = 0;
    if (::lseek(descriptor_, static_cast<off_t>(offset), SEEK_SET) < 0) return fail(errno);
    descriptor_at_ = offset;
  }
  while (!bytes.empty()) {
    errno = 0;
    const ssize_t written = ::write(descriptor_, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return fail(errno);
    bytes.remove_prefix(static_cast<std::size_t>(written));
    descriptor_at_ += static_cast<std::uint64_t>(written);
  }
  return true;
}

bool OutputFile::flush() {
  if (error_ != 0) return false;
  if (buffered_ == 0) return true;
  const bool written = write_at(buffer_start_, {buffer_.get(), buffered_});
  buffer_start_ += cursor_;
  buffered_ = cursor_ = 0;
  return written;
}

bool OutputFile::write(std::string_view piece) {
  if (error_ != 0 || descriptor_ < 0) return false;  // failed, or closed
  if (piece.empty()) return true;
  if (piece.size() <= capacity_ - cursor_) {
    std::memcpy(buffer_.get() + cursor_, piece.data(), piece.size());
    cursor_ += piece.size();
    buffered_ = std::max(buffered_, cursor_);
    return true;
  }
  // What is gathered goes first; then the piece is gathered anew, or written as it is when it
  // would fill a buffer alone.
  if (!flush()) return false;
  if (piece.size() <= capacity_) return write(piece);
  if (!write_at(buffer_start_, piece)) return false;
  buffer_start_ += piece.size();
  return true;
}

bool OutputFile::seek(std::uint64_t offset) {
  if (error_ != 0 || descriptor_ < 0) return false;
  if (offset > static_cast<std::uint64_t>(std::numeric_limits<off_t>::max())) return fail(EINVAL);
  if (offset >= buffer_start_ && offset - buffer_start_ <= buffered_) {
    cursor_ = static_cast<std::size_t>(offset - buffer_start_);
    return true;
  }
  if (!flush()) return false;
  buffer_start_ = offset;
  return true;
}

std::optional<std::string> OutputFile::close() {
  if (descriptor_ >= 0) {
    flush();
    errno = 0;
    if (::close(descriptor_) != 0) fail(errno);
    descriptor_ = -1;
  }
  if (error_ == 0) return std::nullopt;
  return std::generic_category().message(error_);
}

// Through POSIX descriptors: pread reads at an offset without a shared position, so reads need no
// lock and no seek, and nothing is buffered twice.
InputFile::InputFile(const std::string& path) : descriptor_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}

InputFile::~InputFile() {
  if (descriptor_ >= 0) ::close(descriptor_);
}

InputFile::InputFile(InputFile&& other) noexcept : descriptor_(std::exchange(other.descriptor_, -1)) {}

InputFile& InputFile::operator=(InputFile&& other) noexcept {
  if (this != &other) {
    if (descriptor_ >= 0) ::close(descriptor_);
    descriptor_ = std::exchange(other.descriptor_, -1);
  }
  return *this;
}

std::optional<std::uint64_t> InputFile::size() const {
  struct stat status {};
  if (descriptor_ < 0 || ::fstat(descriptor_, &status) != 0 || status.st_size < 0) return std::nullopt;
  return static_cast<std::uint64_t>(status.st_size);
}

std::optional<std::pair<std::uint64_t, std::uint64_t>> InputFile::file_id() const {
  struct stat status {};
  if (descriptor_ < 0 || ::fstat(descriptor_, &status) != 0) return std::nullopt;
  return std::pair<std::uint64_t, std::uint64_t>(status.st_dev, status.st_ino);
}

bool append_in_place(const std::string& path, const InputFile& expected, std::uint64_t expected_size,
                     std::string_view bytes) {
  const std::optional<std::pair<std::uint64_t, std::uint64_t>> expected_id = expected.file_id();
  if (!expected_id) return false;
  const int descriptor = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (descriptor < 0) return false;
  bool appended = false;
  struct stat status {};
  // The lock keeps two processes from appending at once; it goes with the descriptor. A file with
  // another name too (a snapshot made with hard links) would change under that name as well.
  if (::flock(descriptor, LOCK_EX | LOCK_NB) == 0 && ::fstat(descriptor, &status) == 0 &&
      *expected_id == std::pair<std::uint64_t, std::uint64_t>(status.st_dev, status.st_ino) && status.st_nlink == 1 &&
      static_cast<std::uint64_t>(status.st_size) == expected_size) {
    ssize_t written = -1;
    do {
      written = ::pwrite(descriptor, bytes.data(), bytes.size(), static_cast<off_t>(expected_size));
    } while (written < 0 && errno == EINTR);
    appended = written == static_cast<ssize_t>(bytes.size());
    if (!appended) {
      // A short write (a full disk) is cut off, so that the file ends where it did; should that
      // fail too, the caller's readers find bytes after the end they knew.
      const int cut = ::ftruncate(descriptor, static_cast<off_t>(expected_size));
      static_cast<void>(cut);
    }
  }
  ::close(descriptor);
  return appended;
}

std::optional<std::string> InputFile::read_at(std::uint64_t offset, std::uint64_t count) const {
  std::string bytes;
  if (!read_into(offset, count, bytes)) return std::nullopt;
  return bytes;
}

bool InputFile::read_into(std::uint64_t offset, std::uint64_t count, std::string& bytes) const {
  if (descriptor_ < 0 || count > std::numeric_limits<std::size_t>::max() / 2 ||
      offset > static_cast<std::uint64_t>(std::numeric_limits<off_t>::max()) - count) {
    return false;
  }
  // Only what grows past the string's present size is cleared by resize; pread overwrites it all.
  bytes.resize(static_cast<std::size_t>(count));
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t read =
        ::pread(descriptor_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(offset + done));
    if (read < 0 && errno == EINTR) continue;
    if (read <= 0) return false;  // an error, or the end before `count` bytes
    done += static_cast<std::size_t>(read);
  }
  return true;
}

std::shared_ptr<const void> hold_open(const std::string& path) {
  struct Held {
    explicit Held(int held) : descriptor(held) {}
    Held(const Held&) = delete;
    Held& operator=(const Held&) = delete;
    ~Held() { ::close(descriptor); }
    int descriptor;
  };
  // Looked at first, so that a device or a FIFO is never opened (opening some has effects); then
  // looked at again once open, in case the name changed hands between the two.
  struct stat status {};
  if (::lstat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) return nullptr;
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (descriptor < 0) return nullptr;
  if (::fstat(descriptor, &status) != 0 || !S_ISREG(status.st_mode)) {
    ::close(descriptor);
    return nullptr;
  }
  try {
    return std::make_shared<const Held>(descriptor);
  } catch (const std::bad_alloc&) {  // no memory, so no Held either: the file is let go at once
    ::close(descriptor);
    return nullptr;
  }
}

std::optional<std::string> write_whole_file(const std::string& path, std::string_view bytes) {
  OutputFile file(path);
  file.write(bytes);
  return file.close();
}

DiskFileSystem::DiskFileSystem(std::string root) : root_(std::move(root)) {
  std::error_code ec;
  const fs::path canonical = fs::canonical(fs::path(root_), ec);
  if (!ec) canonical_root_ = canonical.string();
}

fs::path DiskFileSystem::base() const { return fs::path(canonical_root_.empty() ? root_ : canonical_root_); }

std::optional<std::string> DiskFileSystem::read_file(const std::string& path) const {
  return read_whole_file((base() / path).string());
}

std::optional<std::string> DiskFileSystem::settled_identity(const std::string& path) const {
  // Should the clock fail, `now` stays at 1970 and no file counts as settled: every one is read.
  timespec now{};
  ::clock_gettime(CLOCK_REALTIME, &now);
  return settled_file_identity((base() / path).string(), now);
}

bool DiskFileSystem::exists(const std::string& path) const {
  std::error_code ec;
  // symlink_status, not status: a link to nothing is still something the user put there.
  const fs::file_status status = fs::symlink_status(base() / path, ec);
  return !ec && fs::exists(status);
}

std::vector<FolderEntry> DiskFileSystem::list_folder(const std::string& folder) const {
  std::vector<FolderEntry> entries;
  std::error_code ec;
  const fs::path path = folder.empty() ? base() : base() / folder;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    FolderEntry entry{it->path().filename().string(), EntryKind::other};
    std::error_code type_ec;
    if (it->is_symlink(type_ec)) {
      const std::string inside = folder.empty() ? entry.name : folder + "/" + entry.name;
      if (!resolve_inside(inside)) {
        entry.kind = EntryKind::link_outside;
      } else if (it->is_directory(type_ec)) {
        entry.kind = EntryKind::link_to_folder;
      } else if (it->is_regular_file(type_ec)) {
        entry.kind = EntryKind::file;
      }
    } else if (it->is_directory(type_ec)) {
      entry.kind = EntryKind::folder;
    } else if (it->is_regular_file(type_ec)) {
      entry.kind = EntryKind::file;
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::string DiskFileSystem::root_name() const {
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(fs::path(root_), ec);
  if (ec) absolute = fs::path(root_);
  std::string name = absolute.filename().string();
  if (name.empty() || name == "." || name == "..") name = absolute.parent_path().filename().string();
  return name.empty() ? "corpus" : name;
}

// In large reads, not a stream read a character at a time (which cost a build of 1,000 articles a
// tenth of its time). The size found first is only a guess (the file may change meanwhile), so the
// reading goes on to the end, unless the file gave exactly that size and then stopped short.
std::optional<std::string> read_whole_file(const std::string& path) {
  // One stat of the path, for its kind and size, then the reads: status, fopen, file_size and
  // stdio looked the path up three times and read once more. A build reads every article, and on
  // the 2-core VM a system call costs microseconds. The kind is known before the file is opened,
  // so that a FIFO or a device is never opened (a FIFO would wait for a writer, a tape rewind).
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) return std::nullopt;
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (descriptor < 0) return std::nullopt;
  struct Closer {
    int descriptor;
    ~Closer() { ::close(descriptor); }
  } const closer{descriptor};
  constexpr std::size_t block = std::size_t{1} << 16;
  std::string bytes;
  // One more than the size: the end is seen at once. A file that grew meanwhile, or whose size the
  // system does not give (/proc), is read in growing steps to its end.
  bytes.resize(static_cast<std::size_t>(status.st_size) + 1);
  std::size_t filled = 0;
  while (true) {
    const std::size_t asked = bytes.size() - filled;
    const ssize_t got = ::read(descriptor, bytes.data() + filled, asked);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return std::nullopt;
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
    // A regular file gives less than asked only at its end (a network or FUSE file system may
    // give less sooner, hence the size too): once it has given the size it had when looked at,
    // a short read is the end, and a read to see it would be one more system call a file.
    if (static_cast<std::size_t>(got) < asked && filled == static_cast<std::size_t>(status.st_size)) break;
    if (filled == bytes.size()) bytes.resize(bytes.size() + std::max(block, bytes.size() / 2));
  }
  bytes.resize(filled);
  return bytes;
}

std::optional<std::string> lexically_inside(const std::string& path) {
  const fs::path normal = fs::path(path).lexically_normal();
  if (normal.is_absolute() || normal.empty() || normal == ".") return std::nullopt;
  if (*normal.begin() == "..") return std::nullopt;
  return normal.generic_string();
}

namespace {

// Walks the tree depth first, each folder's entries in the given order, so that the files of a
// folder and of its sub-folders come out together (the corpus's parts need them consecutive).
class Lister {
 public:
  Lister(const FileSystem& files, DiagnosticSink& sink, const ListOptions& options)
      : files_(files), sink_(sink), options_(options) {}

  std::vector<std::string> list() {
    walk("", 0);
    return std::move(listed_);
  }

 private:
  void walk(const std::string& folder, int depth) {
    std::vector<FolderEntry> entries = files_.list_folder(folder);
    const NameOrder order = options_.order;
    std::sort(entries.begin(), entries.end(),
              [order](const FolderEntry& a, const FolderEntry& b) { return order(a.name, b.name); });
    for (const FolderEntry& entry : entries) {
      // Hidden files and folders (".git", ".DS_Store", macOS "._x.md") are never meant as content.
      if (entry.name.empty() || entry.name.front() == '.') continue;
      const std::string path = folder.empty() ? entry.name : folder + "/" + entry.name;
      switch (entry.kind) {
        case EntryKind::file:
          if (listed_.size() == max_listed_files) {
            if (!warned_count_) {
              sink_.error({path, 0, 0},
                          "expected at most " + std::to_string(max_listed_files) +
                              " files in the corpus, found more; the rest are left out",
                          "is this the corpus folder you meant?");
            }
            warned_count_ = true;
            return;
          }
          listed_.push_back(path);
          break;
        case EntryKind::folder:
          if (options_.skip_folder && options_.skip_folder(path)) break;
          if (depth + 1 > max_folder_depth) {
            sink_.error({path, 0, 0}, "folder nested more than " + std::to_string(max_folder_depth) +
                                          " levels deep; its files are left out");
            break;
          }
          walk(path, depth + 1);
          break;
        // A link out would let a corpus read any file of the machine; a link to a folder inside
        // lists files twice, or forever when it points at its own parent.
        case EntryKind::link_outside:
          sink_.warning({path, 0, 0}, "symbolic link to outside the corpus; it is not followed");
          break;
        case EntryKind::link_to_folder:
          sink_.warning({path, 0, 0}, "symbolic link to a folder; it is not followed",
                        "the folder's own files are read where they are");
          break;
        case EntryKind::other: break;
      }
    }
  }

  const FileSystem& files_;
  DiagnosticSink& sink_;
  const ListOptions& options_;
  std::vector<std::string> listed_;
  bool warned_count_ = false;
};

}  // namespace

std::vector<std::string> FileSystem::list_files(DiagnosticSink& sink, const ListOptions& options) const {
  return Lister(*this, sink, options).list();
}

namespace {

// True when every part of `relative` (lexically normal, inside `root`) exists and none is a link:
// the path is then its own answer, found with one lstat a part. A link, a missing part or a
// trailing slash (which follows a link) is left to weakly_canonical.
bool has_no_link_along(const fs::path& root, const std::string& relative) {
  if (relative.ends_with('/')) return false;
  fs::path full = root;
  for (const fs::path& part : fs::path(relative)) {
    full /= part;
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(full, ec);
    if (ec || !fs::exists(status) || fs::is_symlink(status)) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> DiskFileSystem::resolve_inside(const std::string& path) const {
  std::optional<std::string> relative = lexically_inside(path);
  if (!relative) return std::nullopt;
  if (canonical_root_.empty()) return std::nullopt;
  const fs::path root(canonical_root_);
  // The root has no link left in it, so a path with none along it stays inside as it is.
  if (has_no_link_along(root, *relative)) return relative;
  std::error_code ec;
  // weakly_canonical follows every link in the part of the path that exists.
  const fs::path full = fs::weakly_canonical(root / *relative, ec);
  if (ec) return std::nullopt;
  return lexically_inside(full.lexically_relative(root).generic_string());
}

MemoryFileSystem::MemoryFileSystem(std::map<std::string, std::string> files, std::string name)
    : files_(std::move(files)), name_(std::move(name)) {}

std::optional<std::string> MemoryFileSystem::resolve_inside(const std::string& path) const {
  std::optional<std::string> resolved = lexically_inside(path);
  // A link anywhere along the path ("out/x.md" through the link "out") is replaced by its target,
  // and links to links a few times more, as far as tests need; a cycle stays where it is.
  for (int hops = 0; resolved && hops < 8; ++hops) {
    bool followed = false;
    for (std::size_t end = 0; end != std::string::npos && !followed;) {
      end = resolved->find('/', end + 1);
      const auto link = links_.find(resolved->substr(0, end));
      if (link == links_.end()) continue;
      const std::string rest = end == std::string::npos ? std::string() : resolved->substr(end);
      resolved = lexically_inside(link->second + rest);
      followed = true;
    }
    if (!followed) break;
  }
  return resolved;
}

std::optional<std::string> MemoryFileSystem::read_file(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> MemoryFileSystem::settled_identity(const std::string& path) const {
  const auto identity = identities_.find(path);
  if (identity == identities_.end() || !files_.contains(path)) return std::nullopt;
  return identity->second;
}

bool MemoryFileSystem::exists(const std::string& path) const {
  if (files_.contains(path)) return true;
  // The first key after "path/" is inside that folder if the folder has anything in it.
  const std::string folder = path + "/";
  auto inside = files_.lower_bound(folder);
  return inside != files_.end() && inside->first.starts_with(folder);
}

std::vector<FolderEntry> MemoryFileSystem::list_folder(const std::string& folder) const {
  std::vector<FolderEntry> entries;
  const std::string prefix = folder.empty() ? std::string() : folder + "/";
  // The map is sorted, so the paths inside a folder are consecutive, and so are those of each
  // of its sub-folders.
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.starts_with(prefix); ++it) {
    const std::string rest = it->first.substr(prefix.size());
    const std::size_t slash = rest.find('/');
    if (slash == std::string::npos) {
      entries.push_back({rest, EntryKind::file});
    } else if (entries.empty() || entries.back().name != rest.substr(0, slash) ||
               entries.back().kind != EntryKind::folder) {
      entries.push_back({rest.substr(0, slash), EntryKind::folder});
    }
  }
  for (const auto& [path, target] : links_) {
    if (!path.starts_with(prefix) || path.find('/', prefix.size()) != std::string::npos) continue;
    FolderEntry entry{path.substr(prefix.size()), EntryKind::link_outside};
    if (const std::optional<std::string> resolved = resolve_inside(path)) {
      entry.kind = files_.contains(*resolved) ? EntryKind::file
                   : exists(*resolved)        ? EntryKind::link_to_folder
                                              : EntryKind::other;
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::string MemoryFileSystem::root_name() const { return name_; }

}  // namespace octavo::core
