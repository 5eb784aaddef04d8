#include <doctest/doctest.h>

#include <string>

#include "image/rasterise_image.hpp"
#include "image/svg_fonts.hpp"

using namespace octavo;

namespace {

const std::string fonts_dir = OCTAVO_SOURCE_DIR "/fonts";
constexpr std::size_t limit = 100'000;

std::string file_name(const std::string& path) { return path.substr(path.rfind('/') + 1); }

// "Hello" in `font_attribute` (e.g. font-family="Arial"), black on transparent, drawn over 200 x 60 pixels.
core::PixelImage hello(const std::string& font_attribute) {
  const image::Raster raster = image::rasterise_svg(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"60\"><text x=\"10\" y=\"40\" "
      "font-size=\"30\" " +
          font_attribute + ">Hello</text></svg>",
      200, 60, limit);
  REQUIRE(raster.image);
  return *raster.image;
}

}  // namespace

TEST_SUITE("image.svg_fonts") {
  // First in this file (doctest runs a file's cases in order): it needs fontconfig not yet set.
  TEST_CASE("a folder without fonts is refused, and svg_font_file answers nothing until a folder is taken") {
    CHECK(image::use_only_fonts_in("/nonexistent/fonts") == "the folder has no font file it can read");
    CHECK(image::svg_font_file("serif").empty());
  }

  TEST_CASE("every family an SVG names is one of Octavo's fonts; the first folder taken stays") {
    REQUIRE(image::use_only_fonts_in(fonts_dir) == std::nullopt);
    CHECK(image::use_only_fonts_in("/usr/share/fonts") == std::nullopt);  // changes nothing
    CHECK(file_name(image::svg_font_file("serif")) == "NotoSerif-Regular.ttf");
    CHECK(file_name(image::svg_font_file("Times New Roman")) == "NotoSerif-Regular.ttf");
    CHECK(file_name(image::svg_font_file("Georgia")) == "NotoSerif-Regular.ttf");
    CHECK(file_name(image::svg_font_file("monospace")) == "NotoSansMono-Regular.ttf");
    CHECK(file_name(image::svg_font_file("Courier New")) == "NotoSansMono-Regular.ttf");
    CHECK(file_name(image::svg_font_file("sans-serif")) == "DejaVuSans.ttf");
    CHECK(file_name(image::svg_font_file("Arial")) == "DejaVuSans.ttf");
    CHECK(file_name(image::svg_font_file("Helvetica")) == "DejaVuSans.ttf");
    CHECK(file_name(image::svg_font_file("No Such Family")) == "DejaVuSans.ttf");
    CHECK(file_name(image::svg_font_file("Noto Sans Mono")) == "NotoSansMono-Regular.ttf");
    CHECK(image::svg_font_file("DejaVu Serif").starts_with(fonts_dir));  // a system font's name: still ours
  }

  TEST_CASE("librsvg draws SVG text with those fonts: Arial as sans-serif, no font-family as serif") {
    REQUIRE(image::use_only_fonts_in(fonts_dir) == std::nullopt);
    const core::PixelImage arial = hello("font-family=\"Arial\"");
    std::size_t inked = 0;
    for (const std::uint8_t alpha : arial.alpha) inked += alpha > 128 ? 1 : 0;
    CHECK(inked > 200);  // the text is drawn, not left out
    CHECK(arial.alpha == hello("font-family=\"sans-serif\"").alpha);
    CHECK(hello("").alpha == hello("font-family=\"serif\"").alpha);
    CHECK(hello("font-family=\"Courier New\"").alpha == hello("font-family=\"monospace\"").alpha);
    CHECK(arial.alpha != hello("font-family=\"serif\"").alpha);
    CHECK(arial.alpha != hello("font-family=\"monospace\"").alpha);
  }
}
