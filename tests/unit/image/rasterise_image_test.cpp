#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/image_info.hpp"
#include "image/rasterise_image.hpp"
#include "test_images.hpp"

using namespace octavo;

namespace {

constexpr std::size_t limit = 1000;

std::string svg(const std::string& content) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"2\" viewBox=\"0 0 4 2\">" + content + "</svg>";
}

}  // namespace

TEST_SUITE("image.rasterise") {
  TEST_CASE("an SVG is drawn over the pixels asked for, scaled; opaque pictures have no alpha") {
    const image::Raster red =
        image::rasterise_svg(svg("<rect width=\"4\" height=\"2\" fill=\"#ff0000\"/>"), 8, 4, limit);
    REQUIRE(red.image);
    CHECK(red.image->width == 8);
    CHECK(red.image->height == 4);
    CHECK(red.image->colour == core::PixelColour::rgb);
    REQUIRE(red.image->samples.size() == 8 * 4 * 3);
    for (std::size_t i = 0; i < red.image->samples.size(); i += 3) {
      CAPTURE(i);
      CHECK(red.image->samples[i] == 255);
      CHECK(red.image->samples[i + 1] == 0);
    }
    CHECK(red.image->alpha.empty());
  }

  TEST_CASE("transparent parts become the alpha plane, with colour un-premultiplied") {
    const image::Raster half = image::rasterise_svg(
        svg("<rect width=\"2\" height=\"2\" fill=\"#0000ff\" fill-opacity=\"0.5\"/>"), 4, 2, limit);
    REQUIRE(half.image);
    REQUIRE(half.image->alpha.size() == 8);
    CHECK(half.image->alpha[0] == 128);
    CHECK(half.image->alpha[3] == 0);
    CHECK(half.image->samples[2] == 255);  // blue, though cairo stores it as 128 premultiplied
  }

  TEST_CASE("librsvg reads nothing but the SVG: no base URL, so files and external entities are never loaded") {
    CHECK(image::svg_problem(svg("")) == std::nullopt);
    CHECK(image::svg_problem("<svg").value_or("").starts_with("XML parse error"));
    CHECK(image::rasterise_svg("<svg", 4, 2, limit).problem.starts_with("librsvg cannot read it: XML parse error"));
    // librsvg (libxml2) refuses an external entity rather than read it.
    CHECK(image::svg_problem("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>" + svg("<text>&x;</text>"))
              .value_or("")
              .find("Entity 'x' not defined") != std::string::npos);
    // An image it cannot resolve is simply not drawn.
    const image::Raster drawn = image::rasterise_svg(
        svg("<image href=\"file:///etc/hostname\" width=\"4\" height=\"2\"/><image href=\"/etc/passwd\" "
            "width=\"4\" height=\"2\"/>"),
        4, 2, limit);
    REQUIRE(drawn.image);
    CHECK(drawn.image->alpha == std::vector<std::uint8_t>(8, 0));
  }

  TEST_CASE("the canvas is bounded: no more pixels than asked for, never none") {
    CHECK(image::rasterise_svg(svg(""), 100, 11, limit).problem ==
          "an SVG drawn over 100 x 11 pixels, more than the 1000 pixels Octavo decodes at once");
    CHECK(image::rasterise_svg(svg(""), 0, 11, limit).problem ==
          "an SVG drawn over 0 x 11 pixels, more than the 1000 pixels Octavo decodes at once");
  }

  TEST_CASE("a GIF's first image on its logical screen, transparent where it does not reach") {
    const std::string animated = test::gif_file(3, 2, {0xFF0000, 0x00FF00},
                                                {{1, 0, 2, 1, {0, 1}}, {0, 0, 3, 2, std::vector<unsigned>(6, 1)}}, 2);
    const image::Raster first = image::decode_gif(core::gif_first_frame(animated), limit);
    REQUIRE(first.image);
    CHECK(first.image->width == 3);
    CHECK(first.image->height == 2);
    CHECK(first.image->samples == std::vector<std::uint8_t>{0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    CHECK(first.image->alpha == std::vector<std::uint8_t>{0, 255, 255, 0, 0, 0});
    const image::Raster still =
        image::decode_gif(test::gif_file(2, 1, {0x102030, 0x405060}, {{0, 0, 2, 1, {1, 0}}}), limit);
    REQUIRE(still.image);
    CHECK(still.image->samples == std::vector<std::uint8_t>{0x40, 0x50, 0x60, 0x10, 0x20, 0x30});
    CHECK(still.image->alpha.empty());
  }

  TEST_CASE("a GIF bomb is refused from its header, before any decoding; damage is a problem") {
    const std::string bomb = test::gif_file(16000, 16000, {0}, {{0, 0, 1, 1, {0}}});
    CHECK(image::decode_gif(bomb, 24'000'000).problem ==
          "a GIF of 16000 x 16000 pixels, more than the 24000000 pixels Octavo decodes at once");
    // Without its trailer (core::gif_first_frame always writes one) gdk-pixbuf gives up.
    std::string damaged = test::gif_file(2, 1, {0}, {{0, 0, 2, 1, {0, 0}}});
    damaged.back() = '\xFF';
    CHECK(image::decode_gif(damaged, limit).problem ==
          "gdk-pixbuf cannot decode it: Not all frames of the GIF image were loaded.");
    CHECK(image::decode_gif(core::gif_first_frame(damaged), limit).image);
    CHECK(image::decode_gif(test::tiny_png(), limit).problem == "not a GIF file");
  }
}
