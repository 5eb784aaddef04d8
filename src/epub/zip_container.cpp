#include "epub/zip_container.hpp"

#include <zip.h>

#include <cstdio>
#include <ctime>

namespace octavo::epub {
namespace {

constexpr const char* mimetype_path = "mimetype";
constexpr char mimetype_content[] = "application/epub+zip";

// rw-r--r-- on a regular file, in the high 16 bits of the external attributes as Unix zip tools
// write them; without this the bytes would depend on nothing but still differ from tool to tool.
constexpr zip_uint32_t entry_attributes = 0100644u << 16;

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

class ArchiveBuilder {
 public:
  explicit ArchiveBuilder(core::DiagnosticSink& sink) : sink_(sink) {}
  ArchiveBuilder(const ArchiveBuilder&) = delete;
  ArchiveBuilder& operator=(const ArchiveBuilder&) = delete;
  ~ArchiveBuilder() {
    if (archive_ != nullptr) zip_discard(archive_);
    if (buffer_ != nullptr) zip_source_free(buffer_);
  }

  bool open() {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (buffer == nullptr) return fail(zip_error_strerror(&error), &error);
    archive_ = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (archive_ == nullptr) {
      zip_source_free(buffer);
      return fail(zip_error_strerror(&error), &error);
    }
    // The archive owns one reference and drops it in zip_close; ours keeps the bytes readable.
    zip_source_keep(buffer);
    buffer_ = buffer;
    return true;
  }

  // zip_source_buffer does not copy: `content` must outlive close().
  bool add(const std::string& path, const char* content, std::size_t size, zip_int32_t method) {
    zip_source_t* source = zip_source_buffer(archive_, content, size, 0);
    if (source == nullptr) return fail(zip_strerror(archive_));
    const zip_int64_t index = zip_file_add(archive_, path.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      return fail(std::string(zip_strerror(archive_)) + " (" + path + ")");
    }
    const auto entry = static_cast<zip_uint64_t>(index);
    if (zip_set_file_compression(archive_, entry, method, 0) < 0 ||
        zip_file_set_mtime(archive_, entry, entry_time_, 0) < 0 ||
        zip_file_set_external_attributes(archive_, entry, 0, ZIP_OPSYS_UNIX, entry_attributes) < 0) {
      return fail(zip_strerror(archive_));
    }
    return true;
  }

  std::optional<std::string> close() {
    if (zip_close(archive_) < 0) {
      fail(zip_strerror(archive_));
      return std::nullopt;
    }
    archive_ = nullptr;
    if (zip_source_open(buffer_) < 0) return read_failed();
    std::optional<std::string> bytes;
    if (zip_source_seek(buffer_, 0, SEEK_END) == 0) {
      const zip_int64_t size = zip_source_tell(buffer_);
      if (size >= 0 && zip_source_seek(buffer_, 0, SEEK_SET) == 0) {
        std::string data(static_cast<std::size_t>(size), '\0');
        if (zip_source_read(buffer_, data.data(), static_cast<zip_uint64_t>(size)) == size) bytes = std::move(data);
      }
    }
    if (!bytes) read_failed();
    zip_source_close(buffer_);
    return bytes;
  }

 private:
  bool fail(const std::string& message, zip_error_t* error = nullptr) {
    sink_.error({}, "cannot build the epub archive: " + message);
    if (error != nullptr) zip_error_fini(error);
    return false;
  }

  std::nullopt_t read_failed() {
    fail(zip_error_strerror(zip_source_error(buffer_)));
    return std::nullopt;
  }

  core::DiagnosticSink& sink_;
  zip_t* archive_ = nullptr;
  zip_source_t* buffer_ = nullptr;
  std::time_t entry_time_ = fixed_entry_time();
};

}  // namespace

std::optional<std::string> zip_container(const std::vector<ContainerFile>& files, core::DiagnosticSink& sink) {
  ArchiveBuilder builder(sink);
  if (!builder.open()) return std::nullopt;
  // OCF §4.2.2 (EPUB 3.3 §4.2.6.2): mimetype comes first, uncompressed, with no extra field, so
  // that its content sits at byte 38 for file-type sniffing.
  if (!builder.add(mimetype_path, mimetype_content, sizeof mimetype_content - 1, ZIP_CM_STORE)) return std::nullopt;
  for (const ContainerFile& file : files) {
    if (!builder.add(file.path, file.content.data(), file.content.size(), ZIP_CM_DEFLATE)) return std::nullopt;
  }
  return builder.close();
}

}  // namespace octavo::epub
