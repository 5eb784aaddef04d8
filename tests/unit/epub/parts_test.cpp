#include <doctest/doctest.h>

#include "collected_files.hpp"
#include "epub/contents_xhtml.hpp"
#include "epub/epub_writer.hpp"
#include "epub/navigation_document.hpp"
#include "epub/ncx_document.hpp"
#include "epub/part_xhtml.hpp"
#include "epub_test_book.hpp"

using namespace octavo;

namespace {

// The test book's two articles in a part "Drinks", the second also in its sub-part "Roasted",
// and a third article outside any part.
model::Book book_with_parts() {
  model::Book book = test::book();
  book.articles.push_back(test::plain_article("a03-water", "Water"));
  book.parts = {{"p01-drinks", "Drinks", "drinks", model::no_part, 0, 2, {}},
                {"p02-roasted", "Roasted", "drinks/roasted", 0, 1, 1, {}}};
  book.articles[0].part = 0;
  book.articles[1].part = 1;
  model::ContentsEntry roasted{"Roasted", "", "", {book.contents[1]}, "p02-roasted"};
  model::ContentsEntry drinks{"Drinks", "", "", {book.contents[0], roasted}, "p01-drinks"};
  book.contents = {drinks, {"Water", "a03-water", "", {}}};
  return book;
}

std::string file(const model::Book& book, const std::string& path) {
  for (const test::EpubFile& each : test::epub_files(book, {"body {}"})) {
    if (each.path == path) return each.content;
  }
  return {};
}

}  // namespace

TEST_SUITE("epub.parts") {
  TEST_CASE("a part's page: its title as h1, in a doc-part section") {
    const model::Part part{"p01-drinks", "Drinks & more", "drinks", model::no_part, 0, 1, {}};
    CHECK(test::body(epub::part_xhtml(part, "en")) ==
          "<body>\n"
          "<section id=\"p01-drinks\" class=\"part\" epub:type=\"part\" role=\"doc-part\">\n"
          "<h1>Drinks &amp; more</h1>\n"
          "</section>\n"
          "</body>");
    const model::Part blank{"p01-x", " ", "x", model::no_part, 0, 1, {}};
    CHECK(epub::part_xhtml(blank, "en").find("<h1>Untitled part</h1>") != std::string::npos);
  }

  TEST_CASE("each part's page comes right before its first article in the spine, the outer part first") {
    const std::string opf = file(book_with_parts(), "EPUB/package.opf");
    CHECK(test::excerpt(opf, "<spine", "</spine>") ==
          "<spine toc=\"ncx\">\n"
          "<itemref idref=\"title-page\"/>\n"
          "<itemref idref=\"disclaimer\"/>\n"
          "<itemref idref=\"contents\"/>\n"
          "<itemref idref=\"part-p01-drinks\"/>\n"
          "<itemref idref=\"article-a01-tea\"/>\n"
          "<itemref idref=\"part-p02-roasted\"/>\n"
          "<itemref idref=\"article-a02-coffee\"/>\n"
          "<itemref idref=\"article-a03-water\"/>\n"
          "<itemref idref=\"sources\"/>\n"
          "</spine>");
    CHECK(opf.find(
              "<item id=\"part-p01-drinks\" href=\"text/p01-drinks.xhtml\" media-type=\"application/xhtml+xml\"/>") !=
          std::string::npos);
    CHECK(file(book_with_parts(), "EPUB/text/p02-roasted.xhtml").find("<h1>Roasted</h1>") != std::string::npos);
  }

  TEST_CASE("the toc nav lists each part one level above its articles and sub-parts") {
    CHECK(test::excerpt(epub::navigation_document(book_with_parts()), "<li><a href=\"text/contents.xhtml\">",
                        "<li><a href=\"text/sources.xhtml\">") ==
          "<li><a href=\"text/contents.xhtml\">Contents</a></li>\n"
          "<li>\n<a href=\"text/p01-drinks.xhtml\">Drinks</a>\n<ol>\n"
          "<li>\n<a href=\"text/a01-tea.xhtml\">Tea</a>\n<ol>\n"
          "<li><a href=\"text/a01-tea.xhtml#brewing\">Brewing</a></li>\n</ol>\n</li>\n"
          "<li>\n<a href=\"text/p02-roasted.xhtml\">Roasted</a>\n<ol>\n"
          "<li>\n<a href=\"text/a02-coffee.xhtml\">Coffee</a>\n<ol>\n"
          "<li><a href=\"text/a02-coffee.xhtml#beans\">Beans</a></li>\n</ol>\n</li>\n"
          "</ol>\n</li>\n"
          "</ol>\n</li>\n"
          "<li><a href=\"text/a03-water.xhtml\">Water</a></li>\n"
          "<li><a href=\"text/sources.xhtml\">");
  }

  TEST_CASE("the body starts at the title page of the part that opens with the first article") {
    CHECK(epub::navigation_document(book_with_parts())
              .find("<a epub:type=\"bodymatter\" href=\"text/p01-drinks.xhtml\">") != std::string::npos);
  }

  TEST_CASE("the NCX nests as deep as the parts go") {
    const std::string ncx = epub::ncx_document(book_with_parts());
    CHECK(ncx.find("<meta name=\"dtb:depth\" content=\"4\"/>") != std::string::npos);
    CHECK(test::excerpt(ncx, "<navPoint id=\"navpoint-6\"", "</navPoint>") ==
          "<navPoint id=\"navpoint-6\" playOrder=\"6\">\n"
          "<navLabel><text>Roasted</text></navLabel>\n"
          "<content src=\"text/p02-roasted.xhtml\"/>\n"
          "<navPoint id=\"navpoint-7\" playOrder=\"7\">\n"
          "<navLabel><text>Coffee</text></navLabel>\n"
          "<content src=\"text/a02-coffee.xhtml\"/>\n"
          "<navPoint id=\"navpoint-8\" playOrder=\"8\">\n"
          "<navLabel><text>Beans</text></navLabel>\n"
          "<content src=\"text/a02-coffee.xhtml#beans\"/>\n"
          "</navPoint>");
  }

  TEST_CASE("the contents page has the same tree; an entry for a part without a page is left out") {
    model::Book book = book_with_parts();
    book.contents.push_back({"Ghost", "", "", {{"Water", "a03-water", "", {}}}, "p09-ghost"});
    CHECK(test::excerpt(epub::contents_xhtml(book), "<ol class=\"contents\">", "</ol>\n</nav>") ==
          "<ol class=\"contents\">\n"
          "<li>\n<a href=\"p01-drinks.xhtml\">Drinks</a>\n<ol>\n"
          "<li>\n<a href=\"a01-tea.xhtml\">Tea</a>\n<ol>\n"
          "<li><a href=\"a01-tea.xhtml#brewing\">Brewing</a></li>\n</ol>\n</li>\n"
          "<li>\n<a href=\"p02-roasted.xhtml\">Roasted</a>\n<ol>\n"
          "<li>\n<a href=\"a02-coffee.xhtml\">Coffee</a>\n<ol>\n"
          "<li><a href=\"a02-coffee.xhtml#beans\">Beans</a></li>\n</ol>\n</li>\n"
          "</ol>\n</li>\n"
          "</ol>\n</li>\n"
          "<li>\n<a href=\"a03-water.xhtml\">Water</a>\n</li>\n"
          "<li><a href=\"sources.xhtml\">Sources</a></li>\n"
          "</ol>\n</nav>");
  }
}
