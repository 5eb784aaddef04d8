#include "epub/zip_container.hpp"

#include <zip.h>

#include <cerrno>
#include <cstdio>
#include <ctime>
#include <deque>
#include <optional>
#include <string>

#include "core/file_system.hpp"
#include "core/runtime_library.hpp"

namespace octavo::epub {
namespace {

// libzip's functions, taken from the library when the first EPUB is written rather than linked:
// loading libzip at start, with the libcrypto and libbz2 it needs, took 2 ms of every run (a
// twentieth of building corpus/), `--format pdf` and `octavo check` included. libzip4 is
// installed with libzip-dev; should it be missing, the EPUB fails with the loader's reason.
struct Libzip {
  decltype(&::zip_close) zip_close = nullptr;
  decltype(&::zip_discard) zip_discard = nullptr;
  decltype(&::zip_error_fini) zip_error_fini = nullptr;
  decltype(&::zip_error_init) zip_error_init = nullptr;
  decltype(&::zip_error_set) zip_error_set = nullptr;
  decltype(&::zip_error_strerror) zip_error_strerror = nullptr;
  decltype(&::zip_error_to_data) zip_error_to_data = nullptr;
  decltype(&::zip_file_add) zip_file_add = nullptr;
  decltype(&::zip_file_set_external_attributes) zip_file_set_external_attributes = nullptr;
  decltype(&::zip_file_set_mtime) zip_file_set_mtime = nullptr;
  decltype(&::zip_open_from_source) zip_open_from_source = nullptr;
  decltype(&::zip_set_file_compression) zip_set_file_compression = nullptr;
  decltype(&::zip_source_buffer) zip_source_buffer = nullptr;
  decltype(&::zip_source_free) zip_source_free = nullptr;
  decltype(&::zip_source_function) zip_source_function = nullptr;
  decltype(&::zip_source_function_create) zip_source_function_create = nullptr;
  decltype(&::zip_source_make_command_bitmap) zip_source_make_command_bitmap = nullptr;
  decltype(&::zip_source_seek_compute_offset) zip_source_seek_compute_offset = nullptr;
  decltype(&::zip_stat_init) zip_stat_init = nullptr;
  decltype(&::zip_strerror) zip_strerror = nullptr;
  std::string problem;  ///< why libzip cannot be used; empty if it can
};

Libzip open_libzip() {
  Libzip lz;
  const core::RuntimeLibrary library(OCTAVO_LIBZIP_SONAME, lz.problem);  // libzip.so.4 on Debian 12
  library.bind(lz.zip_close, "zip_close");
  library.bind(lz.zip_discard, "zip_discard");
  library.bind(lz.zip_error_fini, "zip_error_fini");
  library.bind(lz.zip_error_init, "zip_error_init");
  library.bind(lz.zip_error_set, "zip_error_set");
  library.bind(lz.zip_error_strerror, "zip_error_strerror");
  library.bind(lz.zip_error_to_data, "zip_error_to_data");
  library.bind(lz.zip_file_add, "zip_file_add");
  library.bind(lz.zip_file_set_external_attributes, "zip_file_set_external_attributes");
  library.bind(lz.zip_file_set_mtime, "zip_file_set_mtime");
  library.bind(lz.zip_open_from_source, "zip_open_from_source");
  library.bind(lz.zip_set_file_compression, "zip_set_file_compression");
  library.bind(lz.zip_source_buffer, "zip_source_buffer");
  library.bind(lz.zip_source_free, "zip_source_free");
  library.bind(lz.zip_source_function, "zip_source_function");
  library.bind(lz.zip_source_function_create, "zip_source_function_create");
  library.bind(lz.zip_source_make_command_bitmap, "zip_source_make_command_bitmap");
  library.bind(lz.zip_source_seek_compute_offset, "zip_source_seek_compute_offset");
  library.bind(lz.zip_stat_init, "zip_stat_init");
  library.bind(lz.zip_strerror, "zip_strerror");
  return lz;
}

// Opened at the first call (thread-safe: a function-local static), never closed.
const Libzip& libzip() {
  static const Libzip opened = open_libzip();
  return opened;
}

// What ZIP_SOURCE_GET_ARGS does, through the opened library: a source callback's argument block
// as a `T`, or null, with the error set, when the block is too short for one.
template <typename T>
T* source_arguments(void* data, zip_uint64_t length, zip_error_t* error) {
  if (length < sizeof(T)) {
    libzip().zip_error_set(error, ZIP_ER_INVAL, 0);
    return nullptr;
  }
  return static_cast<T*>(data);
}

constexpr const char* mimetype_path = "mimetype";
constexpr char mimetype_content[] = "application/epub+zip";

// rw-r--r-- on a regular file, in the high 16 bits of the external attributes as Unix zip tools
// write them; without this the bytes would depend on nothing but still differ from tool to tool.
constexpr zip_uint32_t entry_attributes = 0100644u << 16;

// What libzip's own deflate layer reports for an entry it compresses at level 6 (core::deflate's):
// "version needed to extract" 2.0, and general purpose bits 1–2 clear, "normal compression"
// (APPNOTE.TXT §4.4.3, §4.4.4). An entry deflated beforehand must say the same, or the archive
// would differ from the one libzip makes when it deflates.
constexpr zip_uint8_t deflate_version_needed = 20;
constexpr zip_uint16_t compression_option_bits = 0x0006;
constexpr zip_uint16_t normal_compression = 0x0000;

// DOS timestamps hold local time: libzip turns the time_t into fields with localtime(), so one
// time_t gives different bytes under different TZ values. mktime() on a fixed local struct tm
// makes localtime() give back the same fields in every zone. Noon on 1 January 2000 is far from
// any daylight-saving change.
std::time_t fixed_entry_time() {
  std::tm fixed{};
  fixed.tm_year = 2000 - 1900;
  fixed.tm_mon = 0;
  fixed.tm_mday = 1;
  fixed.tm_hour = 12;
  fixed.tm_isdst = -1;
  return std::mktime(&fixed);
}

// One entry's deflated bytes as a libzip source. Its stat names the method, both sizes and the
// CRC, so zip_close copies the bytes as they are: libzip 1.7.3 (add_data in zip_close.c)
// recompresses only when the source's method differs from the entry's, and takes the CRC and the
// size from the stat when the data arrives compressed. libzip never throws through here: every
// answer is a return value.
class DeflatedSource {
 public:
  explicit DeflatedSource(const core::DeflatedBytes& bytes) : bytes_(bytes) { libzip().zip_error_init(&error_); }
  ~DeflatedSource() { libzip().zip_error_fini(&error_); }
  DeflatedSource(const DeflatedSource&) = delete;
  DeflatedSource& operator=(const DeflatedSource&) = delete;

