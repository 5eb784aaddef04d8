#include <doctest/doctest.h>

#include <functional>

#include "book_builder.hpp"
#include "core/diagnostics.hpp"
#include "model/inline.hpp"
#include "transform/apply_transforms.hpp"
#include "transform/build_contents.hpp"
#include "transform/write_source_notes.hpp"

using namespace octavo;

namespace {

std::string note_text(const model::Article& article) {
  std::string text;
  for (const auto& field : article.source_note.fields) {
    text += field.label + ": " + field.value + (field.href.empty() ? "" : " <" + field.href + ">") + "\n";
  }
  return text;
}

}  // namespace

TEST_SUITE("transform.build_contents") {
  TEST_CASE("articles with their top-level sections, one level down") {
    model::Book book;
    book.articles = {test::article("First", {test::heading(2, "Deep", "deep"), test::heading(1, "One", "one"),
                                             test::heading(2, "Sub", "sub"), test::heading(1, "Two", "two")}),
                     test::article("Second", {test::paragraph("no headings")})};
    book.articles[0].id = "a01-first";
    book.articles[1].id = "a02-second";
    transform::build_contents(book);
    REQUIRE(book.contents.size() == 2);
    CHECK(book.contents[0].title == "First");
    REQUIRE(book.contents[0].children.size() == 2);
    CHECK(book.contents[0].children[0].anchor == "one");
    CHECK(book.contents[0].children[1].title == "Two");
    CHECK(book.contents[0].children[1].article_id == "a01-first");
    CHECK(book.contents[1].children.empty());
  }

  TEST_CASE("parts are a level above their articles; nested folders are nested parts") {
    model::Book book;
    for (const char* title : {"Intro", "One", "Two", "Three", "Outro"})
      book.articles.push_back(test::article(title, {}));
    // "a" holds One and Two, and "a/b" holds Three; Intro and Outro lie in the root.
    book.parts.resize(2);
    book.parts[0] = {"p01-a", "Part A", "a", model::no_part, 1, 3, {}};
    book.parts[1] = {"p02-b", "Part B", "a/b", 0, 3, 1, {}};
    book.articles[1].part = book.articles[2].part = 0;
    book.articles[3].part = 1;
    for (std::size_t i = 0; i < book.articles.size(); ++i) book.articles[i].id = "a0" + std::to_string(i + 1);
    transform::build_contents(book);
    std::string tree;
    std::function<void(const std::vector<model::ContentsEntry>&, int)> show =
        [&](const std::vector<model::ContentsEntry>& entries, int depth) {
          for (const model::ContentsEntry& entry : entries) {
            tree += std::string(static_cast<std::size_t>(depth) * 2, ' ') + entry.title +
                    (entry.part_id.empty() ? " → " + entry.article_id : " [" + entry.part_id + "]") + "\n";
            show(entry.children, depth + 1);
          }
        };
    show(book.contents, 0);
    CHECK(tree ==
          "Intro → a01\n"
          "Part A [p01-a]\n"
          "  One → a02\n"
          "  Two → a03\n"
          "  Part B [p02-b]\n"
          "    Three → a04\n"
          "Outro → a05\n");
  }
}

