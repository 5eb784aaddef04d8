// A decoded picture as a PDF image XObject holds it: 8-bit samples, rows top to bottom, the
// colour and the opacity apart (PDF 32000-1 §8.9.5 images, §11.6.5.3 soft-mask images). PNG
// (core/png_data), GIF and SVG (image/rasterise_image) are decoded into one; the PDF embeds it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace octavo::core {

enum class PixelColour {
  grey,     ///< one sample a pixel
  rgb,      ///< three samples a pixel
  indexed,  ///< one sample a pixel, an index into `palette`
};

struct PixelImage {
  int width = 0;
  int height = 0;
  PixelColour colour = PixelColour::rgb;
  std::vector<std::uint8_t> samples;  ///< width x height pixels of 1 or 3 samples, no row padding
  std::vector<std::uint8_t> palette;  ///< indexed only: RGB triples, one for every index the samples use
  std::vector<std::uint8_t> alpha;    ///< width x height opacities (255 opaque); empty when every pixel is opaque
};

/// Samples a pixel of `colour`: 3 for rgb, else 1.
inline int samples_per_pixel(PixelColour colour) { return colour == PixelColour::rgb ? 3 : 1; }

/// A picture from 8-bit RGBA rows `stride` bytes apart (red, green, blue, alpha in memory order),
/// as decoders that draw onto RGBA canvases give them. With `premultiplied`, each colour sample
/// has been multiplied by its alpha (cairo's ARGB32) and is divided back. The alpha is dropped
/// when every pixel is opaque. Empty (0 x 0) for a non-positive width or height.
PixelImage pixels_from_rgba(const std::uint8_t* rgba, std::size_t stride, int width, int height, bool premultiplied);

}  // namespace octavo::core
