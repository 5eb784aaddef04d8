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
          "a.md:2:1: error: expected an image path inside the corpus, found '/etc/passwd', an absolute path; the alt "
          "text stands in\n"
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
          "a.md:5:1: error: expected a PNG or JPEG image in 'fake.png', found a GIF image; the alt text stands in\n"
          "a.md:7:1: warning: remote image 'https://example.org/x.png' is not fetched (Octavo works offline); the alt "
          "text stands in\n"
          "a.md:7:35: warning: remote image 'data:image/png;base64,AAAA' is not fetched (Octavo works offline); the "
          "alt text stands in\n"
          "a.md:7:71: warning: remote image '//example.org/y.png' is not fetched (Octavo works offline); the alt text "
          "stands in\n"
          "a.md:9:1: error: expected an image path, found none; the alt text stands in\n");
    CHECK(read.blocks.find("figure") == std::string::npos);
    CHECK(read.blocks.find("text \"web data net\"") != std::string::npos);
  }

  TEST_CASE("a PNG whose image data is damaged is an error, found before any writer") {
    const Read read = md_in("![cut](cut.png)\n", pictures);
    CHECK(read.diagnostics ==
          "a.md:1:1: error: expected a PNG or JPEG image in 'cut.png', found a PNG file with damaged image data (the "
          "file ends inside a chunk); the alt text stands in\n");
  }

  TEST_CASE("without a corpus every local image is missing") {
    core::DiagnosticList diagnostics;
    import::read_markdown_article("a.md", "![x](dot.png)\n", diagnostics);
    CHECK(diagnostics.to_string() == "a.md:1:1: error: image 'dot.png' not found; the alt text stands in\n");
  }
}
