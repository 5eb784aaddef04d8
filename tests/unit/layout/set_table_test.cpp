// Tables: the grid, the column widths (CSS automatic table layout) and the setting of rows into
// flow lines. Fake metrics: 5 pt a character at 10 pt; the house measure is 306.14 pt.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "layout/flow.hpp"
#include "layout/layout_test_support.hpp"
#include "layout/paginate.hpp"
#include "layout/set_blocks.hpp"
#include "layout/set_table.hpp"
#include "table_blocks.hpp"

using namespace octavo;
using namespace octavo::layout;
using core::Pt;

namespace {

// Each grid cell as "text@row,column" with "/rowspan x colspan" when it spans, and "!" for a
// header cell.
std::string grid_of(const TableGrid& grid) {
  std::string out =
      std::to_string(grid.rows) + "x" + std::to_string(grid.columns) + " head " + std::to_string(grid.head_rows) + ":";
  for (const GridCell& cell : grid.cells) {
    out += " " +
           model::plain_text(cell.content.front().kind == model::BlockKind::paragraph ? cell.content.front().inlines
                                                                                      : std::vector<model::Inline>{}) +
           "@" + std::to_string(cell.row) + "," + std::to_string(cell.column);
    if (cell.rowspan > 1 || cell.colspan > 1)
      out += "/" + std::to_string(cell.rowspan) + "x" + std::to_string(cell.colspan);
    if (cell.header) out += "!";
  }
  return out;
}

std::vector<Pt> pts(std::vector<double> values) {
  std::vector<Pt> out;
  for (double value : values) out.push_back(Pt(value));
  return out;
}

// Lengths rounded to hundredths, for readable comparisons.
std::string lengths(const std::vector<Pt>& values) {
  std::string out;
  for (Pt value : values) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s%.2f", out.empty() ? "" : " ", value.value);
    out += buffer;
  }
  return out;
}

struct Fixture : test::LayoutFixture {
  // `blocks` set in the house measure (or `width`).
  std::vector<FlowLine> set(const std::vector<model::Block>& blocks, Pt width = Pt(0)) {
    Flow flow;
    BlockSetter setter(context, flow, "a1#", nullptr);
    setter.set_blocks(blocks, BlockFrame{Pt(0), width > Pt(0) ? width : style.measure()});
    return flow.finish();
  }
};

// A flow line's runs in their order, joined by spaces: the order an extractor meets them in.
std::string text_of(const FlowLine& line) {
  std::string out;
  for (const TextRun& run : line.runs) out += (out.empty() ? "" : " ") + run.text;
  return out;
}

// "word " `count` times: a cell's text that runs to many lines.
std::string repeated_word(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += "word ";
  return text;
}

// A table of a head row, a short row "a b", then `row`.
model::Block table_ending_with(model::Block row) {
  return test::table({test::row_of({"Head", "Notes"}, true), test::row_of({"a", "b"}), std::move(row)});
}

// The index of the line that starts the second page of `lines`; 0 when they fit on one.
std::size_t second_page_start(const std::vector<FlowLine>& lines, Pt capacity) {
  const std::vector<std::size_t> breaks = find_page_breaks(lines, capacity);
  return breaks.size() >= 2 ? breaks[1] : 0;
}

// Each line's keep as a letter: '.' none, 'w' weak, 'k' strong.
std::string keeps(const std::vector<FlowLine>& lines) {
  std::string out;
  for (const FlowLine& line : lines) out += line.keep == Keep::strong ? 'k' : line.keep == Keep::weak ? 'w' : '.';
  return out;
}

// A line's anchors as "name@y", y from the line's top in points ("top" for 0, "text" for the top
// of a cell's text, below the row's padding).
std::string anchors_of(const FlowLine& line, Pt text_top = Pt(-1)) {
  std::string out;
  for (const Anchor& anchor : line.anchors) {
    const std::string y = anchor.y == Pt(0) ? "top" : anchor.y == text_top ? "text" : std::to_string(anchor.y.value);
    out += (out.empty() ? "" : " ") + anchor.name + "@" + y;
  }
  return out;
}

