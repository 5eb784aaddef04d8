#include <doctest/doctest.h>

#include <map>
#include <string>

#include "core/diagnostics.hpp"
#include "core/file_system.hpp"
#include "import/markdown_article.hpp"
#include "model/dump.hpp"
#include "test_images.hpp"

using namespace octavo;

namespace {

struct Read {
  model::Article article;
  std::string blocks;
  std::string diagnostics;
};

// Reads "a.md" (or `path`) from a corpus holding `files`, with the links `links`.
Read md_in(const std::string& markdown, std::map<std::string, std::string> files,
           std::map<std::string, std::string> links = {}, const std::string& path = "a.md") {
  core::MemoryFileSystem corpus(std::move(files));
  for (auto& [from, to] : links) corpus.add_link(from, to);
  import::ImageReader images(corpus);
  import::UnusedFrontMatterKeys unused_keys;
  core::DiagnosticList diagnostics;
  Read read{import::read_markdown_article(path, markdown, images, unused_keys, diagnostics), "", ""};
  read.blocks = model::dump_blocks(read.article.blocks, path);
  read.diagnostics = diagnostics.to_string();
  return read;
}

const std::map<std::string, std::string> pictures = {{"img/dot.png", test::tiny_png()},
                                                     {"photo.jpg", test::tiny_jpeg()},
                                                     {"fake.png", "GIF89a...."},
                                                     {"img/shown as.jpeg", test::tiny_png()},
                                                     {"cut.png", test::tiny_png().substr(0, 50)}};

}  // namespace

