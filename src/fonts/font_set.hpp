// The book's fonts: the six faces loaded once from the fonts folder, and the font metrics layout
// measures with, taken from those very files. The PDF writer embeds the same bytes, so what is
// measured is what is drawn. Loaded before layout; knows nothing of PDF or of the document model.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "fonts/font_face.hpp"
#include "fonts/font_metrics.hpp"
#include "fonts/truetype_cmap.hpp"

namespace octavo::fonts {

class FontSet {
 public:
  /// Loads the six faces from `folder` (font_file_name gives each file). On failure reports an
  /// error on `sink` naming each missing or unreadable font file and why, and ok() is false (the
  /// metrics then measure 0 and have no glyphs for a face that failed).
  FontSet(const std::string& folder, core::DiagnosticSink& sink);
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  /// True when all six faces loaded.
  bool ok() const;
  /// The folder the faces were loaded from, as given.
  const std::string& folder() const;
  /// Widths and extents read by HarfBuzz, in the whole 1/1000 em libharu writes in /W; kerning
  /// from HarfBuzz's shaping, in whole 1/1000 em as a TJ array draws it; has_glyph
  /// from the font's own cmap table, and false for every code point above U+FFFF: the PDF
  /// fonts' codes name BMP characters only (pdf/font_codes.hpp), so nothing beyond is drawn.
  const FontMetrics& metrics() const;
  /// The path of the file `face` is loaded from.
  const std::string& font_path(FontFace face) const;
  /// The bytes of that file as read when loading (valid while the FontSet lives); empty for a
  /// face that failed to load.
  std::string_view font_bytes(FontFace face) const;
  /// What names those bytes without reading them: the file's identity (core::file_identity),
  /// taken before they were read, or their SHA-256 when the file is no regular file; empty for a
  /// face that failed to load.
  const std::string& font_identity(FontFace face) const;
  /// The code points the face's cmap has a glyph for (TrueTypeCmap::ranges): every character
  /// has_glyph accepts, and perhaps a few it does not. Empty for a face that failed to load.
  std::vector<CodePointRange> characters(FontFace face) const;

 private:
  class Faces;
  std::unique_ptr<Faces> faces_;
  std::string folder_;
};

}  // namespace octavo::fonts
