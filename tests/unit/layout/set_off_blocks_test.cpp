// Blocks set apart or aligned: asides, details, centred and right-aligned divisions and
// paragraphs, task items, explicit block ids, figures of several pictures.
#include <doctest/doctest.h>

#include <string>

#include "figure_block.hpp"
#include "layout/flow.hpp"
#include "layout/layout_test_support.hpp"
#include "layout/set_blocks.hpp"
#include "test_images.hpp"

using namespace octavo;
using namespace octavo::layout;

namespace {

std::vector<FlowLine> set(test::LayoutFixture& f, const std::vector<model::Block>& blocks, double width = 300) {
  Flow flow;
  BlockSetter setter(f.context, flow, "a1#", nullptr);
  setter.set_blocks(blocks, BlockFrame{core::Pt(0), core::Pt(width)});
  return flow.finish();
}

// The line's runs joined by single spaces, and where its first run starts.
std::string text_of(const FlowLine& line) {
  std::string out;
  for (const TextRun& run : line.runs) out += (out.empty() ? "" : " ") + run.text;
  return out;
}

model::Block task(model::TaskState state, std::string text) {
  model::Block item = model::container_block(model::BlockKind::list_item, {test::paragraph(std::move(text))});
  item.task = state;
  return item;
}

}  // namespace

