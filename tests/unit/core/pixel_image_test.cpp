#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "core/pixel_image.hpp"

using namespace octavo::core;

TEST_SUITE("core.pixel_image") {
  TEST_CASE("RGBA rows become RGB samples and an alpha plane; row padding is skipped") {
    // Two rows of one pixel, 8 bytes apart.
    const std::vector<std::uint8_t> rgba = {10, 20, 30, 255, 0, 0, 0, 0, 40, 50, 60, 128, 9, 9, 9, 9};
    const PixelImage image = pixels_from_rgba(rgba.data(), 8, 1, 2, false);
    CHECK(image.width == 1);
    CHECK(image.height == 2);
    CHECK(image.colour == PixelColour::rgb);
    CHECK(image.samples == std::vector<std::uint8_t>{10, 20, 30, 40, 50, 60});
    CHECK(image.alpha == std::vector<std::uint8_t>{255, 128});
  }

  TEST_CASE("premultiplied colour is divided back by its alpha; transparent pixels are black") {
    const std::vector<std::uint8_t> rgba = {64, 32, 0, 128, 99, 99, 99, 0};
    const PixelImage image = pixels_from_rgba(rgba.data(), 8, 2, 1, true);
    CHECK(image.samples == std::vector<std::uint8_t>{128, 64, 0, 0, 0, 0});
    CHECK(image.alpha == std::vector<std::uint8_t>{128, 0});
  }

  TEST_CASE("an opaque picture has no alpha plane; an empty one has no pixels") {
    const std::vector<std::uint8_t> rgba = {1, 2, 3, 255};
    CHECK(pixels_from_rgba(rgba.data(), 4, 1, 1, true).alpha.empty());
    CHECK(pixels_from_rgba(rgba.data(), 4, 0, 1, true).samples.empty());
  }
}
