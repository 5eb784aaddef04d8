#include <doctest/doctest.h>
#include <unistd.h>
#include <zip.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "collected_files.hpp"
#include "core/deflate.hpp"
#include "core/diagnostics.hpp"
#include "counting_memo.hpp"
#include "epub/article_page_key.hpp"
#include "epub/book_page_keys.hpp"
#include "epub/epub_writer.hpp"
#include "epub_test_book.hpp"
#include "recording_progress.hpp"

using namespace octavo;

namespace {

std::string paths(const std::vector<test::EpubFile>& files) {
  std::string out;
  for (const test::EpubFile& file : files) out += file.path + "\n";
  return out;
}

const test::EpubFile* find(const std::vector<test::EpubFile>& files, const std::string& path) {
  for (const test::EpubFile& file : files) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

// A path in the temporary folder for this test process's EPUB.
std::string temporary_epub() {
  return (std::filesystem::temp_directory_path() / ("octavo-unit-epub-" + std::to_string(::getpid()) + ".epub"))
      .string();
}

// The files of the archive at `path`, uncompressed, in archive order.
std::vector<test::EpubFile> unzip(const std::string& path) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
  REQUIRE(archive != nullptr);
  std::vector<test::EpubFile> unzipped;
  for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(zip_get_num_entries(archive, 0)); ++i) {
    zip_stat_t stat;
    REQUIRE(zip_stat_index(archive, i, 0, &stat) == 0);
    std::string content(stat.size, '\0');
    zip_file_t* file = zip_fopen_index(archive, i, 0);
    REQUIRE(file != nullptr);
    CHECK(zip_fread(file, content.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
    zip_fclose(file);
    unzipped.push_back({stat.name, content});
  }
  zip_discard(archive);
  return unzipped;
}

// The bytes of `book` written as an EPUB with `memo`.
std::string epub_bytes(const model::Book& book, core::DeflateMemo* memo) {
  const std::string path = temporary_epub();
  core::DiagnosticList sink;
  REQUIRE(epub::write_epub(book, {"p {}", memo}, path, sink));
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  return bytes;
}

// The files of `book` written as an EPUB with `memo`, uncompressed, in archive order.
std::vector<test::EpubFile> files_with(const model::Book& book, core::DeflateMemo& memo) {
  const std::string path = temporary_epub();
  core::DiagnosticList sink;
  REQUIRE(epub::write_epub(book, {"p {}", &memo}, path, sink));
  std::vector<test::EpubFile> files = unzip(path);
  std::filesystem::remove(path);
  return files;
}

// The key the page of the book's article `index` is kept under.
core::StreamDigest page_key(const model::Book& book, std::size_t index) {
  return epub::article_page_key(book.articles[index], book.metadata.language, epub::BookLinks(book),
                                model::ArticleDigests(book.articles));
}

// test::book() with `extra` more articles, each an entry of the contents: from some 500 on, the
// navigation and the contents page are past core::zip_whole_limit, and from some thousands on
// they are many pieces long.
model::Book long_book(std::size_t extra) {
  model::Book book = test::book();
  // Titles of made-up words, which deflate about as a real book's do (one repeated title deflates
  // to almost nothing whole or in pieces).
  std::uint32_t next = 2024;
  const auto word = [&next] {
    std::string made;
    for (int letters = 0; letters < 3 + static_cast<int>(next % 6); ++letters) {
      next = next * 1103515245u + 12345u;
      made += static_cast<char>('a' + (next >> 16) % 26);
    }
    return made;
  };
  for (std::size_t i = 0; i < extra; ++i) {
    const std::string number = std::to_string(1000 + i);
    std::string title = word();
    for (int words = 0; words < 5; ++words) title += " " + word();
    model::Article article = test::plain_article("a" + number + "-article", title);
    book.contents.push_back({article.title, article.id, "", {}});
    test::add_anchors(book.anchors, article);
    book.articles.push_back(std::move(article));
  }
  return book;
}

// The bytes of the entries `memo` holds that `before` did not.
std::size_t bytes_kept_since(const test::CountingMemo& memo, const std::map<core::StreamDigest, std::string>& before) {
  std::size_t bytes = 0;
  for (const auto& [digest, kept] : memo.kept) {
    if (before.count(digest) == 0) bytes += kept.size();
  }
  return bytes;
}

}  // namespace

TEST_SUITE("epub.epub_writer") {
  TEST_CASE("the files in archive order: container, package, navigation, stylesheet, pages in reading order") {
    CHECK(paths(test::epub_files(test::book(), {"body {}"})) ==
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
    const std::vector<test::EpubFile> files = test::epub_files(test::book(), {"body { margin: 0 }"});
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
    const std::string opf = find(test::epub_files(test::book(), {}), "EPUB/package.opf")->content;
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
    const std::vector<test::EpubFile> first = test::epub_files(test::book(), {"css"});
    const std::vector<test::EpubFile> second = test::epub_files(test::book(), {"css"});
    REQUIRE(first.size() == second.size());
    for (std::size_t i = 0; i < first.size(); ++i) CHECK(first[i].content == second[i].content);
  }

  TEST_CASE("each article rendered is reported as progress, then the compression") {
    const model::Book book = test::book();
    REQUIRE(book.articles.size() == 2);
    core::DiagnosticList sink;
    test::RecordingProgress progress;
    epub::write_epub(book, {}, "/nonexistent-octavo-dir/book.epub", sink, progress);
    CHECK(progress.log == "stage Writing EPUB 2 articles\n+1\n+1\nstage Saving EPUB\n");
  }

  TEST_CASE("the book holds mimetype, then exactly the files epub_files makes, as they were made") {
    const std::string path = temporary_epub();
    core::DiagnosticList sink;
    REQUIRE(epub::write_epub(test::book(), {"p {}"}, path, sink));
    const std::vector<test::EpubFile> unzipped = unzip(path);
    std::filesystem::remove(path);
    const std::vector<test::EpubFile> made = test::epub_files(test::book(), {"p {}"});
    REQUIRE(unzipped.size() == made.size() + 1);
    CHECK(unzipped[0].path == "mimetype");
    for (std::size_t i = 0; i < made.size(); ++i) {
      CHECK(unzipped[i + 1].path == made[i].path);
      CHECK(unzipped[i + 1].content == made[i].content);
    }
  }

  TEST_CASE("with a memo, a second build takes every file from it and writes the same book as without") {
    const model::Book book = test::book();
    test::CountingMemo memo;
    const std::string first = epub_bytes(book, &memo);
    CHECK(first == epub_bytes(book, nullptr));
    REQUIRE(memo.kept.count(page_key(book, 0)) == 1);
    REQUIRE(memo.kept.count(page_key(book, 1)) == 1);
    const int kept_by_first = memo.keeps;
    CHECK(epub_bytes(book, &memo) == first);
    CHECK(memo.keeps == kept_by_first);
  }

  TEST_CASE("an article's page kept under its key is taken as it is, not made again") {
    const model::Book book = test::book();
    test::CountingMemo memo;
    epub_bytes(book, &memo);
    // Tea's key now holds Coffee's page: a build that took it without making Tea's page shows it.
    memo.kept[page_key(book, 0)] = memo.kept.at(page_key(book, 1));
    const std::vector<test::EpubFile> files = files_with(book, memo);
    REQUIRE(find(files, "EPUB/text/a01-tea.xhtml") != nullptr);
    CHECK(find(files, "EPUB/text/a01-tea.xhtml")->content == find(files, "EPUB/text/a02-coffee.xhtml")->content);
  }

  TEST_CASE("with a memo, nav.xhtml and the contents page are kept under their keys, and taken as kept") {
    const model::Book book = test::book();
    test::CountingMemo memo;
    epub_bytes(book, &memo);
    const core::StreamDigest toc = epub::toc_digest(epub::toc_items(book));
    const core::StreamDigest nav = epub::navigation_key(epub::navigation_inputs(book), toc);
    const core::StreamDigest contents = epub::contents_key(book.metadata.language, toc);
    REQUIRE(memo.kept.count(nav) == 1);
    REQUIRE(memo.kept.count(contents) == 1);
    // Each key now holds the other's page: a build that took them without making them shows them
    // swapped.
    std::swap(memo.kept[nav], memo.kept[contents]);
    const std::vector<test::EpubFile> files = files_with(book, memo);
    REQUIRE(find(files, "EPUB/nav.xhtml") != nullptr);
    REQUIRE(find(files, "EPUB/text/contents.xhtml") != nullptr);
    CHECK(find(files, "EPUB/nav.xhtml")->content.find("class=\"contents\"") != std::string::npos);
    CHECK(find(files, "EPUB/text/contents.xhtml")->content.find("id=\"landmarks\"") != std::string::npos);
  }

  TEST_CASE("long navigation and contents pages are kept as their pieces: a title edited deflates a few again") {
    model::Book book = long_book(5000);
    test::CountingMemo memo;
    epub_bytes(book, &memo);
    const std::map<core::StreamDigest, std::string> first = memo.kept;
    const std::vector<test::EpubFile> files = files_with(book, memo);
    REQUIRE(find(files, "EPUB/nav.xhtml") != nullptr);
    REQUIRE(find(files, "EPUB/text/contents.xhtml") != nullptr);
    const std::size_t long_pages =
        find(files, "EPUB/nav.xhtml")->content.size() + find(files, "EPUB/text/contents.xhtml")->content.size();
    REQUIRE(find(files, "EPUB/nav.xhtml")->content.size() > core::zip_whole_limit);
    REQUIRE(find(files, "EPUB/text/contents.xhtml")->content.size() > core::zip_whole_limit);
    // Taken by their keys, from their pieces: nothing kept anew.
    CHECK(memo.kept == first);
    // One title edited: both pages' keys change, a piece or two of each is deflated again.
    book.articles[2500].title = "A title edited";
    book.contents[2500].title = "A title edited";
    const std::string edited = epub_bytes(book, &memo);
    CHECK(edited == epub_bytes(book, nullptr));
    const std::size_t deflated_again = bytes_kept_since(memo, first);
    MESSAGE("the long pages hold " << long_pages << " bytes; the edit kept " << deflated_again << " compressed");
    // The pieces around the edit in each long file (the NCX, the package document and the
    // Sources page go by pieces already): 98 KB. Kept whole, the two pages were deflated again
    // whole, and the edit kept 302 KB.
    CHECK(deflated_again < long_pages / 5);
  }

  TEST_CASE("with a memo, the pages' keys start from the digests the caller shares, made once each") {
    const model::Book book = test::book();
    const model::ArticleDigests digests(book.articles);
    test::CountingMemo memo;
    const std::string path = temporary_epub();
    core::DiagnosticList sink;
    REQUIRE(epub::write_epub(book, {"p {}", &memo, &digests}, path, sink));
    std::filesystem::remove(path);
    CHECK(digests.made() == book.articles.size());
    CHECK(memo.kept.count(page_key(book, 0)) == 1);
    CHECK(memo.kept.count(page_key(book, 1)) == 1);
  }

  TEST_CASE("a kept page that does not read back is made again, and kept again") {
    const model::Book book = test::book();
    test::CountingMemo memo;
    const std::string first = epub_bytes(book, &memo);
    // Empty; a number cut short; a stream of 5 bytes of which 3 are there.
    for (const std::string& damaged : {std::string(), std::string("\x80"), std::string("\x01\x02\x05") + "abc"}) {
      memo.kept[page_key(book, 0)] = damaged;
      const int keeps = memo.keeps;
      CHECK(epub_bytes(book, &memo) == first);
      CHECK(memo.keeps == keeps + 1);
      CHECK(memo.kept.at(page_key(book, 0)) != damaged);
    }
  }

  TEST_CASE("write_epub says why a write failed") {
    core::DiagnosticList sink;
    CHECK_FALSE(epub::write_epub(test::book(), {}, "/nonexistent-octavo-dir/book.epub", sink));
    CHECK(sink.to_string() ==
          "/nonexistent-octavo-dir/book.epub: error: cannot write the EPUB file: No such file or directory\n");
    CHECK_FALSE(std::ifstream("/nonexistent-octavo-dir/book.epub").good());
  }
}
