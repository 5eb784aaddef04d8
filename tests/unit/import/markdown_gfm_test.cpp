// GitHub Flavored Markdown on top of CommonMark: what cmark-gfm parses, as the model holds it.
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
  std::string notes;  // the footnotes, dumped as the article dump does
  std::string diagnostics;
};

Read md(std::string_view bytes) {
  core::DiagnosticList diagnostics;
  Read read{import::read_markdown_article("a.md", bytes, diagnostics), "", "", ""};
  read.blocks = model::dump_blocks(read.article.blocks, "a.md");
  const std::string article = model::dump_article(read.article);
  if (const std::size_t notes = article.find("\n  footnotes\n"); notes != std::string::npos) {
    read.notes = article.substr(notes + 1);
  }
  read.diagnostics = diagnostics.to_string();
  return read;
}

}  // namespace

TEST_SUITE("import.markdown_gfm") {
  TEST_CASE("a pipe table: head row, one paragraph per cell, alignment per column") {
    const Read read =
        md("| Name | Left | Centre | Right |\n"
           "|------|:-----|:------:|------:|\n"
           "| a    | *b*  | c      | 1     |\n");
    CHECK(read.blocks ==
          "table @1:1\n"
          "  table_row role=header @1:1\n"
          "    table_cell role=header @1:2\n"
          "      paragraph @1:2\n"
          "        text \"Name\"\n"
          "    table_cell role=header align=left @1:9\n"
          "      paragraph @1:9\n"
          "        text \"Left\"\n"
          "    table_cell role=header align=center @1:16\n"
          "      paragraph @1:16\n"
          "        text \"Centre\"\n"
          "    table_cell role=header align=right @1:25\n"
          "      paragraph @1:25\n"
          "        text \"Right\"\n"
          "  table_row @3:1\n"
          "    table_cell @3:2\n"
          "      paragraph @3:2\n"
          "        text \"a\"\n"
          "    table_cell align=left @3:9\n"
          "      paragraph @3:9\n"
          "        emphasis\n"
          "          text \"b\"\n"
          "    table_cell align=center @3:16\n"
          "      paragraph @3:16\n"
          "        text \"c\"\n"
          "    table_cell align=right @3:25\n"
          "      paragraph @3:25\n"
          "        text \"1\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("escaped pipes and pipes in code stay in their cell; smart quotes in text, never in code") {
    const Read read =
        md("a | b\n"
           "--|--\n"
           "x \\| y \"q\" -- z | `p\\|q` `--` \"r\"\n");
    CHECK(read.blocks ==
          "table @1:1\n"
          "  table_row role=header @1:1\n"
          "    table_cell role=header @1:1\n"
          "      paragraph @1:1\n"
          "        text \"a\"\n"
          "    table_cell role=header @1:4\n"
          "      paragraph @1:4\n"
          "        text \"b\"\n"
          "  table_row @3:1\n"
          "    table_cell @3:1\n"
          "      paragraph @3:1\n"
          "        text \"x | y “q” – z\"\n"
          "    table_cell @3:18\n"
          "      paragraph @3:18\n"
          "        code \"p|q\"\n"
          "        text \" \"\n"
          "        code \"--\"\n"
          "        text \" “r”\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("a short row gets empty cells; cells beyond the header's are dropped with a warning") {
    const Read read =
        md("| a | b |\n"
           "|---|---|\n"
           "| 1 |\n"
           "| 2 | 3 | 4 | 5 |\n");
    CHECK(read.blocks ==
          "table @1:1\n"
          "  table_row role=header @1:1\n"
          "    table_cell role=header @1:2\n"
          "      paragraph @1:2\n"
          "        text \"a\"\n"
          "    table_cell role=header @1:6\n"
          "      paragraph @1:6\n"
          "        text \"b\"\n"
          "  table_row @3:1\n"
          "    table_cell @3:2\n"
          "      paragraph @3:2\n"
          "        text \"1\"\n"
          "    table_cell @3:5\n"
          "      paragraph @3:5\n"
          "  table_row @4:1\n"
          "    table_cell @4:2\n"
          "      paragraph @4:2\n"
          "        text \"2\"\n"
          "    table_cell @4:6\n"
          "      paragraph @4:6\n"
          "        text \"3\"\n");
    CHECK(read.diagnostics ==
          "a.md:4:11: warning: expected at most 2 cells in this table row, as in its header row, found more; "
          "dropped: '4 | 5'\n");
  }

  TEST_CASE("a delimiter row with no matching header row stays as written, never smart dashes, with a warning") {
    const Read read = md("| a | b | c |\n|---|:--:|\n\nText -- \"x\".\n");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"| a | b | c |\"\n"
          "  soft_break\n"
          "  text \"|---|:--:|\"\n"
          "paragraph @4:1\n"
          "  text \"Text – “x”.\"\n");
    CHECK(read.diagnostics ==
          "a.md:2:1: warning: expected a table header row with as many cells above this delimiter row, found none; "
          "the lines are kept as text\n");
  }

  TEST_CASE("footnotes: numbered by first reference, several references to one note, notes holding blocks") {
    const Read read =
        md("First[^b], again[^b], then[^a].\n"
           "\n"
           "[^a]: Note *a*.\n"
           "\n"
           "    - an item\n"
           "\n"
           "    ```\n"
           "    code -- \"as is\"\n"
           "    ```\n"
           "[^b]: Note b refers to [^c].\n"
           "[^c]: Note c.\n");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"First\"\n"
          "  footnote_ref \"1\" \"fn-1\" id=\"fnref-1\"\n"
          "  text \", again\"\n"
          "  footnote_ref \"1\" \"fn-1\" id=\"fnref-1-2\"\n"
          "  text \", then\"\n"
          "  footnote_ref \"2\" \"fn-2\" id=\"fnref-2\"\n"
          "  text \".\"\n");
    CHECK(read.notes ==
          "  footnotes\n"
          "    footnote id=\"fn-1\" label=\"b\" @10:1\n"
          "      paragraph @10:7\n"
          "        text \"Note b refers to \"\n"
          "        footnote_ref \"3\" \"fn-3\" id=\"fnref-3\"\n"
          "        text \".\"\n"
          "    footnote id=\"fn-2\" label=\"a\" @3:1\n"
          "      paragraph @3:7\n"
          "        text \"Note \"\n"
          "        emphasis\n"
          "          text \"a\"\n"
          "        text \".\"\n"
          "      bullet_list @5:5\n"
          "        list_item @5:5\n"
          "          paragraph @5:7\n"
          "            text \"an item\"\n"
          "      code_block @7:5\n"
          "        text \"code -- \\\"as is\\\"\"\n"
          "    footnote id=\"fn-3\" label=\"c\" @11:1\n"
          "      paragraph @11:7\n"
          "        text \"Note c.\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("a reference with no definition stays text, with a warning at its column; an escaped one is quiet") {
    const Read read = md("Café[^nope] and \\[^esc] and `[^code]`.\n");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"Café[^nope] and [^esc] and \"\n"
          "  code \"[^code]\"\n"
          "  text \".\"\n");
    CHECK(read.diagnostics ==
          "a.md:1:5: warning: expected a definition for the footnote '[^nope]', found none; the reference is kept as "
          "text\n");
  }

  TEST_CASE("a definition nothing refers to stays text where it is written, with a warning") {
    const Read read =
        md("# Title\n"
           "\n"
           "Used[^u].\n"
           "\n"
           "[^unused]: Never *referred* to.\n"
           "\n"
           "[^u]: Used.\n"
           "\n"
           "Last paragraph.\n"
           "\n"
           "[^lone]:\n"
           "    ```\n"
           "    x\n"
           "    ```\n");
    CHECK(read.blocks ==
          "heading level=1 @1:1\n"
          "  text \"Title\"\n"
          "paragraph @3:1\n"
          "  text \"Used\"\n"
          "  footnote_ref \"1\" \"fn-1\" id=\"fnref-1\"\n"
          "  text \".\"\n"
          "paragraph @5:1\n"
          "  text \"[^unused]: Never \"\n"
          "  emphasis\n"
          "    text \"referred\"\n"
          "  text \" to.\"\n"
          "paragraph @9:1\n"
          "  text \"Last paragraph.\"\n"
          "paragraph @11:1\n"
          "  text \"[^lone]:\"\n"
          "code_block @12:5\n"
          "  text \"x\"\n");
    CHECK(read.notes ==
          "  footnotes\n    footnote id=\"fn-1\" label=\"u\" @7:1\n      paragraph @7:7\n"
          "        text \"Used.\"\n");
    CHECK(read.diagnostics ==
          "a.md:5:1: warning: footnote '[^unused]' is never referenced; its text is kept where it is written\n"
          "a.md:11:1: warning: footnote '[^lone]' is never referenced; its text is kept where it is written\n");
  }

  TEST_CASE("what only looks like a definition, in code, stays as it is, and lines keep their numbers") {
    const Read read = md("```\n[^x]: in code\n```\n\nText[^x].\n");
    CHECK(read.blocks ==
          "code_block @1:1\n"
          "  text \"[^x]: in code\"\n"
          "paragraph @5:1\n"
          "  text \"Text[^x].\"\n");
    CHECK(read.article.footnotes.empty());
    CHECK(read.diagnostics ==
          "a.md:5:5: warning: expected a definition for the footnote '[^x]', found none; the reference is kept as "
          "text\n");
  }

  TEST_CASE("a leading heading that refers to a note is read as any heading (import.choose_titles keeps it)") {
    const Read read = md("# Title[^1]\n\nText.\n\n[^1]: Note.\n");
    CHECK(read.article.title == "");
    CHECK(read.blocks.find("heading level=1 @1:1\n  text \"Title\"\n  footnote_ref \"1\"") == 0);
    CHECK(read.article.footnotes.size() == 1);
  }

  TEST_CASE("strikethrough with one or two tildes") {
    const Read read = md("~~gone~~ and ~also~ but not ~~~ this.\n");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  strikethrough\n"
          "    text \"gone\"\n"
          "  text \" and \"\n"
          "  strikethrough\n"
          "    text \"also\"\n"
          "  text \" but not ~~~ this.\"\n");
  }

  TEST_CASE("task items are open or done; other items are plain") {
    const Read read = md("- [ ] open\n- [x] done\n- [X] done too\n- plain [ ] item\n");
    CHECK(read.blocks ==
          "bullet_list @1:1\n"
          "  list_item task=open @1:1\n"
          "    paragraph @1:7\n"
          "      text \"open\"\n"
          "  list_item task=done @2:1\n"
          "    paragraph @2:7\n"
          "      text \"done\"\n"
          "  list_item task=done @3:1\n"
          "    paragraph @3:7\n"
          "      text \"done too\"\n"
          "  list_item @4:1\n"
          "    paragraph @4:3\n"
          "      text \"plain [ ] item\"\n");
  }

  TEST_CASE("bare URLs, www. addresses and e-mail addresses become links; trailing punctuation stays text") {
    const Read read = md("See https://example.org/a_(b), www.example.com. Or me@example.org!\n");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"See \"\n"
          "  link \"https://example.org/a_(b)\"\n"
          "    text \"https://example.org/a_(b)\"\n"
          "  text \", \"\n"
          "  link \"http://www.example.com\"\n"
          "    text \"www.example.com\"\n"
          "  text \". Or \"\n"
          "  link \"mailto:me@example.org\"\n"
          "    text \"me@example.org\"\n"
          "  text \"!\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("yaml front matter is cut before parsing: no rule, no setext heading, the file's line numbers") {
    const Read read = md("---\ntitle: From YAML\ntags: [a]\n---\n# Heading\n\nText.\n");
    CHECK(read.article.title == "From YAML");
    CHECK(read.blocks ==
          "heading level=1 @5:1\n"
          "  text \"Heading\"\n"
          "paragraph @7:1\n"
          "  text \"Text.\"\n");
    CHECK(read.diagnostics.find("a.md:3:1: warning: front matter key 'tags' is not used (in 1 file)\n") == 0);
  }

  TEST_CASE("front matter fills the article's language, date and description") {
    const Read read = md("---\nlang: pt-BR\ndate: 2024-05-06\ndescription: Sobre.\n---\nTexto.\n");
    CHECK(read.article.language == "pt-BR");
    CHECK(read.article.provenance.date == "2024-05-06");
    CHECK(read.article.provenance.description == "Sobre.");
    CHECK(read.diagnostics == "");
  }
}
