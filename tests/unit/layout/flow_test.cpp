#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fonts/font_face.hpp"
#include "layout/flow.hpp"

using namespace octavo;
using namespace octavo::layout;

namespace {

FlowLine line_of(double height, double space_before = 0, Keep keep = Keep::none) {
  FlowLine line;
  line.height = core::Pt(height);
  line.space_before = core::Pt(space_before);
  line.keep = keep;
  return line;
}

// A line per row: its space before, height, keep (none, weak, strong), whether it breaks the page,
// and its anchors.
std::string described(const std::vector<FlowLine>& lines) {
  std::string out;
  for (const FlowLine& line : lines) {
    const char* keep = line.keep == Keep::strong ? "strong" : line.keep == Keep::weak ? "weak" : "none";
    out += std::to_string(static_cast<int>(line.space_before.value)) + " " +
           std::to_string(static_cast<int>(line.height.value)) + " " + keep + (line.break_before ? " break" : "");
    for (const Anchor& anchor : line.anchors) out += " #" + anchor.name;
    out += "\n";
  }
  return out;
}

// A piece of flow as an entry of the Sources appendix makes it: space and an anchor before a
// title, the two lines after it kept, then fields.
void add_entry(Flow& flow, const std::string& name, int fields) {
  flow.add_space(core::Pt(6));
  flow.add_anchor(name);
  flow.add_line(line_of(12));
  flow.keep_next_lines(1);
  for (int i = 0; i < fields; ++i) flow.add_line(line_of(10, i == 0 ? 2 : 0));
}

// A part's title, as set_part_title leaves it: a page break, an anchor, the title, one line kept
// after it and space pending.
void add_title(Flow& flow) {
  flow.break_page();
  flow.add_anchor("title");
  flow.add_line(line_of(20, 0, Keep::strong));
  flow.keep_next_lines(1);
  flow.add_space(core::Pt(9));
}

}  // namespace

TEST_SUITE("layout.flow") {
  TEST_CASE("requests for space collapse to the largest; anchors and markers go to the next line") {
    Flow flow;
    flow.add_space(core::Pt(5));
    flow.add_space(core::Pt(8));
    flow.add_space(core::Pt(3));
    flow.add_anchor("here");
    flow.add_marker({TextRun{fonts::FontFace::serif, core::Pt(10), core::Pt(-10), core::Pt(0), "1."}});
    FlowLine line;
    line.height = core::Pt(12);
    line.baseline = core::Pt(9);
    flow.add_line(line);
    flow.add_line(line);
    const std::vector<FlowLine> lines = flow.finish();
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].space_before.value == 8);
    CHECK(lines[1].space_before.value == 0);
    REQUIRE(lines[0].anchors.size() == 1);
    CHECK(lines[0].anchors[0].name == "here");
    REQUIRE(lines[0].runs.size() == 1);
    CHECK(lines[0].runs[0].baseline.value == 9);
    CHECK(lines[1].anchors.empty());
  }

  TEST_CASE("space after a heading brings the flow back to the grid") {
    // A 12 pt heading on 16.2 pt after 13.5 pt of space: 29.7 + 3 → 33.75, two and a half lines.
    CHECK(space_to_grid(core::Pt(29.7), core::Pt(6.75), core::Pt(3)).value == doctest::Approx(4.05));
    CHECK(space_to_grid(core::Pt(27), core::Pt(13.5), core::Pt(0)).value == doctest::Approx(0));
    CHECK(space_to_grid(core::Pt(22), core::Pt(13.5), core::Pt(27)).value == doctest::Approx(32));
  }

  TEST_CASE("an anchor with no line after it still gets one") {
    Flow flow;
    flow.add_anchor("end");
    const std::vector<FlowLine> lines = flow.finish();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].anchors[0].name == "end");
  }

  TEST_CASE("entries set apart and spliced with add_lines are the entries set in place") {
    Flow in_place;
    add_title(in_place);
    for (int e = 0; e < 3; ++e) add_entry(in_place, "e" + std::to_string(e), 2 + e);
    Flow spliced;
    add_title(spliced);
    for (int e = 0; e < 3; ++e) {
      Flow entry;
      add_entry(entry, "e" + std::to_string(e), 2 + e);
      spliced.add_lines(entry.finish());
    }
    const std::string expected = described(in_place.finish());
    CHECK(described(spliced.finish()) == expected);
    // The pending space (9, over the entry's 6), the title's anchor and its keep reach the first
    // spliced line; the entry's own keep its second.
    CHECK(
        expected.starts_with("0 20 strong break #title\n"
                             "9 12 weak #e0\n"
                             "2 10 weak\n"
                             "0 10 none\n"));
  }

  TEST_CASE("pending requests left after the last spliced line wait for the next line") {
    Flow flow;
    flow.add_lines({line_of(10)});
    flow.add_space(core::Pt(4));
    flow.add_anchor("after");
    flow.keep_next_lines(2);
    flow.add_lines({});  // nothing spliced: nothing applied
    flow.add_lines({line_of(10, 1), line_of(10), line_of(10)});
    CHECK(described(flow.finish()) ==
          "0 10 none\n"
          "4 10 weak #after\n"
          "0 10 weak\n"
          "0 10 none\n");
  }

  TEST_CASE("what was pending at a spliced flow's end does not reach past it; anchors waiting here follow") {
    Flow entry;
    entry.add_line(line_of(12));
    entry.keep_next_lines(1);  // nothing follows in the entry: finish() drops it
    Flow flow;
    flow.add_anchor("outer");
    flow.add_lines(entry.finish());
    flow.add_lines({line_of(10)});
    CHECK(described(flow.finish()) ==
          "0 12 none #outer\n"
          "0 10 none\n");
    Flow with_anchor;
    with_anchor.add_anchor("own");
    with_anchor.add_line(line_of(12));
    Flow outer;
    outer.add_anchor("outer");
    outer.add_lines(with_anchor.finish());
    CHECK(described(outer.finish()) == "0 12 none #own #outer\n");
  }
}
