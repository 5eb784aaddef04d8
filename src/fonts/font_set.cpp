#include "fonts/font_set.hpp"

#include <array>
#include <cerrno>
#include <cstdio>
#include <system_error>

#include "core/utf8.hpp"
#include "fonts/harfbuzz_font.hpp"
#include "fonts/truetype_cmap.hpp"

namespace octavo::fonts {

namespace {

// The file's bytes, or the reason it cannot be read ("No such file or directory"). C stdio,
// because its failing calls set errno; a folder opens on Linux and fails at the first read.
struct FileBytes {
  std::optional<std::string> bytes;
  std::string reason;
};

FileBytes read_binary_file(const std::string& path) {
  const auto failure = [] {
    return FileBytes{std::nullopt, std::generic_category().message(errno != 0 ? errno : EIO)};
  };
  errno = 0;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return failure();
  std::string bytes;
  char buffer[65536];
  errno = 0;
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) bytes.append(buffer, got);
  const bool failed = std::ferror(file) != 0;
  FileBytes out = failed ? failure() : FileBytes{std::move(bytes), ""};
  std::fclose(file);
  return out;
}

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
      const FileBytes file = read_binary_file(path);
      if (!file.bytes) {
        sink.error({path, 0, 0}, "cannot read the font file: " + file.reason);
        continue;
      }
      bytes_[index] = *file.bytes;
      cmaps_[index] = TrueTypeCmap::parse(bytes_[index]);
      if (!cmaps_[index]) {
        sink.error({path, 0, 0}, "expected a TrueType font with a Unicode cmap table, found none");
        bytes_[index].clear();
        continue;
      }
      fonts_[index] = HarfBuzzFont::load(bytes_[index]);
      if (!fonts_[index]) {
        sink.error({path, 0, 0}, "harfbuzz cannot read the font");
        cmaps_[index].reset();
        bytes_[index].clear();
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
  const std::string& bytes(FontFace face) const { return bytes_[static_cast<std::size_t>(face)]; }

  core::Pt width(FontFace face, std::string_view text, core::Pt size) const override {
    const HarfBuzzFont* font = fonts_[static_cast<std::size_t>(face)].get();
    if (font == nullptr) return core::Pt(0);
    long units = 0;
    for (std::size_t pos = 0; pos < text.size();) units += font->advance(core::decode_utf8(text, pos));
    return size * (static_cast<double>(units) / 1000.0);
  }

  std::vector<Kern> kerning(FontFace face, std::string_view text, core::Pt size) const override {
    const HarfBuzzFont* font = fonts_[static_cast<std::size_t>(face)].get();
    if (font == nullptr) return {};
    std::vector<Kern> kerns;
    for (const FontKern& kern : font->kerning(text)) {
      kerns.push_back({kern.offset, size * (static_cast<double>(kern.amount) / 1000.0)});
    }
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

  bool has_glyph(FontFace face, char32_t code_point) const override {
    const std::size_t index = static_cast<std::size_t>(face);
    const std::optional<TrueTypeCmap>& cmap = cmaps_[index];
    // CID = code point in libharu's Identity-H fonts: two bytes, so the BMP only.
    if (!cmap || !fonts_[index] || code_point > 0xFFFF) return false;
    const std::uint32_t glyph = cmap->glyph_id(code_point);
    // The drawn glyph is HarfBuzz's choice (the subset's /CIDToGIDMap): both must agree.
    return glyph != 0 && glyph == fonts_[index]->glyph(code_point);
  }

 private:
  std::array<std::unique_ptr<HarfBuzzFont>, all_faces.size()> fonts_;
  std::array<std::string, all_faces.size()> paths_;
  std::array<std::string, all_faces.size()> bytes_;  // kept for subsetting (harfbuzz_font.hpp)
  std::array<std::optional<TrueTypeCmap>, all_faces.size()> cmaps_;
};

FontSet::FontSet(const std::string& folder, core::DiagnosticSink& sink)
    : faces_(std::make_unique<Faces>(folder, sink)), folder_(folder) {}

FontSet::~FontSet() = default;

bool FontSet::ok() const { return faces_->ok(); }

const std::string& FontSet::folder() const { return folder_; }

const FontMetrics& FontSet::metrics() const { return *faces_; }

const std::string& FontSet::font_path(FontFace face) const { return faces_->path(face); }

const std::string& FontSet::font_bytes(FontFace face) const { return faces_->bytes(face); }

}  // namespace octavo::fonts
