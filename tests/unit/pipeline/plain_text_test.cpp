#include <doctest/doctest.h>

#include <map>
#include <string>

#include "core/diagnostics.hpp"
#include "core/file_system.hpp"
#include "import/corpus.hpp"
#include "model/walk.hpp"
#include "transform/apply_transforms.hpp"

using namespace octavo;

// The plain-text reader leaves heading ids to transform::resolve_links and its outline's "#…"
// links for it to resolve; these tests run a .txt file through the same stages as compile() does
// (import::read_corpus, which chooses titles, then transform::apply_transforms) and look at the
// ids and links the book ends with.
namespace {

struct Compiled {
  model::Book book;
  std::string diagnostics;
};

// `bytes` as a.txt, the corpus's one article, which book.toml titles "Listed": an opening heading
// other than that stays in the text.
Compiled compile_txt(const std::string& bytes) {
  core::MemoryFileSystem files(
      {{"book.toml", "title = \"Book\"\n\n[[articles]]\nfile = \"a.txt\"\ntitle = \"Listed\"\n"}, {"a.txt", bytes}},
      "book");
  core::DiagnosticList diagnostics;
  Compiled compiled{import::read_corpus(files, diagnostics).book, ""};
  transform::apply_transforms(compiled.book, {}, diagnostics);
  compiled.diagnostics = diagnostics.to_string();
  return compiled;
}

// "id text" for each heading of the first article, nested ones included, a line each.
std::string headings(const Compiled& compiled) {
  std::string out;
  model::Walker walk(compiled.book.articles.at(0).blocks);
  while (walk.next()) {
    const model::Block* block = walk.block();
    if (walk.event() == model::WalkEvent::enter && block && block->kind == model::BlockKind::heading) {
      out += block->id + " " + model::plain_text(block->inlines) + "\n";
    }
  }
  return out;
}

// "text → article#id" for each link of the first article, a line each.
std::string links(const Compiled& compiled) {
  std::string out;
  model::Walker walk(compiled.book.articles.at(0).blocks);
  while (walk.next()) {
    const model::Inline* run = walk.inline_node();
    if (walk.event() == model::WalkEvent::enter && run && run->kind == model::InlineKind::link) {
      out += model::plain_text(run->children) + " → " + run->target_article + run->target + "\n";
    }
  }
  return out;
}

}  // namespace

TEST_SUITE("pipeline.plain_text") {
  TEST_CASE("the seeds' outline entries lead to their headings, by GitHub's ids") {
    const Compiled compiled = compile_txt(
        "Kratom's summary line.\n"
        "- Kratom's Role\n"
        "- Dosing -- Safely\n"
        "- It's here\n"
        "Kratom's Role\n"
        "Body.\n"
        "Dosing -- Safely\n"
        "Body.\n"
        "It’s here\n"
        "Body.\n");
    CHECK(headings(compiled) ==
          "kratoms-role Kratom’s Role\n"
          "dosing--safely Dosing – Safely\n"
          "its-here It’s here\n");
    CHECK(links(compiled) ==
          "Kratom’s Role → a01-listed#kratoms-role\n"
          "Dosing – Safely → a01-listed#dosing--safely\n"
          "It’s here → a01-listed#its-here\n");
    CHECK(compiled.diagnostics == "");
  }

  TEST_CASE("a repeated outline entry leads to the repeated heading, numbered as GitHub numbers it") {
    const Compiled compiled = compile_txt("Lead.\n- A\n- B\n- A\nB\nA\nB\nA\n");
    CHECK(headings(compiled) == "a A\nb B\na-1 A\n");
    CHECK(links(compiled) == "A → a01-listed#a\nB → a01-listed#b\nA → a01-listed#a-1\n");
    CHECK(compiled.diagnostics == "");
  }

  TEST_CASE("hard-wrapped text: underlined, capitals and appendix headings get GitHub's ids") {
    CHECK(headings(compile_txt("Title of It\n===========\n\nText.\n\nA Section\n---------\nMore text\non two "
                               "lines.\n")) == "title-of-it Title of It\na-section A Section\n");
    CHECK(headings(compile_txt("Creative Commons Legal Code\n\nSome text in a paragraph\nwrapped onto lines.\n\nTERMS "
                               "AND CONDITIONS\n\nText.\n\nAPPENDIX: How to apply.\n\nText.\n")) ==
          "creative-commons-legal-code Creative Commons Legal Code\n"
          "terms-and-conditions TERMS AND CONDITIONS\n"
          "appendix-how-to-apply APPENDIX: How to apply.\n");
  }

  TEST_CASE(
      "hard-wrapped text: centred and numbered headings get ids; one with a digit first takes 's-', as XML IDs need") {
    const Compiled compiled = compile_txt(
        "                        A CENTRED TITLE\n"
        "                     Version 1, a subtitle\n"
        "\n"
        "Text wrapped at the usual width for plain text, so that the reader\n"
        "learns from five full lines where the lines end and how wide the\n"
        "text is when it is full, which tells centred lines apart from the\n"
        "others; this paragraph has the lines it takes, and one more to\n"
        "end on.\n"
        "\n"
        "  0. Definitions.\n"
        "\n"
        "  Text.\n"
        "\n"
        "  1. Source Code.\n"
        "\n"
        "  Text.\n");
    CHECK(headings(compiled) ==
          "a-centred-title A CENTRED TITLE\n"
          "s-0-definitions 0. Definitions.\n"
          "s-1-source-code 1. Source Code.\n");
    CHECK(compiled.diagnostics == "");
  }

  TEST_CASE("hard-wrapped text: a heading inside a framed box gets an id too") {
    CHECK(headings(
              compile_txt("Text before the box, wrapped.\n\n********************\n*                  *\n*  6. "
                          "Disclaimer   *\n*  -------------   *\n*                  *\n*  Provided as is, *\n*  "
                          "without any     *\n*  warranty.       *\n*                  *\n********************\n")) ==
          "s-6-disclaimer 6. Disclaimer\n");
  }

  TEST_CASE("hard-wrapped text: headings of the same text get distinct ids in document order") {
    CHECK(headings(compile_txt("PART\n\nText.\n\nPART\n\nMore.\n")) == "part PART\npart-1 PART\n");
  }
}