TEST_SUITE("layout.set_off_blocks") {
  TEST_CASE("an aside: small type, indented, with a bar down its left edge that bridges its blocks") {
    test::LayoutFixture f;
    const model::Block aside = model::container_block(
        model::BlockKind::aside, {test::paragraph("First paragraph of the aside."), test::paragraph("Second one.")});
    const std::vector<FlowLine> lines = set(f, {test::paragraph("Before."), aside, test::paragraph("After.")});
    REQUIRE(lines.size() == 4);
    CHECK(lines[1].runs[0].size == f.style.small_size);
    CHECK(lines[1].runs[0].x == f.style.quote_indent);
    CHECK(lines[1].space_before == f.style.block_space);
    for (std::size_t i : {1u, 2u}) {
      CAPTURE(i);
      REQUIRE(lines[i].rules.size() == 1);
      const Rule& bar = lines[i].rules[0];
      CHECK(bar.x1 == bar.x2);
      CHECK(bar.x1 == f.style.rule_thickness);  // half its width in from the column's edge
      CHECK(bar.y2 == lines[i].height);
    }
    // The first line's bar starts at its top; the next one's reaches up over the space above it.
    CHECK(lines[1].rules[0].y1 == core::Pt(0));
    CHECK(lines[2].rules[0].y1 == core::Pt(0) - lines[2].space_before);
    CHECK(lines[3].rules.empty());
    CHECK(lines[3].runs[0].size == f.style.body_size);
  }

  TEST_CASE("details: the summary bold and kept with what follows, the content indented under it") {
    test::LayoutFixture f;
    model::Block details = model::container_block(model::BlockKind::details, {test::paragraph("Content.")});
    details.inlines = {model::text_inline("Summary")};
    model::Block bare = model::container_block(model::BlockKind::details, {test::paragraph("Alone.")});
    const std::vector<FlowLine> lines = set(f, {details, bare});
    REQUIRE(lines.size() == 3);
    CHECK(text_of(lines[0]) == "Summary");
    CHECK(lines[0].runs[0].face == fonts::FontFace::serif_bold);
    CHECK(lines[0].keep == Keep::strong);
    CHECK(lines[1].runs[0].x == f.style.list_indent);
    // Without a summary, the content alone, unindented.
    CHECK(text_of(lines[2]) == "Alone.");
    CHECK(lines[2].runs[0].x == core::Pt(0));
  }

  TEST_CASE("a centred division centres its paragraphs and headings; a paragraph may be right-aligned") {
    test::LayoutFixture f;
    model::Block centred = model::container_block(model::BlockKind::division,
                                                  {test::heading(2, "Title", "t"), test::paragraph("Centred.")});
    centred.align = model::Align::center;
    model::Block right = test::paragraph("Right.");
    right.align = model::Align::right;
    const std::vector<FlowLine> lines = set(f, {test::paragraph("Before."), centred, right});
    REQUIRE(lines.size() == 4);
    // 300 pt column: "Title" in 10.5 pt bold is 26.25 pt wide, "Centred." 40, "Right." 30.
    CHECK(lines[1].runs[0].x == (core::Pt(300) - core::Pt(26.25)) / 2);
    CHECK(lines[2].runs[0].x == core::Pt(130));
    CHECK(lines[3].runs[0].x == core::Pt(270));
    REQUIRE(lines[1].anchors.size() == 1);
    CHECK(lines[1].anchors[0].name == "a1#t");
  }

  TEST_CASE("task items show a ballot box in the bullet's place, from the face that has it") {
    test::LayoutFixture f;
    f.metrics.only_in = {{U'\u2610', {fonts::FontFace::fallback}}, {U'\u2611', {fonts::FontFace::fallback}}};
    const model::Block list = model::container_block(
        model::BlockKind::bullet_list, {task(model::TaskState::done, "Done."), task(model::TaskState::open, "Open.")});
    model::Block ordered =
        model::container_block(model::BlockKind::ordered_list, {task(model::TaskState::open, "Nth.")});
    const std::vector<FlowLine> lines = set(f, {list, ordered});
    REQUIRE(lines.size() == 3);
    CHECK(text_of(lines[0]) == "Done. \u2611");
    CHECK(lines[0].runs[1].face == fonts::FontFace::fallback);
    // Right-aligned against the marker gap, as bullets are: 10 pt wide in the fake fallback face.
    CHECK(lines[0].runs[1].x == f.style.list_indent - f.style.list_marker_gap - core::Pt(10));
    CHECK(text_of(lines[1]) == "Open. \u2610");
    // An ordered item keeps its number, before the box.
    CHECK(text_of(lines[2]) == "Nth. \u2610 1.");
  }

  TEST_CASE("with no face for ballot boxes, a task's state is written out") {
    test::LayoutFixture f;
    f.metrics.only_in = {{U'\u2610', {}}, {U'\u2611', {}}};
    const std::vector<FlowLine> lines =
        set(f, {model::container_block(model::BlockKind::bullet_list, {task(model::TaskState::done, "Done.")})});
    REQUIRE(lines.size() == 1);
    CHECK(text_of(lines[0]) == "Done. [x]");
  }

  TEST_CASE("a block's explicit id is an anchor at its first line") {
    test::LayoutFixture f;
    model::Block paragraph = test::paragraph("Marked.");
    paragraph.id = "mark";
    const std::vector<FlowLine> lines = set(f, {test::paragraph("Before."), paragraph});
    REQUIRE(lines.size() == 2);
    REQUIRE(lines[1].anchors.size() == 1);
    CHECK(lines[1].anchors[0].name == "a1#mark");
  }

  TEST_CASE("a figure's pictures stand side by side while they fit the measure, centred on a common foot") {
    test::LayoutFixture f;
    model::Block figure = test::figure("a.png", test::tiny_png(), "A", 100, 40);                    // 75 x 30 pt
    figure.images.push_back(test::figure("b.png", test::tiny_png(), "B", 120, 80).images.front());  // 90 x 60
    figure.images.push_back(test::figure("c.png", test::tiny_png(), "C", 200, 20).images.front());  // 150 x 15
    figure.inlines = {model::text_inline("Three pictures")};
    const std::vector<FlowLine> lines = set(f, {figure}, 200);
    REQUIRE(lines.size() == 3);
    // Row one: 75 + 10.5 + 90 = 175.5 of 200 pt; the third would overflow it.
    REQUIRE(lines[0].images.size() == 2);
    CHECK(lines[0].height == core::Pt(60));
    CHECK(lines[0].images[0].x == core::Pt(12.25));
    CHECK(lines[0].images[0].y == core::Pt(30));  // standing on the row's foot
    CHECK(lines[0].images[1].x == core::Pt(12.25 + 75 + 10.5));
    CHECK(lines[0].keep == Keep::strong);
    REQUIRE(lines[1].images.size() == 1);
    CHECK(lines[1].images[0].x == core::Pt(25));
    CHECK(text_of(lines[2]) == "Three pictures");
  }
}
