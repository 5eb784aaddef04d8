#include <doctest/doctest.h>

#include "epub/article_xhtml.hpp"
#include "epub_test_book.hpp"
#include "figure_block.hpp"
#include "test_images.hpp"

using namespace octavo;

namespace {

// The article's content between its title and its source note.
std::string content(const std::vector<model::Block>& blocks) {
  const std::string page = test::article_page(test::plain_article("a01-x", "X", blocks));
  const std::size_t start = page.find("</h1>\n") + 6;
  return page.substr(start, page.find("<section id=\"a01-x-note\"") - start);
}

model::Block cell(std::string text, model::BlockRole role = model::BlockRole::body,
                  model::Align align = model::Align::none) {
  model::Block block = test::container(model::BlockKind::table_cell, {test::paragraph(std::move(text))});
  block.role = role;
  block.align = align;
  return block;
}

model::Block row(std::vector<model::Block> cells, model::BlockRole role = model::BlockRole::body) {
  model::Block block = test::container(model::BlockKind::table_row, std::move(cells));
  block.role = role;
  return block;
}

model::Inline anchor(std::string id) {
  model::Inline run;
  run.kind = model::InlineKind::anchor;
  run.id = std::move(id);
  return run;
}

model::Inline in_book_link(std::string article, std::string target, std::string text) {
  model::Inline link = model::link_inline(std::move(target), {model::text_inline(std::move(text))});
  link.target_article = std::move(article);
  return link;
}

}  // namespace

