// Footnotes: where paginate places them (break_pages on flows described by letters), and what
// lay_out_book makes of an article's notes with the fake metrics.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <string>

#include "layout/footnotes.hpp"
#include "layout/lay_out_book.hpp"
#include "layout/layout_test_support.hpp"
#include "layout/paginate.hpp"
#include "table_blocks.hpp"

using namespace octavo;
using namespace octavo::layout;

namespace {

// A note of lines 10 high whose keeps are given by letters as in flow_of ('.' none, 'w' weak,
// 'k' strong); by default a paragraph's: no page may end after its first line nor before its last.
FlowNote note_of(std::size_t count, std::string keeps = {}) {
  FlowNote note;
  for (std::size_t k = 0; k < count; ++k) {
    FlowLine line;
    line.height = core::Pt(10);
    if (!keeps.empty()) {
      line.keep = keeps[k] == 'k' ? Keep::strong : keeps[k] == 'w' ? Keep::weak : Keep::none;
    } else if (count >= 2 && k + 1 < count && (k == 0 || k + 2 == count)) {
      line.keep = Keep::weak;
    }
    note.lines.push_back(line);
  }
  return note;
}

// Lines 10 high by letters: '.' plain, 'k' kept with the next, a digit n a line with a note of n
// lines (0 stands for ten).
std::vector<FlowLine> flow_of(const std::string& marks) {
  std::vector<FlowLine> lines;
  for (const char mark : marks) {
    FlowLine line;
    line.height = core::Pt(10);
    if (mark == 'k') line.keep = Keep::strong;
    if (mark >= '0' && mark <= '9')
      line.notes.push_back(note_of(mark == '0' ? 10 : static_cast<std::size_t>(mark - '0')));
    lines.push_back(line);
  }
  return lines;
}

// Each page as "[first,end) notes" with its pieces as "line.note:begin-end".
std::string pages_of(const std::vector<PageContent>& pages) {
  std::string out;
  for (const PageContent& page : pages) {
    out += "[" + std::to_string(page.first) + "," + std::to_string(page.end) + ")";
    for (const NotePiece& piece : page.notes) {
      out += " " + std::to_string(piece.line) + "." + std::to_string(piece.note) + ":" + std::to_string(piece.begin) +
             "-" + std::to_string(piece.end);
    }
    out += "\n";
  }
  return out;
}

std::string place(const std::vector<FlowLine>& lines, double capacity) {
  return pages_of(break_pages(lines, core::Pt(capacity), core::Pt(5)));
}

model::Inline note_ref(int number) {
  model::Inline ref;
  ref.kind = model::InlineKind::footnote_ref;
  ref.target = "fn-" + std::to_string(number);
  ref.text = std::to_string(number);
  ref.id = "fnref-" + std::to_string(number);
  return ref;
}

// About 61 characters fill a line of the measure with the fake metrics.
std::string words(int lines, int seed) {
  static const char* const pool[] = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"};
  std::string text;
  for (int i = 0; i < lines * 9; ++i) {
    text += (i == 0 ? "" : " ");
    text += pool[static_cast<std::size_t>(seed + i * 5) % 8];
  }
  return text;
}

// The page of every anchor.
std::map<std::string, std::size_t> anchor_pages(const LaidOutBook& book) {
  std::map<std::string, std::size_t> pages;
  for (std::size_t i = 0; i < book.pages.size(); ++i) {
    for (const Anchor& anchor : book.pages[i].anchors) pages.emplace(anchor.name, i);
  }
  return pages;
}

// An article of `count` paragraphs of varied lengths, each with a note of varied length.
model::Article noted_article(int count) {
  std::vector<model::Block> blocks;
  model::Article article = test::article("a1", "Noted", {});
  for (int n = 1; n <= count; ++n) {
    if (n % 5 == 0) blocks.push_back(test::heading(1, "Heading " + std::to_string(n), "h" + std::to_string(n)));
    blocks.push_back(model::paragraph_block(
        {model::text_inline(words(1 + n % 4, n)), note_ref(n), model::text_inline(" " + words(n % 3, n + 1))}));
    article.footnotes.push_back(
        {"fn-" + std::to_string(n),
         std::to_string(n),
         {test::paragraph("Note " + std::to_string(n) + ": " + words(n % 7 == 0 ? 12 : n % 3, n))},
         {}});
  }
  article.blocks = std::move(blocks);
  return article;
}

}  // namespace

