#include <doctest/doctest.h>

#include <string>

#include "core/image_info.hpp"
#include "test_images.hpp"

using namespace octavo::core;

namespace {

// "PNG 2x2 depth=8 components=3" or "found …", for one-line expectations.
std::string sniffed(const std::string& bytes) {
  const ImageSniff sniff = sniff_image(bytes);
  if (!sniff.info) return "found " + sniff.found;
  const ImageInfo& info = *sniff.info;
  std::string out = info.format == ImageFormat::png ? "PNG " : "JPEG ";
  out += std::to_string(info.width) + "x" + std::to_string(info.height) + " depth=" + std::to_string(info.bit_depth) +
         " components=" + std::to_string(info.components);
  if (info.interlaced) out += " interlaced";
  if (info.progressive) out += " progressive";
  return out;
}

}  // namespace

TEST_SUITE("core.image_info") {
  TEST_CASE("PNG: size, depth and samples from IHDR, whatever the file is called") {
    CHECK(sniffed(test::tiny_png()) == "PNG 2x2 depth=8 components=3");
    CHECK(sniffed(test::png_header(640, 480, 8, 6)) == "PNG 640x480 depth=8 components=4");
    CHECK(sniffed(test::png_header(3, 1, 1, 0)) == "PNG 3x1 depth=1 components=1");
    CHECK(sniffed(test::png_header(3, 1, 4, 3)) == "PNG 3x1 depth=4 components=1");
    CHECK(sniffed(test::png_header(3, 1, 16, 4)) == "PNG 3x1 depth=16 components=2");
    CHECK(sniffed(test::png_header(9, 9, 8, 2, 1)) == "PNG 9x9 depth=8 components=3 interlaced");
  }

  TEST_CASE("PNG: a header that is cut short, zero-sized or impossible is refused") {
    CHECK(sniffed(test::tiny_png().substr(0, 20)) == "found a PNG file cut short in its header");
    CHECK(sniffed(test::png_header(0, 5)) == "found a PNG file of 0 x 5 pixels");
    CHECK(sniffed(test::png_header(0x80000000u, 5)) == "found a PNG file of 2147483648 x 5 pixels");
    CHECK(sniffed(test::png_header(2, 2, 16, 3)) ==
          "found a PNG file with an invalid IHDR (bit depth 16, colour type 3)");
    CHECK(sniffed(test::png_header(2, 2, 8, 2, 2)) ==
          "found a PNG file with an invalid IHDR (bit depth 8, colour type 2)");
    std::string not_ihdr = test::png_header(2, 2);
    not_ihdr.replace(12, 4, "IDAT");
    CHECK(sniffed(not_ihdr) == "found a PNG file whose first chunk is not a valid IHDR");
  }

  TEST_CASE("JPEG: size and components from the first SOFn, after other segments and fill bytes") {
    CHECK(sniffed(test::tiny_jpeg()) == "JPEG 3x2 depth=8 components=1");
    CHECK(sniffed(test::jpeg_header(0xC0, 640, 480)) == "JPEG 640x480 depth=8 components=3");
    CHECK(sniffed(test::jpeg_header(0xC1, 10, 20, 8, 4)) == "JPEG 10x20 depth=8 components=4");
    CHECK(sniffed(test::jpeg_header(0xC2, 7, 5)) == "JPEG 7x5 depth=8 components=3 progressive");
  }

  TEST_CASE("JPEG: variants that neither browsers nor PDF show are refused, saying which") {
    const std::string why = ", which EPUB reading systems and PDF cannot show";
    CHECK(sniffed(test::jpeg_header(0xC3, 4, 4)) == "found a lossless JPEG" + why);
    CHECK(sniffed(test::jpeg_header(0xC5, 4, 4)) == "found a hierarchical JPEG" + why);
    CHECK(sniffed(test::jpeg_header(0xC9, 4, 4)) == "found an arithmetic-coded JPEG" + why);
    CHECK(sniffed(test::jpeg_header(0xC1, 4, 4, 12)) == "found a JPEG with 12-bit samples" + why);
    CHECK(sniffed(test::jpeg_header(0xC0, 4, 4, 8, 2)) == "found a JPEG with 2 colour components" + why);
    CHECK(sniffed(test::jpeg_header(0xC0, 4, 0)) == "found a JPEG file of 4 x 0 pixels");
  }

  TEST_CASE("JPEG: damaged or cut-short marker streams never read past the end") {
    const std::string whole = test::jpeg_header(0xC0, 640, 480);
    for (std::size_t size = 3; size < whole.size() - 2; ++size) {
      CAPTURE(size);
      CHECK(sniffed(whole.substr(0, size)) == "found a JPEG file cut short before its frame header");
    }
    CHECK(sniffed(std::string("\xFF\xD8\xFF\xDA\x00\x02", 6)) == "found a JPEG file without a frame header");
    CHECK(sniffed(std::string("\xFF\xD8\xFF\xE0\x00\x02\x41", 7)) == "found a JPEG file with damaged markers");
  }

  TEST_CASE("other files are named when they are common, by their bytes") {
    CHECK(sniffed("") == "found an empty file");
    CHECK(sniffed("GIF89a\x01\x00") == "found a GIF image");
    CHECK(sniffed(std::string("RIFF\x10\x00\x00\x00WEBPVP8 ", 16)) == "found a WebP image");
    CHECK(sniffed("<svg xmlns=\"http://www.w3.org/2000/svg\"/>") == "found text that looks like SVG or HTML");
    CHECK(sniffed("plain text") == "found neither");
    CHECK(std::string(media_type(ImageFormat::png)) == "image/png");
    CHECK(std::string(media_type(ImageFormat::jpeg)) == "image/jpeg");
  }
}

#include "core/png_data.hpp"

TEST_SUITE("core.png_data") {
  TEST_CASE("a whole PNG decodes; damaged or cut-short data is named, never an abort") {
    CHECK(png_data_problem(test::tiny_png()) == std::nullopt);
    std::string damaged = test::tiny_png();
    damaged.replace(41, 10, std::string(10, '\x55'));  // the IDAT chunk's zlib stream (its CRC too)
    CHECK(png_data_problem(damaged).value_or("none") == "IDAT: incorrect header check");
    CHECK(png_data_problem(test::tiny_png().substr(0, 50)) ==
          std::optional<std::string>("the file ends inside a chunk"));
    CHECK(png_data_problem(test::png_header(20000, 2)).value_or("none") ==
          "Invalid IHDR data");  // over the 16384-pixel limit
    CHECK(png_data_problem(test::png_header(2, 2)).value_or("none") == "IEND: out of place");  // no IDAT at all
  }
}
