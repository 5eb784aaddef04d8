// The PDF side's fonts: the five faces loaded from fonts/ and the font metrics layout measures
// with, taken from those very files so that what is measured is what is drawn. write_pdf
// (pdf_writer.hpp) draws with the same files. Never sees the document model.
#pragma once

#include <memory>
#include <string>

#include "core/diagnostics.hpp"
#include "layout/font_metrics.hpp"

namespace octavo::pdf {

/// The file each face is loaded from, inside the fonts folder ("NotoSerif-Regular.ttf", …).
const char* font_file_name(layout::FontFace face);

class PdfDocument {
 public:
  /// Loads the five fonts from `fonts_dir`, and makes them the only fonts SVG text is drawn with
  /// (image::use_only_fonts_in, for the whole process). On failure reports an error on `sink` naming each
  /// missing or unreadable font file and why, or that fontconfig cannot read the folder, and ok() is
  /// false (the metrics then measure 0 and have no glyphs for a face that failed).
  PdfDocument(const std::string& fonts_dir, core::DiagnosticSink& sink);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  /// True when all five fonts loaded and fontconfig took their folder for SVG text.
  bool ok() const;
  /// Widths and extents read by HarfBuzz, in the whole 1/1000 em libharu writes in /W; kerning
  /// from HarfBuzz's shaping, in whole 1/1000 em as a TJ array draws it; has_glyph
  /// from the font's own cmap table, and false for every code point above U+FFFF: libharu's Identity-H fonts use
  /// CID = BMP code point, so it cannot draw anything beyond the BMP.
  const layout::FontMetrics& metrics() const;
  /// The path of the file `face` is loaded from.
  const std::string& font_path(layout::FontFace face) const;
  /// The bytes of that file as read when loading; empty for a face that failed to load.
  const std::string& font_bytes(layout::FontFace face) const;

 private:
  class Fonts;
  std::unique_ptr<Fonts> fonts_;
  bool svg_fonts_ok_ = true;
};

}  // namespace octavo::pdf
