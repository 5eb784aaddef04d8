#include <doctest/doctest.h>

#include "layout/items.hpp"
#include "layout/layout_test_support.hpp"
#include "layout/page_furniture.hpp"
#include "layout/set_line.hpp"
#include "style/style_keys.hpp"

using namespace octavo;
using namespace octavo::layout;

namespace {

/// The fake fixed-width metrics, with one kerning pair: "AV" sits 0.1 em closer.
class KerningMetrics final : public fonts::FontMetrics {
 public:
  core::Pt width(fonts::FontFace face, std::string_view text, core::Pt size) const override {
    return plain.width(face, text, size);
  }
  std::vector<fonts::Kern> kerning(fonts::FontFace, std::string_view text, core::Pt size) const override {
    std::vector<fonts::Kern> kerns;
    for (std::size_t at = text.find("AV"); at != std::string_view::npos; at = text.find("AV", at + 1)) {
      kerns.push_back({at + 1, size * -0.1});
    }
    return kerns;
  }
  core::Pt ascent(fonts::FontFace face, core::Pt size) const override { return plain.ascent(face, size); }
  core::Pt descent(fonts::FontFace face, core::Pt size) const override { return plain.descent(face, size); }
  bool has_glyph(fonts::FontFace face, char32_t code_point) const override { return plain.has_glyph(face, code_point); }

 private:
  test::FakeMetrics plain;
};

struct Fixture {
  KerningMetrics metrics;
  PageStyle style = style::default_page_style();
  core::DiagnosticList diagnostics;
  fonts::GlyphCoverage coverage{metrics};
  LayoutContext context{metrics, style, diagnostics, coverage};

  ItemList items(const std::string& text, core::Pt measure) {
    ItemBuilder builder(context, measure);
    builder.add_text(text, TextStyle{false, false, false, core::Pt(10)}, {"w.md", 3, 1});
    return builder.finish();
  }
};

// "text=width" for each box, in order.
std::string boxes(const ItemList& list) {
  std::string out;
  for (const Item& item : list.items) {
    if (item.kind != ItemKind::box) continue;
    out += (out.empty() ? "" : " ") + item.text + "=" + std::to_string(static_cast<int>(item.width.value));
  }
  return out;
}

std::string kerns(const TextRun& run) {
  std::string out;
  for (const fonts::Kern& kern : run.kerns) {
    out.append(out.empty() ? "" : " ")
        .append(std::to_string(kern.offset))
        .append(":")
        .append(std::to_string(kern.amount.value));
  }
  return out;
}

}  // namespace

