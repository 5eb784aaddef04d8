#include "pdf/pdf_document.hpp"

#include <array>
#include <cerrno>
#include <cstdio>
#include <system_error>

#include "pdf/haru_document.hpp"
#include "pdf/truetype_cmap.hpp"

namespace octavo::pdf {

namespace {

constexpr std::array<layout::FontFace, 5> all_faces = {layout::FontFace::serif, layout::FontFace::serif_italic,
                                                       layout::FontFace::serif_bold,
                                                       layout::FontFace::serif_bold_italic, layout::FontFace::mono};

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
  }
  return "NotoSerif-Regular.ttf";
}

// The measuring side: a libharu document that is never saved. It is kept apart from the one
// write_pdf draws into because measuring marks glyphs as used in libharu's subsetter
// (HPDF_TTFontDef_GetCharWidth), so every glyph layout ever measured would be embedded and
// the PDF would depend on layout's history rather than on the pages alone.
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
      // One libharu document per face: its errors are sticky, so a font it rejects must not
      // make the faces after it fail too.
      haru_[index] = std::make_unique<HaruDocument>();
      if (!haru_[index]->load_font(face, path)) {
        sink.error({path, 0, 0}, "libharu cannot load the font: " + haru_[index]->error());
        cmaps_[index].reset();
        haru_[index].reset();
        bytes_[index].clear();
        continue;
      }
    }
  }

  bool ok() const {
    for (const auto& haru : haru_) {
      if (!haru) return false;
    }
    return true;
  }

  const std::string& path(layout::FontFace face) const { return paths_[static_cast<std::size_t>(face)]; }
  const std::string& bytes(layout::FontFace face) const { return bytes_[static_cast<std::size_t>(face)]; }

  core::Pt width(layout::FontFace face, std::string_view text, core::Pt size) const override {
    // Widths are whole 1/1000 em, exactly the numbers libharu writes in /W and adds up when it
    // places text, so a width measured here is the width drawn.
    const HaruDocument* haru = haru_[static_cast<std::size_t>(face)].get();
    if (haru == nullptr) return core::Pt(0);
    return size * (static_cast<double>(haru->text_width(face, text)) / 1000.0);
  }

  core::Pt ascent(layout::FontFace face, core::Pt size) const override {
    const HaruDocument* haru = haru_[static_cast<std::size_t>(face)].get();
    return haru == nullptr ? core::Pt(0) : size * (haru->ascent(face) / 1000.0);
  }

  core::Pt descent(layout::FontFace face, core::Pt size) const override {
    const HaruDocument* haru = haru_[static_cast<std::size_t>(face)].get();
    return haru == nullptr ? core::Pt(0) : size * (-haru->descent(face) / 1000.0);
  }

  bool has_glyph(layout::FontFace face, char32_t code_point) const override {
    const std::size_t index = static_cast<std::size_t>(face);
    const std::optional<TrueTypeCmap>& cmap = cmaps_[index];
    // CID = code point in libharu's Identity-H fonts: two bytes, so the BMP only.
    if (!cmap || !haru_[index] || code_point > 0xFFFF) return false;
    const std::uint32_t glyph = cmap->glyph_id(code_point);
    // The glyph must also be the one libharu will put in /CIDToGIDMap: its format-4 lookup is
    // its own code, and a disagreement would draw a wrong glyph.
    return glyph != 0 && glyph == haru_[index]->glyph_id(face, code_point);
  }

 private:
  std::array<std::unique_ptr<HaruDocument>, all_faces.size()> haru_;
  std::array<std::string, all_faces.size()> paths_;
  std::array<std::string, all_faces.size()> bytes_;  // kept for subsetting (font_subset.hpp)
  std::array<std::optional<TrueTypeCmap>, all_faces.size()> cmaps_;
};

PdfDocument::PdfDocument(const std::string& fonts_dir, core::DiagnosticSink& sink)
    : fonts_(std::make_unique<Fonts>(fonts_dir, sink)) {}

PdfDocument::~PdfDocument() = default;

bool PdfDocument::ok() const { return fonts_->ok(); }

const layout::FontMetrics& PdfDocument::metrics() const { return *fonts_; }

const std::string& PdfDocument::font_path(layout::FontFace face) const { return fonts_->path(face); }

const std::string& PdfDocument::font_bytes(layout::FontFace face) const { return fonts_->bytes(face); }

}  // namespace octavo::pdf
