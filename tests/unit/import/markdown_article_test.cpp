#include <doctest/doctest.h>

#include <string>

#include "core/diagnostics.hpp"
#include "import/markdown_article.hpp"
#include "model/dump.hpp"

using namespace octavo;

namespace {

struct Read {
  model::Article article;
  std::string blocks;
  std::string diagnostics;
};

Read md(std::string_view bytes, const std::string& listed_title = "Listed") {
  core::DiagnosticList diagnostics;
  Read read{import::read_markdown_article("a.md", bytes, listed_title, diagnostics), "", ""};
  read.blocks = model::dump_blocks(read.article.blocks, "a.md");
  read.diagnostics = diagnostics.to_string();
  return read;
}

}  // namespace

TEST_SUITE("import.markdown_article") {
  TEST_CASE("paragraphs, headings, emphasis, code, breaks and smart punctuation") {
    const Read read =
        md("## Part \"one\"\n"
           "\n"
           "It's *very* **bold** and `x < y`,\n"
           "a soft break -- and a hard one  \n"
           "end...\n");
    CHECK(read.blocks ==
          "heading level=2 id=\"part-one\" @1:1\n"
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

  TEST_CASE("a leading level-1 heading is the title when none is listed; the others move up") {
    const Read read = md("# The Title\n\nText.\n\n## Section\n\n### Sub\n\n# Another\n", "");
    CHECK(read.article.title == "The Title");
    CHECK(read.blocks ==
          "paragraph @3:1\n  text \"Text.\"\n"
          "heading level=1 id=\"section\" @5:1\n  text \"Section\"\n"
          "heading level=2 id=\"sub\" @7:1\n  text \"Sub\"\n"
          "heading level=1 id=\"another\" @9:1\n  text \"Another\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("a listed title leaves the leading heading in place") {
    const Read read = md("# Heading\n\nText.\n", "Listed");
    CHECK(read.article.title == "Listed");
    CHECK(read.blocks.starts_with("heading level=1 id=\"heading\" @1:1\n"));
  }

  TEST_CASE("with no title anywhere the file name stands in, with a warning") {
    const Read read = md("## Not a title\n", "");
    CHECK(read.article.title == "a");
    CHECK(read.diagnostics ==
          "a.md: warning: no title in book.toml, front matter or a leading level-1 heading; using the file name\n");
  }

  TEST_CASE("heading ids are slugs made unique within the article, nested headings included") {
    const Read read = md("## Intro\n\n> ## Intro\n\n## Intro\n");
    CHECK(read.blocks.find("id=\"intro\" @1:1") != std::string::npos);
    CHECK(read.blocks.find("id=\"intro-2\" @3:3") != std::string::npos);
    CHECK(read.blocks.find("id=\"intro-3\" @5:1") != std::string::npos);
  }

  TEST_CASE("front matter gives title and provenance, with the file's line numbers") {
    const Read read =
        md("+++\n"
           "title = \"From Front Matter\"\n"
           "source = \"https://example.org/a\"\n"
           "retrieved = \"2025-01-31\"\n"
           "author = \"A. Writer\"\n"
           "+++\n"
           "# Heading\n",
           "");
    CHECK(read.article.title == "From Front Matter");
    CHECK(read.article.provenance.source == "https://example.org/a");
    CHECK(read.article.provenance.retrieved == "2025-01-31");
    CHECK(read.article.provenance.author == "A. Writer");
    CHECK(read.blocks == "heading level=1 id=\"heading\" @7:1\n  text \"Heading\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("front matter problems are reported at their line in the file") {
    const Read read = md("+++\ntitle = 3\nretrieved = \"31/01/2025\"\ncolour = \"red\"\n+++\nText.\n");
    CHECK(read.diagnostics ==
          "a.md:2:9: error: expected a string for 'title', found an integer\n"
          "a.md:3:13: error: expected a date (YYYY-MM-DD) for 'retrieved', found '31/01/2025'\n"
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

  TEST_CASE("links with any other target lose the link and keep their text, with a warning") {
    const Read read = md("Go [*here*](javascript:alert(1)) or [there](other.md) or [d](data:x).\n");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"Go \"\n"
          "  emphasis\n    text \"here\"\n"
          "  text \" or there or d.\"\n");
    CHECK(read.diagnostics ==
          "a.md:1:4: warning: expected an http, https, mailto or #anchor link, found 'javascript:alert(1)'; "
          "the link text is kept without the link\n"
          "a.md:1:37: warning: expected an http, https, mailto or #anchor link, found 'other.md'; "
          "the link text is kept without the link\n"
          "a.md:1:58: warning: expected an http, https, mailto or #anchor link, found 'data:x'; "
          "the link text is kept without the link\n");
  }

  TEST_CASE("an http link needs its '//', as the EPUB and PDF writers do") {
    const Read read = md("[a](Http:relative)\n");
    CHECK(read.blocks == "paragraph @1:1\n  text \"a\"\n");
    CHECK(read.diagnostics ==
          "a.md:1:1: warning: expected an http, https, mailto or #anchor link, found 'Http:relative'; "
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
