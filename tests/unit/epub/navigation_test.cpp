#include <doctest/doctest.h>

#include "epub/navigation_document.hpp"
#include "epub/ncx_document.hpp"
#include "epub_test_book.hpp"

using namespace octavo;

TEST_SUITE("epub.navigation_document") {
  TEST_CASE("toc nav: disclaimer, contents, articles with their sections, Sources") {
    CHECK(test::excerpt(epub::navigation_document(test::book()), "<nav id=\"toc\"", "</nav>") ==
          "<nav id=\"toc\" epub:type=\"toc\" role=\"doc-toc\">\n"
          "<h1>Contents</h1>\n"
          "<ol>\n"
          "<li><a href=\"text/disclaimer.xhtml\">Disclaimer</a></li>\n"
          "<li><a href=\"text/contents.xhtml\">Contents</a></li>\n"
          "<li>\n<a href=\"text/a01-tea.xhtml\">Tea</a>\n"
          "<ol>\n<li><a href=\"text/a01-tea.xhtml#brewing\">Brewing</a></li>\n</ol>\n</li>\n"
          "<li>\n<a href=\"text/a02-coffee.xhtml\">Coffee</a>\n"
          "<ol>\n<li><a href=\"text/a02-coffee.xhtml#beans\">Beans</a></li>\n</ol>\n</li>\n"
          "<li><a href=\"text/sources.xhtml\">Sources</a></li>\n"
          "</ol>\n"
          "</nav>");
  }

  TEST_CASE("landmarks nav: title page, disclaimer as preamble, contents, first article, Sources") {
    CHECK(test::excerpt(epub::navigation_document(test::book()), "<nav id=\"landmarks\"", "</nav>") ==
          "<nav id=\"landmarks\" epub:type=\"landmarks\" hidden=\"hidden\">\n"
          "<h2>Landmarks</h2>\n"
          "<ol>\n"
          "<li><a epub:type=\"titlepage\" href=\"text/title.xhtml\">Title page</a></li>\n"
          "<li><a epub:type=\"preamble\" href=\"text/disclaimer.xhtml\">Disclaimer</a></li>\n"
          "<li><a epub:type=\"toc\" href=\"text/contents.xhtml\">Contents</a></li>\n"
          "<li><a epub:type=\"bodymatter\" href=\"text/a01-tea.xhtml\">Start of content</a></li>\n"
          "<li><a epub:type=\"appendix\" href=\"text/sources.xhtml\">Sources</a></li>\n"
          "</ol>\n"
          "</nav>");
  }

  TEST_CASE("the page frame links the stylesheet from the package folder; no page-list") {
    const std::string nav = epub::navigation_document(test::book());
    CHECK(nav.find("<title>Leaves</title>") != std::string::npos);
    CHECK(nav.find("href=\"styles/book.css\"") != std::string::npos);
    CHECK(nav.find("page-list") == std::string::npos);
  }

  TEST_CASE("without articles there is no bodymatter landmark and no article entry") {
    model::Book book = test::book();
    book.articles.clear();
    book.contents.clear();
    const std::string nav = epub::navigation_document(book);
    CHECK(nav.find("bodymatter") == std::string::npos);
    CHECK(nav.find("<li><a href=\"text/contents.xhtml\">Contents</a></li>\n<li><a href=\"text/sources.xhtml\">") !=
          std::string::npos);
  }

  TEST_CASE("blank and hostile labels: a fallback or escaped text, never an empty link") {
    model::Book book = test::book();
    book.contents[0].title = "\x01 ";
    book.contents[0].children[0].title = "";
    book.contents[1].title = test::hostile;
    const std::string nav = epub::navigation_document(book);
    CHECK(nav.find("<a href=\"text/a01-tea.xhtml\">Untitled article</a>") != std::string::npos);
    CHECK(nav.find("<a href=\"text/a01-tea.xhtml#brewing\">Untitled section</a>") != std::string::npos);
    CHECK(nav.find("<a href=\"text/a02-coffee.xhtml\">&lt;script&gt;x&lt;/script&gt; &amp; ]]&gt;  .</a>") !=
          std::string::npos);
  }

  TEST_CASE("a part is a level above its articles and leads to its own page; one with no page is left out") {
    model::Book book = test::book();
    book.parts = {{"p01-drinks", "Drinks", "drinks", model::no_part, 0, 2, {}}};
    model::ContentsEntry part{"Drinks", "", "", {book.contents[0], book.contents[1]}};
    part.part_id = "p01-drinks";
    book.contents = {part};
    CHECK(test::excerpt(epub::navigation_document(book), "<li>\n<a href=\"text/p01-drinks.xhtml\">Drinks",
                        "</li>\n</ol>\n</li>") ==
          "<li>\n<a href=\"text/p01-drinks.xhtml\">Drinks</a>\n<ol>\n"
          "<li>\n<a href=\"text/a01-tea.xhtml\">Tea</a>\n<ol>\n"
          "<li><a href=\"text/a01-tea.xhtml#brewing\">Brewing</a></li>\n</ol>\n</li>");
    CHECK(epub::ncx_document(book).find("<meta name=\"dtb:depth\" content=\"3\"/>") != std::string::npos);
    book.parts.clear();  // a part with no page to lead to is left out
    CHECK(epub::navigation_document(book).find("Drinks") == std::string::npos);
  }
}

