#include <doctest/doctest.h>

#include "layout/lay_out_book.hpp"
#include "layout/layout_stats.hpp"
#include "layout/layout_test_support.hpp"
#include "layout/paginate.hpp"
#include "layout/set_paragraph.hpp"

using namespace octavo;
using namespace octavo::layout;

namespace {

// Text lines described by letters: 'h' hyphenated, 'o' opens a paragraph, 'c' closes one, 'H' a
// heading, 'O' overfull, 'B' starts a page; '.' a plain line, '_' a line that is not text (a rule).
std::vector<FlowLine> lines_of(const std::string& marks) {
  std::vector<FlowLine> lines;
  for (const char mark : marks) {
    FlowLine line;
    line.height = core::Pt(10);
    line.facts.text = mark != '_';
    line.facts.hyphenated = mark == 'h';
    line.facts.opens_paragraph = mark == 'o';
    line.facts.closes_paragraph = mark == 'c';
    line.facts.heading = mark == 'H';
    line.facts.overfull = mark == 'O';
    line.break_before = mark == 'B';
    lines.push_back(line);
  }
  return lines;
}

LayoutStats tally(const std::string& marks, const std::vector<std::size_t>& starts = {0}) {
  LayoutStats stats;
  tally_flow(lines_of(marks), starts, stats);
  return stats;
}

std::vector<FlowLine> set(const ItemList& list, const ParagraphFormat& format) {
  const test::FakeMetrics metrics;
  Flow flow;
  set_paragraph(flow, list, format, metrics);
  return flow.finish();
}

ParagraphFormat format_of(core::Pt width, Alignment alignment = Alignment::justify) {
  ParagraphFormat format;
  format.width = width;
  format.leading = core::Pt(12);
  format.size = core::Pt(10);
  format.alignment = alignment;
  return format;
}

}  // namespace

