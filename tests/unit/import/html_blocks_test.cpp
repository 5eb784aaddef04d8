#include <doctest/doctest.h>

#include <string>

#include "core/diagnostics.hpp"
#include "core/file_system.hpp"
#include "import/html_blocks.hpp"
#include "import/html_tree.hpp"
#include "model/dump.hpp"
#include "test_images.hpp"

using namespace octavo;

namespace {

struct Mapped {
  std::string blocks;
  std::string diagnostics;
};

// Maps `text` as the body of "a.html" in a corpus holding img/dot.png and photo.jpg.
Mapped html(std::string_view text, int max_depth = 64) {
  const core::MemoryFileSystem files({{"img/dot.png", test::tiny_png()}, {"photo.jpg", test::tiny_png()}});
  import::ImageReader images(files);
  core::DiagnosticList diagnostics;
  import::HtmlReader reader("a.html", images, diagnostics);
  const std::vector<import::HtmlNode> nodes = import::parse_html_fragment(text, "body", {"a.html"}, diagnostics);
  const std::vector<model::Block> blocks = reader.read_blocks(nodes, max_depth);
  return {model::dump_blocks(blocks, "a.html"), diagnostics.to_string()};
}

}  // namespace

TEST_SUITE("import.html_blocks") {
  TEST_CASE("paragraphs: white space collapses as a browser shows it, across elements and around line breaks") {
    const Mapped read = html(
        "<p>  Hello \n"
        "  <b>bold <i>and</i> </b>  world<br>\n"
        "  next   line </p>\n"
        "<p></p>");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"Hello \"\n"
          "  strong\n"
          "    text \"bold \"\n"
          "    emphasis\n"
          "      text \"and\"\n"
          "    text \" \"\n"
          "  text \"world\"\n"
          "  hard_break\n"
          "  text \"next line\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("inline elements: emphasis, strong, code, sup, sub, kbd, strikethrough, quotations") {
    const Mapped read = html(
        "<p><em>e</em> <i>i</i> <strong>s</strong> <b>b</b> <code>c  d</code> <tt>t</tt> <samp>m</samp> x<sup>2</sup> "
        "H<sub>2</sub>O <kbd>Ctrl</kbd> <del>d</del> <s>s</s> <strike>k</strike> <q>q</q> <cite>c</cite> <var>v</var> "
        "<dfn>f</dfn></p>");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  emphasis\n"
          "    text \"e\"\n"
          "  text \" \"\n"
          "  emphasis\n"
          "    text \"i\"\n"
          "  text \" \"\n"
          "  strong\n"
          "    text \"s\"\n"
          "  text \" \"\n"
          "  strong\n"
          "    text \"b\"\n"
          "  text \" \"\n"
          "  code \"c d\"\n"
          "  text \" \"\n"
          "  code \"t\"\n"
          "  text \" \"\n"
          "  code \"m\"\n"
          "  text \" x\"\n"
          "  superscript\n"
          "    text \"2\"\n"
          "  text \" H\"\n"
          "  subscript\n"
          "    text \"2\"\n"
          "  text \"O \"\n"
          "  keyboard\n"
          "    text \"Ctrl\"\n"
          "  text \" \"\n"
          "  strikethrough\n"
          "    text \"d\"\n"
          "  text \" \"\n"
          "  strikethrough\n"
          "    text \"s\"\n"
          "  text \" \"\n"
          "  strikethrough\n"
          "    text \"k\"\n"
          "  text \" “q” \"\n"
          "  emphasis\n"
          "    text \"c\"\n"
          "  text \" \"\n"
          "  emphasis\n"
          "    text \"v\"\n"
          "  text \" \"\n"
          "  emphasis\n"
          "    text \"f\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("transparent inline elements keep their text silently; an id becomes an anchor") {
    const Mapped read = html(
        "<p><span>a</span> <small>b</small> <u>c</u> <mark>d</mark> <abbr title=\"x\">e</abbr> <ins>f</ins> <font "
        "color=red>g</font> <span id=\"here\">h</span> <time>i</time><wbr>j</p>");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"a b c d e f g \"\n"
          "  anchor id=\"here\"\n"
          "  text \"h ij\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE(
      "links: web, mail and fragment targets; an id or name is an anchor; others keep their text with a warning") {
    const Mapped read = html(
        "<p><a href=\"https://example.org/a?b=1&amp;c=2\">web</a> <a href=\"mailto:a@b.org\">mail</a> <a "
        "href=\"#part\">frag</a> <a name=\"old\">named</a> <a id=\"new\" href=\"#x\">both</a> <a "
        "href=\"javascript:alert(1)\">js</a> <a href=\"\">empty</a> <a>none</a></p>");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  link \"https://example.org/a?b=1&c=2\"\n"
          "    text \"web\"\n"
          "  text \" \"\n"
          "  link \"mailto:a@b.org\"\n"
          "    text \"mail\"\n"
          "  text \" \"\n"
          "  link \"#part\"\n"
          "    text \"frag\"\n"
          "  text \" \"\n"
          "  anchor id=\"old\"\n"
          "  text \"named \"\n"
          "  anchor id=\"new\"\n"
          "  link \"#x\"\n"
          "    text \"both\"\n"
          "  text \" js empty none\"\n");
    CHECK(read.diagnostics ==
          "a.html:1:170: warning: expected an http, https, mailto, #anchor or relative link, found "
          "'javascript:alert(1)'; the link text is kept without the link\n");
  }

  TEST_CASE("relative links become corpus-relative targets, percent-decoded, as Markdown links do") {
    // Whether a target is an article of the book is transform::resolve_links's to say.
    const Mapped read = html(
        "<p><a href=\"ch%202.md#scope\">a</a> <a href=\"./other.html\">b</a> <a href=\"../up.md\">c</a> <a "
        "href=\"img/dot.png\">d</a> <a href=\"/site.md\">e</a></p>");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  link \"ch 2.md#scope\"\n"
          "    text \"a\"\n"
          "  text \" \"\n"
          "  link \"other.html\"\n"
          "    text \"b\"\n"
          "  text \" c \"\n"
          "  link \"img/dot.png\"\n"
          "    text \"d\"\n"
          "  text \" \"\n"
          "  link \"site.md\"\n"
          "    text \"e\"\n");
    CHECK(read.diagnostics ==
          "a.html:1:65: warning: link to '../up.md' leads out of the corpus; the link text is kept without the link\n");
  }

  TEST_CASE("headings keep their level, id and alignment") {
    const Mapped read = html("<h1 id=\"top\">One</h1><h2 align=center>Two</h2><h6>Six</h6><h3></h3>");
    CHECK(read.blocks ==
          "heading level=1 id=\"top\" @1:1\n"
          "  text \"One\"\n"
          "heading level=2 align=center @1:22\n"
          "  text \"Two\"\n"
          "heading level=6 @1:47\n"
          "  text \"Six\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("a paragraph's align attribute or text-align style is kept") {
    const Mapped read =
        html("<p align=\"right\">r</p><p style=\"color: red; text-align: center\">c</p><p align=\"justify\">j</p>");
    CHECK(read.blocks ==
          "paragraph align=right @1:1\n"
          "  text \"r\"\n"
          "paragraph align=center @1:23\n"
          "  text \"c\"\n"
          "paragraph @1:70\n"
          "  text \"j\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("an image is a figure after its paragraph; a paragraph of images alone goes") {
    const Mapped read = html(
        "<p>Before <img src=\"img/dot.png\" alt=\"A dot\" srcset=\"big.png 2x\"> after.</p><p><img "
        "src=\"photo.jpg\"></p>");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"Before after.\"\n"
          "figure @1:11\n"
          "  image \"img/dot.png\" image/png 2x2 bytes=78 alt=\"A dot\"\n"
          "figure @1:80\n"
          "  image \"photo.jpg\" image/png 2x2 bytes=78 alt=\"\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("a centred paragraph around an image is a centred division") {
    const Mapped read = html(
        "<p align=\"center\">\n"
        "  <img src=\"img/dot.png\" alt=\"Logo\">\n"
        "</p>");
    CHECK(read.blocks ==
          "division align=center @1:1\n"
          "  figure @2:3\n"
          "    image \"img/dot.png\" image/png 2x2 bytes=78 alt=\"Logo\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("images that cannot be used leave their alt text, with the reader's diagnostic") {
    const Mapped read = html(
        "<p><a href=\"https://ci.example/\"><img src=\"https://img.example/badge.svg\" alt=\"build passing\"></a> <img "
        "src=\"missing.png\" alt=\"gone\"> <img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"inline\"></p>");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  link \"https://ci.example/\"\n"
          "    text \"build passing\"\n"
          "  text \" gone inline\"\n");
    CHECK(read.diagnostics ==
          "a.html:1:34: warning: remote image 'https://img.example/badge.svg' is not fetched (Octavo works offline); "
          "the alt text stands in\n"
          "a.html:1:100: error: image 'missing.png' not found; the alt text stands in\n"
          "a.html:1:135: warning: expected a PNG, JPEG, GIF or SVG image in the data: URL 'data:image/png;base64,…', "
          "found "
          "a PNG file cut short in its header; the alt text stands in\n");
  }

  TEST_CASE("an image in a base64 data: URL (a page saved whole) is read from the URL; a broken one is reported") {
    const Mapped read = html(
        "<p><img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD9\n"
        "1JpzAAAAFUlEQVR42mM4IQcEJxjkTsj9+vULACBSBfuM+/GMAAAAAElFTkSuQmCC\" alt=\"saved\"><img "
        "src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" alt=\"gif\"><img src=\"data:text/plain,hello\" "
        "alt=\"plain\"><img src=\"data:image/png;base64,@@@\" alt=\"bad\"></p>");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"gifplainbad\"\n"
          "figure @1:4\n"
          "  image \"a.html\" image/png 2x2 bytes=78 alt=\"saved\"\n");
    CHECK(
        read.diagnostics ==
        "a.html:2:79: warning: expected a PNG, JPEG, GIF or SVG image in the data: URL 'data:image/gif;base64,…', "
        "found "
        "a GIF file cut short before its first image is whole; the alt text stands in\n"
        "a.html:2:143: warning: expected a PNG, JPEG, GIF or SVG image in the data: URL 'data:text/plain,…', found "
        "neither; the alt text stands in\n"
        "a.html:2:188: warning: expected base64 (A-Z, a-z, 0-9, '+', '/', in groups of four, '=' padding the last) "
        "in the data: URL 'data:image/png;base64,…', found other characters or a cut group; the alt text stands in\n");
  }

  TEST_CASE("a GIF or SVG in a data: URL gets a file's checks: the SVG is cleaned, with the file's warnings") {
    const Mapped read = html(
        "<p><img src=\"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7\" alt=\"gif\">"
        "<img src=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSI0IiBoZWln"
        "aHQ9IjIiPjxzY3JpcHQ+YWxlcnQoMSk8L3NjcmlwdD48cmVjdCB3aWR0aD0iNCIgaGVpZ2h0PSIyIi8+PC9zdmc+\" alt=\"svg\">\n"
        "<img src=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciPjxyZWN0IHdpZHRoPSI0"
        "IiBoZWlnaHQ9IjIiLz48L3N2Zz4=\" alt=\"unsized\"></p>");
    CHECK(read.blocks ==
          "figure @1:4\n"
          "  image \"a.html\" image/gif 1x1 bytes=42 alt=\"gif\"\n"
          "figure @1:104\n"
          "  image \"a.html\" image/svg+xml 4x2 bytes=133 alt=\"svg\"\n"
          "figure @2:1\n"
          "  image \"a.html\" image/svg+xml 300x150 bytes=74 alt=\"unsized\"\n");
    CHECK(
        read.diagnostics ==
        "a.html:1:104: warning: dropped from the SVG 'data:image/svg+xml;base64,…': its scripts\n"
        "  hint: both books keep the rest of the picture; Octavo runs no scripts and reads nothing outside the corpus, "
        "so put pictures inside the SVG as data: URLs\n"
        "a.html:2:1: warning: the SVG 'data:image/svg+xml;base64,…' gives no width, height or viewBox; it is drawn at "
        "300 x 150 pixels, as browsers draw it\n"
        "  hint: give its <svg> element a viewBox\n");
  }

  TEST_CASE("figure and figcaption: one figure with several images and a caption") {
    const Mapped read = html(
        "<figure id=\"f1\">\n"
        "  <img src=\"img/dot.png\" alt=\"one\">\n"
        "  <img src=\"photo.jpg\" alt=\"two\">\n"
        "  <figcaption>Two <em>pictures</em>.</figcaption>\n"
        "</figure>");
    CHECK(read.blocks ==
          "figure id=\"f1\" @2:3\n"
          "  image \"img/dot.png\" image/png 2x2 bytes=78 alt=\"one\"\n"
          "  image \"photo.jpg\" image/png 2x2 bytes=78 alt=\"two\"\n"
          "  text \"Two \"\n"
          "  emphasis\n"
          "    text \"pictures\"\n"
          "  text \".\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("a figure without images keeps its content and its caption as a paragraph") {
    const Mapped read = html("<figure><blockquote>Quoted.</blockquote><figcaption>Someone</figcaption></figure>");
    CHECK(read.blocks ==
          "block_quote @1:9\n"
          "  paragraph @1:21\n"
          "    text \"Quoted.\"\n"
          "paragraph @1:1\n"
          "  text \"Someone\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("tables: caption, head rows, header cells, spans and alignment") {
    const Mapped read = html(
        "<table>\n"
        "<caption>The <b>caption</b></caption>\n"
        "<thead><tr><th align=\"left\">A</th><th style=\"text-align:right\">B</th></tr></thead>\n"
        "<tbody><tr><td colspan=\"2\">wide</td></tr><tr><td rowspan=\"3\" "
        "align=\"center\"><p>one</p><p>two</p></td><td>x</td></tr></tbody>\n"
        "<tfoot><tr><td>foot</td><td colspan=0>z</td></tr></tfoot>\n"
        "</table>");
    CHECK(read.blocks ==
          "table @1:1\n"
          "  text \"The \"\n"
          "  strong\n"
          "    text \"caption\"\n"
          "  table_row role=header @3:8\n"
          "    table_cell role=header align=left @3:12\n"
          "      paragraph @3:29\n"
          "        text \"A\"\n"
          "    table_cell role=header align=right @3:35\n"
          "      paragraph @3:64\n"
          "        text \"B\"\n"
          "  table_row @4:8\n"
          "    table_cell colspan=2 @4:12\n"
          "      paragraph @4:28\n"
          "        text \"wide\"\n"
          "  table_row @4:42\n"
          "    table_cell align=center rowspan=3 @4:46\n"
          "      paragraph @4:77\n"
          "        text \"one\"\n"
          "      paragraph @4:87\n"
          "        text \"two\"\n"
          "    table_cell @4:102\n"
          "      paragraph @4:106\n"
          "        text \"x\"\n"
          "  table_row @5:8\n"
          "    table_cell @5:12\n"
          "      paragraph @5:16\n"
          "        text \"foot\"\n"
          "    table_cell @5:25\n"
          "      paragraph @5:39\n"
          "        text \"z\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("a table with no rows leaves its caption; text outside cells is moved before the table") {
    const Mapped read =
        html("<table><caption>Only a caption</caption></table><table>stray<tr><td>cell</td></tr></table>");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"Only a caption\"\n"
          "paragraph @1:56\n"
          "  text \"stray\"\n"
          "table @1:49\n"
          "  table_row @1:61\n"
          "    table_cell @1:65\n"
          "      paragraph @1:69\n"
          "        text \"cell\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("block containers: blockquote, aside, details, center, aligned and identified divisions") {
    const Mapped read = html(
        "<blockquote><p>q</p></blockquote><aside>side</aside><details><summary>More</summary><p>hidden</p></"
        "details><center>c</center><div align=\"center\">d</div><div id=\"box\">e</div><div "
        "class=\"plain\"><section>f</section></div>");
    CHECK(read.blocks ==
          "block_quote @1:1\n"
          "  paragraph @1:13\n"
          "    text \"q\"\n"
          "aside @1:34\n"
          "  paragraph @1:41\n"
          "    text \"side\"\n"
          "details @1:53\n"
          "  text \"More\"\n"
          "  paragraph @1:85\n"
          "    text \"hidden\"\n"
          "division align=center @1:108\n"
          "  paragraph @1:116\n"
          "    text \"c\"\n"
          "division align=center @1:126\n"
          "  paragraph @1:146\n"
          "    text \"d\"\n"
          "division id=\"box\" @1:153\n"
          "  paragraph @1:167\n"
          "    text \"e\"\n"
          "paragraph @1:202\n"
          "  text \"f\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("lists: ul, ol with start, nested items, stray content wrapped in an item") {
    const Mapped read =
        html("<ul><li>a<li>b<ul><li>c</ul></ul><ol start=\"7\"><li><p>seven</p></li></ol><ul><p>stray</p></ul>");
    CHECK(read.blocks ==
          "bullet_list @1:1\n"
          "  list_item @1:5\n"
          "    paragraph @1:9\n"
          "      text \"a\"\n"
          "  list_item @1:10\n"
          "    paragraph @1:14\n"
          "      text \"b\"\n"
          "    bullet_list @1:15\n"
          "      list_item @1:19\n"
          "        paragraph @1:23\n"
          "          text \"c\"\n"
          "ordered_list start=7 @1:34\n"
          "  list_item @1:48\n"
          "    paragraph @1:52\n"
          "      text \"seven\"\n"
          "bullet_list @1:74\n"
          "  list_item @1:78\n"
          "    paragraph @1:78\n"
          "      text \"stray\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("definition lists: terms as strong paragraphs with the term role, definitions as quotes") {
    const Mapped read = html("<dl><dt>Term</dt><dd>Definition.</dd><dt>Other</dt><dd><p>More.</p></dd></dl>");
    CHECK(read.blocks ==
          "paragraph role=term @1:5\n"
          "  strong\n"
          "    text \"Term\"\n"
          "block_quote @1:18\n"
          "  paragraph @1:22\n"
          "    text \"Definition.\"\n"
          "paragraph role=term @1:38\n"
          "  strong\n"
          "    text \"Other\"\n"
          "block_quote @1:52\n"
          "  paragraph @1:56\n"
          "    text \"More.\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("pre and pre > code: the text as written, markup and the first newline gone") {
    const Mapped read = html(
        "<pre>\n"
        "  indented\n"
        "<b>bold</b>  kept\n"
        "</pre><pre><code class=\"language-c\">int x;\n"
        "</code></pre><hr>");
    CHECK(read.blocks ==
          "code_block @1:1\n"
          "  text \"  indented\\nbold  kept\"\n"
          "code_block @4:7\n"
          "  text \"int x;\"\n"
          "thematic_break @5:14\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("a block inside an inline element splits it, as CSS does") {
    const Mapped read =
        html("<div><b>one<div>two</div>three</b></div><a href=\"https://e.org\"><h3>Card title</h3>card text</a>");
    CHECK(read.blocks ==
          "paragraph @1:6\n"
          "  strong\n"
          "    text \"one\"\n"
          "paragraph @1:17\n"
          "  strong\n"
          "    text \"two\"\n"
          "paragraph @1:26\n"
          "  strong\n"
          "    text \"three\"\n"
          "heading level=3 @1:65\n"
          "  text \"Card title\"\n"
          "paragraph @1:84\n"
          "  link \"https://e.org\"\n"
          "    text \"card text\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("comments vanish silently") {
    const Mapped read = html("<p>a<!-- hidden -->b</p><!-- between blocks -->");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"ab\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("dropped elements are warned at their line:col with their content") {
    const Mapped read = html(
        "<p>a<script>alert(1)</script>b</p>\n"
        "<style>p{}</style><iframe src=\"x\"></iframe>\n"
        "<object>o</object><embed src=e><form><input "
        "name=q><button>Go</button></form><noscript>n</noscript><svg><text>s</text></svg><video>v</video>");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"ab\"\n");
    CHECK(read.diagnostics ==
          "a.html:1:5: warning: HTML element <script> cannot be shown in a book and is left out\n"
          "a.html:2:1: warning: HTML element <style> cannot be shown in a book and is left out\n"
          "a.html:2:19: warning: HTML element <iframe> cannot be shown in a book and is left out\n"
          "a.html:3:1: warning: HTML element <object> cannot be shown in a book and is left out\n"
          "a.html:3:19: warning: HTML element <embed> cannot be shown in a book and is left out\n"
          "a.html:3:32: warning: HTML element <form> cannot be shown in a book and is left out\n"
          "a.html:3:78: warning: HTML element <noscript> cannot be shown in a book and is left out\n"
          "a.html:3:100: warning: HTML element <svg> cannot be shown in a book and is left out\n"
          "a.html:3:125: warning: HTML element <video> cannot be shown in a book and is left out\n");
  }

  TEST_CASE("invisible elements vanish silently") {
    const Mapped read = html(
        "<template><p>t</p></template><p>a<link rel=x><meta name=y>b</p><picture><source srcset=\"x.png\"><img "
        "src=\"img/dot.png\" alt=\"p\"></picture>");
    CHECK(read.blocks ==
          "paragraph @1:30\n"
          "  text \"ab\"\n"
          "figure @1:96\n"
          "  image \"img/dot.png\" image/png 2x2 bytes=78 alt=\"p\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("an unknown element keeps its text, with one warning per name") {
    const Mapped read =
        html("<marquee>one</marquee> <blink>two</blink> <marquee>three</marquee><my-widget>four</my-widget>");
    CHECK(read.blocks ==
          "paragraph @1:10\n"
          "  text \"one two threefour\"\n");
    CHECK(read.diagnostics ==
          "a.html:1:1: warning: unknown HTML element <marquee> is kept as its text\n"
          "a.html:1:24: warning: unknown HTML element <blink> is kept as its text\n"
          "a.html:1:67: warning: unknown HTML element <my-widget> is kept as its text\n");
  }

  TEST_CASE("character references are decoded and characters XML forbids removed") {
    const Mapped read = html("<p>&amp; &lt;tag&gt; &eacute; &#x263A; &#1; end</p>");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"& <tag> é ☺ end\"\n");
    CHECK(read.diagnostics == "a.html:1:4: warning: removed a character that XML does not allow (U+0001)\n");
  }

  TEST_CASE("an href of '#' alone (a button's) is no link, silently") {
    const Mapped read = html("<p><a href=\"#\">Back to top</a></p>");
    CHECK(read.blocks == "paragraph @1:1\n  text \"Back to top\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("containers nested deeper than the limit give their content to their ancestor, with one warning") {
    const Mapped read = html(
        "<blockquote><blockquote><blockquote><p>deep <b><i>x</i></b></p></blockquote></blockquote></blockquote>", 2);
    CHECK(read.blocks ==
          "block_quote @1:1\n"
          "  block_quote @1:13\n"
          "    paragraph @1:37\n"
          "      text \"deep x\"\n");
    CHECK(read.diagnostics == "a.html:1:25: warning: nesting deeper than 2 levels is flattened\n");
  }

  TEST_CASE("collapse_html_space makes every run of HTML white space one space") {
    CHECK(import::collapse_html_space(" a \t\n b\f\rc  ") == " a b c ");
    CHECK(import::collapse_html_space("") == "");
    CHECK(import::collapse_html_space("a\u00A0\u00A0b") == "a\u00A0\u00A0b");  // no-break spaces are text
  }

  TEST_CASE("html_inline_rule sorts every element the mapping names") {
    using import::HtmlInline;
    CHECK(import::html_inline_rule("sup").role == HtmlInline::span);
    CHECK(import::html_inline_rule("sup").kind == model::InlineKind::superscript);
    CHECK(import::html_inline_rule("tt").role == HtmlInline::code);
    CHECK(import::html_inline_rule("a").role == HtmlInline::link);
    CHECK(import::html_inline_rule("br").role == HtmlInline::line_break);
    CHECK(import::html_inline_rule("img").role == HtmlInline::image);
    CHECK(import::html_inline_rule("span").role == HtmlInline::transparent);
    CHECK(import::html_inline_rule("template").role == HtmlInline::invisible);
    CHECK(import::html_inline_rule("iframe").role == HtmlInline::dropped);
    CHECK(import::html_inline_rule("table").role == HtmlInline::block);
    CHECK(import::html_inline_rule("h4").role == HtmlInline::block);
    CHECK(import::html_inline_rule("marquee").role == HtmlInline::unknown);
  }
}
