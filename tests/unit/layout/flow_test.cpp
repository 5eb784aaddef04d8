#include <doctest/doctest.h>

#include <string>
#include <vector>

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

// A line per row: its space before, height, keep, whether it breaks the page, and its anchors.
std::string described(const std::vector<FlowLine>& lines) {
  std::string out;
  for (const FlowLine& line : lines) {
    out += std::to_string(static_cast<int>(line.space_before.value)) + " " +
           std::to_string(static_cast<int>(line.height.value)) + " keep" + std::to_string(static_cast<int>(line.keep)) +
           (line.break_before ? " break" : "");
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
        expected.starts_with("0 20 keep2 break #title\n"
                             "9 12 keep1 #e0\n"
                             "2 10 keep1\n"
                             "0 10 keep0\n"));
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
          "0 10 keep0\n"
          "4 10 keep1 #after\n"
          "0 10 keep1\n"
          "0 10 keep0\n");
  }
}
