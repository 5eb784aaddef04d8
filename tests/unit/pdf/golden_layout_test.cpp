// Golden layout tests: small fixed books laid out with the fake fixed-width metrics, traced page by
// page (pdf::trace_pages) and compared with tests/golden/layout/*.trace. A change to breaking,
// pagination or placement shows up as a readable diff of those files; regenerate them with
// OCTAVO_UPDATE_GOLDEN=1 (see README, "Testing").
#include <doctest/doctest.h>

#include "golden.hpp"
#include "layout/lay_out_book.hpp"
#include "layout/layout_test_support.hpp"
#include "pdf/text_trace.hpp"
#include "table_blocks.hpp"

using namespace octavo;

namespace {

model::Inline styled(model::InlineKind kind, std::string text) {
  model::Inline inline_node;
  inline_node.kind = kind;
  if (kind == model::InlineKind::code) {
    inline_node.text = std::move(text);
  } else {
    inline_node.children.push_back(model::text_inline(std::move(text)));
  }
  return inline_node;
}

model::Block block_of(model::BlockKind kind, std::vector<model::Block> children = {}, std::string text = {}) {
  model::Block block;
  block.kind = kind;
  block.children = std::move(children);
  block.text = std::move(text);
  return block;
}

model::Block item(std::string text) {
  return block_of(model::BlockKind::list_item, {test::paragraph(std::move(text))});
}

// Text that wraps over several lines of the measure, different in every paragraph.
std::string prose(int sentences, int seed) {
  static const char* const words[] = {"pages",  "measure",   "leading",    "justified", "paragraph", "margin",
                                      "folio",  "gutter",    "compositor", "spacing",   "hyphen",    "widow",
                                      "orphan", "typefaces", "the",        "of",        "and",       "a"};
  std::string text;
  unsigned state = static_cast<unsigned>(seed) * 2654435761u + 1;
  for (int s = 0; s < sentences; ++s) {
    text += s == 0 ? "The" : " The";
    for (int w = 0; w < 9; ++w) {
      state = state * 1103515245u + 12345u;
      text += " ";
      text += words[(state >> 16) % 18];
    }
    text += ".";
  }
  return text;
}

model::Inline note_ref(int number, std::string id) {
  model::Inline ref;
  ref.kind = model::InlineKind::footnote_ref;
  ref.target = "fn-" + std::to_string(number);
  ref.text = std::to_string(number);
  ref.id = std::move(id);
  return ref;
}

std::string traced(const model::Book& book, const layout::PageStyle& style) {
  const test::FakeMetrics metrics;
  core::DiagnosticList diagnostics;
  const layout::LaidOutBook laid = layout::lay_out_book(book, metrics, style, layout::Hyphenators(), diagnostics);
  const std::string trace =
      pdf::trace_pages(laid) + (diagnostics.all().empty() ? "" : "diagnostics:\n" + diagnostics.to_string());
  // Articles set on worker threads must give the very same trace.
  core::DiagnosticList threaded_diagnostics;
  const layout::LaidOutBook threaded =
      layout::lay_out_book(book, metrics, style, layout::Hyphenators(), threaded_diagnostics, core::no_progress(), 3);
  CHECK(pdf::trace_pages(threaded) +
            (threaded_diagnostics.all().empty() ? "" : "diagnostics:\n" + threaded_diagnostics.to_string()) ==
        trace);
  return trace;
}

}  // namespace

