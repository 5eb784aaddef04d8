#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>

#include "layout/break_lines.hpp"
#include "layout/build_items.hpp"
#include "layout/layout_test_support.hpp"
#include "layout/total_fit.hpp"

using namespace octavo;
using namespace octavo::layout;

namespace {

// 10 pt text: every character and space 5 pt wide; a space may stretch by 2.5 pt and shrink by
// 1.667 pt (the house style's 1/2 and 1/3).
using Fixture = test::LayoutFixture;

const std::string sample =
    "A line of type is set from left to right and the spaces between its words may stretch or shrink a little";

}  // namespace

TEST_SUITE("layout.total_fit") {
  TEST_CASE("total-fit spreads the space that first-fit leaves on one very loose line") {
    Fixture f;
    // 145 pt = 29 characters a line.
    const ItemList list = f.items(sample, core::Pt(145));
    const std::vector<Line> first_fit = break_lines(list.items, test::same_widths(145));
    const std::vector<Line> total_fit = break_lines_total_fit(list.items, test::same_widths(145));
    // First-fit fills the first line, shrinking it, and so leaves the second with spaces at
    // three times their stretch (r = 3).
    CHECK(test::line_texts(list.items, first_fit) ==
          std::vector<std::string>{"A line of type is set from left", "to right and the spaces",
                                   "between its words may stretch", "or shrink a little"});
    CHECK(test::worst_ratio(first_fit) == doctest::Approx(3));
    CHECK(test::line_texts(list.items, total_fit) ==
          std::vector<std::string>{"A line of type is set from", "left to right and the spaces",
                                   "between its words may stretch", "or shrink a little"});
    CHECK(test::worst_ratio(total_fit) == doctest::Approx(1));
    CHECK(total_fit[1].ratio == doctest::Approx(0.4));
  }

  TEST_CASE("the last line is ragged: it keeps natural spaces however short it is") {
    Fixture f;
    const ItemList list = f.items(sample, core::Pt(145));
    const std::vector<Line> lines = break_lines_total_fit(list.items, test::same_widths(145));
    REQUIRE(lines.size() == 4);
    CHECK(lines[3].ragged);
    CHECK(lines[3].ratio == 0);
    CHECK_FALSE(lines[0].ragged);
    CHECK_FALSE(lines[2].ragged);
  }

  TEST_CASE("hard line breaks are still forced, and end ragged lines") {
    Fixture f;
    ItemBuilder builder(f.context, core::Pt(145));
    builder.add_inlines({model::text_inline("one two"), model::Inline{model::InlineKind::hard_break, "", "", {}, {}},
                         model::text_inline(sample)},
                        TextStyle{false, false, false, core::Pt(10)}, {"w.md", 1, 1});
    const ItemList list = builder.finish();
    const std::vector<Line> lines = break_lines_total_fit(list.items, test::same_widths(145));
    CHECK(test::line_texts(list.items, lines) ==
          std::vector<std::string>{"one two", "A line of type is set from", "left to right and the spaces",
                                   "between its words may stretch", "or shrink a little"});
    CHECK(lines[0].ragged);
    CHECK(lines[0].ratio == 0);
  }

  TEST_CASE("a word wider than the measure is broken by characters, with the same warning as before") {
    Fixture f;
    const ItemList list = f.items("see abcdefghijklmnopqrstuvwxyz now", core::Pt(50));
    CHECK(test::line_texts(list.items, break_lines_total_fit(list.items, test::same_widths(50))) ==
          std::vector<std::string>{"see", "abcdefghij", "klmnopqrst", "uvwxyz now"});
    CHECK(f.diagnostics.to_string() == "w.md:3:1: warning: word too long for the line; broken at the measure\n");
  }

  TEST_CASE("the first line may be narrower than the rest") {
    Fixture f;
    const ItemList list = f.items(sample, core::Pt(110));
    const std::vector<Line> lines = break_lines_total_fit(list.items, {core::Pt(110), core::Pt(145)});
    CHECK(test::line_texts(list.items, lines) ==
          std::vector<std::string>{"A line of type is set", "from left to right and the",
                                   "spaces between its words may", "stretch or shrink a little"});
    // "A line of type is set": 21 characters in 110 pt, spaces stretched by 0.4 of their stretch.
    CHECK(lines[0].ratio == doctest::Approx(0.4));
    CHECK(lines[1].ratio == doctest::Approx(1.2));
  }

  TEST_CASE("when no breaks are feasible at tolerance 200, the second pass sets the paragraph") {
    Fixture f;
    // Each line holds one word and has no space to stretch: infinitely bad to the first pass.
    const ItemList list = f.items("aaaaaaaa bbbbbbbb", core::Pt(50));
    CHECK_FALSE(try_total_fit(list.items, test::same_widths(50), first_pass_tolerance).has_value());
    const std::optional<std::vector<Line>> second =
        try_total_fit(list.items, test::same_widths(50), second_pass_tolerance);
    REQUIRE(second.has_value());
    CHECK(test::line_texts(list.items, *second) == std::vector<std::string>{"aaaaaaaa", "bbbbbbbb"});
    // Its badness of a million or more is beyond any limit the last pass tries first.
    TotalFitWork work;
    CHECK(test::line_texts(list.items, break_lines_total_fit(list.items, test::same_widths(50), &work)) ==
          std::vector<std::string>{"aaaaaaaa", "bbbbbbbb"});
    CHECK(work.unlimited_searches == 1);
  }

  TEST_CASE("the second pass prefers a loose line to a word left alone on a line") {
    Fixture f;
    // 85 pt = 17 characters: no line can be decent, so the first pass fails.
    const ItemList list = f.items("We set the paragraph as a whole", core::Pt(85));
    CHECK_FALSE(try_total_fit(list.items, test::same_widths(85), first_pass_tolerance).has_value());
    CHECK(test::line_texts(list.items, break_lines_total_fit(list.items, test::same_widths(85))) ==
          std::vector<std::string>{"We set the", "paragraph as a", "whole"});
  }

  TEST_CASE("with no feasible breaks at all, the paragraph falls back to first-fit") {
    Fixture f;
    // Made by hand: build_items would have split the 60 pt word.
    std::vector<Item> items{box_item("ab", fonts::FontFace::serif, core::Pt(10), core::Pt(10)),
                            glue_item(core::Pt(5), core::Pt(2.5), core::Pt(1.5)),
                            box_item("cdefghijkl", fonts::FontFace::serif, core::Pt(10), core::Pt(60)), fill_item(),
                            penalty_item(forced_break)};
    CHECK_FALSE(try_total_fit(items, test::same_widths(50), second_pass_tolerance).has_value());
    const std::vector<Line> lines = break_lines_total_fit(items, test::same_widths(50));
    CHECK(test::line_texts(items, lines) == std::vector<std::string>{"ab", "cdefghijkl"});
    CHECK(test::line_texts(items, lines) == test::line_texts(items, break_lines(items, test::same_widths(50))));
  }

  TEST_CASE("an empty paragraph has no lines") {
    Fixture f;
    CHECK(break_lines_total_fit(f.items("", core::Pt(100)).items, test::same_widths(100)).empty());
    CHECK(try_total_fit({}, test::same_widths(100), first_pass_tolerance)->empty());
  }

  TEST_CASE("a paragraph of 10,000 words is broken, every line within its glue") {
    Fixture f;
    const std::vector<std::string> words{"a", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog", "again"};
    std::string text;
    for (int i = 0; i < 10000; ++i) text += words[static_cast<std::size_t>(i * 7 % 10)] + " ";
    text.pop_back();
    const ItemList list = f.items(text, core::Pt(320));
    const std::vector<Line> lines = break_lines_total_fit(list.items, test::same_widths(320));
    REQUIRE(!lines.empty());
    std::string joined;
    for (const Line& line : lines) {
      CHECK(line.ratio >= -1);
      joined.append(joined.empty() ? "" : " ").append(line_text(list.items, line));
    }
    CHECK(joined == text);
    CHECK(lines.back().ragged);
  }
}

namespace {

// A paragraph made by hand from a seed: words 10 to 70 pt wide, a quarter of those of 40 pt or
// more with a hyphenation point, between spaces of 5 pt that stretch by 2.5 and shrink by 1.667,
// closed as build_items closes one. With `lone_word`, one word in the middle is 290 pt wide: in a
// 300 pt measure it fills a line alone, with no space to stretch.
std::vector<Item> random_paragraph(std::uint32_t seed, std::size_t words, bool lone_word) {
  std::uint32_t state = seed * 2654435761U + 1;
  const auto next = [&state](std::uint32_t below) {
    state = state * 1664525U + 1013904223U;
    return (state >> 8) % below;
  };
  std::vector<Item> items;
  for (std::size_t w = 0; w < words; ++w) {
    if (w > 0) items.push_back(glue_item(core::Pt(5), core::Pt(2.5), core::Pt(5.0 / 3)));
    const double width = lone_word && w == words / 2 ? 290 : 10 + 5 * next(13);
    if (width >= 40 && width < 290 && next(4) == 0) {
      const double split = 5 + 5 * next(static_cast<std::uint32_t>(width / 5 - 2));
      items.push_back(box_item("w", fonts::FontFace::serif, core::Pt(10), core::Pt(split)));
      items.push_back(hyphen_item(core::Pt(5)));
      items.push_back(box_item("w", fonts::FontFace::serif, core::Pt(10), core::Pt(width - split)));
    } else {
      items.push_back(box_item("w", fonts::FontFace::serif, core::Pt(10), core::Pt(width)));
    }
  }
  items.push_back(fill_item());
  items.push_back(penalty_item(forced_break));
  return items;
}

bool same_lines(const std::vector<Line>& a, const std::vector<Line>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Line& x, const Line& y) {
    return x.begin == y.begin && x.end == y.end && x.ratio == y.ratio && x.ragged == y.ragged;
  });
}

}  // namespace

