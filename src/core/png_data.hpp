// PNG image data through libpng (this is its only user): a whole-file check for import, and
// decoding into the 8-bit pixels the PDF embeds. Every PNG libpng reads is drawn: interlaced ones
// de-interlaced, 16-bit samples scaled to 8, palettes and transparency kept.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/pixel_image.hpp"

namespace octavo::core {

/// nullopt if libpng decodes every row of `png` (a file that sniff_image accepted) without an
/// error; else libpng's reason ("IDAT: incorrect header check"). Warnings (a damaged ancillary
/// chunk) are not errors; a side over max_image_side pixels is. Never aborts, never prints.
std::optional<std::string> png_data_problem(std::string_view png);

/// A decoded PNG, or why there is none.
struct PngPixels {
  std::optional<PixelImage> image;
  int reduction = 1;       ///< 1, or the factor by which a PNG over the pixel limit was scaled down
  bool too_large = false;  ///< refused for the limit (an interlaced PNG over it), not for damage
  std::string problem;     ///< libpng's reason, or the limit; empty when `image` is set
};

/// Decodes `png` (a file that png_data_problem accepted) into 8-bit samples: grey and RGB stay
/// so, a palette stays indexed (unless reduced), transparency (an alpha channel or tRNS) becomes
/// the alpha plane. A PNG of more than `max_pixels` pixels is reduced, as it is read row by row,
/// by the smallest whole factor that brings it under the limit (each pixel the mean of a factor x
/// factor block, colour weighted by opacity); an interlaced one that large is refused, since
/// de-interlacing needs the whole image in memory. Never aborts, never prints.
PngPixels decode_png(std::string_view png, std::size_t max_pixels);

}  // namespace octavo::core
