#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fake_font_metrics.hpp"
#include "fonts/glyph_coverage.hpp"

namespace octavo::fonts {

TEST_SUITE("fonts.glyph_coverage") {
  TEST_CASE("the fallback chain is the run's face, the upright serif, DejaVu Sans, then mono") {
    CHECK(fallback_chain(FontFace::serif) ==
          std::vector<FontFace>{FontFace::serif, FontFace::fallback, FontFace::mono});
    CHECK(fallback_chain(FontFace::serif_bold_italic) ==
          std::vector<FontFace>{FontFace::serif_bold_italic, FontFace::serif, FontFace::fallback, FontFace::mono});
    CHECK(fallback_chain(FontFace::mono) == std::vector<FontFace>{FontFace::mono, FontFace::serif, FontFace::fallback});
  }

  TEST_CASE("scripts that need shaping are told apart by block") {
    CHECK(needs_shaping(0x05D0));        // Hebrew alef
    CHECK(needs_shaping(0x0627));        // Arabic alef
    CHECK(needs_shaping(0x0915));        // Devanagari ka
    CHECK(needs_shaping(0xFEFB));        // an Arabic presentation form (a lam-alef ligature)
    CHECK_FALSE(needs_shaping(0xFEFF));  // the byte order mark is no Arabic
    CHECK_FALSE(needs_shaping(0x0416));  // Cyrillic zhe
    CHECK_FALSE(needs_shaping(0x0531));  // Armenian: no shaping needed
    CHECK_FALSE(needs_shaping(0x2713));  // check mark
    CHECK(is_combining_mark(0x0301));
    CHECK(is_combining_mark(0x20D7));
    CHECK_FALSE(is_combining_mark(U'e'));
  }

  TEST_CASE("a cluster goes to the run's face, else to the first face of the chain that has all of it") {
    test::FakeMetrics metrics;
    metrics.only_in[0x2713] = {FontFace::fallback};
    metrics.only_in[0x2336] = {FontFace::mono};
    metrics.only_in[0x20D8] = {};
    GlyphCoverage coverage(metrics);
    CHECK(coverage.face_for(FontFace::serif_italic, U"a") == FontFace::serif_italic);
    CHECK(coverage.face_for(FontFace::serif_italic, U"\u2713") == FontFace::fallback);
    CHECK(coverage.face_for(FontFace::serif, U"\u2336") == FontFace::mono);
    CHECK(coverage.face_for(FontFace::serif, U"v\u20D8") == std::nullopt);     // a mark no face has
    CHECK(coverage.face_for(FontFace::serif, U"\u0627") == std::nullopt);      // Arabic: needs shaping
    CHECK(coverage.face_for(FontFace::serif, U"\U0001F600") == std::nullopt);  // past the fake's glyphs
  }

  TEST_CASE("control characters have no glyph, whatever the font's cmap says") {
    const test::FakeMetrics metrics;  // has every character up to U+2FFF
    GlyphCoverage coverage(metrics);
    CHECK_FALSE(coverage.has_glyph(FontFace::serif, U'\t'));
    CHECK_FALSE(coverage.has_glyph(FontFace::serif, 0x7F));
    CHECK_FALSE(coverage.has_glyph(FontFace::serif, 0x85));
    CHECK(coverage.has_glyph(FontFace::serif, 0xA0));
  }

  TEST_CASE("the placeholder is a white square in the face, else in mono, else a question mark") {
    test::FakeMetrics metrics;
    CHECK(GlyphCoverage(metrics).placeholder(FontFace::serif).face == FontFace::serif);
    CHECK(GlyphCoverage(metrics).placeholder(FontFace::serif).text == "\u25A1");
    metrics.serif_has_white_square = false;  // as Noto Serif
    CHECK(GlyphCoverage(metrics).placeholder(FontFace::serif).face == FontFace::mono);
    metrics.only_in[0x25A1] = {};
    CHECK(GlyphCoverage(metrics).placeholder(FontFace::serif).face == FontFace::serif);
    CHECK(GlyphCoverage(metrics).placeholder(FontFace::serif).text == "?");
  }

  TEST_CASE("a report names each character once, at the first location; only_new leaves out those named before") {
    const test::FakeMetrics metrics;
    GlyphCoverage coverage(metrics);
    core::DiagnosticList diagnostics;
    coverage.report(diagnostics, {"fallback.md", 0, 0}, false);
    CHECK(diagnostics.all().empty());  // nothing noted
    coverage.note_missing(0x4E2D, {"a.md", 2, 3});
    coverage.note_missing(0x1F600, {"a.md", 5, 1});
    coverage.note_missing(0x4E2D, {"a.md", 7, 1});
    coverage.report(diagnostics, {"fallback.md", 0, 0}, false);
    coverage.note_missing(0x4E2D, {"b.md", 1, 1});
    coverage.note_missing(0x0001, {});
    coverage.report(diagnostics, {"fallback.md", 0, 0}, true);
    CHECK(diagnostics.to_string() ==
          "a.md:2:3: warning: characters the PDF fonts cannot draw are shown as \u25A1: \u4E2D (U+4E2D), "
          "\U0001F600 (U+1F600)\n"
          "b.md:1:1: warning: characters the PDF fonts cannot draw are shown as \u25A1: (U+0001)\n");
  }
}

}  // namespace octavo::fonts
