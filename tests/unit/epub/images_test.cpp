#include <doctest/doctest.h>

#include <string>

#include "collected_files.hpp"
#include "core/sha256.hpp"
#include "epub/epub_writer.hpp"
#include "epub_test_book.hpp"
#include "figure_block.hpp"
#include "test_images.hpp"

using namespace octavo;

namespace {

// The book of epub_test_book.hpp with figures: the PNG twice (in two articles) and the JPEG once.
model::Book book_with_images() {
  model::Book book = test::book();
  book.articles[0].blocks.push_back(test::figure("img/dot.png", test::tiny_png(), "A <red> dot", 2, 2));
  book.articles[1].blocks.push_back(test::figure("photo.jpg", test::tiny_jpeg(), "", 3, 2));
  book.articles[1].blocks.push_back(test::figure("again.png", test::tiny_png(), "The dot again", 2, 2));
  return book;
}

const test::EpubFile* find(const std::vector<test::EpubFile>& files, const std::string& path) {
  for (const test::EpubFile& file : files) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

const std::string png_name = core::sha256_hex(test::tiny_png()).substr(0, 16);
const std::string jpeg_name = core::sha256_hex(test::tiny_jpeg()).substr(0, 16);

}  // namespace

TEST_SUITE("epub.images") {
  TEST_CASE("each image is stored once, after the pages, under a name that follows its bytes") {
    const std::vector<test::EpubFile> files = test::epub_files(book_with_images(), {});
    std::size_t images = 0;
    for (const test::EpubFile& file : files) images += file.path.starts_with("EPUB/images/") ? 1 : 0;
    CHECK(images == 2);
    REQUIRE(files.size() >= 2);
    CHECK(files[files.size() - 2].path == "EPUB/images/" + png_name + ".png");
    CHECK(files[files.size() - 2].content == test::tiny_png());
    CHECK(files.back().path == "EPUB/images/" + jpeg_name + ".jpg");
    CHECK(files.back().content == test::tiny_jpeg());
  }

  TEST_CASE("GIF and SVG are kept as they are, as EPUB core media types") {
    const std::string gif = test::gif_file(2, 1, {0xFF0000}, {{0, 0, 2, 1, {0, 0}}});
    const std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 2 1\"/>";
    model::Book book = test::book();
    book.articles[0].blocks.push_back(test::figure("a.gif", gif, "Moving", 2, 1));
    book.articles[0].blocks.push_back(test::figure("b.svg", svg, "Drawn", 2, 1));
    const std::vector<test::EpubFile> files = test::epub_files(book, {});
    const std::string gif_name = core::sha256_hex(gif).substr(0, 16);
    const std::string svg_name = core::sha256_hex(svg).substr(0, 16);
    REQUIRE(find(files, "EPUB/images/" + gif_name + ".gif") != nullptr);
    CHECK(find(files, "EPUB/images/" + gif_name + ".gif")->content == gif);
    REQUIRE(find(files, "EPUB/images/" + svg_name + ".svg") != nullptr);
    CHECK(find(files, "EPUB/images/" + svg_name + ".svg")->content == svg);
    const std::string opf = find(files, "EPUB/package.opf")->content;
    CHECK(opf.find("href=\"images/" + gif_name + ".gif\" media-type=\"image/gif\"") != std::string::npos);
    CHECK(opf.find("href=\"images/" + svg_name + ".svg\" media-type=\"image/svg+xml\"") != std::string::npos);
    // No "scripted" or "svg" property: the SVG is a picture, cleaned of scripts at import.
    CHECK(opf.find("properties=\"scripted") == std::string::npos);
    CHECK(find(files, "EPUB/text/a01-tea.xhtml")
              ->content.find("<img src=\"../images/" + svg_name + ".svg\" alt=\"Drawn\"/>") != std::string::npos);
  }

  TEST_CASE("the manifest lists each image with its media type, outside the spine") {
    const std::string opf = find(test::epub_files(book_with_images(), {}), "EPUB/package.opf")->content;
    CHECK(test::excerpt(opf, "<item id=\"sources\"", "</manifest>") ==
          "<item id=\"sources\" href=\"text/sources.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
          "<item id=\"img-" +
              png_name + "\" href=\"images/" + png_name +
              ".png\" media-type=\"image/png\"/>\n"
              "<item id=\"img-" +
              jpeg_name + "\" href=\"images/" + jpeg_name +
              ".jpg\" media-type=\"image/jpeg\"/>\n"
              "</manifest>");
    CHECK(opf.find("<itemref idref=\"img-") == std::string::npos);
    CHECK(opf.find("<meta property=\"schema:accessMode\">visual</meta>") != std::string::npos);
    CHECK(opf.find("alternativeText") != std::string::npos);
  }

  TEST_CASE("a book without images keeps the text-only accessibility metadata") {
    const std::string opf = find(test::epub_files(test::book(), {}), "EPUB/package.opf")->content;
    CHECK(opf.find("visual") == std::string::npos);
    CHECK(opf.find("alternativeText") == std::string::npos);
  }

  TEST_CASE("the article shows a figure with an img whose alt is the alt text, escaped") {
    const std::vector<test::EpubFile> files = test::epub_files(book_with_images(), {});
    CHECK(test::excerpt(find(files, "EPUB/text/a01-tea.xhtml")->content, "<figure", "</figure>") ==
          "<figure class=\"image\">\n<img src=\"../images/" + png_name + ".png\" alt=\"A &lt;red> dot\"/>\n</figure>");
    CHECK(test::excerpt(find(files, "EPUB/text/a02-coffee.xhtml")->content, "<img", "/>") ==
          "<img src=\"../images/" + jpeg_name + ".jpg\" alt=\"\"/>");
  }
}
