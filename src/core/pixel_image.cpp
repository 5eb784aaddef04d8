#include "core/pixel_image.hpp"

#include <algorithm>

namespace octavo::core {

PixelImage pixels_from_rgba(const std::uint8_t* rgba, std::size_t stride, int width, int height, bool premultiplied) {
  PixelImage image;
  if (width <= 0 || height <= 0) return image;
  image.width = width;
  image.height = height;
  image.colour = PixelColour::rgb;
  const std::size_t count = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
  image.samples.resize(count * 3);
  image.alpha.resize(count);
  bool opaque = true;
  std::size_t out = 0;
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* row = rgba + static_cast<std::size_t>(y) * stride;
    for (int x = 0; x < width; ++x, ++out) {
      const std::uint8_t* pixel = row + 4 * static_cast<std::size_t>(x);
      const unsigned a = pixel[3];
      for (int c = 0; c < 3; ++c) {
        unsigned value = pixel[c];
        // Rounded division; a fully transparent pixel keeps colour 0, which the mask hides.
        if (premultiplied && a != 255) value = a == 0 ? 0 : std::min(255u, (value * 255 + a / 2) / a);
        image.samples[3 * out + static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(value);
      }
      image.alpha[out] = static_cast<std::uint8_t>(a);
      opaque = opaque && a == 255;
    }
  }
  if (opaque) image.alpha.clear();
  return image;
}

}  // namespace octavo::core