  static zip_int64_t callback(void* self, void* data, zip_uint64_t length, zip_source_cmd_t command) {
    return static_cast<DeflatedSource*>(self)->answer(data, length, command);
  }

 private:
  zip_int64_t answer(void* data, zip_uint64_t length, zip_source_cmd_t command) {
    switch (command) {
      case ZIP_SOURCE_OPEN: offset_ = 0; return 0;
      case ZIP_SOURCE_READ: {
        const std::size_t left = bytes_.compressed.size() - offset_;
        const std::size_t count = length < left ? static_cast<std::size_t>(length) : left;
        bytes_.compressed.copy(static_cast<char*>(data), count, offset_);
        offset_ += count;
        return static_cast<zip_int64_t>(count);
      }
      case ZIP_SOURCE_CLOSE:
      case ZIP_SOURCE_FREE:  // the container owns the bytes and this object
        return 0;
      case ZIP_SOURCE_STAT: {
        zip_stat_t* stat = source_arguments<zip_stat_t>(data, length, &error_);
        if (stat == nullptr) return -1;
        libzip().zip_stat_init(stat);
        stat->valid =
            ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC | ZIP_STAT_ENCRYPTION_METHOD;
        stat->size = bytes_.size;
        stat->comp_size = bytes_.compressed.size();
        stat->comp_method = ZIP_CM_DEFLATE;
        stat->crc = bytes_.crc32;
        stat->encryption_method = ZIP_EM_NONE;
        return sizeof(zip_stat_t);
      }
      case ZIP_SOURCE_GET_FILE_ATTRIBUTES: {
        zip_file_attributes_t* attributes = source_arguments<zip_file_attributes_t>(data, length, &error_);
        if (attributes == nullptr) return -1;
        attributes->valid |= ZIP_FILE_ATTRIBUTES_VERSION_NEEDED | ZIP_FILE_ATTRIBUTES_GENERAL_PURPOSE_BIT_FLAGS;
        attributes->version_needed = deflate_version_needed;
        attributes->general_purpose_bit_mask = compression_option_bits;
        attributes->general_purpose_bit_flags = normal_compression;
        return sizeof(zip_file_attributes_t);
      }
      case ZIP_SOURCE_ERROR: return libzip().zip_error_to_data(&error_, data, length);
      case ZIP_SOURCE_SUPPORTS:
        return libzip().zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                                       ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                                       ZIP_SOURCE_SUPPORTS, ZIP_SOURCE_GET_FILE_ATTRIBUTES, -1);
      default: libzip().zip_error_set(&error_, ZIP_ER_OPNOTSUPP, 0); return -1;
    }
  }

