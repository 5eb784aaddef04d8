// Inline styles set by build_items and set_line: superscripts and subscripts, strikethrough, keys,
// explicit anchors and in-book links.
#include <doctest/doctest.h>

#include <string>

#include "layout/destinations.hpp"
#include "layout/flow.hpp"
#include "layout/layout_test_support.hpp"
#include "layout/set_paragraph.hpp"

using namespace octavo;
using namespace octavo::layout;

namespace {

model::Inline text(std::string value) { return model::text_inline(std::move(value)); }
model::Inline span(model::InlineKind kind, std::vector<model::Inline> children) {
  return model::span_inline(kind, std::move(children));
}

// Resolves "#id" to "a1#id" for every id, as article_link_resolver does for the ids the anchor
// table has; an in-book link to another article leads to its anchor there, or to its start.
LinkResolver every_id() {
  return [](const model::Inline& link) -> std::optional<LinkTarget> {
    const std::string article = link.target_article.empty() ? "a1" : link.target_article;
    if (link.target.empty()) return LinkTarget{article, ""};
    return LinkTarget{article + link.target, ""};
  };
}

model::Inline link_to(const std::string& target) { return model::link_inline(target, {}); }

// `inlines` set ragged at 10 pt in a `width` column; the flow's lines.
std::vector<FlowLine> set(test::LayoutFixture& f, const std::vector<model::Inline>& inlines, double width = 300,
                          LinkResolver resolver = every_id()) {
  ItemBuilder builder(f.context, core::Pt(width));
  builder.set_link_resolver(std::move(resolver));
  builder.add_inlines(inlines, TextStyle{false, false, false, core::Pt(10)}, {"a.md", 1, 1});
  ParagraphFormat format;
  format.width = core::Pt(width);
  format.leading = core::Pt(13.5);
  format.size = core::Pt(10);
  format.alignment = Alignment::left;
  Flow flow;
  set_paragraph(flow, builder.finish(), format, f.metrics);
  return flow.finish();
}

// The runs of a line as "text@size^rise", in order.
std::string runs_of(const FlowLine& line) {
  std::string out;
  for (const TextRun& run : line.runs) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "@%g^%g", run.size.value, run.rise.value);
    out += (out.empty() ? "" : " ") + run.text + buffer;
  }
  return out;
}

}  // namespace

