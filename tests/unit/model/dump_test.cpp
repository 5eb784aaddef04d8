#include <doctest/doctest.h>

#include <string>

#include "model/book.hpp"
#include "model/dump.hpp"

using namespace octavo::model;

namespace {

Block container(BlockKind kind, std::vector<Block> children, octavo::core::SourceLocation at) {
  Block block;
  block.kind = kind;
  block.children = std::move(children);
  block.location = std::move(at);
  return block;
}

Inline span(InlineKind kind, std::string text = {}, std::vector<Inline> children = {}) {
  Inline run;
  run.kind = kind;
  run.text = std::move(text);
  run.children = std::move(children);
  return run;
}

// A small book that uses every block and inline kind, every role and every book-level part.
Book sample_book() {
  Book book;
  book.metadata.title = "A \"Quoted\" Title";
  book.metadata.authors = {"Ann", "Bob"};
  book.metadata.date = "2026-11-23";
  book.metadata.corpus_name = "corpus";
  book.disclaimer_text = "Line one.\n\nLine two.";
  book.disclaimer.id = disclaimer_id;
  book.disclaimer.title = "Disclaimer";
  book.disclaimer.blocks.push_back(paragraph_block({text_inline("Unreviewed.")}));
  book.contents.push_back({"First", "a01-first", "", {{"Part", "a01-first", "part", {}}}});

  Article article;
  article.id = "a01-first";
  article.title = "First";
  article.location = {"a.md", 1, 1};
  article.provenance = {"a.md", "https://x.org", "2025-01-31", "", "abc123", 42};
  article.source_note.fields = {{"Source", "https://x.org", "https://x.org"}, {"Words", "42", ""}};

  Block summary = paragraph_block({text_inline("Sum\tmary\x01")}, {"a.md", 2, 1});
  summary.role = BlockRole::summary;
  article.blocks.push_back(std::move(summary));
  Block outline = container(
      BlockKind::bullet_list,
      {container(BlockKind::list_item, {paragraph_block({link_inline("#part", {text_inline("Part")})}, {"a.md", 3, 3})},
                 {"a.md", 3, 1})},
      {"a.md", 3, 1});
  outline.role = BlockRole::outline;
  article.blocks.push_back(std::move(outline));
  Block heading = heading_block(1, {text_inline("Part")}, {"a.md", 5, 1});
  heading.id = "part";
  article.blocks.push_back(std::move(heading));
  article.blocks.push_back(
      paragraph_block({span(InlineKind::emphasis, "", {text_inline("em")}), span(InlineKind::soft_break),
                       span(InlineKind::strong, "", {text_inline("strong")}), span(InlineKind::hard_break),
                       span(InlineKind::code, "x < y")},
                      {"a.md", 6, 1}));
  Block ordered = container(
      BlockKind::ordered_list,
      {container(BlockKind::list_item, {paragraph_block({text_inline("three")}, {"a.md", 8, 4})}, {"a.md", 8, 1})},
      {"a.md", 8, 1});
  ordered.start = 3;
  ordered.numbering = ListNumbering::lower_roman;
  article.blocks.push_back(std::move(ordered));
  article.blocks.push_back(container(BlockKind::block_quote,
                                     {paragraph_block({text_inline("quoted")}, {"other.md", 9, 3})}, {"a.md", 9, 1}));
  Block code;
  code.kind = BlockKind::code_block;
  code.text = "line 1\nline \"2\"";
  code.location = {"a.md", 10, 1};
  article.blocks.push_back(std::move(code));
  article.blocks.push_back(container(BlockKind::thematic_break, {}, {}));
  book.articles.push_back(std::move(article));
  return book;
}

}  // namespace