TEST_SUITE("layout.layout_stats") {
  TEST_CASE("text lines and hyphenated lines are counted; rules and blank lines are not") {
    const LayoutStats stats = tally("._h.h_");
    CHECK(stats.lines == 4);
    CHECK(stats.hyphenated_lines == 2);
    CHECK(stats.overfull_lines == 0);
    CHECK(tally(".O.O").overfull_lines == 2);
  }

  TEST_CASE("the longest run of hyphenated lines in a row, across a rule but not across a plain line") {
    CHECK(tally("....").longest_hyphen_run == 0);
    CHECK(tally(".h.hh.").longest_hyphen_run == 2);
    CHECK(tally("h_hh.h").longest_hyphen_run == 3);
    // Runs do not carry from one flow to the next.
    LayoutStats stats;
    tally_flow(lines_of("hh"), {0}, stats);
    tally_flow(lines_of("h."), {0}, stats);
    CHECK(stats.longest_hyphen_run == 2);
    CHECK(stats.hyphenated_lines == 3);
  }

  TEST_CASE("mean |r| and the worst stretch and shrink are over the justified lines only") {
    std::vector<FlowLine> lines = lines_of("....");
    const double ratios[] = {0.5, -0.25, 2.0, 9.0};
    for (std::size_t i = 0; i < 4; ++i) {
      lines[i].facts.ratio = ratios[i];
      lines[i].facts.justified = i < 3;  // the last one is ragged
    }
    LayoutStats stats;
    tally_flow(lines, {0}, stats);
    CHECK(stats.justified_lines == 3);
    CHECK(stats.mean_ratio() == doctest::Approx((0.5 + 0.25 + 2.0) / 3));
    CHECK(stats.worst_stretch == 2.0);
    CHECK(stats.worst_shrink == -0.25);
    CHECK(LayoutStats{}.mean_ratio() == 0);
  }

  TEST_CASE("figures tallied apart and added are those of tallying one flow after the other") {
    std::vector<FlowLine> first = lines_of("ohhc.O");
    std::vector<FlowLine> second = lines_of("hhh_ocHO");
    first[1].facts.justified = true;
    first[1].facts.ratio = -0.5;
    second[2].facts.justified = true;
    second[2].facts.ratio = 1.5;
    LayoutStats together;
    tally_flow(first, {0, 2}, together);
    tally_flow(second, {0, 5, 7}, together);
    LayoutStats apart;
    tally_flow(first, {0, 2}, apart);
    LayoutStats more;
    tally_flow(second, {0, 5, 7}, more);
    more.pages = 4;
    together.pages = 4;
    more.articles = 3;
    together.articles = 3;
    more.articles_set = 2;
    together.articles_set = 2;
    apart.add(more);
    CHECK(apart.articles == together.articles);
    CHECK(apart.articles_set == together.articles_set);
    CHECK(apart.pages == together.pages);
    CHECK(apart.lines == together.lines);
    CHECK(apart.hyphenated_lines == together.hyphenated_lines);
    CHECK(apart.longest_hyphen_run == 3);
    CHECK(apart.longest_hyphen_run == together.longest_hyphen_run);
    CHECK(apart.justified_lines == together.justified_lines);
    CHECK(apart.ratio_sum == together.ratio_sum);
    CHECK(apart.worst_stretch == 1.5);
    CHECK(apart.worst_shrink == -0.5);
    CHECK(apart.overfull_lines == together.overfull_lines);
    CHECK(apart.orphans == together.orphans);
    CHECK(apart.widows == together.widows);
    CHECK(apart.headings_at_foot == together.headings_at_foot);
    // Each figure of the second flow counts: none is zero there.
    CHECK(more.orphans * more.widows * more.headings_at_foot * more.overfull_lines * more.hyphenated_lines > 0);
    CHECK(format_stats(apart) == format_stats(together));
  }

  TEST_CASE("orphans, widows and headings at a foot are counted where the page breaks fall") {
    // Pages: "o" | "c." | "H" | "o.c": an orphan, a widow, a stranded heading.
    const LayoutStats bad = tally("oc.Ho.c", {0, 1, 3, 4});
    CHECK(bad.orphans == 1);
    CHECK(bad.widows == 1);
    CHECK(bad.headings_at_foot == 1);
    // The same lines broken well: nothing.
    const LayoutStats good = tally("oc.Ho.c", {0, 3});
    CHECK(good.orphans == 0);
    CHECK(good.widows == 0);
    CHECK(good.headings_at_foot == 0);
    // A heading before a forced page break is not stranded (it has nothing of its own after it).
    CHECK(tally("HB.", {0, 1}).headings_at_foot == 0);
  }

  TEST_CASE("set_paragraph records ratio, justification, hyphenation and where paragraphs open and close") {
    test::LayoutFixture f;
    // Nine four-letter words, four to a 100 pt line (fake metrics: 5 pt a character).
    const std::vector<FlowLine> lines =
        set(f.items("word word word word word word word word word", core::Pt(100)), format_of(core::Pt(100)));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].facts.text);
    CHECK(lines[0].facts.justified);
    CHECK(lines[0].facts.ratio == doctest::Approx(5.0 / 7.5));  // 95 pt of text, 3 spaces stretching 2.5
    CHECK_FALSE(lines[2].facts.justified);                      // the ragged last line
    CHECK(lines[0].facts.opens_paragraph);
    CHECK_FALSE(lines[1].facts.opens_paragraph);
    CHECK_FALSE(lines[1].facts.closes_paragraph);
    CHECK(lines[2].facts.closes_paragraph);
    CHECK_FALSE(lines[0].facts.hyphenated);
    CHECK_FALSE(lines[0].facts.heading);
    // Ragged text has no ratio to count; a one-line paragraph neither opens nor closes one.
    const std::vector<FlowLine> ragged =
        set(f.items("word word word word word", core::Pt(100)), format_of(core::Pt(100), Alignment::left));
    CHECK_FALSE(ragged[0].facts.justified);
    const std::vector<FlowLine> one = set(f.items("word", core::Pt(100)), format_of(core::Pt(100)));
    CHECK_FALSE(one[0].facts.opens_paragraph);
    CHECK_FALSE(one[0].facts.closes_paragraph);
  }

  TEST_CASE("set_paragraph marks heading lines, and a line wider than its measure as overfull") {
    test::LayoutFixture f;
    ParagraphFormat heading = format_of(core::Pt(100), Alignment::left);
    heading.keep_together = true;
    heading.keep_with_next = true;
    const std::vector<FlowLine> lines = set(f.items("word word word word word", core::Pt(100)), heading);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].facts.heading);
    CHECK(lines[1].facts.heading);
    CHECK_FALSE(lines[0].facts.opens_paragraph);  // kept together: it never breaks
    // A box of 30 characters (150 pt) in a 100 pt measure, built by hand: ItemBuilder would cut it.
    ItemList wide;
    wide.items = {box_item(std::string(30, 'x'), fonts::FontFace::serif, core::Pt(10), core::Pt(150)), fill_item(),
                  penalty_item(forced_break)};
    const std::vector<FlowLine> over = set(wide, format_of(core::Pt(100)));
    REQUIRE(over.size() == 1);
    CHECK(over[0].facts.overfull);
    const std::vector<FlowLine> exact =
        set(f.items("word word word word", core::Pt(95)), format_of(core::Pt(95), Alignment::left));
    CHECK_FALSE(exact[0].facts.overfull);
  }

  TEST_CASE("paginate counts the flow's lines and the orphans and widows it could not avoid") {
    test::LayoutFixture f;
    // Three lines on pages of one line: the keeps must give way, leaving an orphan and a widow.
    const std::vector<FlowLine> lines =
        set(f.items("word word word word word word word word word", core::Pt(100)), format_of(core::Pt(100)));
    PageStyle style = test::small_style(8);
    style.body_height = core::Pt(12);
    LayoutStats stats;
    CHECK(paginate(lines, style, true, &stats).size() == 3);
    CHECK(stats.lines == 3);
    CHECK(stats.orphans == 1);
    CHECK(stats.widows == 1);
    LayoutStats roomy;
    paginate(lines, test::small_style(8), true, &roomy);
    CHECK(roomy.orphans + roomy.widows == 0);
  }

  TEST_CASE("lay_out_book fills in the stats: every page, every text line but the title page's") {
    test::FakeMetrics metrics;
    core::DiagnosticList diagnostics;
    const model::Book book = test::book_of(
        {test::article("a1", "One",
                       {test::paragraph("A paragraph long enough to take two lines of the measure, or even a third."),
                        test::heading(1, "Part", "part"), test::paragraph("Short.")})});
    // With two jobs the article and the Sources appendix are set and cut on threads of their own,
    // and their figures added to the book's.
    for (const std::size_t jobs : {1, 2}) {
      CAPTURE(jobs);
      const LaidOutBook laid = lay_out_book(book, metrics, test::small_style(30), layout::Hyphenators(), diagnostics,
                                            core::no_progress(), jobs);
      CHECK(laid.stats.pages == laid.pages.size());
      CHECK(laid.stats.articles == 1);
      CHECK(laid.stats.articles_set == 1);  // no cache: set anew
      // Disclaimer (title, text), contents (title, three entries), article (title, 2 + heading + 1
      // lines, note heading and three lines), Sources (title, entry title, two fields).
      CHECK(laid.stats.lines == 2 + 4 + 1 + 4 + 4 + 4);
      CHECK(laid.stats.justified_lines == 1);
      CHECK(laid.stats.orphans + laid.stats.widows + laid.stats.headings_at_foot + laid.stats.overfull_lines == 0);
    }
  }

  TEST_CASE("the report names every figure, one a line") {
    LayoutStats stats;
    stats.articles = 30;
    stats.articles_set = 3;
    stats.pages = 12;
    stats.lines = 200;
    stats.hyphenated_lines = 10;
    stats.longest_hyphen_run = 2;
    stats.justified_lines = 4;
    stats.ratio_sum = 1;
    stats.worst_stretch = 1.5;
    stats.worst_shrink = -0.5;
    stats.orphans = 1;
    CHECK(format_stats(stats) ==
          "articles set anew          3 of 30\n"
          "pages                      12\n"
          "lines                      200\n"
          "hyphenated lines           10 (5.0 %)\n"
          "longest hyphenated run     2\n"
          "justified lines            4\n"
          "adjustment ratio, mean     0.250\n"
          "adjustment ratio, worst    +1.500 stretch, -0.500 shrink\n"
          "overfull lines             0\n"
          "widows                     0\n"
          "orphans                    1\n"
          "headings alone at a foot   0\n");
  }
}
