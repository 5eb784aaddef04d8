// Which characters the PDF fonts can draw, the fallback chain that picks a face for a character
// the run's face lacks, the visible placeholder for those no face can draw, and the warning that
// names them. Layout's build_items asks it while text becomes boxes.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/source_location.hpp"
#include "fonts/font_metrics.hpp"

namespace octavo::fonts {

/// What a missing character is drawn as: U+25A1 in `face` if it has one, else in mono, else "?".
struct Placeholder {
  FontFace face = FontFace::serif;
  std::string text;
};

/// The faces tried, in order, for a character that `face` (the run's) lacks: `face` itself, the
/// upright serif, DejaVu Sans, then Noto Sans Mono; each face once.
std::vector<FontFace> fallback_chain(FontFace face);

/// True for characters of scripts that need shaping or bidirectional reordering we do not do
/// (Hebrew, Arabic, Syriac, Thaana, N'Ko, the Indic scripts, Thai, Lao, Tibetan, Myanmar, Khmer,
/// Mongolian, Hangul jamo, …), decided by Unicode block. They are never drawn, even when a font
/// has their glyphs: one by one, in logical order, they would be wrong text.
bool needs_shaping(char32_t code_point);

/// True for combining marks (general category M in the combining diacritical blocks): they are
/// drawn in the face of the character they follow, as one cluster.
bool is_combining_mark(char32_t code_point);

/// One per book: remembers coverage and which characters were already reported. Articles laid
/// out on other threads each record their missing characters in a branch().
class GlyphCoverage {
 public:
  explicit GlyphCoverage(const FontMetrics& metrics);

  /// A coverage that shares this one's answers (has_glyph, face_for and placeholder may be called
  /// on this one and on any number of branches from several threads at once, when the metrics'
  /// has_glyph may) but records missing characters apart, with none recorded or reported yet.
  GlyphCoverage branch() const;
  /// Records the characters `branch` noted as missing, in its order, as if noted here (the
  /// first location noted stays the one reported), and forgets them there.
  void merge(GlyphCoverage& branch);

  /// FontMetrics::has_glyph, remembered for the Basic Multilingual Plane; false for C0 and C1
  /// control characters.
  bool has_glyph(FontFace face, char32_t code_point);
  /// The first face of fallback_chain(face) that has every character of `cluster` (a base and
  /// its combining marks); nullopt when none has them all or one needs shaping.
  std::optional<FontFace> face_for(FontFace face, std::u32string_view cluster);
  /// The placeholder for a character that `face` lacks; never empty.
  Placeholder placeholder(FontFace face);

  /// Records a character that no face has; the first location noted is the one reported.
  void note_missing(char32_t code_point, const core::SourceLocation& location);
  /// The characters noted since the last report or merge, in order, and the location of the
  /// first: what merge() would pass on (a cache of set articles keeps them). Empty when none.
  const std::vector<char32_t>& noted() const { return pending_; }
  const core::SourceLocation& noted_location() const { return first_location_; }
  /// Sends one warning naming the characters noted since the last report, at the first one's
  /// location (or `fallback` when that is unknown), then forgets them. With `only_new`, characters
  /// reported before are left out. Sends nothing when no character is left.
  void report(core::DiagnosticSink& sink, const core::SourceLocation& fallback, bool only_new);

 private:
  // Per face and BMP code point: 0 unknown, 1 missing, 2 present. Shared with branches; each
  // entry is written only with the one answer the metrics give, so a relaxed atomic suffices.
  using Answers = std::vector<std::atomic<std::uint8_t>>;

  GlyphCoverage(const FontMetrics& metrics, std::shared_ptr<Answers> answers);

  const FontMetrics* metrics_;
  std::shared_ptr<Answers> answers_;
  std::vector<char32_t> pending_;  // in order of first appearance
  std::set<char32_t> pending_set_;
  std::set<char32_t> reported_;
  core::SourceLocation first_location_;
};

}  // namespace octavo::fonts
