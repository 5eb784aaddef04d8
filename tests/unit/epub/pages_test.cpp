#include <doctest/doctest.h>

#include "epub/contents_xhtml.hpp"
#include "epub/disclaimer_xhtml.hpp"
#include "epub/sources_xhtml.hpp"
#include "epub/title_page_xhtml.hpp"
#include "epub_test_book.hpp"

using namespace octavo;

namespace {

std::string body(const std::string& page) { return test::excerpt(page, "<body>", "</body>"); }

}  // namespace

TEST_SUITE("epub.title_page_xhtml") {
  TEST_CASE("title, subtitle, authors, editor, publisher and date") {
    model::Metadata metadata = test::metadata();
    metadata.authors.push_back("Bo " + test::hostile);
    const std::string page = epub::title_page_xhtml(metadata);
    CHECK(page.find("<title>Leaves</title>") != std::string::npos);
    CHECK(page.find("lang=\"en-GB\" xml:lang=\"en-GB\"") != std::string::npos);
    CHECK(body(page) ==
          "<body>\n"
          "<section id=\"title-page\" class=\"title-page\" epub:type=\"titlepage\">\n"
          "<h1 class=\"title\">Leaves</h1>\n"
          "<p class=\"subtitle\">A reader</p>\n"
          "<p class=\"author\">Ann Author</p>\n"
          "<p class=\"author\">Bo &lt;script&gt;x&lt;/script&gt; &amp; ]]&gt;  .</p>\n"
          "<p class=\"editor\">Edited by Ed Itor</p>\n"
          "<p class=\"publisher\">Octavo Press</p>\n"
          "<p class=\"date\">2024-05-01</p>\n"
          "</section>\n"
          "</body>");
  }

  TEST_CASE("empty fields leave out their lines; a blank title reads Untitled") {
    model::Metadata metadata;
    metadata.title = "\x01";
    CHECK(body(epub::title_page_xhtml(metadata)) ==
          "<body>\n"
          "<section id=\"title-page\" class=\"title-page\" epub:type=\"titlepage\">\n"
          "<h1 class=\"title\">Untitled</h1>\n"
          "</section>\n"
          "</body>");
  }
}

TEST_SUITE("epub.disclaimer_xhtml") {
  TEST_CASE("a preamble section with the title and the paragraphs") {
    model::Section disclaimer{"disclaimer", "Read this first", {test::paragraph("Unreviewed " + test::hostile)}};
    const std::string page = epub::disclaimer_xhtml(disclaimer, "fr");
    CHECK(page.find("<title>Read this first</title>") != std::string::npos);
    CHECK(page.find("lang=\"fr\" xml:lang=\"fr\"") != std::string::npos);
    CHECK(body(page) ==
          "<body>\n"
          "<section id=\"disclaimer\" class=\"disclaimer\" epub:type=\"preamble\">\n"
          "<h1>Read this first</h1>\n"
          "<p>Unreviewed &lt;script&gt;x&lt;/script&gt; &amp; ]]&gt;  .</p>\n"
          "</section>\n"
          "</body>");
  }
}

TEST_SUITE("epub.contents_xhtml") {
  TEST_CASE("every article with its sections, then Sources") {
    CHECK(
        body(epub::contents_xhtml(test::book())) ==
        "<body>\n"
        "<nav id=\"contents\" class=\"contents\" epub:type=\"toc\" role=\"doc-toc\">\n"
        "<h1>Contents</h1>\n"
        "<ol class=\"contents\">\n"
        "<li>\n<a href=\"a01-tea.xhtml\">Tea</a>\n<ol>\n<li><a href=\"a01-tea.xhtml#brewing\">Brewing</a></li>\n</ol>\n"
        "</li>\n"
        "<li>\n<a href=\"a02-coffee.xhtml\">Coffee</a>\n<ol>\n"
        "<li><a href=\"a02-coffee.xhtml#beans\">Beans</a></li>\n</ol>\n</li>\n"
        "<li><a href=\"sources.xhtml\">Sources</a></li>\n"
        "</ol>\n"
        "</nav>\n"
        "</body>");
  }

  TEST_CASE("an entry for a missing article is left out; a missing anchor links to the article") {
    model::Book book = test::book();
    book.contents[0].children[0].anchor = "gone";
    book.contents.push_back({"Ghost", "a99-ghost", "", {{"Boo", "a99-ghost", "boo", {}}}});
    const std::string page = epub::contents_xhtml(book);
    CHECK(page.find("<li><a href=\"a01-tea.xhtml\">Brewing</a></li>") != std::string::npos);
    CHECK(page.find("Ghost") == std::string::npos);
    CHECK(page.find("Boo") == std::string::npos);
  }
}

TEST_SUITE("epub.sources_xhtml") {
  TEST_CASE("an entry per article, linked back to its source note, with the same fields") {
    CHECK(body(epub::sources_xhtml(test::book())) ==
          "<body>\n"
          "<section id=\"sources\" class=\"sources\" epub:type=\"appendix\" role=\"doc-appendix\">\n"
          "<h1>Sources</h1>\n"
          "<section id=\"source-a01-tea\" class=\"sources-entry\">\n"
          "<h2><a href=\"a01-tea.xhtml#a01-tea-note\">Tea</a></h2>\n"
          "<dl>\n"
          "<dt>Source</dt>\n"
          "<dd><a href=\"https://example.com/tea\">https://example.com/tea</a></dd>\n"
          "<dt>SHA-256</dt>\n"
          "<dd>00ff</dd>\n"
          "</dl>\n"
          "</section>\n"
          "<section id=\"source-a02-coffee\" class=\"sources-entry\">\n"
          "<h2><a href=\"a02-coffee.xhtml#a02-coffee-note\">Coffee</a></h2>\n"
          "<dl>\n"
          "<dt>Corpus file</dt>\n"
          "<dd>a02-coffee.md</dd>\n"
          "</dl>\n"
          "</section>\n"
          "</section>\n"
          "</body>");
  }

  TEST_CASE("a field href that is not a web or mail address is not a link") {
    model::Book book = test::book();
    book.articles[1].source_note.fields = {{"Source", "local copy", "file:///tmp/x"}};
    CHECK(epub::sources_xhtml(book).find("<dd>local copy</dd>") != std::string::npos);
  }
}