TEST_SUITE("epub.ncx_document") {
  TEST_CASE("head ties the NCX to the book identifier; docTitle is the title") {
    const std::string ncx = epub::ncx_document(test::book());
    CHECK(test::excerpt(ncx, "<ncx", "</docTitle>") ==
          "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"en-GB\">\n"
          "<head>\n"
          "<meta name=\"dtb:uid\" content=\"urn:uuid:12345678-1234-5678-9abc-123456789abc\"/>\n"
          "<meta name=\"dtb:depth\" content=\"2\"/>\n"
          "<meta name=\"dtb:totalPageCount\" content=\"0\"/>\n"
          "<meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n"
          "</head>\n"
          "<docTitle><text>Leaves</text></docTitle>");
  }

  TEST_CASE("navMap mirrors the toc nav, with playOrder in reading order") {
    const std::string ncx = epub::ncx_document(test::book());
    CHECK(test::excerpt(ncx, "<navPoint id=\"navpoint-3\"", "</navPoint>\n</navPoint>") ==
          "<navPoint id=\"navpoint-3\" playOrder=\"3\">\n"
          "<navLabel><text>Tea</text></navLabel>\n"
          "<content src=\"text/a01-tea.xhtml\"/>\n"
          "<navPoint id=\"navpoint-4\" playOrder=\"4\">\n"
          "<navLabel><text>Brewing</text></navLabel>\n"
          "<content src=\"text/a01-tea.xhtml#brewing\"/>\n"
          "</navPoint>\n"
          "</navPoint>");
    std::string labels;
    for (std::size_t at = ncx.find("<navLabel><text>"); at != std::string::npos;
         at = ncx.find("<navLabel><text>", at + 1)) {
      labels += ncx.substr(at + 16, ncx.find('<', at + 16) - at - 16) + "|";
    }
    CHECK(labels == "Disclaimer|Contents|Tea|Brewing|Coffee|Beans|Sources|");
    CHECK(ncx.find("<navPoint id=\"navpoint-7\" playOrder=\"7\">\n<navLabel><text>Sources</text>") !=
          std::string::npos);
  }

  TEST_CASE("points with the same target share a playOrder; depth 1 without sections") {
    model::Book book = test::book();
    book.contents[0].children[0].anchor = "gone";  // now points at the article file itself
    book.contents[1].children.clear();
    const std::string ncx = epub::ncx_document(book);
    CHECK(ncx.find("<navPoint id=\"navpoint-4\" playOrder=\"3\">\n<navLabel><text>Brewing</text></navLabel>\n"
                   "<content src=\"text/a01-tea.xhtml\"/>") != std::string::npos);
    CHECK(ncx.find("<navPoint id=\"navpoint-5\" playOrder=\"4\">\n<navLabel><text>Coffee</text>") != std::string::npos);
    book.contents[0].children.clear();
    CHECK(epub::ncx_document(book).find("<meta name=\"dtb:depth\" content=\"1\"/>") != std::string::npos);
  }
}