TEST_SUITE("layout.footnotes") {
  TEST_CASE("a line and its note share a page, the note under the text") {
    CHECK(place(flow_of("..2.."), 100) == "[0,5) 2.0:0-2\n");
  }

  TEST_CASE("a line whose note does not fit moves to the next page, its note with it") {
    // Four lines (40), then a line with a two-line note: 10 + 5 + 20 more is 75 > 60, and a
    // two-line note cannot split (a page may not end after a paragraph's first line).
    CHECK(place(flow_of("....2"), 60) == "[0,4)\n[4,5) 4.0:0-2\n");
  }

  TEST_CASE("a long note splits where its keeps allow; its rest opens the next page's notes") {
    // Line 2's six-line note: 25 pt are left, two lines' worth, and the page may end after the
    // note's second line. Line 3 no longer fits beside the notes; the rest (four lines) comes first
    // on page two.
    CHECK(place(flow_of("..6..."), 60) ==
          "[0,3) 2.0:0-2\n"
          "[3,4) 2.0:2-6\n"
          "[4,6)\n");
  }

  TEST_CASE("several notes on one page keep their order, those of one line too") {
    std::vector<FlowLine> lines = flow_of("1.1.1");
    lines[2].notes.push_back(note_of(1));
    CHECK(place(lines, 100) == "[0,5) 0.0:0-1 2.0:0-1 2.1:0-1 4.0:0-1\n");
  }

  TEST_CASE("no note starts under a split one: the line referring to it moves on") {
    std::vector<FlowLine> lines = flow_of("....1");
    // Line 1's eight-line note may end a page only after its second line.
    lines[1].notes.push_back(note_of(8, "w.kkkkw."));
    CHECK(place(lines, 100) ==
          "[0,4) 1.0:0-2\n"
          "[4,5) 1.0:2-8 4.0:0-1\n");
  }

  TEST_CASE("a note longer than a page continues over pages that hold notes alone") {
    std::vector<FlowLine> lines = flow_of(".");
    lines[0].notes.push_back(note_of(30, std::string(30, '.')));
    CHECK(place(lines, 100) ==
          "[0,1) 0.0:0-8\n"
          "[1,1) 0.0:8-17\n"
          "[1,1) 0.0:17-26\n"
          "[1,1) 0.0:26-30\n");
  }

  TEST_CASE("keeps still hold: a heading moves on with the line whose note sends it over") {
    CHECK(place(flow_of("..k2"), 50) == "[0,2)\n[2,4) 3.0:0-2\n");
  }

  TEST_CASE("a note with no room beside a line that fills its page goes to the next page, never lost") {
    // The first line of a page always goes there; its note is not drawn over the margin but
    // opens the next page's notes.
    std::vector<FlowLine> lines = flow_of("2.");
    lines[0].height = core::Pt(95);
    CHECK(place(lines, 100) == "[0,1)\n[1,2) 0.0:0-2\n");
    // With room for one line of it, that line stays with the reference, when the note's keeps let
    // it part there.
    lines[0].notes[0] = note_of(2, "..");
    lines[0].height = core::Pt(80);
    CHECK(place(lines, 100) == "[0,1) 0.0:0-1\n[1,2) 0.0:1-2\n");
  }

  TEST_CASE("a repeated table head takes its room before a line and its notes") {
    // Line 0 is a table's head, lines 1-6 its body rows, each with a copy of the head (10 pt) to
    // open a page with. Page two opens with row 3, under the head: 10 + 10 + 5 + 20 for its note,
    // then row 4 (55); row 5 would make 65. Without the head's share, row 5 would fit there too.
    std::vector<FlowLine> lines = flow_of("k..2...");
    const auto head = std::make_shared<const std::vector<FlowLine>>(std::vector<FlowLine>{lines[0]});
    for (std::size_t i = 1; i < lines.size(); ++i) lines[i].repeated_head = head;
    CHECK(place(lines, 60) ==
          "[0,3)\n"
          "[3,5) 3.0:0-2\n"
          "[5,7)\n");
  }

  TEST_CASE("a page holding a carried note alone gets no table head") {
    std::vector<FlowLine> lines = flow_of(".");
    lines[0].notes.push_back(note_of(12, std::string(12, '.')));
    FlowLine row;
    row.height = core::Pt(10);
    row.repeated_head = std::make_shared<const std::vector<FlowLine>>(std::vector<FlowLine>{row});
    lines.push_back(row);
    PageStyle style = test::small_style(4);
    style.footnote_space = core::Pt(0);
    for (FlowLine& line : lines) line.height = style.leading;
    for (FlowLine& line : lines[0].notes[0].lines) line.height = style.leading;
    // Page one: the line and three note lines; page two: four more of the note, and nothing else;
    // page three: the rest of the note, and the row under its head.
    CHECK(pages_of(break_pages(lines, style.body_height, style.footnote_space)) ==
          "[0,1) 0.0:0-3\n"
          "[1,1) 0.0:3-7\n"
          "[1,1) 0.0:7-11\n"
          "[1,2) 0.0:11-12\n");
    FlowLine head_line;
    head_line.height = style.leading;
    head_line.runs.push_back({fonts::FontFace::serif, style.body_size, core::Pt(0), core::Pt(8), "head"});
    lines[1].repeated_head = std::make_shared<const std::vector<FlowLine>>(std::vector<FlowLine>{head_line});
    const std::vector<Page> pages = paginate(lines, style, true);
    REQUIRE(pages.size() == 4);
    for (std::size_t k = 0; k < 3; ++k) CHECK(pages[k].runs.empty());
    REQUIRE(pages[3].runs.size() == 1);
    CHECK(pages[3].runs[0].text == "head");
  }

  TEST_CASE("paginate draws notes at the foot of the text block, under a short rule or a full one") {
    PageStyle style = test::small_style(6);
    std::vector<FlowLine> lines = flow_of(".6");
    for (FlowLine& line : lines) line.height = style.leading;
    for (FlowLine& line : lines[1].notes[0].lines) {
      line.height = style.small_leading;
      line.runs.push_back({fonts::FontFace::serif, style.small_size, core::Pt(0), core::Pt(8), "note"});
    }
    const std::vector<Page> pages = paginate(lines, style, true);
    REQUIRE(pages.size() == 2);
    const core::Pt bottom = style.margin_top + style.body_height;
    // Page one: room for three of the note's six lines (31.5 pt) after 27 pt of text and 13.5 of
    // space; the page may end after the third.
    REQUIRE(pages[0].rules.size() == 1);
    CHECK(pages[0].rules[0].x2 - pages[0].rules[0].x1 == style.footnote_rule_width);
    CHECK(pages[0].rules[0].y1 == bottom - style.small_leading * 3 - style.footnote_space * footnote_rule_share);
    CHECK(pages[0].runs.back().baseline == bottom - style.small_leading + core::Pt(8));
    // Page two: the rest, under a rule the measure long.
    REQUIRE(pages[1].rules.size() == 1);
    CHECK(pages[1].rules[0].x2 - pages[1].rules[0].x1 == style.measure());
    CHECK(pages[1].runs.size() == 3);
  }

  TEST_CASE("every note is on its reference's page, numbered and linked both ways, in order") {
    const model::Book book = test::book_of({noted_article(40)});
    const test::FakeMetrics metrics;
    core::DiagnosticList diagnostics;
    const LaidOutBook laid = lay_out_book(book, metrics, test::small_style(16), layout::Hyphenators(), diagnostics);
    CHECK(diagnostics.to_string() == "");
    const std::map<std::string, std::size_t> pages = anchor_pages(laid);
    for (int n = 1; n <= 40; ++n) {
      CAPTURE(n);
      const std::string note = "a1#fn-" + std::to_string(n);
      const std::string ref = "a1#fnref-" + std::to_string(n);
      REQUIRE(pages.count(note) == 1);
      REQUIRE(pages.count(ref) == 1);
      CHECK(pages.at(note) == pages.at(ref));
      std::size_t to_note = 0;
      std::size_t back = 0;
      for (const LinkArea& link : laid.pages[pages.at(ref)].links) {
        to_note += link.destination == note;
        back += link.destination == ref;
      }
      CHECK(to_note == 1);
      CHECK(back == 1);
    }
    // On every page the notes lie below the text, in order; the long notes (7, 14, …: twelve
    // lines of words) are continued under a rule the measure long, the running head's aside.
    const PageStyle style = test::small_style(16);
    const core::Pt top = style.margin_top;
    const core::Pt bottom = style.margin_top + style.body_height;
    std::size_t continued = 0;
    for (const Page& page : laid.pages) {
      core::Pt lowest_text = top;
      core::Pt highest_note = bottom;
      int last = 0;
      for (const TextRun& run : page.runs) {
        if (run.baseline < top || run.baseline > bottom) continue;  // outside the text block
        if (run.size == style.small_size) {
          highest_note = std::min(highest_note, run.baseline);
          if (run.text.size() >= 2 && run.text.back() == '.' && std::isdigit(static_cast<unsigned char>(run.text[0]))) {
            const int number = std::stoi(run.text);
            CHECK(number > last);
            last = number;
          }
        } else {
          lowest_text = std::max(lowest_text, run.baseline);
        }
      }
      CHECK(lowest_text < highest_note);
      for (const Rule& rule : page.rules) continued += rule.y1 > top && rule.x2 - rule.x1 == style.measure();
    }
    CHECK(continued > 0);
    CHECK(laid.stats.widows == 0);
    CHECK(laid.stats.orphans == 0);
    CHECK(laid.stats.headings_at_foot == 0);
  }

  TEST_CASE("a note referred to in a table's cell sits at the foot of its row's page") {
    std::vector<model::Block> rows{test::row_of({"Year", "Event"}, true)};
    for (int i = 1; i <= 30; ++i) {
      const std::string n = std::to_string(i);
      model::Block event = test::cell("Event " + n);
      if (i == 25) event.children[0].inlines.push_back(note_ref(1));
      rows.push_back(test::row({test::cell(std::to_string(1900 + i)), event}));
    }
    model::Article article = test::article("a1", "Table", {test::paragraph(words(2, 1)), test::table(rows)});
    article.footnotes = {{"fn-1", "1", {test::paragraph("The note of row 25.")}, {}}};
    const test::FakeMetrics metrics;
    core::DiagnosticList diagnostics;
    const LaidOutBook laid =
        lay_out_book(test::book_of({article}), metrics, test::small_style(14), layout::Hyphenators(), diagnostics);
    CHECK(diagnostics.to_string() == "");
    const std::map<std::string, std::size_t> pages = anchor_pages(laid);
    REQUIRE(pages.count("a1#fn-1") == 1);
    REQUIRE(pages.count("a1#fnref-1") == 1);
    const std::size_t page = pages.at("a1#fnref-1");
    CHECK(page > pages.at("a1"));  // the row is not on the table's first page
    CHECK(pages.at("a1#fn-1") == page);
    const std::vector<std::string> lines = test::page_lines(laid.pages[page]);
    CHECK(std::find(lines.begin(), lines.end(), "1925 Event 251") != lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "1. The note of row 25.") != lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "Year Event") != lines.end());  // the head, repeated
  }

  TEST_CASE("a table's head repeated on pages with notes: the head's own note is set once") {
    model::Block year = test::cell("Year");
    year.children[0].inlines.push_back(note_ref(1));
    std::vector<model::Block> rows{test::row({year, test::cell("Event")}, true)};
    for (int i = 1; i <= 30; ++i) {
      model::Block event = test::cell("Event " + std::to_string(i));
      if (i == 20) event.children[0].inlines.push_back(note_ref(2));
      rows.push_back(test::row({test::cell(std::to_string(1900 + i)), event}));
    }
    model::Article article = test::article("a1", "Table", {test::table(rows)});
    article.footnotes = {{"fn-1", "1", {test::paragraph("On the head.")}, {}},
                         {"fn-2", "2", {test::paragraph("On row 20.")}, {}}};
    const test::FakeMetrics metrics;
    core::DiagnosticList diagnostics;
    const LaidOutBook laid =
        lay_out_book(test::book_of({article}), metrics, test::small_style(14), layout::Hyphenators(), diagnostics);
    CHECK(diagnostics.to_string() == "");
    const std::map<std::string, std::size_t> pages = anchor_pages(laid);
    REQUIRE(pages.count("a1#fnref-2") == 1);
    CHECK(pages.at("a1#fn-1") == pages.at("a1#fnref-1"));
    CHECK(pages.at("a1#fn-2") == pages.at("a1#fnref-2"));
    CHECK(pages.at("a1#fn-2") > pages.at("a1#fn-1"));
    std::size_t heads = 0;
    std::size_t head_notes = 0;
    std::size_t anchors = 0;
    for (const Page& page : laid.pages) {
      for (const std::string& line : test::page_lines(page)) {
        heads += line == "Year1 Event";
        head_notes += line == "1. On the head.";
      }
      for (const Anchor& anchor : page.anchors) anchors += anchor.name == "a1#fn-1" || anchor.name == "a1#fnref-1";
    }
    CHECK(heads >= 2);  // set on every page of the table, the page of note 2 included
    const std::vector<std::string> second = test::page_lines(laid.pages[pages.at("a1#fn-2")]);
    CHECK(std::find(second.begin(), second.end(), "Year1 Event") != second.end());
    CHECK(std::find(second.begin(), second.end(), "2. On row 20.") != second.end());
    CHECK(head_notes == 1);
    CHECK(anchors == 2);
  }

  TEST_CASE("a note's number is a full-size figure with a stop, the reference a raised small one") {
    model::Article article = test::article(
        "a1", "One note", {model::paragraph_block({model::text_inline("Tea"), note_ref(1), model::text_inline(".")})});
    article.footnotes = {{"fn-1", "1", {test::paragraph("Hot.")}, {}}};
    const test::FakeMetrics metrics;
    core::DiagnosticList diagnostics;
    const PageStyle style = test::small_style(16);
    const LaidOutBook laid = lay_out_book(test::book_of({article}), metrics, style, layout::Hyphenators(), diagnostics);
    const Page& page = laid.pages.at(laid.front_matter_pages);
    const TextRun* reference = nullptr;
    const TextRun* number = nullptr;
    for (const TextRun& run : page.runs) {
      if (run.text == "1" && run.rise > core::Pt(0)) reference = &run;
      if (run.text == "1.") number = &run;
    }
    REQUIRE(reference != nullptr);
    REQUIRE(number != nullptr);
    CHECK(reference->size == style.body_size * script_scale);
    CHECK(reference->rise == style.body_size * superscript_rise);
    CHECK(number->size == style.small_size);
    CHECK(number->rise == core::Pt(0));
    // The note is the page's last line but the folio, under the source note, which is text.
    const std::vector<std::string> lines = test::page_lines(page);
    REQUIRE(lines.size() >= 3);
    CHECK(lines[1] == "Tea1.");
    CHECK(lines[2] == "Source note");
    CHECK(lines[lines.size() - 2] == "1. Hot.");
  }

  TEST_CASE("a note no line refers to is set on the article's last line, not lost") {
    model::Article article = test::article("a1", "Unreferenced", {test::paragraph("Text.")});
    article.footnotes = {{"fn-1", "1", {test::paragraph("Orphaned note.")}, {}}};
    const test::FakeMetrics metrics;
    core::DiagnosticList diagnostics;
    const LaidOutBook laid =
        lay_out_book(test::book_of({article}), metrics, test::small_style(16), layout::Hyphenators(), diagnostics);
    const std::vector<std::string> lines = test::page_lines(laid.pages.at(laid.front_matter_pages));
    CHECK(std::find(lines.begin(), lines.end(), "1. Orphaned note.") != lines.end());
  }

  TEST_CASE("notes holding several paragraphs, a list and code are set in small type, number first") {
    model::Block list;
    list.kind = model::BlockKind::bullet_list;
    list.children.push_back(model::container_block(model::BlockKind::list_item, {test::paragraph("an item")}));
    model::Block code;
    code.kind = model::BlockKind::code_block;
    code.text = "x = 1";
    model::Article article =
        test::article("a1", "Rich note",
                      {model::paragraph_block({model::text_inline("Text"), note_ref(1), model::text_inline(".")})});
    article.footnotes = {{"fn-1", "1", {test::paragraph("First."), test::paragraph("Second."), list, code}, {}}};
    test::LayoutFixture f;
    const PageStyle small = small_type_style(f.style);
    LayoutContext note_context{f.metrics, small, f.diagnostics, f.coverage};
    const std::vector<FlowLine> lines =
        footnote_lines(article.footnotes[0], 1, "a1#fn-1", "a1#fnref-1", "a1#", nullptr, note_context);
    std::string texts;
    for (const FlowLine& line : lines) {
      for (const TextRun& run : line.runs) texts += run.text + "|";
      texts += "\n";
    }
    CHECK(texts ==
          "First.|1.|\n"
          "Second.|\n"
          "an|item|•|\n"
          "x = 1|\n");
    CHECK(lines[0].runs[0].size == f.style.small_size);
    CHECK(lines[3].runs[0].size == f.style.code_size * (f.style.small_size / f.style.body_size));
    REQUIRE(lines[0].anchors.size() == 1);
    CHECK(lines[0].anchors[0].name == "a1#fn-1");
    REQUIRE(lines[0].links.size() == 1);
    CHECK(lines[0].links[0].destination == "a1#fnref-1");
  }
}
