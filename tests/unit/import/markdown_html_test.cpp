#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "core/diagnostics.hpp"
#include "core/file_system.hpp"
#include "import/markdown_article.hpp"
#include "model/dump.hpp"
#include "test_images.hpp"

using namespace octavo;

namespace {

struct Mapped {
  std::string blocks;
  std::string diagnostics;
};

// Reads "a.md" in a corpus holding img/dot.png and photo.jpg.
Mapped md(std::string_view text) {
  const core::MemoryFileSystem files({{"img/dot.png", test::tiny_png()}, {"photo.jpg", test::tiny_png()}});
  import::ImageReader images(files);
  import::UnusedFrontMatterKeys unused_keys;
  core::DiagnosticList diagnostics;
  const model::Article article = import::read_markdown_article("a.md", text, images, unused_keys, diagnostics);
  return {model::dump_blocks(article.blocks, "a.md"), diagnostics.to_string()};
}

}  // namespace

TEST_SUITE("import.markdown_html") {
  TEST_CASE("inline tags among Markdown text open and close inlines of their kind") {
    const Mapped read =
        md("Text <sup>2</sup>, <sub>i</sub>, <kbd>Ctrl</kbd>+<kbd>C</kbd>, <b>x *y* z</b>, <em>e</em>, <del>old</del> "
           "and <code>a  b</code>.\n");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"Text \"\n"
          "  superscript\n"
          "    text \"2\"\n"
          "  text \", \"\n"
          "  subscript\n"
          "    text \"i\"\n"
          "  text \", \"\n"
          "  keyboard\n"
          "    text \"Ctrl\"\n"
          "  text \"+\"\n"
          "  keyboard\n"
          "    text \"C\"\n"
          "  text \", \"\n"
          "  strong\n"
          "    text \"x \"\n"
          "    emphasis\n"
          "      text \"y\"\n"
          "    text \" z\"\n"
          "  text \", \"\n"
          "  emphasis\n"
          "    text \"e\"\n"
          "  text \", \"\n"
          "  strikethrough\n"
          "    text \"old\"\n"
          "  text \" and \"\n"
          "  code \"a  b\"\n"
          "  text \".\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("an inline tag left open ends with its paragraph; a stray end tag is ignored") {
    const Mapped read =
        md("Open <b>bold\n"
           "\n"
           "Next </i>paragraph</b> *em <sup>x* y</sup>\n");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"Open \"\n"
          "  strong\n"
          "    text \"bold\"\n"
          "paragraph @3:1\n"
          "  text \"Next paragraph \"\n"
          "  emphasis\n"
          "    text \"em \"\n"
          "    superscript\n"
          "      text \"x\"\n"
          "  text \" y\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("br, a href, a id, span id and img written as tags") {
    const Mapped read =
        md("Line<br>next <a href=\"https://e.org\">link</a> <a name=\"n\"></a><span id=\"s\">span</span> <img "
           "src=\"img/dot.png\" alt=\"Dot\"> <a href=\"ch2.md#x\">chapter</a>\n");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"Line\"\n"
          "  hard_break\n"
          "  text \"next \"\n"
          "  link \"https://e.org\"\n"
          "    text \"link\"\n"
          "  text \" \"\n"
          "  anchor id=\"n\"\n"
          "  anchor id=\"s\"\n"
          "  text \"span  \"\n"
          "  link \"ch2.md#x\"\n"
          "    text \"chapter\"\n"
          "figure @1:88\n"
          "  image \"img/dot.png\" image/png 2x2 bytes=78 alt=\"Dot\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("comments, dropped and unknown inline elements") {
    const Mapped read = md("a <!-- c --> b <script>alert(1)</script> c <marquee>m</marquee> <marquee>n</marquee> d\n");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"a  b  c m n d\"\n");
    CHECK(read.diagnostics ==
          "a.md:1:16: warning: HTML element <script> cannot be shown in a book and is left out\n"
          "a.md:1:44: warning: unknown HTML element <marquee> is kept as its text\n");
  }

  TEST_CASE("a block of HTML is mapped, never shown as markup") {
    const Mapped read =
        md("<p align=\"center\">\n"
           "  <img src=\"img/dot.png\" alt=\"Logo\">\n"
           "</p>\n"
           "\n"
           "<h1 align=\"center\">Project</h1>\n"
           "\n"
           "<!-- a comment block -->\n"
           "\n"
           "<table>\n"
           "  <tr><th>A</th><th>B</th></tr>\n"
           "  <tr><td>1</td><td>2</td></tr>\n"
           "</table>\n");
    CHECK(read.blocks ==
          "division align=center @1:1\n"
          "  figure @2:3\n"
          "    image \"img/dot.png\" image/png 2x2 bytes=78 alt=\"Logo\"\n"
          "heading level=1 align=center @5:1\n"
          "  text \"Project\"\n"
          "table @9:1\n"
          "  table_row @10:3\n"
          "    table_cell role=header @10:7\n"
          "      paragraph @10:11\n"
          "        text \"A\"\n"
          "    table_cell role=header @10:17\n"
          "      paragraph @10:21\n"
          "        text \"B\"\n"
          "  table_row @11:3\n"
          "    table_cell @11:7\n"
          "      paragraph @11:11\n"
          "        text \"1\"\n"
          "    table_cell @11:17\n"
          "      paragraph @11:21\n"
          "        text \"2\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("details left open by a block of HTML holds the Markdown up to its end tag") {
    const Mapped read =
        md("<details>\n"
           "<summary>Click <b>me</b></summary>\n"
           "\n"
           "Markdown **content**\n"
           "\n"
           "- item\n"
           "\n"
           "</details>\n"
           "\n"
           "After.\n");
    CHECK(read.blocks ==
          "details @1:1\n"
          "  text \"Click \"\n"
          "  strong\n"
          "    text \"me\"\n"
          "  paragraph @4:1\n"
          "    text \"Markdown \"\n"
          "    strong\n"
          "      text \"content\"\n"
          "  bullet_list @6:1\n"
          "    list_item @6:1\n"
          "      paragraph @6:3\n"
          "        text \"item\"\n"
          "paragraph @10:1\n"
          "  text \"After.\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("a centred div holds the Markdown up to its end tag, even a heading and an image") {
    const Mapped read =
        md("<div align=\"center\">\n"
           "\n"
           "# Title\n"
           "\n"
           "![Dot](img/dot.png)\n"
           "\n"
           "</div>\n");
    CHECK(read.blocks ==
          "division align=center @1:1\n"
          "  heading level=1 @3:1\n"
          "    text \"Title\"\n"
          "  figure @5:1\n"
          "    image \"img/dot.png\" image/png 2x2 bytes=78 alt=\"Dot\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("a layout table holds the Markdown of its cells") {
    const Mapped read =
        md("<table>\n"
           "<tr>\n"
           "<td>\n"
           "\n"
           "**Left**\n"
           "\n"
           "</td>\n"
           "<td>\n"
           "\n"
           "Right\n"
           "\n"
           "</td>\n"
           "</tr>\n"
           "</table>\n");
    CHECK(read.blocks ==
          "table @1:1\n"
          "  table_row @2:1\n"
          "    table_cell @3:1\n"
          "      paragraph @5:1\n"
          "        strong\n"
          "          text \"Left\"\n"
          "    table_cell @8:1\n"
          "      paragraph @10:1\n"
          "        text \"Right\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("a summary in a block of its own, nested details, and an end tag that closes two") {
    const Mapped read =
        md("<details>\n"
           "\n"
           "<summary>Outer</summary>\n"
           "\n"
           "<details><summary>Inner</summary>\n"
           "\n"
           "text\n"
           "\n"
           "</details>\n"
           "\n"
           "more\n"
           "\n"
           "</details>\n"
           "\n"
           "<div><aside>\n"
           "\n"
           "boxed\n"
           "\n"
           "</div>\n"
           "\n"
           "after\n");
    CHECK(read.blocks ==
          "details @1:1\n"
          "  text \"Outer\"\n"
          "  details @5:1\n"
          "    text \"Inner\"\n"
          "    paragraph @7:1\n"
          "      text \"text\"\n"
          "  paragraph @11:1\n"
          "    text \"more\"\n"
          "aside @15:6\n"
          "  paragraph @17:1\n"
          "    text \"boxed\"\n"
          "paragraph @21:1\n"
          "  text \"after\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("elements left open end with their Markdown container") {
    const Mapped read =
        md("> <div align=\"right\">\n"
           ">\n"
           "> quoted\n"
           "\n"
           "after\n");
    CHECK(read.blocks ==
          "block_quote @1:1\n"
          "  division align=right @1:3\n"
          "    paragraph @3:3\n"
          "      text \"quoted\"\n"
          "paragraph @5:1\n"
          "  text \"after\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("an end tag with nothing open is ignored") {
    const Mapped read =
        md("</div>\n"
           "\n"
           "text\n");
    CHECK(read.blocks ==
          "paragraph @3:1\n"
          "  text \"text\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("hostile nesting: 5,000 containers left open, 40,000 inline tags, 100,000 elements in one block") {
    std::string open_blocks;
    for (int i = 0; i < 5000; ++i) open_blocks += "<details>\n\n";
    open_blocks += "inside\n";
    std::string inline_tags = "text ";
    for (int i = 0; i < 20000; ++i) inline_tags += "<b><span>";
    inline_tags += "deep</b>\n";
    std::string one_block;
    for (int i = 0; i < 100000; ++i) one_block += "<div>";
    one_block += "deep\n";
    for (const std::string& text : {open_blocks, inline_tags, one_block}) {
      const auto start = std::chrono::steady_clock::now();
      const Mapped read = md(text);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      CAPTURE(seconds);
      CHECK(seconds < 20);  // linear: under ASan about 5 s each; quadratic would take hours
      CHECK(read.blocks.find("deep") + read.blocks.find("inside") != 2 * std::string::npos);
      CHECK(read.diagnostics.find("deeper than") != std::string::npos);
      CHECK(std::count(read.diagnostics.begin(), read.diagnostics.end(), '\n') <= 2);  // once per kind of limit
    }
  }
}