TEST_SUITE("layout.total_fit") {
  TEST_CASE("the last pass gives the unlimited search's breaks, for a fraction of its work") {
    // Paragraphs that the pass at tolerance 200 cannot set, in a measure of 300 pt (4 to 20 words
    // a line), of 3 to 1,200 words; one in ten has a word that fills a line alone.
    std::size_t settled_at_once = 0;
    std::size_t bounded_twice = 0;
    // Of those bounded twice, how many the first limit alone would have set otherwise: the
    // second search made a difference.
    std::size_t second_limit_mattered = 0;
    std::size_t left_unlimited = 0;
    // Lines tried by the passes as they were before run_unlimited (the pre-pass, the pass at 200,
    // the unlimited search), and by all of break_lines_total_fit, where the unlimited search was
    // not needed.
    std::size_t before = 0;
    std::size_t now = 0;
    for (std::uint32_t seed = 0; seed < 400; ++seed) {
      const std::size_t words = 3 + (seed * 37) % (seed % 10 == 0 ? 1200 : 150);
      CAPTURE(seed);
      const std::vector<Item> items = random_paragraph(seed, words, seed % 10 == 3);
      const LineWidths widths = test::same_widths(300);
      TotalFitWork passes_before;
      try_total_fit(items, widths, pre_pass_tolerance, Hyphenation::ignore, &passes_before);
      if (try_total_fit(items, widths, first_pass_tolerance, Hyphenation::allow, &passes_before)) continue;
      const std::optional<std::vector<Line>> expected =
          try_total_fit(items, widths, second_pass_tolerance, Hyphenation::allow, &passes_before);
      REQUIRE(expected.has_value());
      TotalFitWork work;
      const std::vector<Line> lines = break_lines_total_fit(items, widths, &work);
      CHECK(same_lines(lines, *expected));
      // The pre-pass and the pass at 200 came first; then the limit 2000 and, when it cannot
      // settle the pass, either the second limit or (when 2000 sets nothing) the unlimited search.
      if (work.unlimited_searches == 1) {
        CHECK(work.searches == 4);
        ++left_unlimited;
        continue;
      }
      if (work.searches == 3) ++settled_at_once;
      if (work.searches == 4) {
        ++bounded_twice;
        const std::optional<std::vector<Line>> first_limit = try_total_fit(items, widths, 2000);
        REQUIRE(first_limit.has_value());
        if (!same_lines(*first_limit, *expected)) ++second_limit_mattered;
      }
      CHECK(work.searches <= 4);
      before += passes_before.lines_tried;
      now += work.lines_tried;
    }
    // Each way the last pass can go was taken, and compared.
    CHECK(settled_at_once > 20);
    CHECK(bounded_twice > 5);
    CHECK(second_limit_mattered > 0);
    CHECK(left_unlimited > 5);
    // Where the limits settle it, the last pass and the two before it try less than half the
    // lines they did (on 500 of the bench's articles: 37 %).
    CHECK(now * 2 < before);
  }

  TEST_CASE("a paragraph with a penalty below zero is left to the unlimited search, which it could lower") {
    Fixture f;
    // 85 pt = 17 characters: no line can be decent, so the pass at 200 fails (as above).
    ItemList list = f.items("We set the paragraph as a whole", core::Pt(85));
    // A break that earns demerits, right after the first box: "(l + b)² − p²" can make a line
    // cost less than its badness alone, so no limit can be drawn from what a path costs.
    list.items.insert(list.items.begin() + 1, penalty_item(-9999));
    const std::optional<std::vector<Line>> expected =
        try_total_fit(list.items, test::same_widths(85), second_pass_tolerance);
    REQUIRE(expected.has_value());
    TotalFitWork work;
    CHECK(same_lines(break_lines_total_fit(list.items, test::same_widths(85), &work), *expected));
    CHECK(work.searches == 3);
    CHECK(work.unlimited_searches == 1);
  }
}