TEST_SUITE("pdf.golden_layout") {
  TEST_CASE("every kind of block, across pages of twelve lines") {
    model::Block lead = test::paragraph(prose(2, 1));
    lead.role = model::BlockRole::summary;
    model::Block mixed = model::paragraph_block(
        {model::text_inline("Plain, "), styled(model::InlineKind::emphasis, "emphasised"), model::text_inline(", "),
         styled(model::InlineKind::strong, "strong"), model::text_inline(" and "),
         styled(model::InlineKind::code, "code()"), model::text_inline(", then "),
         model::link_inline("https://example.org/", {model::text_inline("a link")}),
         model::text_inline(". " + prose(1, 2))});
    model::Block ordered = block_of(model::BlockKind::ordered_list, {item("First item."), item(prose(2, 3))});
    ordered.start = 9;
    const model::Book book = test::book_of({test::article(
        "a1", "Every Block",
        {lead, test::paragraph(prose(4, 4)), mixed, test::heading(1, "A first-level heading", "h1"),
         test::paragraph(prose(3, 5)), test::heading(2, "Second level", "h2"),
         block_of(model::BlockKind::bullet_list, {item("Short."), item(prose(2, 6))}), ordered,
         test::heading(3, "Third level", "h3"), block_of(model::BlockKind::block_quote, {test::paragraph(prose(2, 7))}),
         block_of(model::BlockKind::code_block, {}, "int main() {\n\treturn 0;  // a tab before\n}"),
         block_of(model::BlockKind::thematic_break), test::paragraph(prose(5, 8))})});
    test::check_golden("layout/every_block.trace", traced(book, test::small_style(14)));
  }

  TEST_CASE("front matter with contents over two pages, and short articles on pages of 14 lines") {
    std::vector<model::Article> articles;
    for (int i = 1; i <= 9; ++i) {
      const std::string n = std::to_string(i);
      articles.push_back(test::article("a" + n, "Article number " + n,
                                       {test::paragraph(prose(i % 3 + 1, 10 + i)), test::heading(1, "Section", "s")}));
    }
    model::Book book = test::book_of(std::move(articles));
    book.metadata.subtitle = "A golden sample";
    test::check_golden("layout/front_matter.trace", traced(book, test::small_style(14)));
  }

  TEST_CASE("a table over three pages of 14 lines: caption, wrapped cells, its head repeated, booktabs rules") {
    std::vector<model::Block> rows{
        test::row({test::cell("Year"), test::cell("Event"), test::cell("Count", model::Align::right)}, true)};
    for (int i = 1; i <= 16; ++i) {
      const std::string n = std::to_string(i);
      rows.push_back(
          test::row({test::cell(std::to_string(1900 + i)), test::cell(i % 4 == 0 ? prose(1, 30 + i) : "Event " + n),
                     test::cell(std::to_string(i * 7), model::Align::right)}));
    }
    const model::Book book = test::book_of(
        {test::article("a1", "Tables",
                       {test::paragraph(prose(2, 21)), test::table(std::move(rows), "Table 1. Events by year", 3),
                        test::paragraph(prose(1, 22))})});
    test::check_golden("layout/table_pages.trace", traced(book, test::small_style(14)));
  }

  TEST_CASE("tables too wide for the measure: smaller type, then broken words with one warning") {
    const std::string word = "abcdefghijklmnop";
    std::vector<std::string> words(4, word);
    std::vector<std::string> many(8, word + "qrst");
    const model::Book book = test::book_of({test::article(
        "a1", "Wide tables",
        {test::table({test::row_of({"One", "Two", "Three", "Four"}, true), test::row_of(words)}, "", 3),
         test::table({test::row_of({"A", "B", "C", "D", "E", "F", "G", "H"}, true), test::row_of(many)}, "", 9),
         test::paragraph("After the tables.")})});
    test::check_golden("layout/wide_tables.trace", traced(book, test::small_style(20)));
  }

  TEST_CASE("long lines of code break at spaces and punctuation with a drawn mark; a URL breaks at its slashes") {
    layout::PageStyle style = test::small_style(16);
    style.page_width = style.margin_inner + style.margin_outer + core::Pt(200);  // 40 characters
    const model::Book book = test::book_of({test::article(
        "a1", "Code and URLs",
        {block_of(model::BlockKind::code_block, {},
                  "int main() {\n"
                  "    auto configuration = load_configuration_from(path, options);\n"
                  "    return std::accumulate(values.begin(), values.end(), initial_total_value);\n"
                  "}"),
         test::paragraph("The report is at https://example.org/reports/annual/2024/the-complete-findings.html?"
                         "section=methods&page=12 for anyone.")})});
    test::check_golden("layout/code_and_urls.trace", traced(book, style));
  }

  TEST_CASE("a narrow measure: long words, a URL wider than the line") {
    layout::PageStyle style = test::small_style(16);
    style.page_width = style.margin_inner + style.margin_outer + core::Pt(130);  // 26 characters
    const model::Book book = test::book_of({test::article(
        "a1", "Narrow",
        {test::paragraph("Incomprehensibilities notwithstanding, characteristically "
                         "uncharacteristically see https://example.org/a/very/long/path/that/cannot/fit here."),
         test::paragraph(prose(3, 20))})});
    test::check_golden("layout/narrow_measure.trace", traced(book, style));
  }

  TEST_CASE("footnotes: several on a page, one referred to twice, a long one split with a continuation") {
    model::Block code = block_of(model::BlockKind::code_block, {}, "brew(3)");
    model::Article article = test::article(
        "a1", "Notes",
        {model::paragraph_block({model::text_inline("Tea"), note_ref(1, "fnref-1"), model::text_inline(" and ice"),
                                 note_ref(2, "fnref-2"), model::text_inline(", tea again"), note_ref(1, "fnref-1-2"),
                                 model::text_inline(". " + prose(2, 30))}),
         test::paragraph(prose(3, 31)),
         model::paragraph_block(
             {model::text_inline(prose(1, 32)), note_ref(3, "fnref-3"), model::text_inline(" " + prose(2, 33))}),
         test::paragraph(prose(4, 34))});
    article.footnotes = {{"fn-1", "1", {test::paragraph("A short note.")}, {}},
                         {"fn-2", "2", {test::paragraph("Two paragraphs."), test::paragraph("The second.")}, {}},
                         {"fn-3", "3", {test::paragraph(prose(9, 35)), code, test::paragraph(prose(9, 36))}, {}}};
    test::check_golden("layout/footnotes.trace", traced(test::book_of({article}), test::small_style(14)));
  }

  TEST_CASE("footnotes in a table over two pages: under their rows' pages, the head repeated without its note") {
    model::Block year = test::cell("Year");
    year.children[0].inlines.push_back(note_ref(1, "fnref-1"));
    std::vector<model::Block> rows{
        test::row({year, test::cell("Event"), test::cell("Count", model::Align::right)}, true)};
    for (int i = 1; i <= 14; ++i) {
      model::Block event = test::cell(i % 5 == 0 ? prose(1, 60 + i) : "Event " + std::to_string(i));
      if (i == 3) event.children[0].inlines.push_back(note_ref(2, "fnref-2"));
      if (i == 12) event.children[0].inlines.push_back(note_ref(3, "fnref-3"));
      rows.push_back(test::row(
          {test::cell(std::to_string(1900 + i)), event, test::cell(std::to_string(i * 7), model::Align::right)}));
    }
    model::Article article =
        test::article("a1", "Noted table", {test::paragraph(prose(1, 59)), test::table(std::move(rows), "", 3)});
    article.footnotes = {{"fn-1", "1", {test::paragraph("Years as printed.")}, {}},
                         {"fn-2", "2", {test::paragraph(prose(2, 75))}, {}},
                         {"fn-3", "3", {test::paragraph("A late note.")}, {}}};
    test::check_golden("layout/table_notes.trace", traced(test::book_of({article}), test::small_style(14)));
  }

  TEST_CASE("inline styles and set-off blocks: scripts, strikethrough, keys, asides, details, centring, tasks") {
    model::Block aside = block_of(model::BlockKind::aside, {test::paragraph(prose(2, 40))});
    model::Block details = block_of(model::BlockKind::details, {test::paragraph(prose(1, 41))});
    details.inlines = {model::text_inline("A summary")};
    model::Block centred = block_of(model::BlockKind::division, {test::paragraph("A centred line.")});
    centred.align = model::Align::center;
    model::Block done = item("Done.");
    done.task = model::TaskState::done;
    model::Block open = item("Open.");
    open.task = model::TaskState::open;
    const model::Book book = test::book_of({test::article(
        "a1", "Kinds",
        {model::paragraph_block({model::text_inline("E = mc"), styled(model::InlineKind::superscript, "2"),
                                 model::text_inline(", H"), styled(model::InlineKind::subscript, "2"),
                                 model::text_inline("O, "), styled(model::InlineKind::strikethrough, "struck words"),
                                 model::text_inline(", press "), styled(model::InlineKind::keyboard, "Ctrl"),
                                 model::text_inline("+"), styled(model::InlineKind::keyboard, "C"),
                                 model::text_inline(". " + prose(1, 42))}),
         aside, details, centred, block_of(model::BlockKind::bullet_list, {done, open})})});
    test::check_golden("layout/inline_and_set_off.trace", traced(book, test::small_style(14)));
  }

  TEST_CASE("parts: a recto title page and a blank verso before a part's articles") {
    std::vector<model::Article> articles = {test::article("a1", "Inside", {test::paragraph(prose(2, 50))}),
                                            test::article("a2", "Outside", {test::paragraph(prose(1, 51))})};
    articles[0].part = 0;
    model::Book book = test::book_of(std::move(articles));
    book.parts = {{"p1", "The Part", "part", model::no_part, 0, 1, {}}};
    book.contents = {{"The Part", "", "", {book.contents[0]}, "p1"}, book.contents[1]};
    test::check_golden("layout/parts.trace", traced(book, test::small_style(14)));
  }
}
