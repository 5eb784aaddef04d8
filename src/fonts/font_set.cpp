#include "fonts/font_set.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <string_view>
#include <system_error>
#include <utility>
#include <variant>

#include "core/file_identity.hpp"
#include "core/sha256.hpp"
#include "core/thread_memo.hpp"
#include "core/utf8.hpp"
#include "fonts/harfbuzz_font.hpp"
#include "fonts/truetype_cmap.hpp"

namespace octavo::fonts {

namespace {

// A font file's bytes, or the reason they cannot be read ("No such file or directory"). A regular
// file is mapped read-only rather than read: a face's file is some 600 KB, of which layout and
// the subsetter touch a few tables, and reading all six cost about 3 ms of copying and page
// faults per build. Anything else (a pipe) is read; a folder opens on Linux and is refused here
// as its first read would refuse it. The fonts folder is Octavo's own data, which nothing
// truncates while a build runs (a mapped file that shrinks would fault on access).
class FontFile {
 public:
  static std::variant<FontFile, std::string> open(const std::string& path) {
    const auto failure = [](int error) { return std::generic_category().message(error != 0 ? error : EIO); };
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return failure(errno);
    FontFile file;
    struct stat status {};
    int error = 0;
    if (::fstat(fd, &status) != 0) {
      error = errno;
    } else if (S_ISDIR(status.st_mode)) {
      error = EISDIR;
    } else if (S_ISREG(status.st_mode)) {
      // Taken before the bytes are: a change to the file from now on shows in a later build's
      // identity, so nothing set from these bytes is recalled for other ones.
      file.identity_ = core::file_identity(status);
      const auto size = static_cast<std::size_t>(status.st_size);
      void* address = size == 0 ? nullptr : ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
      if (address == MAP_FAILED) {
        error = errno;
      } else {
        file.mapped_ = address;
        file.size_ = size;
      }
    } else {
      char buffer[65536];
      ssize_t got = 0;
      while ((got = ::read(fd, buffer, sizeof buffer)) > 0) file.read_.append(buffer, static_cast<std::size_t>(got));
      if (got < 0) error = errno;
      file.identity_ = "sha256 " + core::sha256_hex(file.read_);  // no status names a pipe's bytes
    }
    ::close(fd);
    if (error != 0) return failure(error);
    return file;
  }

  FontFile() = default;
  FontFile(FontFile&& other) noexcept
      : mapped_(std::exchange(other.mapped_, nullptr)),
        size_(std::exchange(other.size_, 0)),
        read_(std::move(other.read_)),
        identity_(std::move(other.identity_)) {}
  FontFile& operator=(FontFile&& other) noexcept {
    std::swap(mapped_, other.mapped_);
    std::swap(size_, other.size_);
    std::swap(read_, other.read_);
    std::swap(identity_, other.identity_);
    return *this;
  }
  ~FontFile() {
    if (mapped_ != nullptr) ::munmap(mapped_, size_);
  }

  std::string_view bytes() const {
    return mapped_ != nullptr ? std::string_view(static_cast<const char*>(mapped_), size_) : std::string_view(read_);
  }

  /// What names these bytes: the file's identity when they were read (core::file_identity), or
  /// their SHA-256 when it is no regular file.
  const std::string& identity() const { return identity_; }

 private:
  void* mapped_ = nullptr;
  std::size_t size_ = 0;
  std::string read_;
  std::string identity_;
};

}  // namespace

// The measuring side, read by HarfBuzz: advances and extents converted to whole 1/1000 em the way
// libharu converts them for /W and the descriptor, so a width measured here is the width drawn
// (render_pdf checks that for every character it draws). It used to be one libharu document per
// face, never saved; but libharu builds a 65,536-entry CID-to-glyph map for each face it loads
// (about 8 ms each), and only the drawing document needs one.
class FontSet::Faces final : public FontMetrics {
 public:
  Faces(const std::string& fonts_dir, core::DiagnosticSink& sink) {
    for (const FontFace face : all_faces) {
      const std::size_t index = static_cast<std::size_t>(face);
      paths_[index] = fonts_dir + "/" + font_file_name(face);
      const std::string& path = paths_[index];
      std::variant<FontFile, std::string> file = FontFile::open(path);
      if (const std::string* reason = std::get_if<std::string>(&file)) {
        sink.error({path, 0, 0}, "cannot read the font file: " + *reason);
        continue;
      }
      files_[index] = std::move(std::get<FontFile>(file));
      cmaps_[index] = TrueTypeCmap::parse(files_[index].bytes());
      if (!cmaps_[index]) {
        sink.error({path, 0, 0}, "expected a TrueType font with a Unicode cmap table, found none");
        files_[index] = FontFile();
        continue;
      }
      fonts_[index] = HarfBuzzFont::load(files_[index].bytes());
      if (!fonts_[index]) {
        sink.error({path, 0, 0}, "harfbuzz cannot read the font");
        cmaps_[index].reset();
        files_[index] = FontFile();
        continue;
      }
    }
  }

  bool ok() const {
    for (const auto& font : fonts_) {
      if (!font) return false;
    }
    return true;
  }

