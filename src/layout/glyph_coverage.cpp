#include "layout/glyph_coverage.hpp"

#include <cstdio>

#include "core/utf8.hpp"

namespace octavo::layout {
namespace {

constexpr std::size_t face_count = 5;
constexpr std::size_t bmp_size = 0x10000;
constexpr char32_t white_square = 0x25A1;
// A book of CJK text could miss thousands of characters; the warning names the first few.
constexpr std::size_t max_named_characters = 10;

// Controls and the like would be invisible or garble the message; they are named by number only.
bool is_printable(char32_t code_point) {
  return code_point >= 0x20 && !(code_point >= 0x7F && code_point < 0xA0) && core::is_xml_char(code_point);
}

}  // namespace

GlyphCoverage::GlyphCoverage(const FontMetrics& metrics) : metrics_(metrics), cache_(face_count * bmp_size, 0) {}

bool GlyphCoverage::has_glyph(FontFace face, char32_t code_point) {
  // Control characters have no visible form in any font, whatever its cmap maps them to: they
  // get the placeholder, so that what is in the source is visible on the page.
  if (code_point < 0x20 || (code_point >= 0x7F && code_point < 0xA0)) return false;
  if (code_point >= bmp_size) return metrics_.has_glyph(face, code_point);
  std::uint8_t& known = cache_[static_cast<std::size_t>(face) * bmp_size + code_point];
  if (known == 0) known = metrics_.has_glyph(face, code_point) ? 2 : 1;
  return known == 2;
}

Placeholder GlyphCoverage::placeholder(FontFace face) {
  std::string square;
  core::append_utf8(square, white_square);
  if (has_glyph(face, white_square)) return {face, square};
  // Noto Serif lacks U+25A1 but Noto Sans Mono has it: a box in another face is still a box.
  if (has_glyph(FontFace::mono, white_square)) return {FontFace::mono, square};
  return {face, "?"};
}

void GlyphCoverage::note_missing(char32_t code_point, const core::SourceLocation& location) {
  if (!pending_set_.insert(code_point).second) return;
  if (pending_.empty()) first_location_ = location;
  pending_.push_back(code_point);
}

void GlyphCoverage::report(core::DiagnosticSink& sink, const core::SourceLocation& fallback, bool only_new) {
  std::vector<char32_t> named;
  for (char32_t code_point : pending_) {
    if (!only_new || reported_.count(code_point) == 0) named.push_back(code_point);
  }
  if (!named.empty()) {
    std::string message = "characters not in the PDF fonts are shown as " + placeholder(FontFace::serif).text + ": ";
    for (std::size_t i = 0; i < named.size() && i < max_named_characters; ++i) {
      if (i > 0) message += ", ";
      if (is_printable(named[i])) {
        core::append_utf8(message, named[i]);
        message += ' ';
      }
      message += "(" + core::code_point_name(named[i]) + ")";
    }
    if (named.size() > max_named_characters) {
      message += " and " + std::to_string(named.size() - max_named_characters) + " more";
    }
    const bool known = !first_location_.path.empty();
    sink.warning(known ? first_location_ : fallback, std::move(message));
  }
  reported_.insert(pending_.begin(), pending_.end());
  pending_.clear();
  pending_set_.clear();
  first_location_ = {};
}

}  // namespace octavo::layout