TEST_SUITE("layout.kerning") {
  TEST_CASE("the fake metrics kern nothing: a box is as wide as its characters") {
    const test::FakeMetrics metrics;
    CHECK(metrics.kerning(fonts::FontFace::serif, "AV", core::Pt(10)).empty());
    CHECK(box_width(metrics, fonts::FontFace::serif, "AV", core::Pt(10)) == core::Pt(10));
  }

  TEST_CASE("a box is measured with the kerning inside it, a space is not kerned across") {
    Fixture f;
    CHECK(box_width(f.metrics, fonts::FontFace::serif, "AVA", core::Pt(10)) == core::Pt(14));
    CHECK(boxes(f.items("AVAV A V", core::Pt(1000))) == "AVAV=18 A=5 V=5");
  }

  TEST_CASE("a word wider than the measure is cut into chunks measured whole, kerning included") {
    Fixture f;
    // Character by character "AVAVA" would be 25 pt; kerned it is 23 and fits a 23 pt measure.
    CHECK(boxes(f.items("AVAVAVAVAV", core::Pt(23))) == "AVAVA=23 VAVAV=23");
  }

  TEST_CASE("a set line's runs carry each box's kerns at their offsets in the run, none across boxes") {
    Fixture f;
    ItemList list;
    const core::Pt size(10);
    for (const char* text : {"AV", "AV", "A"}) {
      list.items.push_back(
          box_item(text, fonts::FontFace::serif, size, box_width(f.metrics, fonts::FontFace::serif, text, size)));
    }
    list.items.push_back(glue_item(core::Pt(5), core::Pt(2), core::Pt(1)));
    list.items.push_back(
        box_item("VAV", fonts::FontFace::serif, size, box_width(f.metrics, fonts::FontFace::serif, "VAV", size)));
    const SetLine set = set_line(list, Line{0, list.items.size(), 0, true}, core::Pt(100), Alignment::left, f.metrics);
    REQUIRE(set.runs.size() == 2);
    CHECK(set.runs[0].text == "AVAVA");
    CHECK(kerns(set.runs[0]) == "1:-1.000000 3:-1.000000");  // not at 4: "V" and "A" were two boxes
    CHECK(set.runs[1].text == "VAV");
    CHECK(set.runs[1].x == core::Pt(23 + 5));
    CHECK(kerns(set.runs[1]) == "2:-1.000000");
    CHECK(kerning_total(set.runs[1]) == core::Pt(-1));
    CHECK(set.width == core::Pt(23 + 5 + 14));
  }

  TEST_CASE("boxes measured without kerning say so, and set_line then asks for none") {
    Fixture f;
    const ItemList list = f.items("AVAV Hello VA", core::Pt(1000));
    std::string unkerned;
    for (const Item& item : list.items) {
      if (item.kind == ItemKind::box) unkerned += item.text + (item.unkerned ? "=no " : "=kerned ");
    }
    CHECK(unkerned == "AVAV=kerned Hello=no VA=no ");
    // The flag is all set_line reads: a box that says it has none gets none, whatever its text.
    ItemList marked;
    marked.items.push_back(box_item("AV", fonts::FontFace::serif, core::Pt(10), core::Pt(10)));
    marked.items.back().unkerned = true;
    const SetLine set = set_line(marked, Line{0, 1, 0, true}, core::Pt(100), Alignment::left, f.metrics);
    REQUIRE(set.runs.size() == 1);
    CHECK(set.runs[0].kerns.empty());
  }

  TEST_CASE("lines set with the boxes' unkerned flags are the lines set asking every box") {
    Fixture f;
    ItemBuilder builder(f.context, core::Pt(1000));
    builder.add_text("AVA VAV Hello ", TextStyle{false, false, false, core::Pt(10)}, {"w.md", 1, 1});
    builder.add_text("WAVE AV", TextStyle{true, false, false, core::Pt(10)}, {"w.md", 1, 15});
    builder.add_text(" AVAV", TextStyle{false, true, false, core::Pt(12)}, {"w.md", 1, 22});
    const ItemList flagged = builder.finish();
    ItemList asking = flagged;
    for (Item& item : asking.items) item.unkerned = false;
    const Line line{0, flagged.items.size(), 0, true};
    const SetLine quick = set_line(flagged, line, core::Pt(1000), Alignment::left, f.metrics);
    const SetLine full = set_line(asking, line, core::Pt(1000), Alignment::left, f.metrics);
    REQUIRE(quick.runs.size() == full.runs.size());
    std::size_t kerned = 0;
    for (std::size_t i = 0; i < quick.runs.size(); ++i) {
      CAPTURE(quick.runs[i].text);
      CHECK(quick.runs[i].text == full.runs[i].text);
      CHECK(quick.runs[i].x == full.runs[i].x);
      CHECK(kerns(quick.runs[i]) == kerns(full.runs[i]));
      kerned += full.runs[i].kerns.size();
    }
    CHECK(kerned >= 5);  // the comparison has kerns to lose
  }

  TEST_CASE("a running head too long for the measure keeps the longest prefix that fits kerned") {
    Fixture f;
    f.style.page_width = f.style.margin_inner + f.style.margin_outer + core::Pt(306);
    std::string title;
    for (int i = 0; i < 100; ++i) title += "AV";
    const SetLine head = make_running_head(title, f.context);
    // 8.5 pt: 4.25 a letter, -0.85 an "AV". 306 - 4.25 for the ellipsis leaves 301.75: 78 letters
    // are 331.5 - 39 x 0.85 = 298.35 pt; letter by letter only 71 would fit.
    std::string kept;
    for (int i = 0; i < 39; ++i) kept += "AV";
    REQUIRE(head.runs.size() == 1);
    CHECK(head.runs[0].text == kept + "\u2026");
    CHECK(head.runs[0].kerns.size() == 39);
    CHECK(head.width.value == doctest::Approx(298.35 + 4.25));
  }
}
