#include <doctest/doctest.h>

#include <fstream>

#include "core/diagnostics.hpp"
#include "epub/epub_writer.hpp"
#include "epub_test_book.hpp"

using namespace octavo;

namespace {

std::string paths(const std::vector<epub::ContainerFile>& files) {
  std::string out;
  for (const epub::ContainerFile& file : files) out += file.path + "\n";
  return out;
}

const epub::ContainerFile* find(const std::vector<epub::ContainerFile>& files, const std::string& path) {
  for (const epub::ContainerFile& file : files) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

}  // namespace

TEST_SUITE("epub.epub_writer") {
  TEST_CASE("the files in archive order: container, package, navigation, stylesheet, pages in reading order") {
    CHECK(paths(epub::epub_files(test::book(), {"body {}"})) ==
          "META-INF/container.xml\n"
          "EPUB/package.opf\n"
          "EPUB/nav.xhtml\n"
          "EPUB/toc.ncx\n"
          "EPUB/styles/book.css\n"
          "EPUB/text/title.xhtml\n"
          "EPUB/text/disclaimer.xhtml\n"
          "EPUB/text/contents.xhtml\n"
          "EPUB/text/a01-tea.xhtml\n"
          "EPUB/text/a02-coffee.xhtml\n"
          "EPUB/text/sources.xhtml\n");
  }

  TEST_CASE("container.xml points at the package; the stylesheet is the one given") {
    const std::vector<epub::ContainerFile> files = epub::epub_files(test::book(), {"body { margin: 0 }"});
    CHECK(find(files, "META-INF/container.xml")->content ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
          "<rootfiles>\n"
          "<rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>\n"
          "</rootfiles>\n"
          "</container>\n");
    CHECK(find(files, "EPUB/styles/book.css")->content == "body { margin: 0 }");
  }

  TEST_CASE("the manifest lists nav, NCX, stylesheet and every page; the spine is the reading order") {
    const std::string opf = find(epub::epub_files(test::book(), {}), "EPUB/package.opf")->content;
    CHECK(test::excerpt(opf, "<manifest>", "</spine>") ==
          "<manifest>\n"
          "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n"
          "<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n"
          "<item id=\"css\" href=\"styles/book.css\" media-type=\"text/css\"/>\n"
          "<item id=\"title-page\" href=\"text/title.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
          "<item id=\"disclaimer\" href=\"text/disclaimer.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
          "<item id=\"contents\" href=\"text/contents.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
          "<item id=\"article-a01-tea\" href=\"text/a01-tea.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
          "<item id=\"article-a02-coffee\" href=\"text/a02-coffee.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
          "<item id=\"sources\" href=\"text/sources.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
          "</manifest>\n"
          "<spine toc=\"ncx\">\n"
          "<itemref idref=\"title-page\"/>\n"
          "<itemref idref=\"disclaimer\"/>\n"
          "<itemref idref=\"contents\"/>\n"
          "<itemref idref=\"article-a01-tea\"/>\n"
          "<itemref idref=\"article-a02-coffee\"/>\n"
          "<itemref idref=\"sources\"/>\n"
          "</spine>");
  }

  TEST_CASE("the same book gives the same files") {
    const std::vector<epub::ContainerFile> first = epub::epub_files(test::book(), {"css"});
    const std::vector<epub::ContainerFile> second = epub::epub_files(test::book(), {"css"});
    REQUIRE(first.size() == second.size());
    for (std::size_t i = 0; i < first.size(); ++i) CHECK(first[i].content == second[i].content);
  }

  TEST_CASE("a complete book passes the input check") {
    core::DiagnosticList sink;
    CHECK(epub::check_epub_input(test::book(), sink));
    CHECK(sink.to_string() == "");
  }

  TEST_CASE("metadata the package cannot carry is reported, every problem at once") {
    model::Book book = test::book();
    book.metadata.identifier = " ";
    book.metadata.language = "english language";
    book.metadata.date = "May 2024";
    book.metadata.modified = "2024-05-01";
    core::DiagnosticList sink;
    CHECK_FALSE(epub::check_epub_input(book, sink));
    CHECK(sink.to_string() ==
          "error: expected a book identifier, found none\n"
          "error: expected a language tag such as 'en' or 'en-GB', found 'english language'\n"
          "error: expected a publication date as YYYY-MM-DD, found 'May 2024'\n"
          "error: expected a modification time as YYYY-MM-DDThh:mm:ssZ, found '2024-05-01'\n");
  }

  TEST_CASE("language tags: a primary subtag of letters, then subtags of letters or digits") {
    for (const char* good : {"en", "en-GB", "zh-Hant-TW", "es-419", "de-CH-1996"}) {
      model::Book book = test::book();
      book.metadata.language = good;
      core::DiagnosticList sink;
      CHECK_MESSAGE(epub::check_epub_input(book, sink), good);
    }
    for (const char* bad : {"", "e", "en-", "-en", "en--GB", "12", "en_GB", "toolongtag"}) {
      model::Book book = test::book();
      book.metadata.language = bad;
      core::DiagnosticList sink;
      CHECK_FALSE_MESSAGE(epub::check_epub_input(book, sink), bad);
    }
  }

  TEST_CASE("article ids must be unique file-safe XML names, and not the name of a fixed page") {
    model::Book book = test::book();
    book.articles.push_back(test::plain_article("a01-tea", "Again"));
    book.articles.push_back(test::plain_article("1st", "Digit"));
    book.articles.push_back(test::plain_article("a/b", "Slash"));
    book.articles.push_back(test::plain_article("sources", "Sources"));
    core::DiagnosticList sink;
    CHECK_FALSE(epub::check_epub_input(book, sink));
    CHECK(sink.to_string() ==
          "error: expected unique article ids, found 'a01-tea' twice\n"
          "error: expected an article id made of ASCII letters, digits and hyphens, found '1st'\n"
          "error: expected an article id made of ASCII letters, digits and hyphens, found 'a/b'\n"
          "error: expected an article id made of ASCII letters, digits and hyphens, found 'sources'\n");
  }

  TEST_CASE("write_epub refuses a book that fails the check and writes nothing") {
    model::Book book = test::book();
    book.metadata.modified.clear();
    core::DiagnosticList sink;
    CHECK_FALSE(epub::write_epub(book, {}, "/nonexistent-octavo-dir/book.epub", sink));
    CHECK(sink.error_count() == 1);
  }

  TEST_CASE("write_epub reports a file it cannot write") {
    core::DiagnosticList sink;
    CHECK_FALSE(epub::write_epub(test::book(), {}, "/nonexistent-octavo-dir/book.epub", sink));
    CHECK(sink.to_string() == "/nonexistent-octavo-dir/book.epub: error: cannot write the epub file\n");
    CHECK_FALSE(std::ifstream("/nonexistent-octavo-dir/book.epub").good());
  }
}
