#include <doctest/doctest.h>

#include "layout/break_lines.hpp"
#include "layout/build_items.hpp"
#include "layout/layout_test_support.hpp"
#include "layout/set_line.hpp"

using namespace octavo;
using namespace octavo::layout;

namespace {

struct Fixture : test::LayoutFixture {
  ItemList inlines(const std::vector<model::Inline>& content, core::Pt measure) {
    ItemBuilder builder(context, measure);
    builder.set_link_resolver([](const model::Inline& link) -> std::optional<LinkTarget> {
      if (link.target == "#intro") return LinkTarget{"a01#intro", ""};
      return std::nullopt;
    });
    builder.add_inlines(content, TextStyle{false, false, false, core::Pt(10)}, {"w.md", 1, 1});
    return builder.finish();
  }

  std::vector<std::string> lines(const std::string& text, double measure) {
    const ItemList list = items(text, core::Pt(measure));
    std::vector<std::string> out;
    for (const Line& line : break_lines(list.items, {core::Pt(measure), core::Pt(measure)})) {
      out.push_back(line_text(list.items, line));
    }
    return out;
  }
};

model::Inline styled(model::InlineKind kind, std::vector<model::Inline> children) {
  model::Inline run;
  run.kind = kind;
  run.children = std::move(children);
  return run;
}

model::Inline code(std::string text) {
  model::Inline run;
  run.kind = model::InlineKind::code;
  run.text = std::move(text);
  return run;
}

std::vector<double> run_xs(const SetLine& set) {
  std::vector<double> xs;
  for (const TextRun& run : set.runs) xs.push_back(run.x.value);
  return xs;
}

}  // namespace

