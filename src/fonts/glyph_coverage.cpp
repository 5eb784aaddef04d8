#include "fonts/glyph_coverage.hpp"

#include <cstdio>

#include "core/utf8.hpp"

namespace octavo::fonts {
namespace {

constexpr std::size_t bmp_size = 0x10000;
constexpr char32_t white_square = 0x25A1;
// A book of CJK text could miss thousands of characters; the warning names the first few.
constexpr std::size_t max_named_characters = 10;

// Controls and the like would be invisible or garble the message; they are named by number only.
bool is_printable(char32_t code_point) {
  return code_point >= 0x20 && !(code_point >= 0x7F && code_point < 0xA0) && core::is_xml_char(code_point);
}

struct Block {
  char32_t first;
  char32_t last;
};

// Unicode blocks (Blocks.txt) of scripts that need contextual shaping, mark positioning, syllable
// reordering or right-to-left order. DejaVu Sans has Hebrew, Arabic, N'Ko and Lao glyphs; drawn
// one by one left to right they would read as other (or no) words, so they get the placeholder
// and the warning instead, which says the text is not there. Supplementary-plane scripts need no
// entry: the PDF fonts' codes name BMP characters only, so nothing past U+FFFF is drawn anyway.
constexpr std::array<Block, 14> shaped_blocks = {{
    {0x0590, 0x08FF},  // Hebrew, Arabic, Syriac, Arabic Supplement, Thaana, N'Ko, Samaritan, Mandaic, …
    {0x0900, 0x0DFF},  // Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala
    {0x0E00, 0x0FFF},  // Thai, Lao, Tibetan
    {0x1000, 0x109F},  // Myanmar
    {0x1100, 0x11FF},  // Hangul Jamo (conjoining)
    {0x1700, 0x18AF},  // Tagalog … Tagbanwa, Khmer, Mongolian
    {0x1900, 0x1AAF},  // Limbu, Tai Le, New Tai Lue, Khmer Symbols, Buginese, Tai Tham
    {0x1B00, 0x1C4F},  // Balinese, Sundanese, Batak, Lepcha
    {0xA800, 0xA8FF},  // Syloti Nagri, Phags-pa, Saurashtra, Devanagari Extended
    {0xA900, 0xAAFF},  // Kayah Li, Rejang, Hangul Jamo Extended-A, Javanese, Myanmar Extended-B, Cham, …
    {0xABC0, 0xABFF},  // Meetei Mayek
    {0xD7B0, 0xD7FF},  // Hangul Jamo Extended-B
    {0xFB1D, 0xFDFF},  // Hebrew and Arabic presentation forms (still right to left)
    {0xFE70, 0xFEFE},  // Arabic Presentation Forms-B (U+FEFF, the byte order mark, is not Arabic)
}};

constexpr std::array<Block, 5> combining_blocks = {{
    {0x0300, 0x036F},  // Combining Diacritical Marks
    {0x1AB0, 0x1AFF},  // Combining Diacritical Marks Extended
    {0x1DC0, 0x1DFF},  // Combining Diacritical Marks Supplement
    {0x20D0, 0x20FF},  // Combining Diacritical Marks for Symbols
    {0xFE20, 0xFE2F},  // Combining Half Marks
}};

template <std::size_t n>
bool in_blocks(const std::array<Block, n>& blocks, char32_t code_point) {
  for (const Block& block : blocks) {
    if (code_point >= block.first && code_point <= block.last) return true;
  }
  return false;
}

}  // namespace

std::vector<FontFace> fallback_chain(FontFace face) {
  // The run's own face first; then the upright serif, which an italic or bold face may lack
  // something of; then DejaVu Sans, proportional and broad (arrows, mathematical operators,
  // dingbats such as U+2713, Armenian, Georgian, Canadian syllabics); Noto Sans Mono last, for
  // the little only it has (some APL and technical symbols). Mono comes after DejaVu although it
  // is of Noto's design: its arrows are drawn small and low, to fit a code cell, and look like
  // misprints in running text (seen at 400 dpi).
  std::vector<FontFace> chain{face};
  for (FontFace other : {FontFace::serif, FontFace::fallback, FontFace::mono}) {
    if (other != face) chain.push_back(other);
  }
  return chain;
}

bool needs_shaping(char32_t code_point) { return in_blocks(shaped_blocks, code_point); }

bool is_combining_mark(char32_t code_point) { return in_blocks(combining_blocks, code_point); }

GlyphCoverage::GlyphCoverage(const FontMetrics& metrics)
    : GlyphCoverage(metrics, std::make_shared<Answers>(face_count * bmp_size)) {}

GlyphCoverage::GlyphCoverage(const FontMetrics& metrics, std::shared_ptr<Answers> answers)
    : metrics_(&metrics), answers_(std::move(answers)) {}

GlyphCoverage GlyphCoverage::branch() const { return GlyphCoverage(*metrics_, answers_); }

void GlyphCoverage::merge(GlyphCoverage& branch) {
  for (char32_t code_point : branch.pending_) note_missing(code_point, branch.first_location_);
  branch.pending_.clear();
  branch.pending_set_.clear();
  branch.first_location_ = {};
}

std::optional<FontFace> GlyphCoverage::face_for(FontFace face, std::u32string_view cluster) {
  for (char32_t code_point : cluster) {
    if (needs_shaping(code_point)) return std::nullopt;
  }
  const auto has_all = [&](FontFace candidate) {
    for (char32_t code_point : cluster) {
      if (!has_glyph(candidate, code_point)) return false;
    }
    return true;
  };
  // The run's own face almost always has the cluster: answered without building the chain.
  if (has_all(face)) return face;
  for (FontFace candidate : fallback_chain(face)) {
    if (has_all(candidate)) return candidate;
  }
  return std::nullopt;
}

bool GlyphCoverage::has_glyph(FontFace face, char32_t code_point) {
  // Control characters have no visible form in any font, whatever its cmap maps them to: they
  // get the placeholder, so that what is in the source is visible on the page.
  if (code_point < 0x20 || (code_point >= 0x7F && code_point < 0xA0)) return false;
  if (code_point >= bmp_size) return metrics_->has_glyph(face, code_point);
  std::atomic<std::uint8_t>& known = (*answers_)[static_cast<std::size_t>(face) * bmp_size + code_point];
  std::uint8_t answer = known.load(std::memory_order_relaxed);
  if (answer == 0) {
    answer = metrics_->has_glyph(face, code_point) ? 2 : 1;
    known.store(answer, std::memory_order_relaxed);
  }
  return answer == 2;
}

Placeholder GlyphCoverage::placeholder(FontFace face) {
  std::string square;
  core::append_utf8(square, white_square);
  if (has_glyph(face, white_square)) return {face, square};
  // Noto Serif lacks U+25A1 but Noto Sans Mono has it: a box in another face is still a box.
  for (FontFace other : {FontFace::mono, FontFace::fallback}) {
    if (has_glyph(other, white_square)) return {other, square};
  }
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
    std::string message =
        "characters the PDF fonts cannot draw are shown as " + placeholder(FontFace::serif).text + ": ";
    for (std::size_t i = 0; i < named.size() && i < max_named_characters; ++i) {
      if (i > 0) message += ", ";
      if (is_printable(named[i])) {
        core::append_utf8(message, named[i]);
        message += ' ';
      }
      message.append("(").append(core::code_point_name(named[i])).append(")");
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

}  // namespace octavo::fonts
