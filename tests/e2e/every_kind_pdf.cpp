// Writes a PDF that holds every kind of the document model layout sets (footnotes, a long one split
// over two pages, several on a page, notes with lists and code; superscripts, subscripts,
// strikethrough, keys, anchors, task items, asides, details, centred blocks, a figure of two
// images, a table over pages with a note in a cell, in-book links and parts), built by hand as
// the readers and transforms will hand it over, so that qpdf, pdffonts and pdftotext can check
// layout and the PDF writer before the readers that produce these kinds land.
// Usage: every_kind_pdf SOURCE_DIR OUT.pdf
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "every_kind_book.hpp"
#include "figure_block.hpp"
#include "fonts/font_set.hpp"
#include "layout/lay_out_book.hpp"
#include "layout/page_style.hpp"
#include "model/book.hpp"
#include "pdf/pdf_writer.hpp"
#include "style/hyphenation_patterns.hpp"
#include "style/style_keys.hpp"
#include "table_blocks.hpp"
#include "test_images.hpp"

namespace {

namespace m = octavo::model;
using namespace every_kind;

// Sentences of plain words, different for every seed, so that paragraphs wrap and fill pages.
std::string prose(int sentences, int seed) {
  static const char* const words[] = {"leaves", "water",  "kettle",  "steeped", "brewed", "the",
                                      "cup",    "warm",   "morning", "garden",  "slowly", "and",
                                      "of",     "little", "bitter",  "sweet",   "pot",    "a"};
  std::string out;
  unsigned state = static_cast<unsigned>(seed) * 2654435761u + 7;
  for (int s = 0; s < sentences; ++s) {
    out += s == 0 ? "The" : " The";
    for (int w = 0; w < 11; ++w) {
      state = state * 1103515245u + 12345u;
      out += " ";
      out += words[(state >> 16) % 18];
    }
    out += ".";
  }
  return out;
}

m::Article notes_and_inlines() {
  std::vector<m::Block> blocks = {
      paragraph({text("Tea"), note_ref(1, "fnref-1"), text(" is drunk hot, and iced tea"), note_ref(2, "fnref-2"),
                 text(" cold; both are tea"), note_ref(1, "fnref-1-2"), text(". " + prose(3, 1))}),
      paragraph(prose(6, 2)),
      heading(1, "Inline kinds", "inline-kinds"),
      paragraph({span(m::InlineKind::strikethrough, "Coffee or cocoa"), text(" Tea, at 10"),
                 span(m::InlineKind::superscript, "2"), text(" cups of H"), span(m::InlineKind::subscript, "2"),
                 text("O a day; press "), span(m::InlineKind::keyboard, "Ctrl"), text("+"),
                 span(m::InlineKind::keyboard, "S"), text(" to save. " + prose(2, 3))}),
      m::container_block(m::BlockKind::bullet_list,
                         {task(m::TaskState::done, "Buy the leaves"), task(m::TaskState::open, "Warm the pot")}),
      paragraph({text("See "), m::link_inline("#inline-kinds", {text("the inline kinds")}), text(", "),
                 book_link("a02-blocks", "#details", "the details"), text(", "),
                 book_link("a02-blocks", "#top", "the anchor"), text(" and "),
                 book_link("a03-ailleurs", "", "an article in French"), text(".")}),
      paragraph(prose(9, 4)),
      paragraph({text(prose(4, 5)), text(" A long note follows"), note_ref(3, "fnref-3"), text(", and a short one"),
                 note_ref(4, "fnref-4"), text(". " + prose(3, 6))}),
      paragraph(prose(14, 7)),
      paragraph(prose(10, 8)),
  };
  m::Article result = article("a01-notes", "Notes and inline kinds", std::move(blocks));
  m::Block steps = m::container_block(m::BlockKind::ordered_list,
                                      {m::container_block(m::BlockKind::list_item, {paragraph("Warm the pot.")}),
                                       m::container_block(m::BlockKind::list_item, {paragraph("Add the leaves.")})});
  m::Block code;
  code.kind = m::BlockKind::code_block;
  code.text = "brew(leaves, minutes = 3)";
  result.footnotes = {
      {"fn-1", "hot", {paragraph("Usually at about 80 \u00B0C for green tea.")}, {}},
      {"fn-2",
       "iced",
       {paragraph("Brewed strong, then poured over ice:"),
        m::container_block(m::BlockKind::block_quote, {paragraph("Never the other way round.")})},
       {}},
      {"fn-3",
       "long",
       {paragraph("Longnote begins. " + prose(7, 9)), steps, code, paragraph(prose(6, 10)), paragraph(prose(6, 11)),
        paragraph(prose(5, 12) + " Longnote ends.")},
       {}},
      {"fn-4", "short", {paragraph("A short note after the long one.")}, {}},
  };
  return result;
}

m::Article blocks() {
  m::Block centred = m::container_block(m::BlockKind::division, {paragraph("A centred division.")});
  centred.align = m::Align::center;
  m::Block centred_paragraph = paragraph("A centred paragraph.");
  centred_paragraph.align = m::Align::center;
  m::Block details = m::container_block(m::BlockKind::details, {paragraph("Shown open, always. " + prose(2, 13))});
  details.inlines = {text("More about brewing")};
  details.id = "details";
  m::Block bare = m::container_block(m::BlockKind::details, {paragraph("Details without a summary.")});
  m::Block figure = test::figure("a.png", test::tiny_png(), "A red dot", 120, 90);
  figure.images.push_back(test::figure("b.jpg", test::tiny_jpeg(), "A grey square", 150, 90).images.front());
  figure.inlines = {text("Two pictures, one caption")};
  // A table over three pages, its head repeated, with a note referred to in a cell of a row on the
  // second page (not the page of the article's last line, where a note no line holds would go).
  std::vector<m::Block> rows{test::row_of({"Tea", "Minutes"}, true)};
  for (int i = 1; i <= 40; ++i) {
    m::Block kind = test::cell("Kind " + std::to_string(i));
    if (i == 20) kind.children[0].inlines.push_back(note_ref(1, "fnref-1"));
    rows.push_back(test::row({kind, test::cell(std::to_string(i % 5 + 2), m::Align::right)}));
  }
  m::Article result = article(
      "a02-blocks", "Blocks",
      {paragraph({anchor("top"), text("An explicit anchor starts this paragraph.")}), centred_paragraph, centred,
       m::container_block(m::BlockKind::aside, {paragraph("An aside, set off with a bar. " + prose(3, 14)),
                                                paragraph("Its second paragraph.")}),
       details, bare, figure, paragraph({m::link_inline("#top", {text("Back to the top")})}), test::table(rows)});
  result.footnotes = {{"fn-1", "kind", {paragraph("Steeped longest of all.")}, {}}};
  return result;
}

m::Article in_french() {
  m::Article result = article("a03-ailleurs", "Ailleurs",
                              {paragraph({text("Un article en fran\u00E7ais"), note_ref(1, "fnref-1"), text(".")})});
  result.language = "fr";
  result.footnotes = {{"fn-1", "1", {paragraph("Une note.")}, {}}};
  return result;
}

// The book, with its anchor table; what resolve_links says of it goes to `sink`.
m::Book book(octavo::core::DiagnosticSink& sink) {
  m::ContentsEntry first{"Notes and inline kinds", "a01-notes", "", {}};
  first.children = {{"Inline kinds", "a01-notes", "inline-kinds", {}}};
  return every_kind::book(notes_and_inlines(), blocks(), in_french(), std::move(first), sink);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: every_kind_pdf SOURCE_DIR OUT.pdf\n");
    return 2;
  }
  const std::string source = argv[1];
  octavo::core::DiagnosticList sink;
  const octavo::fonts::FontSet font_set(source + "/fonts", sink);
  if (!font_set.ok()) {
    std::fprintf(stderr, "every_kind_pdf: %s", sink.to_string().c_str());
    return 1;
  }
  const octavo::layout::PageStyle style = octavo::style::default_page_style();
  const octavo::core::DiskFileSystem patterns("/usr/share/hyphen");
  const octavo::layout::Hyphenators hyphenators =
      octavo::style::load_hyphenators("en", {}, patterns, "/usr/share/hyphen", sink);
  const octavo::layout::LaidOutBook pages =
      octavo::layout::lay_out_book(book(sink), font_set.metrics(), style, hyphenators, sink);
  const bool written = octavo::pdf::write_pdf(font_set, pages, argv[2], sink);
  // Every diagnostic is printed: the test expects none.
  std::fputs(sink.to_string().c_str(), stderr);
  std::fputs(octavo::layout::format_stats(pages.stats).c_str(), stdout);
  return written && sink.all().empty() ? 0 : 1;
}