TEST_SUITE("import.markdown_images") {
  TEST_CASE("an image alone in its paragraph becomes a figure in its place") {
    const Read read = md_in("Before.\n\n![A red *dot*](img/dot.png)\n\nAfter.\n", pictures);
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"Before.\"\n"
          "figure @3:1\n"
          "  image \"img/dot.png\" image/png 2x2 bytes=78 alt=\"A red dot\"\n"
          "paragraph @5:1\n"
          "  text \"After.\"\n");
    CHECK(read.diagnostics == "");
    const model::Image& image = *read.article.blocks[1].images.at(0);
    CHECK(*image.bytes == test::tiny_png());
    CHECK(image.location.line == 3);
    CHECK(image.sha256.size() == 64);
  }

  TEST_CASE("images in running text follow their paragraph, in order; the type comes from the bytes") {
    const Read read = md_in("See ![one](photo.jpg) and ![two](img/shown%20as.jpeg) here.\n", pictures);
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"See  and  here.\"\n"
          "figure @1:5\n"
          "  image \"photo.jpg\" image/jpeg 3x2 bytes=320 alt=\"one\"\n"
          "figure @1:27\n"
          "  image \"img/shown as.jpeg\" image/png 2x2 bytes=78 alt=\"two\"\n");
  }

  TEST_CASE("an image alone in a table cell is the cell's figure, with no blank paragraph before it") {
    const Read read = md_in("| a | b |\n|---|---|\n| ![dot](img/dot.png) | ![one](photo.jpg) text |\n", pictures);
    // The header row is read as in any table (import.markdown_gfm); the body row is the point.
    REQUIRE(read.blocks.starts_with("table @1:1\n"));
    CHECK(read.blocks.substr(read.blocks.find("  table_row @3:1\n")) ==
          "  table_row @3:1\n"
          "    table_cell @3:2\n"
          "      figure @3:3\n"
          "        image \"img/dot.png\" image/png 2x2 bytes=78 alt=\"dot\"\n"
          "    table_cell @3:24\n"
          "      paragraph @3:24\n"
          "        text \" text\"\n"
          "      figure @3:25\n"
          "        image \"photo.jpg\" image/jpeg 3x2 bytes=320 alt=\"one\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("a path resolves from the article's folder, through . and .. that stay inside") {
    const Read read = md_in("![x](../img/./dot.png)\n", pictures, {}, "sub/a.md");
    CHECK(read.blocks == "figure @1:1\n  image \"img/dot.png\" image/png 2x2 bytes=78 alt=\"x\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("paths that leave the corpus are errors at the image; the alt text stands in") {
    const Read read = md_in(
        "![up](../secret.png)\n"
        "![abs](/etc/passwd)\n"
        "![sneaky](img/../../x.png) ![escaped](%2e%2e/x.png)\n"
        "![link](out.png)\n"
        "![nul](dot.png%00.txt)\n",
        pictures, {{"out.png", "/home/someone/x.png"}});
    CHECK(read.diagnostics ==
          "a.md:1:1: error: expected an image path inside the corpus, found '../secret.png', which leaves it; the alt "
          "text stands in\n"
          "a.md:2:1: error: image '/etc/passwd' not found; the alt text stands in\n"
          "a.md:3:1: error: expected an image path inside the corpus, found 'img/../../x.png', which leaves it; the "
          "alt text stands in\n"
          "a.md:3:28: error: expected an image path inside the corpus, found '%2e%2e/x.png', which leaves it; the alt "
          "text stands in\n"
          "a.md:4:1: error: expected an image path inside the corpus, found 'out.png', a link to outside it; the alt "
          "text stands in\n"
          "a.md:5:1: error: expected an image path inside the corpus, found 'dot.png%00.txt', which holds a NUL byte; "
          "the alt text stands in\n");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"up\"\n"
          "  soft_break\n"
          "  text \"abs\"\n"
          "  soft_break\n"
          "  text \"sneaky escaped\"\n"
          "  soft_break\n"
          "  text \"link\"\n"
          "  soft_break\n"
          "  text \"nul\"\n");
  }

  TEST_CASE("an image in a data: URL, base64 or %-escaped, is read from the URL as a file would be") {
    const std::string png = test::tiny_png();
    const std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"2\"/>";
    const std::string svg_escaped =
        "%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22%20width=%224%22%20height=%222%22/%3E";
    // test::tiny_png() in base64.
    const Read read = md_in(
        "![dot](data:image/png;base64,"
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFUlEQVR42mM4IQcEJxjkTsj9+vULACBSBfuM+/GMAAAAAElFTkSuQmCC)"
        "\n\n"
        "![box](DATA:image/svg+xml," +
            svg_escaped +
            ")\n\n"
            "![cut](data:image/png;base64,iVBORw0K@@)\n",
        {});
    CHECK(read.blocks ==
          "figure @1:1\n"
          "  image \"a.md\" image/png 2x2 bytes=78 alt=\"dot\"\n"
          "figure @3:1\n"
          "  image \"a.md\" image/svg+xml 4x2 bytes=" +
              std::to_string(read.article.blocks.at(1).images.at(0)->bytes->size()) +
              " alt=\"box\"\n"
              "paragraph @5:1\n"
              "  text \"cut\"\n");
    CHECK(*read.article.blocks.at(0).images.at(0)->bytes == png);
    CHECK(read.article.blocks.at(1).images.at(0)->bytes->find("width=\"4\"") != std::string::npos);
    CHECK(read.diagnostics ==
          "a.md:5:1: warning: expected base64 (A-Z, a-z, 0-9, '+', '/', in groups of four, '=' padding the last) in "
          "the data: URL 'data:image/png;base64,…', found other characters or a cut group; the alt text stands in\n");
  }

  TEST_CASE("missing, unreadable and non-image files are errors; remote images a warning") {
    const Read read = md_in(
        "![gone](missing.png)\n\n"
        "![folder](img)\n\n"
        "![gif](fake.png)\n\n"
        "![web](https://example.org/x.png) ![data](data:image/png;base64,AAAA) ![net](//example.org/y.png)\n\n"
        "![empty]()\n",
        pictures);
    CHECK(read.diagnostics ==
          "a.md:1:1: error: image 'missing.png' not found; the alt text stands in\n"
          "a.md:3:1: error: cannot read the image 'img'; the alt text stands in\n"
          "a.md:5:1: error: expected a PNG, JPEG, GIF or SVG image in 'fake.png', found a GIF file cut short in its "
          "header; the alt text stands in\n"
          "a.md:7:1: warning: remote image 'https://example.org/x.png' is not fetched (Octavo works offline); the alt "
          "text stands in\n"
          "a.md:7:35: warning: expected a PNG, JPEG, GIF or SVG image in the data: URL 'data:image/png;base64,…', "
          "found neither; the alt text stands in\n"
          "a.md:7:71: warning: remote image '//example.org/y.png' is not fetched (Octavo works offline); the alt text "
          "stands in\n"
          "a.md:9:1: error: expected an image path, found none; the alt text stands in\n");
    CHECK(read.blocks.find("figure") == std::string::npos);
    CHECK(read.blocks.find("text \"web data net\"") != std::string::npos);
  }

  TEST_CASE("a PNG whose image data is damaged is an error, found before any writer") {
    const Read read = md_in("![cut](cut.png)\n", pictures);
    CHECK(read.diagnostics ==
          "a.md:1:1: error: expected a PNG, JPEG, GIF or SVG image in 'cut.png', found a PNG file with damaged image "
          "data (the file ends inside a chunk); the alt text stands in\n");
  }

  TEST_CASE("a path starting with '/' is site-absolute: from the corpus root, never from the disk's") {
    const Read read =
        md_in("![x](/img/dot.png) ![y](//img/dot.png) ![z](/../img/dot.png)\n", pictures, {}, "posts/a.md");
    CHECK(read.blocks.find("figure @1:1\n  image \"img/dot.png\" image/png 2x2") != std::string::npos);
    CHECK(read.diagnostics ==
          "posts/a.md:1:20: warning: remote image '//img/dot.png' is not fetched (Octavo works offline); the alt text "
          "stands in\n"
          "posts/a.md:1:40: error: expected an image path inside the corpus, found '/../img/dot.png', which leaves it; "
          "the alt text stands in\n");
  }

  TEST_CASE("%XX escapes are decoded, in UTF-8; a ?query or #fragment names no file") {
    const Read read = md_in(
        "![a](img/shown%20as.jpeg) ![b](<img/shown as.jpeg>) ![c](caf%C3%A9.png) ![d](img/dot.png?raw=true) "
        "![e](img/dot.png#part) ![f](100%.png) ![g](?x)\n",
        {{"img/shown as.jpeg", test::tiny_jpeg()},
         {"caf\xC3\xA9.png", test::tiny_png()},
         {"img/dot.png", test::tiny_png()},
         {"100%.png", test::tiny_png()}});
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"      g\"\n"
          "figure @1:1\n  image \"img/shown as.jpeg\" image/jpeg 3x2 bytes=320 alt=\"a\"\n"
          "figure @1:27\n  image \"img/shown as.jpeg\" image/jpeg 3x2 bytes=320 alt=\"b\"\n"
          "figure @1:53\n  image \"caf\xC3\xA9.png\" image/png 2x2 bytes=78 alt=\"c\"\n"
          "figure @1:73\n  image \"img/dot.png\" image/png 2x2 bytes=78 alt=\"d\"\n"
          "figure @1:100\n  image \"img/dot.png\" image/png 2x2 bytes=78 alt=\"e\"\n"
          "figure @1:123\n  image \"100%.png\" image/png 2x2 bytes=78 alt=\"f\"\n");
    CHECK(read.diagnostics == "a.md:1:138: error: expected an image path, found '?x'; the alt text stands in\n");
  }

  TEST_CASE("a file: URL is an error, whatever it names") {
    const Read read = md_in("![h](file:///etc/hostname) ![d](FILE:img/dot.png)\n", pictures);
    CHECK(
        read.diagnostics ==
        "a.md:1:1: error: expected an image path inside the corpus, found 'file:///etc/hostname', a file: URL; the alt "
        "text stands in\n"
        "a.md:1:28: error: expected an image path inside the corpus, found 'FILE:img/dot.png', a file: URL; the alt "
        "text stands in\n");
  }

  TEST_CASE("GIF and SVG are images too, sized from their headers") {
    const std::string gif = test::gif_file(5, 4, {0xFF0000}, {{0, 0, 1, 1, {0}}, {0, 0, 1, 1, {0}}});
    const std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10mm\" viewBox=\"0 0 20 10\"><rect width=\"1\" "
        "height=\"1\"/></svg>";
    const Read read = md_in("![moving](a.gif)\n\n![drawn](b.svg)\n", {{"a.gif", gif}, {"b.svg", svg}});
    CHECK(read.blocks == "figure @1:1\n  image \"a.gif\" image/gif 5x4 bytes=" + std::to_string(gif.size()) +
                             " alt=\"moving\"\n"
                             "figure @3:1\n  image \"b.svg\" image/svg+xml 38x19 bytes=" +
                             std::to_string(svg.size()) + " alt=\"drawn\"\n");
    CHECK(read.diagnostics == "");
    CHECK(*read.article.blocks[1].images.at(0)->bytes == svg);  // clean: kept as it is
  }

  TEST_CASE("an SVG that refers outside itself is cleaned, with one warning at its first use") {
    const std::string hostile =
        "<!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"><text>&xxe;</text>"
        "<image href=\"../secret.png\"/><script>x()</script></svg>";
    const Read read = md_in("![h](figs/h.svg)\n\n![again](figs/h.svg)\n", {{"figs/h.svg", hostile}});
    CHECK(read.diagnostics ==
          "a.md:1:1: warning: dropped from the SVG 'figs/h.svg': its scripts; references to outside it: "
          "'file:///etc/passwd', '../secret.png'\n"
          "  hint: both books keep the rest of the picture; Octavo runs no scripts and reads nothing outside the "
          "corpus, so put pictures inside the SVG as data: URLs\n");
    const std::string& kept = *read.article.blocks[0].images.at(0)->bytes;
    CHECK(kept ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" "
          "height=\"4\"><text></text><image/></svg>");
    CHECK(read.article.blocks[1].images.at(0)->sha256 == read.article.blocks[0].images.at(0)->sha256);
  }

  TEST_CASE("an SVG without a size gets a warning; one that is not SVG or that librsvg refuses, an error") {
    const Read read = md_in("![u](u.svg) ![h](h.svg) ![x](x.svg) ![n](n.svg)\n",
                            {{"u.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"},
                             {"h.svg", "<html><body/></html>"},
                             {"x.svg", "<svg>\n<g></svg>"},
                             {"n.svg",
                              "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\">"
                              "<g xmlns:a=\"x\" a:b=\"1\" a:b=\"2\"/></svg>"}});
    CHECK(read.diagnostics ==
          "a.md:1:1: warning: the SVG 'u.svg' gives no width, height or viewBox; it is drawn at 300 x 150 pixels, as "
          "browsers draw it\n"
          "  hint: give its <svg> element a viewBox\n"
          "a.md:1:13: error: expected a PNG, JPEG, GIF or SVG image in 'h.svg', found an XML document whose root "
          "element is <html>, not <svg>; the alt text stands in\n"
          "a.md:1:25: error: expected a PNG, JPEG, GIF or SVG image in 'x.svg', found text that is not well-formed XML "
          "(line 2, column 6: start-end tags mismatch); the alt text stands in\n"
          "a.md:1:37: error: expected a PNG, JPEG, GIF or SVG image in 'n.svg', found an SVG file that librsvg cannot "
          "read (XML parse error: Error domain 1 code 42 on line 1 column 92 of data: Attribute a:b redefined); "
          "the alt text stands in\n");
    CHECK(read.blocks.find("image \"u.svg\" image/svg+xml 300x150") != std::string::npos);
  }

  TEST_CASE("without a corpus every local image is missing") {
    core::DiagnosticList diagnostics;
    import::read_markdown_article("a.md", "![x](dot.png)\n", diagnostics);
    CHECK(diagnostics.to_string() == "a.md:1:1: error: image 'dot.png' not found; the alt text stands in\n");
  }
}