TEST_SUITE("transform.write_source_notes") {
  TEST_CASE("a note with nothing recorded says so and never invents provenance") {
    model::Book book;
    book.articles = {test::article("T", {test::paragraph("One two three."), test::heading(1, "Four five")}, "x.txt")};
    transform::write_source_notes(book);
    CHECK(note_text(book.articles[0]) ==
          "Source: not recorded\nRetrieved: not recorded\nCorpus file: x.txt\nSHA-256: 00ff\nWords: 5\n"
          "Review status: unreviewed: not checked by editors or experts\n");
  }

  TEST_CASE("a web source is linked; free text is not") {
    model::Book book;
    book.articles = {test::article("T", {}), test::article("U", {})};
    book.articles[0].provenance.source = "https://example.org/a?b=1&c=2";
    book.articles[0].provenance.retrieved = "2025-01-31";
    book.articles[0].provenance.author = "A. Writer";
    book.articles[1].provenance.source = "Printed leaflet, 2019";
    transform::write_source_notes(book);
    CHECK(note_text(book.articles[0]) ==
          "Source: https://example.org/a?b=1&c=2 <https://example.org/a?b=1&c=2>\nRetrieved: 2025-01-31\n"
          "Author: A. Writer\nCorpus file: a.txt\nSHA-256: 00ff\nWords: 0\n"
          "Review status: unreviewed: not checked by editors or experts\n");
    CHECK(book.articles[1].source_note.fields[0].href.empty());
  }

  TEST_CASE("the outline is not counted twice") {
    model::Book book;
    model::Block outline;
    outline.kind = model::BlockKind::bullet_list;
    outline.role = model::BlockRole::outline;
    model::Block item;
    item.kind = model::BlockKind::list_item;
    item.children = {test::paragraph("Section words")};
    outline.children = {item};
    book.articles = {test::article("T", {outline, test::heading(1, "Section words")})};
    transform::write_source_notes(book);
    CHECK(book.articles[0].provenance.word_count == 2);
  }

  TEST_CASE("the front matter's date and description are printed when given, after the author") {
    model::Book book;
    book.articles = {test::article("T", {})};
    book.articles[0].provenance.author = "A. Writer";
    book.articles[0].provenance.date = "2019-01-02 10:00";
    book.articles[0].provenance.description = "What the article is about.";
    transform::write_source_notes(book);
    CHECK(note_text(book.articles[0]) ==
          "Source: not recorded\nRetrieved: not recorded\nAuthor: A. Writer\nPublished: 2019-01-02 10:00\n"
          "Summary: What the article is about.\nCorpus file: a.txt\nSHA-256: 00ff\nWords: 0\n"
          "Review status: unreviewed: not checked by editors or experts\n");
  }

  TEST_CASE("the words of footnotes count as the article's") {
    model::Book book;
    book.articles = {test::article("T", {test::paragraph("One two.")})};
    model::Footnote note;
    note.id = "fn-1";
    note.blocks = {test::paragraph("Three four five.")};
    book.articles[0].footnotes.push_back(note);
    transform::write_source_notes(book);
    CHECK(book.articles[0].provenance.word_count == 5);
  }
}