  const std::string& path(FontFace face) const { return paths_[static_cast<std::size_t>(face)]; }
  std::string_view bytes(FontFace face) const { return files_[static_cast<std::size_t>(face)].bytes(); }
  const std::string& identity(FontFace face) const { return files_[static_cast<std::size_t>(face)].identity(); }
  std::vector<CodePointRange> characters(FontFace face) const {
    const std::optional<TrueTypeCmap>& cmap = cmaps_[static_cast<std::size_t>(face)];
    return cmap ? cmap->ranges() : std::vector<CodePointRange>{};
  }

  core::Pt width(FontFace face, std::string_view text, core::Pt size) const override {
    const HarfBuzzFont* font = fonts_[static_cast<std::size_t>(face)].get();
    if (font == nullptr) return core::Pt(0);
    long units = 0;
    for (std::size_t pos = 0; pos < text.size();) {
      if (const auto byte = static_cast<unsigned char>(text[pos]); byte < 0x80) {
        units += font->ascii_advance(byte);
        ++pos;
      } else {
        units += font->advance(core::decode_utf8(text, pos));
      }
    }
    return size * (static_cast<double>(units) / 1000.0);
  }

  MeasuredBox measure_box(FontFace face, std::string_view text, core::Pt size) const override {
    const HarfBuzzFont* font = fonts_[static_cast<std::size_t>(face)].get();
    if (font == nullptr) return {};
    MeasuredBox box{width(face, text, size), false};
    // Each amount as kerning() gives it, added in the same order: the default's double exactly.
    for (const FontKern& kern : font->kerning_here(text)) {
      box.width += kern_at(kern, size);
      box.kerned = true;
    }
    return box;
  }

  std::vector<Kern> kerning(FontFace face, std::string_view text, core::Pt size) const override {
    const HarfBuzzFont* font = fonts_[static_cast<std::size_t>(face)].get();
    if (font == nullptr) return {};
    const std::vector<FontKern>& font_kerns = font->kerning_here(text);
    std::vector<Kern> kerns;
    kerns.reserve(font_kerns.size());
    for (const FontKern& kern : font_kerns) kerns.push_back({kern.offset, kern_at(kern, size)});
    return kerns;
  }

  core::Pt ascent(FontFace face, core::Pt size) const override {
    const HarfBuzzFont* font = fonts_[static_cast<std::size_t>(face)].get();
    return font == nullptr ? core::Pt(0) : size * (font->ascent() / 1000.0);
  }

  core::Pt descent(FontFace face, core::Pt size) const override {
    const HarfBuzzFont* font = fonts_[static_cast<std::size_t>(face)].get();
    return font == nullptr ? core::Pt(0) : size * (-font->descent() / 1000.0);
  }

  core::Pt x_height(FontFace face, core::Pt size) const override {
    const HarfBuzzFont* font = fonts_[static_cast<std::size_t>(face)].get();
    if (font == nullptr) return core::Pt(0);
    if (const int height = font->x_height(); height > 0) return size * (height / 1000.0);
    return FontMetrics::x_height(face, size);
  }

  // The faces never change once loaded: a thread may remember what they measured.
  std::uint64_t memo_source() const override { return memo_source_; }

  bool has_glyph(FontFace face, char32_t code_point) const override {
    const std::size_t index = static_cast<std::size_t>(face);
    const std::optional<TrueTypeCmap>& cmap = cmaps_[index];
    // A PDF font's CIDs have 16 bits and its codes name BMP characters only (pdf/font_codes.hpp).
    if (!cmap || !fonts_[index] || code_point > 0xFFFF) return false;
    const std::uint32_t glyph = cmap->glyph_id(code_point);
    // The drawn glyph is HarfBuzz's choice (the subset's /CIDToGIDMap): both must agree.
    return glyph != 0 && glyph == fonts_[index]->glyph(code_point);
  }

 private:
  // A kern in 1/1000 em as a length at `size`: one conversion for measuring and drawing alike.
  static core::Pt kern_at(const FontKern& kern, core::Pt size) {
    return size * (static_cast<double>(kern.amount) / 1000.0);
  }

  // Declared before fonts_, which read their files' bytes: destroyed after them.
  std::array<FontFile, all_faces.size()> files_;  // kept for subsetting (harfbuzz_font.hpp)
  std::array<std::unique_ptr<HarfBuzzFont>, all_faces.size()> fonts_;
  std::array<std::string, all_faces.size()> paths_;
  std::array<std::optional<TrueTypeCmap>, all_faces.size()> cmaps_;
  std::uint64_t memo_source_ = core::new_memo_source();
};

FontSet::FontSet(const std::string& folder, core::DiagnosticSink& sink)
    : faces_(std::make_unique<Faces>(folder, sink)), folder_(folder) {}

FontSet::~FontSet() = default;

bool FontSet::ok() const { return faces_->ok(); }

const std::string& FontSet::folder() const { return folder_; }

const FontMetrics& FontSet::metrics() const { return *faces_; }

const std::string& FontSet::font_path(FontFace face) const { return faces_->path(face); }

std::string_view FontSet::font_bytes(FontFace face) const { return faces_->bytes(face); }

const std::string& FontSet::font_identity(FontFace face) const { return faces_->identity(face); }

std::vector<CodePointRange> FontSet::characters(FontFace face) const { return faces_->characters(face); }

}  // namespace octavo::fonts