TEST_SUITE("layout.break_lines") {
  TEST_CASE("first-fit fills each line as far as it fits, shrinking spaces if need be") {
    Fixture f;
    // 100 pt = 20 characters. "dog and keeps running" is 21 characters, and fits only because
    // its three spaces shrink by a third each.
    CHECK(f.lines("The quick brown fox jumps over the lazy dog and keeps running far away", 100) ==
          std::vector<std::string>{"The quick brown fox", "jumps over the lazy", "dog and keeps running", "far away"});
  }

  TEST_CASE("justified lines place every word at its own x; the last line keeps natural spaces") {
    Fixture f;
    const ItemList list = f.items("The quick brown fox jumps", core::Pt(100));
    const std::vector<Line> lines = break_lines(list.items, {core::Pt(100), core::Pt(100)});
    REQUIRE(lines.size() == 2);
    const SetLine first = set_line(list, lines[0], core::Pt(100), Alignment::justify, f.metrics);
    // 19 characters leave 5 pt for three spaces: each grows from 5 to 6.667 pt.
    const std::vector<double> xs = run_xs(first);
    REQUIRE(xs.size() == 4);
    CHECK(xs[0] == 0);
    CHECK(xs[1] == doctest::Approx(21.6667));
    CHECK(xs[2] == doctest::Approx(53.3333));
    CHECK(xs[3] == doctest::Approx(85));
    CHECK(first.runs[3].text == "fox");
    CHECK(first.width.value == doctest::Approx(100));
    CHECK(lines[1].ragged);
    const SetLine last = set_line(list, lines[1], core::Pt(100), Alignment::justify, f.metrics);
    CHECK(last.runs.size() == 1);
    CHECK(last.runs[0].text == "jumps");
    CHECK(last.runs[0].x.value == 0);
  }

  TEST_CASE("a run that a word space parts from the one before it says so; the line's first does not") {
    Fixture f;
    // "ab " then "cd" in italics, "ef" right after it in roman (the same word), then " gh".
    const ItemList list =
        f.inlines({model::text_inline("ab "), styled(model::InlineKind::emphasis, {model::text_inline("cd")}),
                   model::text_inline("ef gh")},
                  core::Pt(200));
    const std::vector<Line> lines = break_lines(list.items, {core::Pt(200), core::Pt(200)});
    REQUIRE(lines.size() == 1);
    const SetLine set = set_line(list, lines[0], core::Pt(200), Alignment::justify, f.metrics);
    REQUIRE(set.runs.size() == 4);
    CHECK(set.runs[0].text == "ab");
    CHECK_FALSE(set.runs[0].after_word_space);
    CHECK(set.runs[1].text == "cd");
    CHECK(set.runs[1].after_word_space);
    CHECK(set.runs[2].text == "ef");
    CHECK_FALSE(set.runs[2].after_word_space);
    CHECK(set.runs[3].text == "gh");
    CHECK(set.runs[3].after_word_space);
  }

  TEST_CASE("centred and right-aligned lines keep natural spaces") {
    Fixture f;
    const ItemList list = f.items("ab cd", core::Pt(100));
    const std::vector<Line> lines = break_lines(list.items, {core::Pt(100), core::Pt(100)});
    CHECK(run_xs(set_line(list, lines[0], core::Pt(100), Alignment::centre, f.metrics)) ==
          std::vector<double>{37.5, 52.5});
    CHECK(run_xs(set_line(list, lines[0], core::Pt(100), Alignment::right, f.metrics)) == std::vector<double>{75, 90});
  }

  TEST_CASE("a hard break ends a ragged line") {
    Fixture f;
    const ItemList list =
        f.inlines({model::text_inline("one two"), model::Inline{model::InlineKind::hard_break, "", "", {}, {}},
                   model::text_inline("three")},
                  core::Pt(100));
    const std::vector<Line> lines = break_lines(list.items, {core::Pt(100), core::Pt(100)});
    REQUIRE(lines.size() == 2);
    CHECK(line_text(list.items, lines[0]) == "one two");
    CHECK(lines[0].ragged);
    CHECK(lines[0].ratio == 0);
  }

  TEST_CASE("a word wider than the measure is broken there by characters, with a warning") {
    Fixture f;
    CHECK(f.lines("see abcdefghijklmnopqrstuvwxyz now", 50) ==
          std::vector<std::string>{"see", "abcdefghij", "klmnopqrst", "uvwxyz now"});
    CHECK(f.diagnostics.to_string() == "w.md:3:1: warning: word too long for the line; broken at the measure\n");
  }

  TEST_CASE("lines break at spaces, never after a hyphen, dash or slash inside a word") {
    Fixture f;
    CHECK(f.lines("a well-being", 55) == std::vector<std::string>{"a", "well-being"});
    CHECK(f.lines("a b\u2014c\u2013d", 25) == std::vector<std::string>{"a", "b\u2014c\u2013d"});
    CHECK(f.lines("x and/or", 35) == std::vector<std::string>{"x", "and/or"});
    CHECK(f.diagnostics.all().empty());
  }

  TEST_CASE("a soft hyphen is dropped and a no-break space holds its words together") {
    Fixture f;
    const ItemList list = f.items("hy\u00ADphen", core::Pt(100));
    REQUIRE(list.items.size() == 3);  // the box, then the closing fill glue and forced break
    CHECK(list.items[0].text == "hyphen");
    CHECK(list.items[0].width.value == 30);
    CHECK(f.lines("a b 10\u00A0km", 30) == std::vector<std::string>{"a b", "10 km"});
  }

  TEST_CASE("tabs, newlines and runs of spaces become one space; leading and trailing ones vanish") {
    Fixture f;
    CHECK(f.lines("  one\t\ttwo \n three  ", 100) == std::vector<std::string>{"one two three"});
  }

  TEST_CASE("a character no face has becomes a placeholder, and the warning names it once") {
    Fixture f;
    const ItemList list = f.items("smile \U0001F600 and \U0001F600 \u4E2D", core::Pt(200));
    CHECK(f.lines("smile \U0001F600 and \U0001F600 \u4E2D", 200) ==
          std::vector<std::string>{"smile \u25A1 and \u25A1 \u25A1"});
    f.coverage.report(f.diagnostics, {"fallback.md", 0, 0}, false);
    CHECK(f.diagnostics.to_string() ==
          "w.md:3:1: warning: characters the PDF fonts cannot draw are shown as \u25A1: \U0001F600 (U+1F600), "
          "\u4E2D (U+4E2D)\n");
    CHECK(list.items[2].text == "\u25A1");
  }

  TEST_CASE("the placeholder comes from the mono face when the serif lacks U+25A1") {
    Fixture f;
    f.metrics.serif_has_white_square = false;
    const ItemList list = f.items("a\U0001F600b", core::Pt(200));
    REQUIRE(list.items.size() >= 3);
    CHECK(list.items[0].text == "a");
    CHECK(list.items[1].text == "\u25A1");
    CHECK(list.items[1].face == fonts::FontFace::mono);
    CHECK(list.items[2].text == "b");
    // One word: no break is offered around the placeholder.
    CHECK(list.items[1].kind == ItemKind::box);
    CHECK(list.items[2].kind == ItemKind::box);
  }

  TEST_CASE("styles become faces; characters of one style within a word stay one run") {
    Fixture f;
    const ItemList list = f.inlines(
        {styled(model::InlineKind::emphasis, {model::text_inline("foo")}), model::text_inline("bar baz "),
         styled(model::InlineKind::strong, {model::text_inline("bold")}), model::text_inline(" "), code("x=1")},
        core::Pt(200));
    const std::vector<Line> lines = break_lines(list.items, {core::Pt(200), core::Pt(200)});
    REQUIRE(lines.size() == 1);
    const SetLine set = set_line(list, lines[0], core::Pt(200), Alignment::justify, f.metrics);
    REQUIRE(set.runs.size() == 5);
    CHECK(set.runs[0].face == fonts::FontFace::serif_italic);
    CHECK(set.runs[0].text == "foo");
    CHECK(set.runs[1].text == "bar");
    CHECK(set.runs[1].x.value == 15);
    CHECK(set.runs[3].face == fonts::FontFace::serif_bold);
    CHECK(set.runs[4].face == fonts::FontFace::mono);
    CHECK(set.runs[4].size.value == 9);  // inline code at 90 %
  }

  TEST_CASE("links become link areas over their words; unknown '#' targets stay plain text") {
    Fixture f;
    const ItemList list =
        f.inlines({model::text_inline("see "), model::link_inline("#intro", {model::text_inline("the intro")}),
                   model::text_inline(" or "), model::link_inline("https://example.org", {model::text_inline("web")}),
                   model::text_inline(" "), model::link_inline("#nowhere", {model::text_inline("gone")})},
                  core::Pt(300));
    const std::vector<Line> lines = break_lines(list.items, {core::Pt(300), core::Pt(300)});
    const SetLine set = set_line(list, lines[0], core::Pt(300), Alignment::left, f.metrics);
    REQUIRE(set.links.size() == 2);
    CHECK(set.links[0].destination == "a01#intro");
    CHECK(set.links[0].left.value == 20);
    CHECK(set.links[0].right.value == 65);  // "the intro": 9 characters, space included
    CHECK(set.links[0].top.value == -8);
    CHECK(set.links[0].bottom.value == 2);
    CHECK(set.links[1].uri == "https://example.org");
    CHECK(set.links[1].destination.empty());
  }

  TEST_CASE("an empty paragraph has no lines") {
    Fixture f;
    CHECK(f.lines("", 100).empty());
    CHECK(f.lines("   ", 100).empty());
  }
}
