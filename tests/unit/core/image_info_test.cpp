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
  std::string out = std::string(format_name(info.format)) + " ";
  out += std::to_string(info.width) + "x" + std::to_string(info.height) + " depth=" + std::to_string(info.bit_depth) +
         " components=" + std::to_string(info.components);
  if (info.interlaced) out += " interlaced";
  if (info.progressive) out += " progressive";
  if (info.frames != 1) out += " frames=" + std::to_string(info.frames);
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
    CHECK(sniffed(std::string("RIFF\x10\x00\x00\x00WEBPVP8 ", 16)) == "found a WebP image");
    CHECK(sniffed("<svg xmlns=\"http://www.w3.org/2000/svg\"/>") == "found markup (SVG is read as text, not sniffed)");
    CHECK(sniffed("\x1F\x8B\x08\x00") ==
          "found a gzip-compressed file (an .svgz: EPUB takes SVG uncompressed, so gunzip it)");
    CHECK(sniffed("plain text") == "found neither");
  }

  TEST_CASE("the four EPUB core media types, their extensions and names") {
    CHECK(std::string(media_type(ImageFormat::png)) == "image/png");
    CHECK(std::string(media_type(ImageFormat::jpeg)) == "image/jpeg");
    CHECK(std::string(media_type(ImageFormat::gif)) == "image/gif");
    CHECK(std::string(media_type(ImageFormat::svg)) == "image/svg+xml");
    CHECK(std::string(file_extension(ImageFormat::gif)) + file_extension(ImageFormat::svg) == "gifsvg");
    CHECK(std::string(format_name(ImageFormat::jpeg)) == "JPEG");
  }

  TEST_CASE("PNG and GIF larger than the decoders' limit are refused from the header") {
    CHECK(sniffed(test::png_header(50000, 50000)) ==
          "found a PNG image of 50000 x 50000 pixels, larger than the 16384 pixels a side that Octavo decodes");
    CHECK(sniffed(test::png_header(16384, 16384)) == "PNG 16384x16384 depth=8 components=3");
    CHECK(sniffed(test::gif_file(65535, 2, {0xFF0000}, {{0, 0, 1, 1, {0}}})) ==
          "found a GIF image of 65535 x 2 pixels, larger than the 16384 pixels a side that Octavo decodes");
  }

  TEST_CASE("GIF: size from the logical screen, frames counted by walking every block") {
    const std::string still = test::gif_file(4, 3, {0xFF0000, 0x00FF00}, {{0, 0, 4, 3, std::vector<unsigned>(12, 1)}});
    CHECK(sniffed(still) == "GIF 4x3 depth=8 components=1");
    const std::string animated = test::gif_file(
        5, 5, {0xFF0000}, {{1, 1, 2, 2, {0, 0, 0, 0}}, {0, 0, 5, 5, std::vector<unsigned>(25, 0)}, {0, 0, 1, 1, {0}}});
    CHECK(sniffed(animated) == "GIF 5x5 depth=8 components=1 frames=3");
    std::string gif87 = still;
    gif87.replace(3, 3, "87a");
    CHECK(sniffed(gif87) == "GIF 4x3 depth=8 components=1");
    // Browsers show a file whose later frames are cut short, or without its trailer.
    CHECK(sniffed(animated.substr(0, animated.size() - 10)) == "GIF 5x5 depth=8 components=1 frames=2");
    CHECK(sniffed(still.substr(0, still.size() - 1)) == "GIF 4x3 depth=8 components=1");
  }

  TEST_CASE("GIF: a header or first image cut short, or damaged, is refused") {
    const std::string still = test::gif_file(4, 3, {0xFF0000}, {{0, 0, 4, 3, std::vector<unsigned>(12, 0)}});
    CHECK(sniffed("GIF89a\x01\x00") == "found a GIF file cut short in its header");
    CHECK(sniffed(test::gif_file(0, 3, {}, {{0, 0, 1, 1, {0}}})) == "found a GIF file of 0 x 3 pixels");
    const std::size_t first_image = 13 + 768 + 8;  // header, screen, colour table, graphic control
    for (std::size_t size = 13; size < still.size() - 2; ++size) {
      CAPTURE(size);
      CHECK(sniffed(still.substr(0, size)) == "found a GIF file cut short before its first image is whole");
    }
    std::string junk = still;
    junk[first_image] = 'J';
    CHECK(sniffed(junk) == "found a GIF file with damaged blocks");
    std::string code_size = still;
    code_size[first_image + 10] = '\x0C';
    CHECK(sniffed(code_size) == "found a GIF file whose first image has an invalid LZW code size");
  }

  TEST_CASE("GIF: the first frame alone, as a file of its own") {
    const std::string first = test::gif_file(5, 5, {0xFF0000}, {{1, 1, 2, 2, {0, 0, 0, 0}}});
    const std::string animated =
        test::gif_file(5, 5, {0xFF0000}, {{1, 1, 2, 2, {0, 0, 0, 0}}, {0, 0, 5, 5, std::vector<unsigned>(25, 0)}});
    const std::string alone = gif_first_frame(animated);
    CHECK(sniffed(alone) == "GIF 5x5 depth=8 components=1");
    // The same bytes as a one-frame file, but for the looping extension animations carry.
    CHECK(alone.size() == first.size() + 19);
    CHECK(alone.ends_with(first.substr(first.size() - 25)));
    CHECK(gif_first_frame("GIF89a") == "");
    CHECK(gif_first_frame(test::tiny_png()) == "");
  }

  TEST_CASE("markup is recognised by its first character, after a byte order mark and white space") {
    CHECK(looks_like_markup("<svg/>"));
    CHECK(looks_like_markup("\xEF\xBB\xBF \r\n\t<?xml version=\"1.0\"?><svg/>"));
    CHECK(looks_like_markup(std::string("\xFF\xFE \0<\0s\0", 8)));
    CHECK(looks_like_markup(std::string("\xFE\xFF\0<\0s", 6)));
    CHECK_FALSE(looks_like_markup(std::string("\xFF\xFEx\0<\0", 6)));
    CHECK_FALSE(looks_like_markup(""));
    CHECK_FALSE(looks_like_markup("svg <"));
    CHECK_FALSE(looks_like_markup(test::tiny_png()));
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

namespace {

// "rgb 2x1 [1 2 3 4 5 6] alpha [7 8]": a decoded picture in one line.
std::string decoded(const PngPixels& png) {
  if (!png.image) return "problem: " + png.problem;
  const PixelImage& image = *png.image;
  std::string out = image.colour == PixelColour::grey ? "grey" : image.colour == PixelColour::rgb ? "rgb" : "indexed";
  out += " " + std::to_string(image.width) + "x" + std::to_string(image.height);
  if (png.reduction != 1) out += " reduced " + std::to_string(png.reduction);
  const auto list = [](const std::vector<std::uint8_t>& values) {
    std::string text = "[";
    for (std::size_t i = 0; i < values.size(); ++i) text += (i == 0 ? "" : " ") + std::to_string(values[i]);
    return text + "]";
  };
  out += " " + list(image.samples);
  if (!image.palette.empty()) out += " palette " + list(image.palette);
  if (!image.alpha.empty()) out += " alpha " + list(image.alpha);
  return out;
}

PngPixels decode(const std::string& png, std::size_t max_pixels = 1000) { return decode_png(png, max_pixels); }

}  // namespace

TEST_SUITE("core.png_data") {
  TEST_CASE("8-bit grey and RGB decode as they are; an opaque alpha channel is dropped") {
    CHECK(decoded(decode(test::tiny_png())) == "rgb 2x2 [200 30 30 30 30 200 30 200 30 250 250 250]");
    CHECK(decoded(decode(test::png_file(3, 1, 8, 0, {0, 128, 255}))) == "grey 3x1 [0 128 255]");
    CHECK(decoded(decode(test::png_file(2, 1, 8, 6, {1, 2, 3, 255, 4, 5, 6, 255}))) == "rgb 2x1 [1 2 3 4 5 6]");
  }

  TEST_CASE("alpha channels become the alpha plane") {
    CHECK(decoded(decode(test::png_file(2, 1, 8, 6, {1, 2, 3, 0, 4, 5, 6, 200}))) ==
          "rgb 2x1 [1 2 3 4 5 6] alpha [0 200]");
    CHECK(decoded(decode(test::png_file(2, 1, 8, 4, {10, 255, 20, 30}))) == "grey 2x1 [10 20] alpha [255 30]");
  }

  TEST_CASE("16-bit samples are scaled to 8 bits, rounded (the old PDF drew them broken)") {
    CHECK(decoded(decode(test::png_file(3, 1, 16, 0, {0, 0x8080, 0xFFFF}))) == "grey 3x1 [0 128 255]");
    CHECK(decoded(decode(test::png_file(1, 1, 16, 6, {0xFFFF, 0x0101, 0x7F7F, 0x8000}))) ==
          "rgb 1x1 [255 1 127] alpha [128]");
  }

  TEST_CASE("grey below 8 bits is expanded to 8") {
    CHECK(decoded(decode(test::png_file(4, 1, 1, 0, {0, 1, 1, 0}))) == "grey 4x1 [0 255 255 0]");
    CHECK(decoded(decode(test::png_file(3, 1, 2, 0, {0, 1, 3}))) == "grey 3x1 [0 85 255]");
  }

  TEST_CASE("a palette stays indexed, with one entry for every index its depth allows; tRNS is the alpha") {
    const std::string plte = test::png_chunk("PLTE", std::string("\xFF\x00\x00\x00\x00\xFF", 6));
    CHECK(decoded(decode(test::png_file(3, 1, 2, 3, {1, 0, 1}, false, plte))) ==
          "indexed 3x1 [1 0 1] palette [255 0 0 0 0 255 0 0 0 0 0 0]");
    const std::string trns = test::png_chunk("tRNS", std::string("\x40", 1));
    CHECK(decoded(decode(test::png_file(3, 1, 2, 3, {1, 0, 1}, false, plte + trns))) ==
          "indexed 3x1 [1 0 1] palette [255 0 0 0 0 255 0 0 0 0 0 0] alpha [255 64 255]");
  }

  TEST_CASE("a tRNS colour in a grey or RGB image becomes the alpha plane") {
    const std::string trns = test::png_chunk("tRNS", std::string("\x00\x07", 2));
    CHECK(decoded(decode(test::png_file(2, 1, 8, 0, {7, 9}, false, trns))) == "grey 2x1 [7 9] alpha [0 255]");
  }

  TEST_CASE("interlaced PNGs are de-interlaced (the old PDF left an empty frame)") {
    std::vector<unsigned> samples;
    for (unsigned i = 0; i < 9 * 10; ++i) samples.push_back(i);
    const PngPixels flat = decode(test::png_file(9, 10, 8, 0, samples));
    const PngPixels interlaced = decode(test::png_file(9, 10, 8, 0, samples, true));
    REQUIRE(interlaced.image);
    CHECK(interlaced.image->samples == flat.image->samples);
    CHECK(interlaced.image->samples.at(89) == 89);
    CHECK(decoded(decode(test::png_file(1, 1, 16, 2, {0xFFFF, 0, 0x8080}, true))) == "rgb 1x1 [255 0 128]");
  }

  TEST_CASE("a PNG over the pixel limit is reduced by a whole factor as it is read; interlaced, refused") {
    // 5 x 3 grey, limit 6: a factor of 2 gives 3 x 2; edge blocks average what they hold.
    const std::string png = test::png_file(5, 3, 8, 0, {0, 2, 10, 20, 100, 4, 6, 30, 40, 200, 50, 50, 60, 60, 90});
    CHECK(decoded(decode(png, 6)) == "grey 3x2 reduced 2 [3 25 150 50 60 90]");
    // Colour is weighted by opacity: a transparent pixel's colour does not darken the edge.
    CHECK(decoded(decode(test::png_file(2, 1, 8, 4, {200, 255, 0, 0}), 1)) == "grey 1x1 reduced 2 [200] alpha [128]");
    // A palette is expanded to RGB before it is reduced.
    const std::string plte = test::png_chunk("PLTE", std::string("\x00\x00\x00\xFF\xFF\xFF", 6));
    CHECK(decoded(decode(test::png_file(2, 1, 8, 3, {0, 1}, false, plte), 1)) == "rgb 1x1 reduced 2 [128 128 128]");
    CHECK(decoded(decode(test::png_file(5, 3, 8, 0, std::vector<unsigned>(15, 1), true), 4)) ==
          "problem: an interlaced PNG of 5 x 3 pixels, more than the 4 pixels Octavo decodes at once");
  }

  TEST_CASE("damaged data is a problem, never an abort") {
    std::string damaged = test::tiny_png();
    damaged.replace(41, 10, std::string(10, '\x55'));
    CHECK(decoded(decode(damaged)) == "problem: IDAT: incorrect header check");
    CHECK(decoded(decode(test::tiny_png().substr(0, 50))) == "problem: the file ends inside a chunk");
  }
}