  const core::DeflatedBytes& bytes_;
  std::size_t offset_ = 0;
  zip_error_t error_;
};

// The archive's own source: libzip writes the archive through it straight into the output file,
// going back over each local header once its entry's sizes are known. It starts as a file that
// does not exist (stat answers ENOENT, so zip_open_from_source makes a new archive and reads
// nothing); BEGIN_WRITE creates the file, COMMIT_WRITE closes it, and ROLLBACK_WRITE, which
// zip_close calls after any failure, removes it. libzip's own file source would write to a
// temporary name of its own beside `path`, which our signal handler does not know of.
class ArchiveFile {
 public:
  explicit ArchiveFile(std::string path) : path_(std::move(path)) { libzip().zip_error_init(&error_); }
  ~ArchiveFile() {
    discard();
    libzip().zip_error_fini(&error_);
  }
  ArchiveFile(const ArchiveFile&) = delete;
  ArchiveFile& operator=(const ArchiveFile&) = delete;

  static zip_int64_t callback(void* self, void* data, zip_uint64_t length, zip_source_cmd_t command) {
    return static_cast<ArchiveFile*>(self)->answer(data, length, command);
  }

  /// Why the file could not be written ("No space left on device"); nullopt if it never failed.
  const std::optional<std::string>& failure() const { return failure_; }

 private:
  zip_int64_t answer(void* data, zip_uint64_t length, zip_source_cmd_t command) {
    switch (command) {
      case ZIP_SOURCE_STAT: libzip().zip_error_set(&error_, ZIP_ER_READ, ENOENT); return -1;
      case ZIP_SOURCE_BEGIN_WRITE:
        file_.emplace(path_);
        created_ = file_->ok();
        position_ = 0;
        size_ = 0;
        return file_->ok() ? 0 : failed();
      case ZIP_SOURCE_WRITE:
        if (!file_->write({static_cast<const char*>(data), static_cast<std::size_t>(length)})) return failed();
        position_ += length;
        if (position_ > size_) size_ = position_;
        return static_cast<zip_int64_t>(length);
      case ZIP_SOURCE_SEEK_WRITE: {
        const zip_int64_t target = libzip().zip_source_seek_compute_offset(position_, size_, data, length, &error_);
        if (target < 0) return -1;
        if (!file_->seek(static_cast<std::uint64_t>(target))) return failed();
        position_ = static_cast<std::uint64_t>(target);
        return 0;
      }
      case ZIP_SOURCE_TELL_WRITE: return static_cast<zip_int64_t>(position_);
      case ZIP_SOURCE_COMMIT_WRITE:
        if (std::optional<std::string> reason = file_->close()) {
          failure_ = std::move(reason);
          libzip().zip_error_set(&error_, ZIP_ER_WRITE, 0);
          return -1;
        }
        file_.reset();
        created_ = false;  // complete: the caller's now
        return 0;
      case ZIP_SOURCE_ROLLBACK_WRITE:
      case ZIP_SOURCE_REMOVE: discard(); return 0;
      case ZIP_SOURCE_FREE:  // write() owns this object
        return 0;
      case ZIP_SOURCE_ERROR: return libzip().zip_error_to_data(&error_, data, length);
      case ZIP_SOURCE_SUPPORTS:
        // zip_open_from_source wants a seekable, writable source; reading is never asked of a new
        // archive, and the default case refuses it.
        return libzip().zip_source_make_command_bitmap(
            ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
            ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_SUPPORTS, ZIP_SOURCE_BEGIN_WRITE, ZIP_SOURCE_COMMIT_WRITE,
            ZIP_SOURCE_ROLLBACK_WRITE, ZIP_SOURCE_WRITE, ZIP_SOURCE_SEEK_WRITE, ZIP_SOURCE_TELL_WRITE,
            ZIP_SOURCE_REMOVE, -1);
      default: libzip().zip_error_set(&error_, ZIP_ER_OPNOTSUPP, 0); return -1;
    }
  }

  // Keeps the first reason the file failed (OutputFile keeps it until close) for the diagnostic.
  zip_int64_t failed() {
    if (!failure_) failure_ = file_->close();
    file_.reset();
    libzip().zip_error_set(&error_, ZIP_ER_WRITE, 0);
    return -1;
  }

  // Closes and removes a file that was begun but not completed.
  void discard() {
    file_.reset();
    if (created_) std::remove(path_.c_str());
    created_ = false;
  }

