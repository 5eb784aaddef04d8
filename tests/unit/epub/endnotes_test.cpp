#include <doctest/doctest.h>

#include "epub_test_book.hpp"

using namespace octavo;

namespace {

model::Inline ref(int note, const std::string& id) {
  model::Inline run;
  run.kind = model::InlineKind::footnote_ref;
  run.target = "fn-" + std::to_string(note);
  run.text = std::to_string(note);
  run.id = id;
  return run;
}

model::Footnote note(int number, std::vector<model::Block> blocks) {
  return {"fn-" + std::to_string(number), "label" + std::to_string(number), std::move(blocks), {}};
}

// From the article's last block to its source note.
std::string notes_of(const std::string& page) {
  return test::excerpt(page, "<section class=\"endnotes\"", "</section>");
}

}  // namespace

TEST_SUITE("epub.endnotes") {
  TEST_CASE("references are superscript noterefs; the notes follow the text as endnotes with back-links") {
    model::Article article = test::plain_article(
        "a01-x", "X",
        {model::paragraph_block({model::text_inline("Tea"), ref(1, "fnref-1"), model::text_inline(" and coffee"),
                                 ref(2, "fnref-2"), model::text_inline(".")})});
    article.footnotes = {note(1, {test::paragraph("Green.")}), note(2, {test::paragraph("Black.")})};
    const std::string page = test::article_page(article);
    CHECK(page.find("<p>Tea<sup><a href=\"#fn-1\" id=\"fnref-1\" epub:type=\"noteref\" role=\"doc-noteref\">1</a>"
                    "</sup> and coffee<sup><a href=\"#fn-2\" id=\"fnref-2\" epub:type=\"noteref\" "
                    "role=\"doc-noteref\">2</a></sup>.</p>") != std::string::npos);
    CHECK(notes_of(page) ==
          "<section class=\"endnotes\" epub:type=\"endnotes\" role=\"doc-endnotes\">\n"
          "<h2>Notes</h2>\n"
          "<ol>\n"
          "<li id=\"fn-1\" epub:type=\"endnote\">\n"
          "<p>Green. <a href=\"#fnref-1\" role=\"doc-backlink\" aria-label=\"Back to the text\">\u21a9\ufe0e</a></p>\n"
          "</li>\n"
          "<li id=\"fn-2\" epub:type=\"endnote\">\n"
          "<p>Black. <a href=\"#fnref-2\" role=\"doc-backlink\" aria-label=\"Back to the text\">\u21a9\ufe0e</a></p>\n"
          "</li>\n"
          "</ol>\n"
          "</section>");
    // The endnotes come after the text and before the source note.
    CHECK(page.find("</p>\n<section class=\"endnotes\"") != std::string::npos);
    CHECK(page.find("</ol>\n</section>\n<section id=\"a01-x-note\"") != std::string::npos);
  }

  TEST_CASE("a note referenced several times links back to each reference, numbered") {
    model::Article article = test::plain_article("a01-x", "X",
                                                 {model::paragraph_block({ref(1, "fnref-1"), ref(1, "fnref-1-2")}),
                                                  model::paragraph_block({ref(1, "fnref-1-3")})});
    article.footnotes = {note(1, {test::paragraph("Once.")})};
    CHECK(test::excerpt(test::article_page(article), "<li id=\"fn-1\"", "</li>") ==
          "<li id=\"fn-1\" epub:type=\"endnote\">\n"
          "<p>Once. <a href=\"#fnref-1\" role=\"doc-backlink\" aria-label=\"Back to reference 1\">\u21a9\ufe0e1</a> "
          "<a href=\"#fnref-1-2\" role=\"doc-backlink\" aria-label=\"Back to reference 2\">\u21a9\ufe0e2</a> "
          "<a href=\"#fnref-1-3\" role=\"doc-backlink\" aria-label=\"Back to reference 3\">\u21a9\ufe0e3</a></p>\n"
          "</li>");
  }

  TEST_CASE("a note ending in other blocks gets its back-links in a paragraph of their own") {
    model::Article article = test::plain_article("a01-x", "X", {model::paragraph_block({ref(1, "fnref-1")})});
    model::Block code;
    code.kind = model::BlockKind::code_block;
    code.text = "x = 1";
    article.footnotes = {note(1, {test::paragraph("See:"), code})};
    CHECK(test::excerpt(test::article_page(article), "<li id=\"fn-1\"", "</li>") ==
          "<li id=\"fn-1\" epub:type=\"endnote\">\n"
          "<p>See:</p>\n"
          "<pre><code>x = 1</code></pre>\n"
          "<p class=\"back-links\"><a href=\"#fnref-1\" role=\"doc-backlink\" aria-label=\"Back to the text\">"
          "\u21a9\ufe0e</a></p>\n"
          "</li>");
  }

  TEST_CASE("a note may refer to a later note; the later one links back into the earlier") {
    model::Article article = test::plain_article("a01-x", "X", {model::paragraph_block({ref(1, "fnref-1")})});
    article.footnotes = {note(1, {model::paragraph_block({model::text_inline("See"), ref(2, "fnref-2")})}),
                         note(2, {test::paragraph("Two.")})};
    const std::string notes = notes_of(test::article_page(article));
    CHECK(notes.find("<p>See<sup><a href=\"#fn-2\" id=\"fnref-2\" epub:type=\"noteref\" role=\"doc-noteref\">2</a>"
                     "</sup> <a href=\"#fnref-1\"") != std::string::npos);
    CHECK(notes.find("<p>Two. <a href=\"#fnref-2\"") != std::string::npos);
  }

  TEST_CASE("a reference to no note stays a plain number; unreferenced notes have no back-links") {
    model::Article article = test::plain_article("a01-x", "X", {model::paragraph_block({ref(7, "fnref-7")})});
    article.footnotes = {note(1, {test::paragraph("Alone.")})};
    const std::string page = test::article_page(article);
    CHECK(page.find("<p><sup id=\"fnref-7\">7</sup></p>") != std::string::npos);
    CHECK(page.find("<li id=\"fn-1\" epub:type=\"endnote\">\n<p>Alone.</p>\n</li>") != std::string::npos);
  }

  TEST_CASE("no notes, no endnotes section; a foreign-language article keeps Notes in the book's language") {
    CHECK(test::article_page(test::full_article()).find("endnotes") == std::string::npos);
    model::Article article = test::plain_article("a01-x", "X", {model::paragraph_block({ref(1, "fnref-1")})});
    article.footnotes = {note(1, {test::paragraph("Eins.")})};
    article.language = "de";
    CHECK(test::article_page(article, "en").find("<h2 lang=\"en\" xml:lang=\"en\">Notes</h2>") != std::string::npos);
  }
}
