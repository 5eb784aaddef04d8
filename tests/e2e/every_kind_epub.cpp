// Writes an EPUB that holds every kind of the document model (tables, notes, task items, asides,
// details, centred blocks, figures of several images, anchors, in-book links, parts, an article
// in another language), built by hand as the readers and transforms will hand it over, so that
// epubcheck and DAISY Ace can check the EPUB writer before the readers that produce them land.
// Usage: every_kind_epub SOURCE_DIR OUT.epub
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/file_system.hpp"
#include "epub/epub_writer.hpp"
#include "every_kind_book.hpp"
#include "figure_block.hpp"
#include "model/book.hpp"
#include "test_images.hpp"

namespace {

namespace m = octavo::model;
using namespace every_kind;

m::Block with(m::Block block, m::BlockRole role, m::Align align = m::Align::none) {
  block.role = role;
  block.align = align;
  return block;
}

m::Block cell(std::string value, m::BlockRole role = m::BlockRole::body, m::Align align = m::Align::none) {
  return with(m::container_block(m::BlockKind::table_cell, {paragraph(std::move(value))}), role, align);
}

m::Block row(std::vector<m::Block> cells, m::BlockRole role = m::BlockRole::body) {
  return with(m::container_block(m::BlockKind::table_row, std::move(cells)), role);
}

m::Article tables_and_notes() {
  m::Block prices = m::container_block(
      m::BlockKind::table, {row({cell("Tea", m::BlockRole::header), cell("Cups", m::BlockRole::header, m::Align::right),
                                 cell("Price", m::BlockRole::header, m::Align::right)},
                                m::BlockRole::header),
                            row({cell("Green", m::BlockRole::header), cell("3", m::BlockRole::body, m::Align::right),
                                 cell("2.50", m::BlockRole::body, m::Align::right)}),
                            row({cell("Black", m::BlockRole::header), cell("12", m::BlockRole::body, m::Align::right),
                                 cell("1.75", m::BlockRole::body, m::Align::right)})});
  prices.inlines = {text("Cups a week and their price")};
  prices.id = "prices";
  m::Block wide = cell("Both kinds are brewed for three minutes.");
  wide.colspan = 2;
  m::Block tall = cell("Loose leaves");
  tall.rowspan = 2;
  m::Block spans = m::container_block(
      m::BlockKind::table,
      {row({cell("Step", m::BlockRole::header), cell("Note", m::BlockRole::header), cell("", m::BlockRole::header)},
           m::BlockRole::header),
       row({wide, tall}),
       row({cell("Pour"),
            m::container_block(m::BlockKind::table_cell, {paragraph("Boiling water."), paragraph("Then wait.")})})});

  m::Block tasks = m::container_block(m::BlockKind::bullet_list, {task(m::TaskState::done, "Buy the leaves"),
                                                                  task(m::TaskState::open, "Warm the pot")});
  m::Article result = article(
      "a01-tables-and-notes", "Tables and notes",
      {paragraph({text("Tea"), note_ref(1, "fnref-1"), text(" is drunk hot, and iced tea"), note_ref(2, "fnref-2"),
                  text(" cold; both are tea"), note_ref(1, "fnref-1-2"), text(".")}),
       heading(1, "Prices", "prices-heading"), prices, paragraph("A table with spans and an empty header cell:"), spans,
       heading(1, "Inline kinds", "inline-kinds"),
       paragraph({span(m::InlineKind::strikethrough, "Coffee"), text(" Tea, at 10"),
                  span(m::InlineKind::superscript, "2"), text(" cups of H"), span(m::InlineKind::subscript, "2"),
                  text("O; press "), span(m::InlineKind::keyboard, "Ctrl"), text("+"),
                  span(m::InlineKind::keyboard, "S"), text(" to save.")}),
       tasks,
       paragraph({text("See "), m::link_inline("#prices", {text("the prices")}), text(", "),
                  book_link("a02-blocks", "#details", {"the details"}), text(" and "),
                  book_link("a03-ailleurs", "", {"an article in French"}), text(".")})});
  result.footnotes = {{"fn-1", "hot", {paragraph("Usually at about 80 °C for green tea.")}, {}},
                      {"fn-2",
                       "iced",
                       {paragraph("Brewed strong, then poured over ice:"),
                        m::container_block(m::BlockKind::block_quote, {paragraph("Never the other way round.")})},
                       {}}};
  return result;
}

m::Article blocks() {
  m::Block centred = with(m::container_block(m::BlockKind::division, {paragraph("A centred division.")}),
                          m::BlockRole::body, m::Align::center);
  m::Block details = m::container_block(m::BlockKind::details, {paragraph("Shown open, always.")});
  details.inlines = {text("More about brewing")};
  details.id = "details";
  m::Block bare = m::container_block(m::BlockKind::details, {paragraph("Details without a summary.")});
  m::Block figure = test::figure("a.png", test::tiny_png(), "A red dot", 2, 2);
  figure.images.push_back(test::figure("b.jpg", test::tiny_jpeg(), "A grey square", 3, 2).images.front());
  figure.inlines = {text("Two pictures, one caption")};
  return article("a02-blocks", "Blocks",
                 {paragraph({anchor("top"), text("An explicit anchor starts this paragraph.")}),
                  with(paragraph("A centred paragraph."), m::BlockRole::body, m::Align::center), centred,
                  m::container_block(m::BlockKind::aside, {paragraph("An aside, set off in a box.")}), details, bare,
                  figure, paragraph({m::link_inline("#top", {text("Back to the top")})})});
}

m::Article in_french() {
  m::Article result = article("a03-ailleurs", "Ailleurs",
                              {paragraph({text("Un article en français"), note_ref(1, "fnref-1"), text(".")})});
  result.language = "fr";
  result.footnotes = {{"fn-1", "1", {paragraph("Une note.")}, {}}};
  return result;
}

// The book, with its anchor table; what resolve_links says of it goes to `sink`.
m::Book book(octavo::core::DiagnosticSink& sink) {
  m::ContentsEntry first{"Tables and notes", "a01-tables-and-notes", "", {}};
  first.children = {{"Prices", "a01-tables-and-notes", "prices-heading", {}},
                    {"Inline kinds", "a01-tables-and-notes", "inline-kinds", {}}};
  return every_kind::book(tables_and_notes(), blocks(), in_french(), std::move(first), sink);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: every_kind_epub SOURCE_DIR OUT.epub\n");
    return 2;
  }
  const octavo::core::DiskFileSystem styles(std::string(argv[1]) + "/styles");
  const std::optional<std::string> css = styles.read_file("epub.css");
  if (!css) {
    std::fprintf(stderr, "every_kind_epub: cannot read styles/epub.css\n");
    return 1;
  }
  octavo::core::DiagnosticList sink;
  const m::Book every_kind = book(sink);
  if (sink.error_count() + sink.warning_count() != 0) {  // every link of the book is meant to resolve
    std::fprintf(stderr, "%s", sink.to_string().c_str());
    return 1;
  }
  if (!octavo::epub::write_epub(every_kind, {*css}, argv[2], sink)) {
    std::fprintf(stderr, "every_kind_epub: cannot write %s\n", argv[2]);
    return 1;
  }
  return 0;
}