  std::string path_;
  std::optional<core::OutputFile> file_;
  bool created_ = false;  ///< a file of ours is at path_ and is not complete
  std::uint64_t position_ = 0;
  std::uint64_t size_ = 0;
  std::optional<std::string> failure_;
  zip_error_t error_;
};

class ArchiveBuilder {
 public:
  ArchiveBuilder(const std::string& path, core::DiagnosticSink& sink) : file_(path), path_(path), sink_(sink) {}
  ArchiveBuilder(const ArchiveBuilder&) = delete;
  ArchiveBuilder& operator=(const ArchiveBuilder&) = delete;
  ~ArchiveBuilder() {
    if (archive_ != nullptr) libzip().zip_discard(archive_);
  }

  bool open() {
    zip_error_t error;
    libzip().zip_error_init(&error);
    zip_source_t* file = libzip().zip_source_function_create(&ArchiveFile::callback, &file_, &error);
    if (file == nullptr) return fail(libzip().zip_error_strerror(&error), &error);
    archive_ = libzip().zip_open_from_source(file, ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (archive_ == nullptr) {
      libzip().zip_source_free(file);
      return fail(libzip().zip_error_strerror(&error), &error);
    }
    libzip().zip_error_fini(&error);
    return true;
  }

  // zip_source_buffer does not copy: `content` must outlive close().
  bool add_stored(const char* path, const char* content, std::size_t size) {
    zip_source_t* source = libzip().zip_source_buffer(archive_, content, size, 0);
    if (source == nullptr) return fail(libzip().zip_strerror(archive_));
    return add(path, source, ZIP_CM_STORE);
  }

  // `bytes` must outlive close(), as must the source made for it (kept in sources_).
  bool add_deflated(const std::string& path, const core::DeflatedBytes& bytes) {
    DeflatedSource& reader = sources_.emplace_back(bytes);
    zip_source_t* source = libzip().zip_source_function(archive_, &DeflatedSource::callback, &reader);
    if (source == nullptr) return fail(libzip().zip_strerror(archive_));
    return add(path, source, ZIP_CM_DEFLATE);
  }

  bool close() {
    if (libzip().zip_close(archive_) == 0) {
      archive_ = nullptr;
      return true;
    }
    if (const std::optional<std::string>& reason = file_.failure()) {
      sink_.error({path_, 0, 0}, "cannot write the EPUB file: " + *reason);
      return false;
    }
    return fail(libzip().zip_strerror(archive_));
  }

 private:
  bool add(const std::string& path, zip_source_t* source, zip_int32_t method) {
    const zip_int64_t index = libzip().zip_file_add(archive_, path.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      libzip().zip_source_free(source);
      return fail(std::string(libzip().zip_strerror(archive_)) + " (" + path + ")");
    }
    const auto entry = static_cast<zip_uint64_t>(index);
    if (libzip().zip_set_file_compression(archive_, entry, method, 0) < 0 ||
        libzip().zip_file_set_mtime(archive_, entry, entry_time_, 0) < 0 ||
        libzip().zip_file_set_external_attributes(archive_, entry, 0, ZIP_OPSYS_UNIX, entry_attributes) < 0) {
      return fail(libzip().zip_strerror(archive_));
    }
    return true;
  }

  bool fail(const std::string& message, zip_error_t* error = nullptr) {
    sink_.error({}, "cannot build the epub archive: " + message);
    if (error != nullptr) libzip().zip_error_fini(error);
    return false;
  }

  // Declared before archive_, so destroyed after it: zip_discard frees the sources, which call back.
  ArchiveFile file_;
  std::deque<DeflatedSource> sources_;  // a deque never moves its elements, which libzip points to
  zip_t* archive_ = nullptr;
  const std::string& path_;
  core::DiagnosticSink& sink_;
  std::time_t entry_time_ = fixed_entry_time();
};

}  // namespace

void ZipContainer::add(std::string path, core::DeflatedBytes bytes) {
  entries_.push_back({std::move(path), std::move(bytes)});
}

bool ZipContainer::write(const std::string& path, core::DiagnosticSink& sink) const {
  if (const std::string& problem = libzip().problem; !problem.empty()) {
    sink.error({path, 0, 0}, "cannot write the EPUB: libzip cannot be loaded: " + problem,
               "install libzip4 (Debian), or build only the PDF with --format pdf");
    return false;
  }
  ArchiveBuilder builder(path, sink);
  if (!builder.open()) return false;
  // OCF §4.2.2 (EPUB 3.3 §4.2.6.2): mimetype comes first, uncompressed, with no extra field, so
  // that its content sits at byte 38 for file-type sniffing.
  if (!builder.add_stored(mimetype_path, mimetype_content, sizeof mimetype_content - 1)) return false;
  for (const Entry& entry : entries_) {
    if (!builder.add_deflated(entry.path, entry.bytes)) return false;
  }
  return builder.close();
}

}  // namespace octavo::epub