TEST_SUITE("layout.inline_styles") {
  TEST_CASE("superscripts and subscripts are smaller and raised or lowered, in reading order") {
    test::LayoutFixture f;
    const std::vector<FlowLine> lines =
        set(f, {text("x"),
                span(model::InlineKind::superscript, {text("2"), span(model::InlineKind::superscript, {text("n")})}),
                text(" H"), span(model::InlineKind::subscript, {text("2")}), text("O")});
    REQUIRE(lines.size() == 1);
    // 0.7 of the size; raised 0.413 of the surrounding size, lowered 0.15; nested scripts again.
    CHECK(runs_of(lines[0]) == "x@10^0 2@7^4.13 n@4.9^7.021 H@10^0 2@7^-1.5 O@10^0");
    // Each script is a run of its own, placed right after the text before it: no space added.
    CHECK(lines[0].runs[1].x == core::Pt(5));
    CHECK(lines[0].runs[2].x == core::Pt(5 + 3.5));
  }

  TEST_CASE("strikethrough: one rule through the x-height's middle, spaces between struck words included") {
    test::LayoutFixture f;
    const std::vector<FlowLine> lines =
        set(f, {text("keep "), span(model::InlineKind::strikethrough, {text("two words")}), text(" kept")});
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].rules.size() == 1);
    const Rule& rule = lines[0].rules[0];
    // "keep " is 25 pt; "two words" 45 pt. The fake x-height is half the ascent: 4 pt at 10 pt.
    CHECK(rule.x1 == core::Pt(25));
    CHECK(rule.x2 == core::Pt(70));
    CHECK(rule.y1 == rule.y2);
    CHECK(rule.y1 == lines[0].baseline - core::Pt(2));
    CHECK(rule.thickness == core::Pt(10 * strike_thickness));
  }

  TEST_CASE("strikethrough across a line break: a rule on each line, for the struck part of it") {
    test::LayoutFixture f;
    // 60 pt lines: "aaaa bbbb" (45 pt) then "cccc dddd".
    const std::vector<FlowLine> lines =
        set(f, {text("aaaa "), span(model::InlineKind::strikethrough, {text("bbbb cccc")}), text(" dddd")}, 60);
    REQUIRE(lines.size() == 2);
    REQUIRE(lines[0].rules.size() == 1);
    REQUIRE(lines[1].rules.size() == 1);
    CHECK(lines[0].rules[0].x1 == core::Pt(25));
    CHECK(lines[0].rules[0].x2 == core::Pt(45));
    CHECK(lines[1].rules[0].x1 == core::Pt(0));
    CHECK(lines[1].rules[0].x2 == core::Pt(20));
  }

  TEST_CASE("a key is mono at code size in a hairline frame; two keys, two frames") {
    test::LayoutFixture f;
    const std::vector<FlowLine> lines = set(f, {text("press "), span(model::InlineKind::keyboard, {text("Ctrl")}),
                                                text("+"), span(model::InlineKind::keyboard, {text("S")})});
    REQUIRE(lines.size() == 1);
    const FlowLine& line = lines[0];
    REQUIRE(line.runs.size() == 4);
    CHECK(line.runs[1].text == "Ctrl");
    CHECK(line.runs[1].face == fonts::FontFace::mono);
    CHECK(line.runs[1].size == core::Pt(10) * f.style.inline_code_scale);
    // Four hairlines a key: top, bottom, left, right, round the key's own advance (no white
    // added, so that extraction reads "Ctrl+S").
    REQUIRE(line.rules.size() == 8);
    const core::Pt key_left = core::Pt(30);
    const core::Pt key_right = key_left + core::Pt(4 * 4.5);
    CHECK(line.rules[2].x1 == key_left);
    CHECK(line.rules[3].x1 == key_right);
    CHECK(line.runs[2].text == "+");
    CHECK(line.runs[2].x == key_right);
    CHECK(line.rules[0].y1 < line.baseline - core::Pt(4.5 * 0.8 / 2 * key_frame_top) + core::Pt(0.01));
    CHECK(line.rules[1].y1 > line.baseline);
  }

  TEST_CASE("an explicit anchor lands on the line that holds the text after it") {
    test::LayoutFixture f;
    model::Inline anchor;
    anchor.kind = model::InlineKind::anchor;
    anchor.id = "here";
    // Lines of 60 pt: the anchor is before "dddd", on the second line.
    const std::vector<FlowLine> lines = set(f, {text("aaaa bbbb cccc "), anchor, text("dddd")}, 60);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].anchors.empty());
    REQUIRE(lines[1].anchors.size() == 1);
    CHECK(lines[1].anchors[0].name == "a1#here");
    CHECK(lines[1].runs.size() == 2);  // nothing drawn for it
  }

  TEST_CASE("an anchor in a paragraph with no text still lands on the next line") {
    test::LayoutFixture f;
    model::Inline anchor;
    anchor.kind = model::InlineKind::anchor;
    anchor.id = "alone";
    ItemBuilder builder(f.context, core::Pt(100));
    builder.set_link_resolver(every_id());
    builder.add_inlines({anchor}, TextStyle{false, false, false, core::Pt(10)}, {});
    Flow flow;
    ParagraphFormat format;
    format.width = core::Pt(100);
    format.leading = core::Pt(13.5);
    format.size = core::Pt(10);
    CHECK(set_paragraph(flow, builder.finish(), format, f.metrics) == 0);
    const std::vector<FlowLine> lines = flow.finish();
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].anchors.size() == 1);
    CHECK(lines[0].anchors[0].name == "a1#alone");
  }

  TEST_CASE("an in-book link leads to the anchor in its target article, or to the article's start") {
    test::LayoutFixture f;
    model::Inline to_heading = model::link_inline("#details", {text("details")});
    to_heading.target_article = "a2";
    model::Inline to_start = model::link_inline("", {text("start")});
    to_start.target_article = "a3";
    // The book's anchor table, as transform::resolve_links leaves it: a2 has a heading "details".
    const model::Article a1 = test::article("a1", "Here", {});
    const model::AnchorTable anchors = test::anchors_of(
        {a1, test::article("a2", "There", {test::heading(1, "Details", "details")}), test::article("a3", "Third", {})});
    const std::vector<FlowLine> lines =
        set(f, {to_heading, text(" and "), to_start}, 300, article_link_resolver(a1, anchors));
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].links.size() == 2);
    CHECK(lines[0].links[0].destination == heading_destination("a2", "details"));
    CHECK(lines[0].links[1].destination == "a3");
  }

  TEST_CASE("the article's resolver leads to the ids of the anchor table: blocks', anchors', notes', references'") {
    model::Inline anchor;
    anchor.kind = model::InlineKind::anchor;
    anchor.id = "spot";
    model::Inline ref;
    ref.kind = model::InlineKind::footnote_ref;
    ref.target = "fn-1";
    ref.text = "1";
    ref.id = "fnref-1";
    model::Block aside = model::container_block(model::BlockKind::aside, {model::paragraph_block({anchor, ref})});
    aside.id = "box";
    model::Article article = test::article("a1", "Ids", {aside});
    article.footnotes = {{"fn-1", "1", {test::paragraph("Note.")}, {}}};
    const model::AnchorTable anchors = test::anchors_of({article});
    const LinkResolver resolve = article_link_resolver(article, anchors);
    for (const char* id : {"#box", "#spot", "#fn-1", "#fnref-1"}) {
      CAPTURE(id);
      const std::optional<LinkTarget> target = resolve(link_to(id));
      REQUIRE(target);
      CHECK(target->destination == "a1#" + std::string(id + 1));
    }
    CHECK_FALSE(resolve(link_to("#nowhere")));
  }
}