TEST_SUITE("model.dump") {
  TEST_CASE("golden: the dump of a book that uses every node kind") {
    CHECK(dump_book(sample_book()) ==
          "book\n"
          "  metadata\n"
          "    title \"A \\\"Quoted\\\" Title\"\n"
          "    subtitle \"\"\n"
          "    authors [\"Ann\", \"Bob\"]\n"
          "    editor \"\"\n"
          "    language \"en\"\n"
          "    publisher \"\"\n"
          "    date \"2026-11-23\"\n"
          "    modified \"\"\n"
          "    identifier \"\"\n"
          "    slug \"\"\n"
          "    corpus_name \"corpus\"\n"
          "    generator \"\"\n"
          "  disclaimer_text \"Line one.\\n\\nLine two.\"\n"
          "  disclaimer id=\"disclaimer\" title=\"Disclaimer\"\n"
          "    paragraph @?\n"
          "      text \"Unreviewed.\"\n"
          "  contents\n"
          "    entry \"First\" article=\"a01-first\" anchor=\"\"\n"
          "      entry \"Part\" article=\"a01-first\" anchor=\"part\"\n"
          "  article id=\"a01-first\" title=\"First\" @a.md:1:1\n"
          "    provenance file=\"a.md\" source=\"https://x.org\" retrieved=\"2025-01-31\" author=\"\"\n"
          "      sha256 \"abc123\" words=42\n"
          "    source_note\n"
          "      field \"Source\" \"https://x.org\" href=\"https://x.org\"\n"
          "      field \"Words\" \"42\"\n"
          "    blocks\n"
          "      paragraph role=summary @2:1\n"
          "        text \"Sum\\tmary\\x01\"\n"
          "      bullet_list role=outline @3:1\n"
          "        list_item @3:1\n"
          "          paragraph @3:3\n"
          "            link \"#part\"\n"
          "              text \"Part\"\n"
          "      heading level=1 id=\"part\" @5:1\n"
          "        text \"Part\"\n"
          "      paragraph @6:1\n"
          "        emphasis\n"
          "          text \"em\"\n"
          "        soft_break\n"
          "        strong\n"
          "          text \"strong\"\n"
          "        hard_break\n"
          "        code \"x < y\"\n"
          "      ordered_list start=3 numbering=lower_roman @8:1\n"
          "        list_item @8:1\n"
          "          paragraph @8:4\n"
          "            text \"three\"\n"
          "      block_quote @9:1\n"
          "        paragraph @other.md:9:3\n"
          "          text \"quoted\"\n"
          "      code_block @10:1\n"
          "        text \"line 1\\nline \\\"2\\\"\"\n"
          "      thematic_break @?\n");
  }

  TEST_CASE("dump_article and dump_blocks start at indent 0") {
    const Book book = sample_book();
    CHECK(dump_article(book.articles[0]).starts_with("article id=\"a01-first\" title=\"First\" @a.md:1:1\n"));
    CHECK(dump_blocks({book.articles[0].blocks[2]}, "a.md") == "heading level=1 id=\"part\" @5:1\n  text \"Part\"\n");
    CHECK(dump_blocks({}) == "");
  }

  TEST_CASE("the kinds of real-world content show every field that sets them apart") {
    Book book;
    Part part;
    part.id = "p01-guide";
    part.title = "Guide";
    part.folder = "guide";
    part.article_count = 1;
    part.location = {"guide/README.md", 1, 1};
    book.parts.push_back(part);
    book.contents.push_back({"Guide", "", "", {{"Intro", "a01-intro", "", {}}}, "p01-guide"});

    Article article;
    article.id = "a01-intro";
    article.title = "Intro";
    article.language = "de";
    article.part = 0;
    article.location = {"guide/intro.md", 1, 1};
    article.provenance.date = "2024-05-01";
    article.provenance.description = "A summary.";

    Block cell = container(BlockKind::table_cell, {paragraph_block({text_inline("n")})}, {"guide/intro.md", 3, 3});
    cell.role = BlockRole::header;
    cell.align = Align::right;
    cell.colspan = 2;
    Block row = container(BlockKind::table_row, {cell}, {"guide/intro.md", 3, 1});
    row.role = BlockRole::header;
    article.blocks.push_back(container(BlockKind::table, {row}, {"guide/intro.md", 3, 1}));
    Block item = container(BlockKind::list_item, {}, {"guide/intro.md", 5, 1});
    item.task = TaskState::done;
    article.blocks.push_back(container(BlockKind::bullet_list, {item}, {"guide/intro.md", 5, 1}));
    Inline ref = span(InlineKind::footnote_ref, "1");
    ref.target = "fn-1";
    ref.id = "fnref-1";
    Inline link = link_inline("#top", {text_inline("ch2")});
    link.target_article = "a02-ch2";
    article.blocks.push_back(paragraph_block(
        {span(InlineKind::strikethrough, "", {text_inline("old")}),
         span(InlineKind::superscript, "", {text_inline("2")}), span(InlineKind::subscript, "", {text_inline("i")}),
         span(InlineKind::keyboard, "", {text_inline("Ctrl")}), ref, link},
        {"guide/intro.md", 6, 1}));
    article.footnotes.push_back(
        {"fn-1", "note", {paragraph_block({text_inline("A note.")})}, {"guide/intro.md", 8, 1}});
    book.articles.push_back(std::move(article));

    const std::string dump = dump_book(book);
    CHECK(dump.find("  contents\n"
                    "    entry \"Guide\" part=\"p01-guide\"\n"
                    "      entry \"Intro\" article=\"a01-intro\" anchor=\"\"\n"
                    "  part id=\"p01-guide\" title=\"Guide\" folder=\"guide\" parent=none articles=0+1 "
                    "@guide/README.md:1:1\n"
                    "  article id=\"a01-intro\" title=\"Intro\" lang=\"de\" part=0 @guide/intro.md:1:1\n") !=
          std::string::npos);
    CHECK(dump.find("      date=\"2024-05-01\" description=\"A summary.\"\n") != std::string::npos);
    CHECK(dump.find("      table @3:1\n"
                    "        table_row role=header @3:1\n"
                    "          table_cell role=header align=right colspan=2 @3:3\n"
                    "            paragraph @?\n"
                    "              text \"n\"\n"
                    "      bullet_list @5:1\n"
                    "        list_item task=done @5:1\n"
                    "      paragraph @6:1\n"
                    "        strikethrough\n"
                    "          text \"old\"\n"
                    "        superscript\n"
                    "          text \"2\"\n"
                    "        subscript\n"
                    "          text \"i\"\n"
                    "        keyboard\n"
                    "          text \"Ctrl\"\n"
                    "        footnote_ref \"1\" \"fn-1\" id=\"fnref-1\"\n"
                    "        link \"#top\" article=\"a02-ch2\"\n"
                    "          text \"ch2\"\n"
                    "    footnotes\n"
                    "      footnote id=\"fn-1\" label=\"note\" @8:1\n"
                    "        paragraph @?\n"
                    "          text \"A note.\"\n") != std::string::npos);
    CHECK(plain_text(book.articles[0].blocks[2].inlines) == "old2iCtrl1ch2");
  }

  TEST_CASE("an empty book still shows every field") {
    const std::string dump = dump_book(Book{});
    CHECK(dump.starts_with("book\n  metadata\n    title \"\"\n"));
    CHECK(dump.ends_with("  disclaimer id=\"\" title=\"\"\n  contents\n"));
  }
}
