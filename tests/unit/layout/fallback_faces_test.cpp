#include <doctest/doctest.h>

#include "fonts/glyph_coverage.hpp"
#include "layout_test_support.hpp"

namespace octavo::layout {
namespace {

using test::FontFace;

struct Fixture : test::LayoutFixture {
  /// `text` in `style` at 10 pt on a wide measure, as items located at w.md:3:1.
  ItemList styled_items(const std::string& text, TextStyle text_style) {
    ItemBuilder builder(context, core::Pt(500));
    builder.add_text(text, text_style, {"w.md", 3, 1});
    return builder.finish();
  }

  std::vector<std::string> lines(const std::string& text, double measure) {
    const ItemList list = items(text, core::Pt(measure));
    return test::line_texts(list.items, break_lines(list.items, {core::Pt(measure), core::Pt(measure)}));
  }
};

const TextStyle italic{true, false, false, core::Pt(10)};

}  // namespace

TEST_SUITE("layout.fallback_faces") {
  TEST_CASE("a character the run's face lacks is its own piece in the first face that has it") {
    Fixture f;
    f.metrics.only_in[0x2713] = {FontFace::fallback};
    const ItemList list = f.items("ok\u2713go", core::Pt(200));
    REQUIRE(list.items.size() >= 3);
    CHECK(list.items[0].text == "ok");
    CHECK(list.items[0].face == FontFace::serif);
    CHECK(list.items[1].text == "\u2713");
    CHECK(list.items[1].face == FontFace::fallback);
    CHECK(list.items[1].width.value == 10);  // measured in the fallback face: 1 em, not 0.5
    CHECK(list.items[2].text == "go");
    CHECK(list.items[2].face == FontFace::serif);
    CHECK(f.lines("ok\u2713go", 200) == std::vector<std::string>{"ok\u2713go"});
    f.coverage.report(f.diagnostics, {"fallback.md", 0, 0}, false);
    CHECK(f.diagnostics.all().empty());
  }

  TEST_CASE("the chain's order decides: the upright serif, then DejaVu Sans, then mono") {
    Fixture f;
    f.metrics.only_in[0x1E9E] = {FontFace::serif, FontFace::mono, FontFace::fallback};
    f.metrics.only_in[0x2192] = {FontFace::mono, FontFace::fallback};
    f.metrics.only_in[0x2336] = {FontFace::mono};
    const ItemList list = f.styled_items("a\u1E9E\u2192\u2336", italic);
    REQUIRE(list.items.size() >= 4);
    CHECK(list.items[0].face == FontFace::serif_italic);
    CHECK(list.items[1].text == "\u1E9E");
    CHECK(list.items[1].face == FontFace::serif);
    CHECK(list.items[2].text == "\u2192");
    CHECK(list.items[2].face == FontFace::fallback);
    CHECK(list.items[3].text == "\u2336");
    CHECK(list.items[3].face == FontFace::mono);
  }

  TEST_CASE("a base and its combining marks move together to the face that has them all") {
    Fixture f;
    f.metrics.only_in[0x20D7] = {FontFace::fallback};  // combining right arrow above
    const ItemList list = f.items("a v\u20D7 b", core::Pt(200));
    REQUIRE(list.items.size() >= 5);
    CHECK(list.items[2].text == "v\u20D7");
    CHECK(list.items[2].face == FontFace::fallback);
    CHECK(list.items[2].width.value == 20);
  }

  TEST_CASE("the last letter of an ASCII run goes with the mark after it, the rest stays in the run") {
    Fixture f;
    f.metrics.only_in[0x20D7] = {FontFace::fallback};
    const ItemList list = f.items("uv\u20D7w", core::Pt(200));
    REQUIRE(list.items.size() >= 3);
    CHECK(list.items[0].text == "u");
    CHECK(list.items[0].face == FontFace::serif);
    CHECK(list.items[1].text == "v\u20D7");
    CHECK(list.items[1].face == FontFace::fallback);
    CHECK(list.items[2].text == "w");
    CHECK(list.items[2].face == FontFace::serif);
  }

  TEST_CASE("an ASCII character the run's face lacks leaves the run for the face that has it") {
    Fixture f;
    f.metrics.only_in[U'#'] = {FontFace::mono};
    const ItemList list = f.items("ab#cd", core::Pt(200));
    REQUIRE(list.items.size() >= 3);
    CHECK(list.items[0].text == "ab");
    CHECK(list.items[0].face == FontFace::serif);
    CHECK(list.items[1].text == "#");
    CHECK(list.items[1].face == FontFace::mono);
    CHECK(list.items[2].text == "cd");
    CHECK(list.items[2].face == FontFace::serif);
  }

  TEST_CASE("an ignorable character after an ASCII run is dropped, and the run goes on after it") {
    Fixture f;
    const ItemList list = f.items("ab\u00ADcd ef\u200Dgh", core::Pt(200));
    REQUIRE(list.items.size() >= 3);
    CHECK(list.items[0].text == "abcd");
    CHECK(list.items[2].text == "efgh");
  }

  TEST_CASE("DEL and C0 controls end an ASCII run and are drawn as the placeholder") {
    Fixture f;
    const ItemList list = f.items(
        "ab\x7F\x01"
        "cd",
        core::Pt(200));
    REQUIRE(list.items.size() >= 1);
    CHECK(list.items[0].text == "ab\u25A1\u25A1cd");
    CHECK(list.items[0].face == FontFace::serif);
    f.coverage.report(f.diagnostics, {"fallback.md", 0, 0}, false);
    CHECK(f.diagnostics.to_string() ==
          "w.md:3:1: warning: characters the PDF fonts cannot draw are shown as \u25A1: (U+007F), (U+0001)\n");
  }

  TEST_CASE("a mark no face has becomes a placeholder; its base stays in the run's face") {
    Fixture f;
    f.metrics.only_in[0x20D8] = {};
    const ItemList list = f.items("v\u20D8", core::Pt(200));
    REQUIRE(list.items.size() >= 1);
    CHECK(list.items[0].text == "v\u25A1");
    CHECK(list.items[0].face == FontFace::serif);
    f.coverage.report(f.diagnostics, {"fallback.md", 0, 0}, false);
    CHECK(f.diagnostics.to_string() ==
          "w.md:3:1: warning: characters the PDF fonts cannot draw are shown as \u25A1: \u20D8 (U+20D8)\n");
  }

  TEST_CASE("a script that needs shaping keeps the placeholder even where a face has its glyphs") {
    Fixture f;  // the fake faces have every character up to U+2FFF, Arabic and Hebrew among them
    CHECK(f.lines("salaam \u0633\u0644\u0627\u0645 \u2713", 200) ==
          std::vector<std::string>{"salaam \u25A1\u25A1\u25A1\u25A1 \u2713"});
    f.coverage.report(f.diagnostics, {"fallback.md", 0, 0}, false);
    CHECK(f.diagnostics.to_string() ==
          "w.md:3:1: warning: characters the PDF fonts cannot draw are shown as \u25A1: \u0633 (U+0633), "
          "\u0644 (U+0644), \u0627 (U+0627), \u0645 (U+0645)\n");
  }

  TEST_CASE("no face has it: one warning for all such characters, at the first one's location") {
    Fixture f;
    f.metrics.only_in[0x2713] = {FontFace::fallback};
    f.items("fine \u2713", core::Pt(200), {"w.md", 2, 1});
    f.items("then \U0001F600 and \u4E2D", core::Pt(200), {"w.md", 4, 7});
    f.items("again \U0001F600", core::Pt(200), {"w.md", 9, 1});
    f.coverage.report(f.diagnostics, {"fallback.md", 0, 0}, false);
    CHECK(f.diagnostics.to_string() ==
          "w.md:4:7: warning: characters the PDF fonts cannot draw are shown as \u25A1: \U0001F600 (U+1F600), "
          "\u4E2D (U+4E2D)\n");
  }

  TEST_CASE("a branch shares the answers but keeps its own record, which merge brings back in order") {
    Fixture f;
    fonts::GlyphCoverage branch = f.coverage.branch();
    CHECK(branch.has_glyph(FontFace::serif, U'a'));
    CHECK_FALSE(branch.has_glyph(FontFace::serif, U'\U0001F600'));
    branch.note_missing(U'\u4E2D', {"b.md", 2, 3});
    branch.note_missing(U'\U0001F600', {"b.md", 5, 1});
    branch.note_missing(U'\u4E2D', {"b.md", 7, 1});
    // Nothing reaches the book's record until merged.
    f.coverage.report(f.diagnostics, {}, false);
    CHECK(f.diagnostics.all().empty());
    f.coverage.merge(branch);
    f.coverage.note_missing(U'\u4E2E', {"title.md", 1, 1});
    f.coverage.report(f.diagnostics, {}, false);
    CHECK(f.diagnostics.to_string() ==
          "b.md:2:3: warning: characters the PDF fonts cannot draw are shown as \u25A1: \u4E2D (U+4E2D), "
          "\U0001F600 (U+1F600), \u4E2E (U+4E2E)\n");
    // The branch forgot what it handed over; the book remembers it was reported.
    f.coverage.merge(branch);
    f.coverage.report(f.diagnostics, {}, true);
    CHECK(f.diagnostics.all().size() == 1);
  }
}

}  // namespace octavo::layout