const TextRun& run_of(const std::vector<FlowLine>& lines, const std::string& text) {
  for (const FlowLine& line : lines) {
    for (const TextRun& run : line.runs) {
      if (run.text == text) return run;
    }
  }
  FAIL("no run \"" << text << "\"");
  static const TextRun none;
  return none;
}

}  // namespace

TEST_SUITE("layout.set_table") {
  TEST_CASE("the grid: each cell in the first column no spanning cell from above has taken") {
    const model::Block table =
        test::table({test::row({test::cell("A", {}, 1, 2), test::cell("B", {}, 2)}),
                     test::row({test::cell("C"), test::cell("D")}), test::row_of({"E", "F", "G"})});
    CHECK(grid_of(table_grid(table)) == "3x3 head 0: A@0,0/2x1 B@0,1/1x2 C@1,1 D@1,2 E@2,0 F@2,1 G@2,2");
  }

  TEST_CASE("the grid: head rows, header cells, spans clamped to their group, stray blocks kept as cells") {
    model::Block th = test::cell("th");
    th.role = model::BlockRole::header;
    const model::Block table = test::table({test::row({test::cell("H", {}, 1, 5), test::cell("I")}, true),
                                            test::row({th, test::cell("x", {}, 1, 9)}), test::paragraph("stray row"),
                                            test::row({test::cell("wide", {}, 5000), test::paragraph("stray cell")})});
    CHECK(grid_of(table_grid(table)) ==
          "4x1001 head 1: H@0,0! I@0,1! th@1,0! x@1,1/3x1 stray row@2,0 wide@3,0/1x1000 stray cell@3,1000");
    CHECK(grid_of(table_grid(test::table({}))) == "0x0 head 0:");
    CHECK(grid_of(table_grid(test::table({test::row({})}))) == "1x0 head 0:");
  }

  TEST_CASE("column ranges: the widest cell of each column; a spanning cell widens its columns equally") {
    // Column 0: cells of 10–40 and 20–30; column 1: 30–60.
    const std::vector<CellWidths> cells{{0, 1, Pt(10), Pt(40)}, {0, 1, Pt(20), Pt(30)}, {1, 1, Pt(30), Pt(60)}};
    ColumnRanges ranges = column_ranges(cells, 2, Pt(10));
    CHECK(lengths(ranges.min) == "20.00 30.00");
    CHECK(lengths(ranges.max) == "40.00 60.00");
    // A cell over both columns needing 100–150: they hold 20 + 10 + 30 = 60 at least, so each
    // gets 20 more; at most they hold 40 + 10 + 60 = 110, so each gets 20 more.
    std::vector<CellWidths> spanning = cells;
    spanning.push_back({0, 2, Pt(100), Pt(150)});
    ranges = column_ranges(spanning, 2, Pt(10));
    CHECK(lengths(ranges.min) == "40.00 50.00");
    CHECK(lengths(ranges.max) == "60.00 80.00");
    // A spanning cell that fits changes nothing; a column no cell covers is 0.
    ranges = column_ranges({{0, 2, Pt(5), Pt(5)}, {0, 1, Pt(10), Pt(20)}}, 3, Pt(10));
    CHECK(lengths(ranges.min) == "10.00 0.00 0.00");
    CHECK(lengths(ranges.max) == "20.00 0.00 0.00");
  }

  TEST_CASE("column widths: the maxima when they fit, else min + room in proportion to max - min") {
    const ColumnRanges ranges{pts({10, 20, 30}), pts({110, 20, 80})};
    CHECK(lengths(column_widths(ranges, Pt(300))) == "110.00 20.00 80.00");
    // 120 available, the minima take 60: the 60 left go 100 : 0 : 50 to the three columns.
    CHECK(lengths(column_widths(ranges, Pt(120))) == "50.00 20.00 50.00");
    CHECK(lengths(column_widths(ranges, Pt(60))) == "10.00 20.00 30.00");
  }

  TEST_CASE("column widths: when not even the minima fit, the widest columns are cut to one width") {
    // 100 available: the 10 column keeps its width, the others share 90.
    CHECK(lengths(column_widths({pts({10, 50, 80}), pts({10, 60, 90})}, Pt(100))) == "10.00 45.00 45.00");
    CHECK(lengths(column_widths({pts({40, 40}), pts({50, 50})}, Pt(60))) == "30.00 30.00");
    CHECK(lengths(column_widths({pts({40, 40}), pts({50, 50})}, Pt(-5))) == "0.00 0.00");
    CHECK(column_widths({}, Pt(100)).empty());
  }

  TEST_CASE("a row is one flow line holding its cells side by side, in reading order") {
    Fixture f;
    const std::vector<FlowLine> lines = f.set({test::table(
        {test::row_of({"Year", "Event"}, true), test::row_of({"1901", "First"}), test::row_of({"1902", "Second"})})});
    REQUIRE(lines.size() == 3);
    CHECK(text_of(lines[0]) == "Year Event");
    CHECK(text_of(lines[1]) == "1901 First");
    CHECK(text_of(lines[2]) == "1902 Second");
    // The head is bold, the body regular.
    CHECK(lines[0].runs[0].face == fonts::FontFace::serif_bold);
    CHECK(lines[1].runs[0].face == fonts::FontFace::serif);
    // Columns of 20 and 30 pt (their widest words), one em apart: the table is 60 pt wide,
    // flush left in the measure.
    CHECK(lines[1].runs[0].x == Pt(0));
    CHECK(lines[1].runs[1].x == Pt(30));
    CHECK(lines[0].rules[0].x2 == Pt(60));
  }

  TEST_CASE("booktabs rules: heavy at the top and foot, light under the head, none between columns") {
    Fixture f;
    const std::vector<FlowLine> lines =
        f.set({test::table({test::row_of({"a", "b"}, true), test::row_of({"c", "d"}), test::row_of({"e", "f"})})});
    REQUIRE(lines.size() == 3);
    REQUIRE(lines[0].rules.size() == 2);
    CHECK(lines[0].rules[0].thickness == Pt(0.8));
    CHECK(lines[0].rules[0].y1 == Pt(0.4));
    CHECK(lines[0].rules[1].thickness == Pt(0.5));
    CHECK(lines[0].rules[1].y1 == lines[0].height - Pt(0.25));
    CHECK(lines[1].rules.empty());
    REQUIRE(lines[2].rules.size() == 1);
    CHECK(lines[2].rules[0].thickness == Pt(0.8));
    CHECK(lines[2].rules[0].y1 == lines[2].height - Pt(0.4));
    for (const FlowLine& line : lines) {
      for (const Rule& rule : line.rules) CHECK(rule.y1 == rule.y2);  // horizontal only
    }
    CHECK(lines[0].rules[0].x2 - lines[0].rules[0].x1 == Pt(20));
  }

  TEST_CASE("text wraps ragged inside its column; each cell keeps its alignment") {
    Fixture f;
    // 100 pt: the second column gets what the first leaves; its text wraps there.
    const std::vector<FlowLine> lines = f.set(
        {test::table({test::row({test::cell("one two three four five six"), test::cell("7", model::Align::right)}),
                      test::row({test::cell("x", model::Align::center), test::cell("12345", model::Align::right)})})},
        Pt(100));
    REQUIRE(lines.size() == 2);
    // Column widths: minima 25 and 25, maxima 135 and 25; 90 pt between them → 65 and 25.
    CHECK(text_of(lines[0]) == "one two three four five six 7");
    CHECK(run_of(lines, "one").x == Pt(0));
    CHECK(run_of(lines, "four").x == Pt(0));
    CHECK(run_of(lines, "four").baseline - run_of(lines, "one").baseline == f.style.leading);
    CHECK(run_of(lines, "7").x.value == doctest::Approx(95));  // flush right in 75–100
    CHECK(run_of(lines, "x").x.value == doctest::Approx(30));  // centred in 0–65
    CHECK(run_of(lines, "12345").x.value == doctest::Approx(75));
    // The row is as tall as its tallest cell: two lines and the paddings and rules.
    CHECK(lines[0].height > f.style.leading * 2);
  }

  TEST_CASE("keeps: the head with the first body row, and no body row alone at a foot or head") {
    Fixture f;
    std::vector<model::Block> rows{test::row_of({"H"}, true)};
    for (int i = 0; i < 5; ++i) rows.push_back(test::row_of({"r" + std::to_string(i)}));
    CHECK(keeps(f.set({test::table(rows)})) == "kw..w.");
    rows.push_back(test::row_of({"r5"}));
    rows.insert(rows.begin() + 1, test::row_of({"H2"}, true));
    CHECK(keeps(f.set({test::table(rows)})) == "kkw...w.");
  }

  TEST_CASE("the caption is above the table in small italic type, flush left, kept with it") {
    Fixture f;
    const std::vector<FlowLine> lines =
        f.set({test::table({test::row_of({"a"}, true), test::row_of({"b"})}, "Table 1. Letters")});
    REQUIRE(lines.size() == 3);
    CHECK(text_of(lines[0]) == "Table 1. Letters");
    CHECK(lines[0].runs[0].face == fonts::FontFace::serif_italic);
    CHECK(lines[0].runs[0].size == f.style.small_size);
    CHECK(lines[0].runs[0].x == Pt(0));
    CHECK(lines[0].keep == Keep::strong);
  }

  TEST_CASE("the head rows repeat at the top of every page the table continues on") {
    Fixture f;
    std::vector<model::Block> rows{test::row_of({"Year", "Event"}, true)};
    for (int i = 1; i <= 30; ++i) rows.push_back(test::row_of({std::to_string(1900 + i), "event"}));
    std::vector<FlowLine> lines = f.set({test::paragraph("Before."), test::table(rows)});
    REQUIRE(lines.size() == 32);
    CHECK(lines[1].repeated_head == nullptr);
    REQUIRE(lines[2].repeated_head != nullptr);
    CHECK(lines[2].repeated_head->size() == 1);
    CHECK(lines[31].repeated_head == lines[2].repeated_head);
    const PageStyle style = test::small_style(14);
    const std::vector<Page> pages = paginate(lines, style, true);
    REQUIRE(pages.size() >= 3);
    CHECK(test::page_lines(pages[0])[0] == "Before.");
    CHECK(test::page_lines(pages[0])[1] == "Year Event");
    for (std::size_t k = 1; k < pages.size(); ++k) {
      const std::vector<std::string> text = test::page_lines(pages[k]);
      CHECK(text[0] == "Year Event");
      CHECK(text[1] != "Year Event");
      // The copy brings the top rule and the rule under the head.
      CHECK(pages[k].rules.size() >= 2);
    }
    CHECK(test::page_lines(pages.back()).back() == "1930 event");
  }

  TEST_CASE("a table too wide for the measure is set in smaller type, 10 % at a time") {
    Fixture f;
    // Four words of 16 characters: 4 × 80 + 3 gaps of 10 = 350 pt at 10 pt; 315 at 9; 280 at 8.
    const std::string word = "abcdefghijklmnop";
    const std::vector<FlowLine> lines = f.set({test::table({test::row_of({word, word, word, word})})});
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].runs[0].size == Pt(8));
    CHECK(lines[0].runs.size() == 4);
    CHECK(f.diagnostics.to_string().empty());
  }

  TEST_CASE("below 70 % the widest columns are cut and their words broken, with one warning at the table") {
    Fixture f;
    const std::string word = "abcdefghijklmnopqrst";
    const std::vector<FlowLine> lines =
        f.set({test::table({test::row_of({"Head", "Head", "Head", "Head", "Head", "Head", "Head", "Head"}, true),
                            test::row_of({word, word, word, word, word, word, word, word})},
                           "", 5)});
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].runs[0].size == Pt(7));
    // The table fills the measure exactly; each column is 306.14 − 7 × 7 = 257.14 / 8 ≈ 32 pt,
    // nine 3.5 pt characters a line.
    CHECK(lines[1].runs[0].text == "abcdefghi");
    CHECK(lines[0].rules[0].x1 == Pt(0));
    CHECK(lines[0].rules[0].x2.value == doctest::Approx(f.style.measure().value));
    CHECK(f.diagnostics.to_string() ==
          "t.md:5:1: warning: table too wide for the page even in type at 70 %; its longest words are broken\n");
  }

  TEST_CASE("a row taller than a page is cut between lines, each piece fitting a page below the head") {
    Fixture f;
    f.style = test::small_style(10);
    const std::string long_text = repeated_word(60);
    const std::vector<FlowLine> lines =
        f.set({test::table({test::row_of({"Head", "Notes"}, true), test::row_of({"short", long_text})})}, Pt(100));
    const Pt capacity = f.style.body_height - lines[0].height;
    REQUIRE(lines.size() >= 3);
    for (std::size_t i = 1; i < lines.size(); ++i) {
      CHECK(lines[i].height <= capacity);
      CHECK(lines[i].repeated_head != nullptr);
    }
    // Every word is there, once, in order.
    std::string words;
    for (std::size_t i = 1; i < lines.size(); ++i) words += text_of(lines[i]) + " ";
    CHECK(words == "short " + long_text);
  }

  TEST_CASE("a row taller than a page starts below the rows before it and fills their page") {
    Fixture f;
    f.style = test::small_style(10);
    const std::string long_text = repeated_word(60);
    const std::vector<FlowLine> lines = f.set({table_ending_with(test::row_of({"tall", long_text}))}, Pt(100));
    REQUIRE(lines.size() >= 4);
    CHECK(text_of(lines[2]).starts_with("tall word"));
    // Moved whole to the next page, a row a page long would leave the head and row "a" alone on
    // the first: the first page holds the tall row's first lines too, and every page is full but
    // the last (pieces of one line each, of at most a line's height and the row's top or foot).
    CHECK(second_page_start(lines, f.style.body_height) > 3);
    for (std::size_t i = 3; i + 1 < lines.size(); ++i)
      CHECK(lines[i].height.value == doctest::Approx(f.style.leading.value));
    // The row's first line is not left alone at a page's foot, nor its last at a page's head.
    CHECK(lines[2].keep != Keep::none);
    CHECK(lines[lines.size() - 2].keep != Keep::none);
  }

  TEST_CASE("a tall row of cells of short paragraphs still starts where it stands") {
    Fixture f;
    f.style = test::small_style(10);
    // Two cells of two-line paragraphs, the second a line out of step with the first: each keeps
    // its paragraphs' first lines with their second, so every piece has a cell that would keep it.
    std::vector<model::Block> left;
    std::vector<model::Block> right = {test::paragraph("word")};
    for (int i = 0; i < 12; ++i) {
      left.push_back(test::paragraph("word word word word"));
      right.push_back(test::paragraph("word word word word"));
    }
    const model::Block tall_row = test::row({model::container_block(model::BlockKind::table_cell, left),
                                             model::container_block(model::BlockKind::table_cell, right)});
    // A paragraph before the table leaves a free break before it, where a page would end were
    // every piece kept with the next.
    const std::vector<FlowLine> lines = f.set({test::paragraph("Before."), table_ending_with(tall_row)}, Pt(100));
    REQUIRE(lines.size() >= 10);
    CHECK(text_of(lines[3]).starts_with("word word"));
    CHECK(second_page_start(lines, f.style.body_height) > 4);
  }

  TEST_CASE("an aside's bar in a row cut into pieces runs on across the space above its headings") {
    Fixture f;
    f.style = test::small_style(10);
    // Headings between them: the space above a heading is where the bar bridges a gap.
    std::vector<model::Block> paragraphs;
    for (int i = 0; i < 6; ++i) {
      if (i > 0) paragraphs.push_back(test::heading(3, "Part", "part-" + std::to_string(i)));
      paragraphs.push_back(test::paragraph(repeated_word(10)));
    }
    model::Block quoted = model::container_block(model::BlockKind::table_cell,
                                                 {model::container_block(model::BlockKind::aside, paragraphs)});
    const std::vector<FlowLine> lines = f.set({test::table({test::row({test::cell("a"), quoted})})}, Pt(100));
    REQUIRE(lines.size() >= 8);
    // Each piece after the first holds the bar from the top of the space above it (a heading's
    // piece has that space as its space_before): none leaves the space above a paragraph without it.
    std::size_t bars = 0;
    for (std::size_t i = 1; i < lines.size(); ++i) {
      for (const Rule& rule : lines[i].rules) {
        if (rule.x1 != rule.x2) continue;
        ++bars;
        CHECK(std::min(rule.y1, rule.y2).value == doctest::Approx(-lines[i].space_before.value));
      }
    }
    CHECK(bars >= lines.size() - 2);
  }

  TEST_CASE("a piece of a tall row opens a page a cell's padding below the head, whatever space its lines had") {
    Fixture f;
    f.style = test::small_style(10);
    // A heading's line and the space a heading asks above it after text.
    const std::vector<FlowLine> alone = f.set({test::paragraph("Text."), test::heading(3, "Part", "part")}, Pt(100));
    REQUIRE(alone.size() == 2);
    const Pt heading_space = alone[1].space_before;
    REQUIRE(heading_space > Pt(0));
    std::vector<model::Block> paragraphs;
    for (int i = 0; i < 6; ++i) {
      if (i > 0) paragraphs.push_back(test::heading(3, "Part", "part-" + std::to_string(i)));
      paragraphs.push_back(test::paragraph(repeated_word(10)));
    }
    const model::Block tall = model::container_block(model::BlockKind::table_cell, paragraphs);
    const std::vector<FlowLine> lines =
        f.set({test::table({test::row_of({"Head", "Notes"}, true), test::row({test::cell("a"), tall})})}, Pt(100));
    REQUIRE(lines.size() >= 9);
    REQUIRE(lines[1].repeated_head != nullptr);
    const auto stacked = [](const std::vector<FlowLine>& head) {
      Pt height;
      for (const FlowLine& line : head) height += line.height;
      return height;
    };
    const Pt head = stacked(*lines[1].repeated_head);
    // The row's first piece has the row's top (rule and padding) in it; every later piece, which
    // has not, opens a page below a head a cell's padding taller.
    std::size_t headings = 0;
    for (std::size_t i = 2; i < lines.size(); ++i) {
      REQUIRE(lines[i].repeated_head != nullptr);
      CHECK(stacked(*lines[i].repeated_head) > head);
      CHECK(stacked(*lines[i].repeated_head) - head == stacked(*lines[2].repeated_head) - head);
      // A heading's piece (the short cell is done by then) holds only the heading's line, its
      // space above as the piece's space_before, which a page it opens drops as it drops a
      // heading's outside a table. Holding the space inside, it opened its page that much lower.
      if (text_of(lines[i]) != "Part") continue;
      ++headings;
      CHECK(lines[i].space_before.value == doctest::Approx(heading_space.value));
      CHECK(lines[i].height.value == doctest::Approx(alone[1].height.value));
    }
    CHECK(headings == 5);
    const Pt padding = stacked(*lines[2].repeated_head) - head;
    CHECK(padding < heading_space);
  }

  TEST_CASE("a cell spanning rows sits at the top of its rows, which are kept together and grow to hold it") {
    Fixture f;
    const std::vector<FlowLine> lines =
        f.set({test::table({test::row({test::cell("tall one two three four five six", {}, 1, 2), test::cell("a")}),
                            test::row_of({"b"}), test::row_of({"c", "d"})})},
              Pt(60));
    REQUIRE(lines.size() == 3);
    CHECK(text_of(lines[0]) == "tall one two three four five six a");
    CHECK(text_of(lines[1]) == "b");
    CHECK(keeps(lines) == "kw.");
    // Four lines of text ("tall one", "two three", "four five", "six" in a 45 pt column) in two
    // rows of one line each: the second row grows.
    CHECK((lines[0].height + lines[1].height).value >= (f.style.leading * 4).value);
    CHECK(lines[1].height > lines[0].height);
  }

  TEST_CASE("a cell spanning rows that cannot fit on one page spans its first row only") {
    Fixture f;
    f.style = test::small_style(8);
    const std::string long_text = repeated_word(40);
    const std::vector<FlowLine> lines = f.set(
        {test::table({test::row({test::cell(long_text, {}, 1, 2), test::cell("a")}), test::row_of({"b"})})}, Pt(100));
    for (const FlowLine& line : lines) CHECK(line.height <= f.style.body_height);
    CHECK(lines.back().keep == Keep::none);
    CHECK(text_of(lines.back()) == "b");
  }

  TEST_CASE("a table inside a cell is set as its cells' content, in reading order") {
    Fixture f;
    model::Block outer_cell = model::container_block(
        model::BlockKind::table_cell, {test::table({test::row_of({"in1", "in2"}), test::row_of({"in3", "in4"})})});
    const std::vector<FlowLine> lines = f.set({test::table({test::row({outer_cell, test::cell("out")})})});
    REQUIRE(lines.size() == 1);
    CHECK(text_of(lines[0]) == "in1 in2 in3 in4 out");
  }

  TEST_CASE("a table in an aside inside a cell is set as its cells' content too") {
    Fixture f;
    model::Block outer_cell = model::container_block(
        model::BlockKind::table_cell,
        {model::container_block(model::BlockKind::aside, {test::table({test::row_of({"in1", "in2"})})})});
    const std::vector<FlowLine> lines = f.set({test::table({test::row({outer_cell, test::cell("out")})})});
    REQUIRE(lines.size() == 1);
    CHECK(text_of(lines[0]) == "in1 in2 out");
    // The outer table's rules only (the aside's bar is upright): no booktabs rules of a table set
    // inside the cell.
    std::size_t across = 0;
    for (const Rule& rule : lines[0].rules) across += rule.y1 == rule.y2;
    CHECK(across == 2);
  }

  TEST_CASE("hostile spans: a thousand columns are set, one warning, no row taller than a page") {
    Fixture f;
    f.style = test::small_style(10);
    std::vector<model::Block> many;
    for (int i = 0; i < 300; ++i) many.push_back(test::cell("x"));
    const std::vector<FlowLine> lines =
        f.set({test::table({test::row({test::cell("wide", {}, 5000, 9)}), test::row(std::move(many))}, "", 7)});
    REQUIRE(lines.size() >= 2);
    for (const FlowLine& line : lines) CHECK(line.height <= f.style.body_height);
    CHECK(f.diagnostics.to_string() ==
          "t.md:7:1: warning: table too wide for the page even in type at 70 %; its longest words are broken\n");
  }

  TEST_CASE("the ids of a table, its rows and its cells are anchors: a row's and its cells' at the row's top") {
    Fixture f;
    model::Block th = test::cell("V");
    th.role = model::BlockRole::header;
    th.id = "letter-v";
    model::Block row = test::row({th, test::cell("value")});
    row.id = "r1";
    model::Block td = test::cell("b");
    td.id = "cell-b";
    model::Block inner = test::paragraph("p");
    inner.id = "para";
    model::Block stray = test::paragraph("stray row");
    stray.id = "stray";
    model::Block table =
        test::table({test::row_of({"Letter", "Word"}, true), row,
                     test::row({td, model::container_block(model::BlockKind::table_cell, {inner})}), stray});
    table.id = "t1";
    const std::vector<FlowLine> lines = f.set({table});
    REQUIRE(lines.size() == 4);
    // The table's id rides on its first line (its head); a paragraph's inside a cell, or a stray
    // block's, at its text's top, below the row's padding.
    const Pt text_top = f.style.leading / 8;
    CHECK(anchors_of(lines[0]) == "a1#t1@top");
    CHECK(anchors_of(lines[1]) == "a1#r1@top a1#letter-v@top");
    CHECK(anchors_of(lines[2], text_top) == "a1#cell-b@top a1#para@text");
    CHECK(anchors_of(lines[3], text_top) == "a1#stray@text");
  }

  TEST_CASE("a cell's id in a row cut into pieces is at the first piece's top only") {
    Fixture f;
    f.style = test::small_style(10);
    const std::string long_text = repeated_word(60);
    model::Block tall = test::cell(long_text);
    tall.id = "tall";
    const std::vector<FlowLine> lines = f.set({test::table({test::row({test::cell("short"), tall})})}, Pt(100));
    REQUIRE(lines.size() >= 2);
    CHECK(anchors_of(lines[0]) == "a1#tall@top");
    for (std::size_t i = 1; i < lines.size(); ++i) CHECK(lines[i].anchors.empty());
  }

  TEST_CASE("a table with no cells sets only its caption") {
    Fixture f;
    CHECK(f.set({test::table({})}).empty());
    const std::vector<FlowLine> lines = f.set({test::table({test::row({})}, "Empty")});
    REQUIRE(lines.size() == 1);
    CHECK(text_of(lines[0]) == "Empty");
  }
}