TEST_SUITE("transform.apply_transforms") {
  model::Book two_article_book() {
    model::Book book;
    book.metadata.title = "Notes on Sleep";
    book.metadata.corpus_name = "corpus";
    book.articles = {test::article("One", {}, "1.txt"), test::article("Two", {}, "2.txt")};
    book.articles[1].provenance.retrieved = "2024-03-05";
    return book;
  }

  TEST_CASE("the disclaimer is always there, says unreviewed, and names the corpus") {
    model::Book book = two_article_book();
    core::DiagnosticList sink;
    transform::apply_transforms(book, {}, sink);
    REQUIRE(book.disclaimer.blocks.size() == 4);
    CHECK(book.disclaimer.id == "disclaimer");
    CHECK(book.disclaimer.title == "Unreviewed content");
    CHECK(model::plain_text(book.disclaimer.blocks[0].inlines).find("have not been reviewed") != std::string::npos);
    CHECK(model::plain_text(book.disclaimer.blocks[1].inlines).find("medical") != std::string::npos);
    CHECK(model::plain_text(book.disclaimer.blocks[3].inlines) ==
          "This book was compiled by Octavo from the corpus \u201c"
          "corpus\u201d (2 articles), exactly as found there.");
  }

  TEST_CASE("custom wording keeps the paragraph that names the corpus") {
    model::Book book = two_article_book();
    book.disclaimer_text = "  Nobody checked this.\n\n  Really nobody.\n";
    core::DiagnosticList sink;
    transform::apply_transforms(book, {}, sink);
    REQUIRE(book.disclaimer.blocks.size() == 3);
    CHECK(model::plain_text(book.disclaimer.blocks[0].inlines) == "Nobody checked this.");
    CHECK(model::plain_text(book.disclaimer.blocks[1].inlines) == "Really nobody.");
  }

  TEST_CASE("dates: manifest, then SOURCE_DATE_EPOCH, then the latest retrieval, then the epoch") {
    core::DiagnosticList sink;
    model::Book from_retrieval = two_article_book();
    transform::apply_transforms(from_retrieval, {}, sink);
    CHECK(from_retrieval.metadata.date == "2024-03-05");
    CHECK(from_retrieval.metadata.modified == "2024-03-05T00:00:00Z");

    model::Book from_epoch = two_article_book();
    transform::apply_transforms(from_epoch, {core::timestamp_from_epoch(1700000000), "Octavo 9"}, sink);
    CHECK(from_epoch.metadata.modified == "2023-11-14T22:13:20Z");
    CHECK(from_epoch.metadata.generator == "Octavo 9");

    model::Book from_manifest = two_article_book();
    from_manifest.metadata.date = "2020-01-02";
    transform::apply_transforms(from_manifest, {core::timestamp_from_epoch(1700000000), ""}, sink);
    CHECK(from_manifest.metadata.date == "2020-01-02");

    model::Book nothing_known = two_article_book();
    nothing_known.articles[1].provenance.retrieved.clear();
    transform::apply_transforms(nothing_known, {}, sink);
    CHECK(nothing_known.metadata.modified == "1970-01-01T00:00:00Z");
  }

  TEST_CASE("identifier and slug are derived from content, stable, and change with it") {
    core::DiagnosticList sink;
    model::Book first = two_article_book();
    model::Book again = two_article_book();
    model::Book changed = two_article_book();
    changed.articles[0].provenance.sha256 = "11ee";
    transform::apply_transforms(first, {}, sink);
    transform::apply_transforms(again, {}, sink);
    transform::apply_transforms(changed, {}, sink);
    CHECK(first.metadata.identifier.rfind("urn:uuid:", 0) == 0);
    CHECK(first.metadata.identifier == again.metadata.identifier);
    CHECK(first.metadata.identifier != changed.metadata.identifier);
    CHECK(first.metadata.slug == "notes-on-sleep");
  }

  TEST_CASE("a slug from a long title is cut at a hyphen to at most 80 characters") {
    model::Book book = two_article_book();
    book.metadata.title.clear();
    for (int i = 1; i <= 40; ++i) book.metadata.title += "Kratom word " + std::to_string(i) + " ";
    core::DiagnosticList sink;
    transform::apply_transforms(book, {}, sink);
    CHECK(book.metadata.slug == "kratom-word-1-kratom-word-2-kratom-word-3-kratom-word-4-kratom-word-5-kratom");
    CHECK(sink.all().empty());
  }

  TEST_CASE("a long slug from book.toml is shortened with a warning") {
    model::Book book = two_article_book();
    book.metadata.slug = std::string(90, 'a');
    core::DiagnosticList sink;
    transform::apply_transforms(book, {}, sink);
    CHECK(book.metadata.slug == std::string(80, 'a'));
    CHECK(sink.to_string() == "book.toml: warning: slug '" + std::string(90, 'a') +
                                  "' is longer than 80 characters; using '" + std::string(80, 'a') + "'\n");
  }

  TEST_CASE("a slug that is not a plain file name is cleaned with a warning") {
    model::Book book = two_article_book();
    book.metadata.slug = "../My Book";
    core::DiagnosticList sink;
    transform::apply_transforms(book, {}, sink);
    CHECK(book.metadata.slug == "my-book");
    CHECK(sink.to_string() ==
          "book.toml: warning: slug '../My Book' is not a plain file name; using 'my-book'\n"
          "  hint: a slug is lower-case letters, digits and hyphens\n");
  }
}
