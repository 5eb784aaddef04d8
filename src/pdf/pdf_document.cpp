#include "pdf/pdf_document.hpp"

#include <array>
#include <cerrno>
#include <cstdio>
#include <system_error>

#include "core/utf8.hpp"
#include "image/svg_fonts.hpp"

#include "pdf/harfbuzz_font.hpp"
#include "pdf/truetype_cmap.hpp"

namespace octavo::pdf {

namespace {

constexpr std::array<layout::FontFace, layout::face_count> all_faces = {
    layout::FontFace::serif,      layout::FontFace::serif_italic,
    layout::FontFace::serif_bold, layout::FontFace::serif_bold_italic,
    layout::FontFace::mono,       layout::FontFace::fallback};

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

const char* font_file_name(layout::FontFace face) {
  switch (face) {
    case layout::FontFace::serif: return "NotoSerif-Regular.ttf";
    case layout::FontFace::serif_italic: return "NotoSerif-Italic.ttf";
    case layout::FontFace::serif_bold: return "NotoSerif-Bold.ttf";
    case layout::FontFace::serif_bold_italic: return "NotoSerif-BoldItalic.ttf";
    case layout::FontFace::mono: return "NotoSansMono-Regular.ttf";
    case layout::FontFace::fallback: return "DejaVuSans.ttf";
  }
  return "NotoSerif-Regular.ttf";
}

// The measuring side, read by HarfBuzz: advances and extents converted to whole 1/1000 em the way
// libharu converts them for /W and the descriptor, so a width measured here is the width drawn
// (render_pdf checks that for every character it draws). It used to be one libharu document per
// face, never saved; but libharu builds a 65,536-entry CID-to-glyph map for each face it loads
// (about 8 ms each), and only the drawing document needs one.
class PdfDocument::Fonts final : public layout::FontMetrics {
 public:
  Fonts(const std::string& fonts_dir, core::DiagnosticSink& sink) {
    for (const layout::FontFace face : all_faces) {
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

  const std::string& path(layout::FontFace face) const { return paths_[static_cast<std::size_t>(face)]; }
  const std::string& bytes(layout::FontFace face) const { return bytes_[static_cast<std::size_t>(face)]; }

  core::Pt width(layout::FontFace face, std::string_view text, core::Pt size) const override {
    const HarfBuzzFont* font = fonts_[static_cast<std::size_t>(face)].get();
    if (font == nullptr) return core::Pt(0);
    long units = 0;
    for (std::size_t pos = 0; pos < text.size();) units += font->advance(core::decode_utf8(text, pos));
    return size * (static_cast<double>(units) / 1000.0);
  }

  std::vector<layout::Kern> kerning(layout::FontFace face, std::string_view text, core::Pt size) const override {
    const HarfBuzzFont* font = fonts_[static_cast<std::size_t>(face)].get();
    if (font == nullptr) return {};
    std::vector<layout::Kern> kerns;
    for (const FontKern& kern : font->kerning(text)) {
      kerns.push_back({kern.offset, size * (static_cast<double>(kern.amount) / 1000.0)});
    }
    return kerns;
  }

  core::Pt ascent(layout::FontFace face, core::Pt size) const override {
    const HarfBuzzFont* font = fonts_[static_cast<std::size_t>(face)].get();
    return font == nullptr ? core::Pt(0) : size * (font->ascent() / 1000.0);
  }

  core::Pt descent(layout::FontFace face, core::Pt size) const override {
    const HarfBuzzFont* font = fonts_[static_cast<std::size_t>(face)].get();
    return font == nullptr ? core::Pt(0) : size * (-font->descent() / 1000.0);
  }

  core::Pt x_height(layout::FontFace face, core::Pt size) const override {
    const HarfBuzzFont* font = fonts_[static_cast<std::size_t>(face)].get();
    if (font == nullptr) return core::Pt(0);
    if (const int height = font->x_height(); height > 0) return size * (height / 1000.0);
    return FontMetrics::x_height(face, size);
  }

  bool has_glyph(layout::FontFace face, char32_t code_point) const override {
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
  std::array<std::string, all_faces.size()> bytes_;  // kept for subsetting (font_subset.hpp)
  std::array<std::optional<TrueTypeCmap>, all_faces.size()> cmaps_;
};

PdfDocument::PdfDocument(const std::string& fonts_dir, core::DiagnosticSink& sink)
    : fonts_(std::make_unique<Fonts>(fonts_dir, sink)) {
  // SVG pictures are drawn into the PDF (embed_image) with these fonts too, and no other: their
  // text then looks the same whatever fonts the system has. Set here, where the fonts folder is
  // known, before the first page (and so the first picture) reaches the writer.
  if (fonts_->ok() && !image::use_only_fonts_in(fonts_dir)) {
    sink.error({fonts_dir, 0, 0}, "fontconfig cannot read the fonts folder, which SVG text is drawn with");
    svg_fonts_ok_ = false;
  }
}

PdfDocument::~PdfDocument() = default;

bool PdfDocument::ok() const { return fonts_->ok() && svg_fonts_ok_; }

const layout::FontMetrics& PdfDocument::metrics() const { return *fonts_; }

const std::string& PdfDocument::font_path(layout::FontFace face) const { return fonts_->path(face); }

const std::string& PdfDocument::font_bytes(layout::FontFace face) const { return fonts_->bytes(face); }

}  // namespace octavo::pdf
