#include <doctest/doctest.h>

#include "layout/build_items.hpp"
#include "layout/layout_test_support.hpp"
#include "layout/set_paragraph.hpp"

using namespace octavo;
using namespace octavo::layout;

namespace {

struct Fixture : test::LayoutFixture {
  // Sets `words` words of four letters in a 100 pt measure: four words a line.
  std::vector<FlowLine> paragraph(int words) {
    std::string text;
    for (int i = 0; i < words; ++i) text += "word ";
    ItemBuilder builder(context, core::Pt(100));
    builder.add_text(text, TextStyle{false, false, false, core::Pt(10)}, {});
    ParagraphFormat format;
    format.width = core::Pt(100);
    format.leading = core::Pt(12);
    format.size = core::Pt(10);
    Flow flow;
    set_paragraph(flow, builder.finish(), format, metrics);
    return flow.finish();
  }
};

// The words of each line, joined by single spaces (runs are placed word by word).
std::vector<std::string> line_words(const std::vector<FlowLine>& lines) {
  std::vector<std::string> texts;
  for (const FlowLine& line : lines) {
    std::string text;
    for (const TextRun& run : line.runs) text += (text.empty() ? "" : " ") + run.text;
    texts.push_back(text);
  }
  return texts;
}

std::string keeps(const std::vector<FlowLine>& lines) {
  std::string out;
  for (const FlowLine& line : lines) out += line.keep == Keep::none ? '.' : line.keep == Keep::weak ? 'w' : 'k';
  return out;
}

}  // namespace

TEST_SUITE("layout.set_paragraph") {
  TEST_CASE("justified paragraphs are broken total-fit, ragged ones first-fit") {
    // The sample of total_fit_test: first-fit ends its first line at "left", total-fit at "from".
    const std::string sample =
        "A line of type is set from left to right and the spaces between its words may stretch or shrink a little";
    const auto set = [&](Alignment alignment) {
      Fixture f;
      ItemBuilder builder(f.context, core::Pt(145));
      builder.add_text(sample, TextStyle{false, false, false, core::Pt(10)}, {});
      ParagraphFormat format;
      format.width = core::Pt(145);
      format.leading = core::Pt(12);
      format.size = core::Pt(10);
      format.alignment = alignment;
      Flow flow;
      set_paragraph(flow, builder.finish(), format, f.metrics);
      return line_words(flow.finish());
    };
    CHECK(set(Alignment::justify).front() == "A line of type is set from");
    CHECK(set(Alignment::left).front() == "A line of type is set from left");
  }

  TEST_CASE("no orphan and no widow: the first line keeps with the second, the last but one with the last") {
    Fixture f;
    CHECK(keeps(f.paragraph(4)) == ".");
    CHECK(keeps(f.paragraph(8)) == "w.");
    CHECK(keeps(f.paragraph(12)) == "ww.");
    CHECK(keeps(f.paragraph(20)) == "w..w.");
  }

  TEST_CASE("baselines sit in the middle of the leading; runs are placed from the frame's left") {
    Fixture f;
    const std::vector<FlowLine> lines = f.paragraph(4);
    REQUIRE(lines.size() == 1);
    // Ascent 8 and descent 2 in a 12 pt line leave 1 pt above and below.
    CHECK(lines[0].baseline.value == 9);
    CHECK(lines[0].height.value == 12);
    CHECK(lines[0].runs[0].baseline.value == 9);
  }

  TEST_CASE("the baseline in a leading shares the space beyond the glyphs equally above and below") {
    const test::FakeMetrics metrics;
    // 10 pt: ascent 8, descent 2. In 13.5 pt, 1.75 pt above and below; in 8 pt, 1 pt over each end.
    CHECK(baseline_in_leading(core::Pt(13.5), fonts::FontFace::serif, core::Pt(10), metrics).value == 9.75);
    CHECK(baseline_in_leading(core::Pt(10), fonts::FontFace::mono, core::Pt(10), metrics).value == 8);
    CHECK(baseline_in_leading(core::Pt(8), fonts::FontFace::serif, core::Pt(10), metrics).value == 7);
  }
}
