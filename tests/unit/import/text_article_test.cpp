#include <doctest/doctest.h>

#include <string>

#include "core/diagnostics.hpp"
#include "core/sha256.hpp"
#include "import/text_article.hpp"
#include "model/dump.hpp"

using namespace octavo;

namespace {

struct Read {
  model::Article article;
  std::string blocks;       // dump_blocks of the article
  std::string diagnostics;  // every diagnostic, formatted
};

Read read_txt(std::string_view bytes) {
  core::DiagnosticList diagnostics;
  Read read{import::read_text_article("a.txt", bytes, diagnostics), "", ""};
  read.blocks = model::dump_blocks(read.article.blocks, "a.txt");
  read.diagnostics = diagnostics.to_string();
  return read;
}

}  // namespace

TEST_SUITE("import.text_article") {
  TEST_CASE("a seed-like article: summary, lead, outline linked to its headings by GitHub's ids, sections") {
    const Read read = read_txt(
        "Kratom's summary line.\n"
        "A second lead line.\n"
        "- Kratom's Role\n"
        "- Dosing -- Safely\n"
        "Kratom's Role\n"
        "Body of the first section.\n"
        "Dosing -- Safely\n"
        "Body of the second.");
    CHECK(read.blocks ==
          "paragraph role=summary @1:1\n"
          "  text \"Kratom’s summary line.\"\n"
          "paragraph @2:1\n"
          "  text \"A second lead line.\"\n"
          "bullet_list role=outline @3:1\n"
          "  list_item @3:1\n"
          "    paragraph @3:3\n"
          "      link \"#kratoms-role\"\n"
          "        text \"Kratom’s Role\"\n"
          "  list_item @4:1\n"
          "    paragraph @4:3\n"
          "      link \"#dosing--safely\"\n"
          "        text \"Dosing – Safely\"\n"
          "heading level=1 @5:1\n"
          "  text \"Kratom’s Role\"\n"
          "paragraph @6:1\n"
          "  text \"Body of the first section.\"\n"
          "heading level=1 @7:1\n"
          "  text \"Dosing – Safely\"\n"
          "paragraph @8:1\n"
          "  text \"Body of the second.\"\n");
    CHECK(read.diagnostics == "");
    CHECK(read.article.title == "");  // chosen for the whole corpus: import/choose_titles.hpp
    CHECK(read.article.location.path == "a.txt");
    CHECK(read.article.location.line == 1);
    CHECK(read.article.location.column == 1);
  }

  TEST_CASE("provenance has the file and the SHA-256 of its exact bytes; ids and counts stay empty") {
    const std::string bytes = "\xEF\xBB\xBFLine\r\n";
    const Read read = read_txt(bytes);
    CHECK(read.article.provenance.file == "a.txt");
    CHECK(read.article.provenance.sha256 == core::sha256_hex(bytes));
    CHECK(read.article.id.empty());
    CHECK(read.article.provenance.word_count == 0);
    CHECK(read.article.source_note.fields.empty());
  }

  TEST_CASE("an outline line matches mixed straight and curly apostrophes after smartening") {
    const Read read = read_txt("Lead.\n- It's here\nIt’s here\nText.\n");
    CHECK(read.blocks.find("link \"#its-here\"") != std::string::npos);
    CHECK(read.blocks.find("heading level=1 @3:1") != std::string::npos);
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("each outline entry takes the first equal line after the previous heading") {
    const Read read = read_txt(
        "Lead.\n- A\n- B\n- A\n"
        "B\n"  // before heading A: stays a paragraph
        "A\nB\nA\n");
    CHECK(read.blocks.find("paragraph @5:1\n  text \"B\"\n") != std::string::npos);
    CHECK(read.blocks.find("heading level=1 @6:1") != std::string::npos);
    CHECK(read.blocks.find("heading level=1 @7:1") != std::string::npos);
    CHECK(read.blocks.find("heading level=1 @8:1") != std::string::npos);
    CHECK(read.blocks.find("link \"#a\"") != std::string::npos);
    CHECK(read.blocks.find("link \"#b\"") != std::string::npos);
    CHECK(read.blocks.find("link \"#a-1\"") != std::string::npos);  // GitHub numbers a repeat from 1
  }

  TEST_CASE("an outline entry with no heading is kept as plain text, with a warning") {
    const Read read = read_txt("Lead.\n- Present\n- Missing\nPresent\nBody.\n");
    CHECK(read.blocks.find("  list_item @3:1\n"
                           "    paragraph @3:3\n"
                           "      text \"Missing\"\n") != std::string::npos);
    CHECK(read.diagnostics ==
          "a.txt:3:3: warning: outline entry 'Missing' has no matching heading; it is kept as plain text\n");
  }

  TEST_CASE("text with no outline is all body paragraphs") {
    const Read read = read_txt("One.\nTwo.\n");
    CHECK(read.blocks == "paragraph @1:1\n  text \"One.\"\nparagraph @2:1\n  text \"Two.\"\n");
  }

  TEST_CASE("an article may start with its outline") {
    const Read read = read_txt("- Only\nOnly\nBody.");
    CHECK(read.blocks.starts_with("bullet_list role=outline @1:1\n"));
    CHECK(read.blocks.find("role=summary") == std::string::npos);
  }

  TEST_CASE("CRLF, lone CR, a BOM, blank lines, tabs, outer spaces and no final newline") {
    const Read read = read_txt(
        "\xEF\xBB\xBF"
        "First\r\n\r\n  Indented\tline  \rLast");
    CHECK(read.blocks ==
          "paragraph @1:1\n  text \"First\"\n"
          "paragraph @3:3\n  text \"Indented line\"\n"
          "paragraph @4:1\n  text \"Last\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("invalid UTF-8 is replaced and reported once per line") {
    const Read read = read_txt("ok\nbad \xC3 and \xFF\n");
    CHECK(read.blocks.find("text \"bad \xEF\xBF\xBD and \xEF\xBF\xBD\"") != std::string::npos);
    CHECK(read.diagnostics == "a.txt:2:5: warning: invalid UTF-8 replaced by U+FFFD\n");
  }

  TEST_CASE("characters XML forbids are removed with a warning at their position") {
    const Read read = read_txt(std::string("a\x00z\nfine\x0B", 9));
    CHECK(read.blocks == "paragraph @1:1\n  text \"az\"\nparagraph @2:1\n  text \"fine\"\n");
    CHECK(read.diagnostics ==
          "a.txt:1:2: warning: removed a character that XML does not allow (U+0000)\n"
          "a.txt:2:5: warning: removed a character that XML does not allow (U+000B)\n");
  }

  TEST_CASE("smart punctuation on every line, the rest of the text exact") {
    const Read read = read_txt("He said \"don't\" -- twice... 7-hydroxy x ’kept’\n");
    CHECK(read.blocks == "paragraph @1:1\n  text \"He said “don’t” – twice… 7-hydroxy x ’kept’\"\n");
  }

  TEST_CASE("an empty or blank file is an article with no blocks and a warning") {
    CHECK(read_txt("").blocks == "");
    CHECK(read_txt("").diagnostics == "a.txt: warning: article is empty\n");
    const Read blank = read_txt(" \t\r\n\n  ");
    CHECK(blank.article.blocks.empty());
    CHECK(blank.diagnostics == "a.txt: warning: article is empty\n");
  }

  TEST_CASE("every inline carries its line and column") {
    const Read read = read_txt("Lead.\n  - Entry\n  Entry\n");
    const model::Block& outline = read.article.blocks[1];
    const model::Inline& link = outline.children[0].children[0].inlines[0];
    CHECK(link.location.line == 2);
    CHECK(link.location.column == 5);
    CHECK(link.children[0].location.column == 5);
    CHECK(read.article.blocks[2].inlines[0].location.line == 3);
    CHECK(read.article.blocks[2].inlines[0].location.column == 3);
  }
}