TEST_SUITE("epub.xhtml_blocks") {
  TEST_CASE("a table: caption, thead with th scope=col, tbody with th scope=row, alignment as a class") {
    const model::Align right = model::Align::right;
    model::Block table =
        test::container(model::BlockKind::table,
                        {row({cell("Fruit", model::BlockRole::header), cell("Count", model::BlockRole::header, right)},
                             model::BlockRole::header),
                         row({cell("Apples", model::BlockRole::header), cell("3", model::BlockRole::body, right)}),
                         row({cell("Pears", model::BlockRole::header), cell("12", model::BlockRole::body, right)})});
    table.inlines = {model::text_inline("Fruit in the "),
                     test::styled(model::InlineKind::emphasis, {model::text_inline("bowl")})};
    CHECK(content({table}) ==
          "<table>\n"
          "<caption>Fruit in the <em>bowl</em></caption>\n"
          "<thead>\n"
          "<tr>\n<th scope=\"col\">Fruit</th>\n<th class=\"align-right\" scope=\"col\">Count</th>\n</tr>\n"
          "</thead>\n"
          "<tbody>\n"
          "<tr>\n<th scope=\"row\">Apples</th>\n<td class=\"align-right\">3</td>\n</tr>\n"
          "<tr>\n<th scope=\"row\">Pears</th>\n<td class=\"align-right\">12</td>\n</tr>\n"
          "</tbody>\n"
          "</table>\n");
  }

  TEST_CASE(
      "table cells: spans (at most as HTML allows), empty header cells as td, several blocks, no head without header "
      "rows") {
    model::Block wide = cell("wide");
    wide.colspan = 2;
    model::Block tall = cell("tall");
    tall.rowspan = 3;
    model::Block huge = cell("huge");
    huge.colspan = 5000;
    huge.rowspan = 100000;
    model::Block blocks =
        test::container(model::BlockKind::table_cell, {test::paragraph("one"), test::paragraph("two")});
    const model::Block table =
        test::container(model::BlockKind::table,
                        {row({cell("", model::BlockRole::header), cell(" ", model::BlockRole::header)}),
                         row({wide, tall, blocks}), row({test::container(model::BlockKind::table_cell, {}), huge})});
    CHECK(content({table}) ==
          "<table>\n"
          "<tbody>\n"
          "<tr>\n<td/>\n<td> </td>\n</tr>\n"
          "<tr>\n<td colspan=\"2\">wide</td>\n<td rowspan=\"3\">tall</td>\n<td>\n<p>one</p>\n<p>two</p>\n</td>\n</tr>\n"
          "<tr>\n<td/>\n<td colspan=\"1000\" rowspan=\"65534\">huge</td>\n</tr>\n"
          "</tbody>\n"
          "</table>\n");
  }

  TEST_CASE("a table nested in a cell, and a table of header rows only") {
    const model::Block inner = test::container(model::BlockKind::table, {row({cell("in")})});
    const model::Block outer = test::container(
        model::BlockKind::table, {row({test::container(model::BlockKind::table_cell, {inner}), cell("out")})});
    const model::Block head_only = test::container(
        model::BlockKind::table, {row({cell("H", model::BlockRole::header)}, model::BlockRole::header)});
    CHECK(content({outer, head_only}) ==
          "<table>\n<tbody>\n<tr>\n"
          "<td>\n<table>\n<tbody>\n<tr>\n<td>in</td>\n</tr>\n</tbody>\n</table>\n</td>\n"
          "<td>out</td>\n"
          "</tr>\n</tbody>\n</table>\n"
          "<table>\n<thead>\n<tr>\n<th scope=\"col\">H</th>\n</tr>\n</thead>\n</table>\n");
  }

  TEST_CASE("strikethrough, superscript, subscript and keyboard inlines") {
    const model::Block paragraph = model::paragraph_block(
        {test::styled(model::InlineKind::strikethrough, {model::text_inline("old")}), model::text_inline(" x"),
         test::styled(model::InlineKind::superscript, {model::text_inline("2")}), model::text_inline(" H"),
         test::styled(model::InlineKind::subscript, {model::text_inline("2")}), model::text_inline("O "),
         test::styled(model::InlineKind::keyboard, {model::text_inline("Ctrl")})});
    CHECK(content({paragraph}) == "<p><s>old</s> x<sup>2</sup> H<sub>2</sub>O <kbd>Ctrl</kbd></p>\n");
  }

  TEST_CASE("task items: a labelled box before the first paragraph, or before other content") {
    model::Block done = test::item({model::text_inline("Done")});
    done.task = model::TaskState::done;
    model::Block open = test::item({model::text_inline("Open")});
    open.task = model::TaskState::open;
    model::Block quoted = test::container(model::BlockKind::list_item,
                                          {test::container(model::BlockKind::block_quote, {test::paragraph("Q")})});
    quoted.task = model::TaskState::open;
    const model::Block list =
        test::container(model::BlockKind::bullet_list, {done, open, quoted, test::item({model::text_inline("Plain")})});
    CHECK(content({list}) ==
          "<ul>\n"
          "<li class=\"task\">\n<p><span class=\"task-box\" role=\"img\" aria-label=\"done\">\u2611</span> "
          "Done</p>\n</li>\n"
          "<li class=\"task\">\n<p><span class=\"task-box\" role=\"img\" aria-label=\"not done\">\u2610</span> "
          "Open</p>\n</li>\n"
          "<li class=\"task\">\n<span class=\"task-box\" role=\"img\" aria-label=\"not done\">\u2610</span>\n"
          "<blockquote>\n<p>Q</p>\n</blockquote>\n</li>\n"
          "<li>\n<p>Plain</p>\n</li>\n"
          "</ul>\n");
  }

  TEST_CASE("centred divisions and paragraphs, asides and details (open; a plain group without a summary)") {
    model::Block centred = test::container(model::BlockKind::division, {test::paragraph("c")});
    centred.align = model::Align::center;
    model::Block paragraph = test::paragraph("p");
    paragraph.align = model::Align::center;
    model::Block plain = test::container(model::BlockKind::division, {test::paragraph("d")});
    model::Block details = test::container(model::BlockKind::details, {test::paragraph("more")});
    details.inlines = {model::text_inline("Show")};
    model::Block bare = test::container(model::BlockKind::details, {test::paragraph("bare")});
    CHECK(content({centred, paragraph, plain, test::container(model::BlockKind::aside, {test::paragraph("a")}), details,
                   bare}) ==
          "<div class=\"align-center\">\n<p>c</p>\n</div>\n"
          "<p class=\"align-center\">p</p>\n"
          "<div>\n<p>d</p>\n</div>\n"
          "<aside class=\"aside\">\n<p>a</p>\n</aside>\n"
          "<details open=\"open\">\n<summary>Show</summary>\n<p>more</p>\n</details>\n"
          "<div class=\"details\">\n<p>bare</p>\n</div>\n");
  }

  TEST_CASE("a figure with several images and a caption") {
    model::Block figure = test::figure("a.png", test::tiny_png(), "one", 2, 2);
    figure.images.push_back(test::figure("b.jpg", test::tiny_jpeg(), "two", 3, 2).images.front());
    figure.inlines = {model::text_inline("Both")};
    figure.id = "fig";
    CHECK(content({figure}) ==
          "<figure id=\"fig\" class=\"image\">\n"
          "<img src=\"../images/" +
              octavo::core::sha256_hex(test::tiny_png()).substr(0, 16) +
              ".png\" alt=\"one\"/>\n"
              "<img src=\"../images/" +
              octavo::core::sha256_hex(test::tiny_jpeg()).substr(0, 16) +
              ".jpg\" alt=\"two\"/>\n"
              "<figcaption>Both</figcaption>\n"
              "</figure>\n");
  }

  TEST_CASE("explicit ids on any block and anchors are written once, and links may point at them") {
    model::Block paragraph =
        model::paragraph_block({anchor("here"), model::text_inline("Text"), anchor("here"), anchor("bad id"),
                                model::link_inline("#quote", {model::text_inline(" to quote")}),
                                model::link_inline("#here", {model::text_inline(" to here")})});
    paragraph.id = "p1";
    model::Block quote = test::container(model::BlockKind::block_quote, {test::paragraph("q")});
    quote.id = "quote";
    model::Block repeat = test::paragraph("r");
    repeat.id = "p1";
    model::Block table = test::container(model::BlockKind::table, {row({cell("c")})});
    table.id = "t";
    table.children[0].id = "r1";
    table.children[0].children[0].id = "c1";
    CHECK(content({paragraph, quote, repeat, table}) ==
          "<p id=\"p1\"><span id=\"here\"/>Text<a href=\"#quote\"> to quote</a><a href=\"#here\"> to here</a></p>\n"
          "<blockquote id=\"quote\">\n<p>q</p>\n</blockquote>\n"
          "<p>r</p>\n"
          "<table id=\"t\">\n<tbody>\n<tr id=\"r1\">\n<td id=\"c1\">c</td>\n</tr>\n</tbody>\n</table>\n");
  }

  TEST_CASE("in-book links: to another article's file and fragment, to the same article, or text only") {
    model::Book book;
    book.articles = {test::plain_article("a01-one", "One"),
                     test::plain_article("a02-two", "Two", {test::heading(1, "Scope", "scope")})};
    book.articles[0].blocks = {model::paragraph_block(
        {in_book_link("a02-two", "#scope", "a"), in_book_link("a02-two", "", "b"),
         in_book_link("a02-two", "#missing", "c"), in_book_link("a09-gone", "", "d"), in_book_link("a01-one", "", "e"),
         in_book_link("a01-one", "#a01-one-note", "f"), in_book_link("a02-two", "https://example.com/", "g")})};
    for (const model::Article& article : book.articles) test::add_anchors(book.anchors, article);
    const std::string page = epub::article_xhtml(book.articles[0], "en", epub::BookLinks(book));
    CHECK(page.find("<p><a href=\"a02-two.xhtml#scope\">a</a><a href=\"a02-two.xhtml\">b</a>cd"
                    "<a href=\"#a01-one\">e</a><a href=\"#a01-one-note\">f</a>g</p>") != std::string::npos);
  }

  TEST_CASE("an article in another language says so on the page; Octavo's own headings keep the book's") {
    model::Article article = test::plain_article("a01-x", "Le thé", {test::paragraph("Du thé.")});
    article.language = "fr";
    const std::string page = test::article_page(article, "en");
    CHECK(page.find("<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" "
                    "lang=\"fr\" xml:lang=\"fr\">") != std::string::npos);
    CHECK(page.find("<section id=\"a01-x-note\" class=\"source-note\" lang=\"en\" xml:lang=\"en\">") !=
          std::string::npos);
    article.language = "en";
    CHECK(test::article_page(article, "en").find("<section id=\"a01-x-note\" class=\"source-note\">") !=
          std::string::npos);
  }

  TEST_CASE("deeply nested tables do not exhaust the stack") {
    model::Block root = test::paragraph("core");
    for (int i = 0; i < 20000; ++i) {
      model::Block cell_block;  // built by moves, as in the quotes test
      cell_block.kind = model::BlockKind::table_cell;
      cell_block.children.push_back(std::move(root));
      model::Block row_block;
      row_block.kind = model::BlockKind::table_row;
      row_block.children.push_back(std::move(cell_block));
      model::Block table;
      table.kind = model::BlockKind::table;
      table.children.push_back(std::move(row_block));
      root = std::move(table);
    }
    model::Article article = test::plain_article("a01-x", "X");
    article.blocks.push_back(std::move(root));
    const std::string page = test::article_page(std::move(article));
    CHECK(page.find("<td>core</td>") != std::string::npos);
  }
}
