#include <doctest/doctest.h>

#include <string>

#include "core/diagnostics.hpp"
#include "import/markdown_article.hpp"
#include "model/dump.hpp"
#include "model/inline.hpp"

using namespace octavo;

namespace {

struct Read {
  model::Article article;
  std::string blocks;
  std::string diagnostics;
};

Read md(std::string_view bytes, const std::string& path = "a.md") {
  core::DiagnosticList diagnostics;
  Read read{import::read_markdown_article(path, bytes, diagnostics), "", ""};
  read.blocks = model::dump_blocks(read.article.blocks, path);
  read.diagnostics = diagnostics.to_string();
  return read;
}

}  // namespace

TEST_SUITE("import.markdown_article") {
  TEST_CASE("an option's two hyphens stay as written; other dashes, typed or made, stay dashes") {
    core::DiagnosticList diagnostics;
    const auto article = import::read_markdown_article(
        "t.md", "Use **zstd --fast=1** or --all (--no-color), a -- b, x--y, typed \u2013all, then --all. `--no`\n",
        diagnostics);
    REQUIRE(article.blocks.size() == 1);
    CHECK(model::plain_text(article.blocks[0].inlines) ==
          "Use zstd --fast=1 or --all (--no-color), a \u2013 b, x\u2013y, typed \u2013all, then --all. --no");
    CHECK(diagnostics.to_string() == "");
    const auto escaped = import::read_markdown_article("t.md", "\\--x, \\-\\- and --all\n", diagnostics);
    CHECK(model::plain_text(escaped.blocks.at(0).inlines) == "--x, -- and --all");
  }

  TEST_CASE("paragraphs, headings, emphasis, code, breaks and smart punctuation") {
    const Read read =
        md("## Part \"one\"\n"
           "\n"
           "It's *very* **bold** and `x < y`,\n"
           "a soft break -- and a hard one  \n"
           "end...\n");
    CHECK(read.blocks ==
          "heading level=2 @1:1\n"
          "  text \"Part “one”\"\n"
          "paragraph @3:1\n"
          "  text \"It’s \"\n"
          "  emphasis\n"
          "    text \"very\"\n"
          "  text \" \"\n"
          "  strong\n"
          "    text \"bold\"\n"
          "  text \" and \"\n"
          "  code \"x < y\"\n"
          "  text \",\"\n"
          "  soft_break\n"
          "  text \"a soft break – and a hard one\"\n"
          "  hard_break\n"
          "  text \"end…\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("lists, items, quotes, code blocks and thematic breaks") {
    const Read read =
        md("- one\n"
           "- two\n"
           "\n"
           "3. three\n"
           "4. four\n"
           "\n"
           "> quoted\n"
           "\n"
           "```\n"
           "code\n"
           "  kept\n"
           "```\n"
           "\n"
           "***\n");
    CHECK(read.blocks ==
          "bullet_list @1:1\n"
          "  list_item @1:1\n"
          "    paragraph @1:3\n"
          "      text \"one\"\n"
          "  list_item @2:1\n"
          "    paragraph @2:3\n"
          "      text \"two\"\n"
          "ordered_list start=3 @4:1\n"
          "  list_item @4:1\n"
          "    paragraph @4:4\n"
          "      text \"three\"\n"
          "  list_item @5:1\n"
          "    paragraph @5:4\n"
          "      text \"four\"\n"
          "block_quote @7:1\n"
          "  paragraph @7:3\n"
          "    text \"quoted\"\n"
          "code_block @9:1\n"
          "  text \"code\\n  kept\"\n"
          "thematic_break @14:1\n");
  }

  TEST_CASE("the reader leaves titles and heading ids to the corpus and the transforms") {
    const Read read = md("# The Title\n\nText.\n\n## Section\n");
    CHECK(read.article.title == "");
    CHECK(read.blocks ==
          "heading level=1 @1:1\n  text \"The Title\"\n"
          "paragraph @3:1\n  text \"Text.\"\n"
          "heading level=2 @5:1\n  text \"Section\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("front matter gives title and provenance, with the file's line numbers") {
    const Read read =
        md("+++\n"
           "title = \"From Front Matter\"\n"
           "source = \"https://example.org/a\"\n"
           "retrieved = \"2025-01-31\"\n"
           "author = \"A. Writer\"\n"
           "+++\n"
           "# Heading\n");
    CHECK(read.article.title == "From Front Matter");
    CHECK(read.article.provenance.source == "https://example.org/a");
    CHECK(read.article.provenance.retrieved == "2025-01-31");
    CHECK(read.article.provenance.author == "A. Writer");
    CHECK(read.blocks == "heading level=1 @7:1\n  text \"Heading\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("front matter problems are reported at their line in the file") {
    const Read read = md("+++\ntitle = 3\nretrieved = \"31/01/2025\"\ncolour = \"red\"\n+++\nText.\n");
    CHECK(read.diagnostics ==
          "a.md:2:9: warning: expected a string for 'title', found an integer; the key is left out\n"
          "a.md:3:13: warning: expected a date (YYYY-MM-DD) for 'retrieved', found '31/01/2025'; the key is left out\n"
          "a.md:4:1: warning: front matter key 'colour' is not used (in 1 file)\n"
          "  hint: known keys: title, author, authors, date, source, canonical_url, url, retrieved, lang, language, "
          "description\n");
    const Read broken = md("+++\ntitle = \n+++\n");
    CHECK(broken.diagnostics ==
          "a.md:2:9: error: toml syntax error: Error while parsing key-value pair: expected value, saw '\\n'\n"
          "a.md: warning: article is empty\n");
  }

  TEST_CASE("an unclosed front matter is read as markdown, with a warning") {
    const Read read = md("+++\ntitle = \"x\"\n");
    CHECK(read.diagnostics ==
          "a.md:1:1: warning: expected a closing '+++' line for the front matter; reading it as text\n");
    CHECK(read.blocks == "paragraph @1:1\n  text \"+++\"\n  soft_break\n  text \"title = “x”\"\n");
  }

  TEST_CASE("links: http, https, mailto and anchors are kept") {
    const Read read = md("[a](http://x.org) [b](HTTPS://y.org) [c](mailto:me@x.org) [d](#part)\n");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  link \"http://x.org\"\n    text \"a\"\n  text \" \"\n"
          "  link \"HTTPS://y.org\"\n    text \"b\"\n  text \" \"\n"
          "  link \"mailto:me@x.org\"\n    text \"c\"\n  text \" \"\n"
          "  link \"#part\"\n    text \"d\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("relative links lead to corpus files: resolved against the article's folder, percent-decoded") {
    const Read read =
        md("[a](ch2.md#scope) [b](./x%20y.md) [c](../other/c.md?v=2#top) [d](/docs/d.md) [e](?q#here)\n", "part/a.md");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  link \"part/ch2.md#scope\"\n    text \"a\"\n  text \" \"\n"
          "  link \"part/x y.md\"\n    text \"b\"\n  text \" \"\n"
          "  link \"other/c.md#top\"\n    text \"c\"\n  text \" \"\n"
          "  link \"docs/d.md\"\n    text \"d\"\n  text \" \"\n"
          "  link \"#here\"\n    text \"e\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("links with another scheme, and links out of the corpus, keep their text, with a warning") {
    const Read read = md("Go [*here*](javascript:alert(1)) or [there](../up.md) or [d](data:x) or [e](//host/x).\n");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"Go \"\n"
          "  emphasis\n    text \"here\"\n"
          "  text \" or there or d or e.\"\n");
    CHECK(read.diagnostics ==
          "a.md:1:4: warning: expected an http, https, mailto, #anchor or relative link, found 'javascript:alert(1)'; "
          "the link text is kept without the link\n"
          "a.md:1:37: warning: link to '../up.md' leads out of the corpus; the link text is kept without the link\n"
          "a.md:1:58: warning: expected an http, https, mailto, #anchor or relative link, found 'data:x'; "
          "the link text is kept without the link\n"
          "a.md:1:73: warning: expected an http, https, mailto, #anchor or relative link, found '//host/x'; "
          "the link text is kept without the link\n");
  }

  TEST_CASE("an http link needs its '//', as the EPUB and PDF writers do") {
    const Read read = md("[a](Http:relative)\n");
    CHECK(read.blocks == "paragraph @1:1\n  text \"a\"\n");
    CHECK(read.diagnostics ==
          "a.md:1:1: warning: expected an http, https, mailto, #anchor or relative link, found 'Http:relative'; "
          "the link text is kept without the link\n");
  }

  TEST_CASE("raw HTML is read as HTML, never shown as markup (markdown_html_test has the rest)") {
    const Read read = md("Some <b>bold</b> text.\n\n<div>\nblock\n</div>\n");
    CHECK(read.blocks ==
          "paragraph @1:1\n  text \"Some \"\n  strong\n    text \"bold\"\n  text \" text.\"\n"
          "paragraph @4:1\n  text \"block\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("a remote image is replaced by its alt text, with a warning (markdown_images_test has the rest)") {
    const Read read = md("See ![a *cat*](http://example.org/cat.png) here.\n");
    CHECK(read.blocks == "paragraph @1:1\n  text \"See a cat here.\"\n");
    CHECK(read.diagnostics ==
          "a.md:1:5: warning: remote image 'http://example.org/cat.png' is not fetched (Octavo works offline); the "
          "alt text stands in\n");
  }

  TEST_CASE("entities that make characters XML forbids are removed, with a warning") {
    const Read read = md("a&#1;b &#xFFFE; &amp; &copy;\n");
    CHECK(read.blocks == "paragraph @1:1\n  text \"ab  & ©\"\n");
    CHECK(read.diagnostics == "a.md:1:1: warning: removed 2 characters that XML does not allow (first U+0001)\n");
  }

  TEST_CASE("an entity in a code block or link target is cleaned too") {
    const Read read = md("    x&#1;\n\n[a](http://x&#xFFFF;)\n");
    CHECK(read.blocks.find("text \"x&#1;\"") != std::string::npos);  // code keeps entities literal
    CHECK(read.blocks.find("link \"http://x\"") != std::string::npos);
    CHECK(read.diagnostics == "a.md:3:1: warning: removed a character that XML does not allow (U+FFFF)\n");
  }

  TEST_CASE("invalid UTF-8 and control characters in the file are repaired before parsing") {
    const Read read = md("bad \xFF\n\nnul \x01 here\n");
    CHECK(read.blocks == "paragraph @1:1\n  text \"bad \xEF\xBF\xBD\"\nparagraph @3:1\n  text \"nul  here\"\n");
    CHECK(read.diagnostics ==
          "a.md:1:5: warning: invalid UTF-8 replaced by U+FFFD\n"
          "a.md:3:5: warning: removed a character that XML does not allow (U+0001)\n");
  }

  TEST_CASE("columns count code points, not bytes") {
    const Read read = md("> é *x*\n");
    const model::Block& paragraph = read.article.blocks[0].children[0];
    CHECK(paragraph.inlines[1].location.line == 1);
    CHECK(paragraph.inlines[1].location.column == 5);
  }

  TEST_CASE("500 nested block quotes neither overflow nor nest past the limit") {
    const Read read = md(std::string(500, '>') + " deep\n");
    int depth = 0;
    const model::Block* block = &read.article.blocks.at(0);
    while (block->kind == model::BlockKind::block_quote) {
      ++depth;
      block = &block->children.at(0);
    }
    CHECK(depth == import::max_markdown_nesting);
    CHECK(block->kind == model::BlockKind::paragraph);
    CHECK(model::plain_text(block->inlines) == "deep");
    CHECK(read.diagnostics == "a.md:1:65: warning: nesting deeper than 64 levels is flattened\n");
  }

  TEST_CASE("deeply nested emphasis is flattened the same way, keeping all the text") {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "*a ";
    text += "z";
    for (int i = 0; i < 200; ++i) text += "*";
    const Read read = md(text + "\n");
    std::string expected;
    for (int i = 0; i < 200; ++i) expected += "a ";
    CHECK(model::plain_text(read.article.blocks.at(0).inlines) == expected + "z");
    CHECK(read.diagnostics.find("warning: nesting deeper than 64 levels is flattened") != std::string::npos);
  }

  TEST_CASE("an empty file is an article with no blocks and a warning") {
    const Read read = md("");
    CHECK(read.article.blocks.empty());
    CHECK(read.diagnostics == "a.md: warning: article is empty\n");
  }
}
