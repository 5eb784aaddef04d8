// Writes the PDF of a hand-built book of tables, long code lines and long URLs, laid out with the
// real fonts and the house style, for tables_pdf.sh to check with qpdf, pdffonts and pdftotext.
// Built from the model, not from Markdown, so that it needs no reader of tables.
// Usage: table_book OUT.pdf
#include <iostream>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "fonts/font_set.hpp"
#include "layout/lay_out_book.hpp"
#include "layout/layout_test_support.hpp"
#include "pdf/pdf_writer.hpp"
#include "style/hyphenation_patterns.hpp"
#include "table_blocks.hpp"

using namespace octavo;
using test::cell;
using test::row;
using test::table;

namespace {

model::Block code(std::string text) {
  model::Block block;
  block.kind = model::BlockKind::code_block;
  block.text = std::move(text);
  return block;
}

// A long table: a head row, then rows whose middle cell wraps over several lines, enough of them
// to run over three A5 pages.
model::Block long_table() {
  std::vector<model::Block> rows{row({cell("Year"), cell("Event"), cell("Count", model::Align::right)}, true)};
  for (int i = 1; i <= 60; ++i) {
    std::string event = "Event " + std::to_string(i) + " begins here";
    if (i % 3 == 0) event += " and runs on over several lines of the middle column until it ends " + std::to_string(i);
    rows.push_back(
        row({cell(std::to_string(1900 + i)), cell(event), cell(std::to_string(i * 7), model::Align::right)}));
  }
  return table(std::move(rows), "Table 1. Events by year", 3);
}

// Eight columns of long words: too wide for the measure even in the smallest type.
model::Block wide_table() {
  std::vector<model::Block> head;
  std::vector<model::Block> body;
  for (int c = 1; c <= 8; ++c) {
    head.push_back(cell("Heading" + std::to_string(c)));
    body.push_back(cell("Incomprehensibilities" + std::to_string(c)));
  }
  return table({row(std::move(head), true), row(std::move(body))}, "", 80);
}

// A head cell over two columns.
model::Block spanning_table() {
  return table({row({cell("Name"), cell("Amount", model::Align::center, 2)}, true),
                row({cell("Alpha"), cell("one"), cell("two")}), row({cell("Beta"), cell("three"), cell("four")})},
               "", 90);
}

// A cell over two rows.
model::Block rowspan_table() {
  return table({row({cell("Kind"), cell("First"), cell("Second")}, true),
                row({cell("Gamma", model::Align::none, 1, 2), cell("five"), cell("six")}),
                row({cell("seven"), cell("eight")}), row({cell("Delta"), cell("nine"), cell("ten")})},
               "", 100);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: table_book OUT.pdf\n";
    return 2;
  }
  const model::Block url = test::paragraph(
      "The report is at https://example.org/reports/annual/2024/the-complete-findings-of-the-survey.html?"
      "section=methods&page=12 for anyone who wants it.");
  const model::Block program = code(
      "int main() {\n"
      "    std::vector<std::string> configuration_values = load_configuration_from(path, options, defaults);\n"
      "    return run(configuration_values.size(), configuration_values.data(), fallback_handler_for_errors);\n"
      "    auto widget = builder.with_name(name).with_size(size).with_colour(colour).with_border(border).build();\n"
      "}");
  const model::Book book = test::book_of(
      {test::article("tables", "Tables",
                     {test::paragraph("A long table follows."), long_table(), url, program, wide_table(),
                      test::paragraph("A table with spanning cells."), spanning_table(), rowspan_table()})});
  const layout::PageStyle style = style::default_page_style();
  core::DiagnosticList diagnostics;
  const core::DiskFileSystem patterns("/usr/share/hyphen");
  const layout::Hyphenators hyphenators = style::load_hyphenators("en", {}, patterns, "/usr/share/hyphen", diagnostics);
  const fonts::FontSet font_set(std::string(OCTAVO_SOURCE_DIR) + "/fonts", diagnostics);
  const layout::LaidOutBook laid = layout::lay_out_book(book, font_set.metrics(), style, hyphenators, diagnostics);
  const bool written = font_set.ok() && pdf::write_pdf(font_set, laid, argv[1], diagnostics);
  std::cerr << diagnostics.to_string();
  return written ? 0 : 1;
}
