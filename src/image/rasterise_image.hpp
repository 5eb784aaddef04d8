// Pictures the PDF cannot embed as they are, drawn into pixels: SVG through librsvg and cairo,
// the first frame of a GIF through gdk-pixbuf's GIF loader. The only user of those libraries.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/pixel_image.hpp"

namespace octavo::image {

/// Pixels, or why there are none (a phrase: "librsvg cannot read it: …").
struct Raster {
  std::optional<core::PixelImage> image;
  std::string problem;  ///< empty when `image` is set
};

/// Why librsvg cannot read `svg`, in its words ("XML parse error: …"); nullopt if it can. The SVG is read from memory
/// without a base URL, so librsvg resolves nothing but data: URLs: no file outside `svg` is ever opened, whatever it
/// refers to.
std::optional<std::string> svg_problem(std::string_view svg);

/// `svg` drawn over `width` x `height` pixels on a transparent background, its viewport scaled to
/// fill them (as its preserveAspectRatio says), read as svg_problem reads it. A problem if librsvg
/// cannot read or draw it, or if width x height is not positive or exceeds `max_pixels`.
Raster rasterise_svg(std::string_view svg, int width, int height, std::size_t max_pixels);

/// The first image of the GIF file `gif` on its logical screen (transparent where the image does
/// not cover it), decoded by gdk-pixbuf's GIF loader and no other. A problem if the screen holds
/// more than `max_pixels` pixels (checked from the header, before decoding) or gdk-pixbuf fails.
/// Give it core::gif_first_frame's file: gdk-pixbuf decodes every frame it is given.
Raster decode_gif(std::string_view gif, std::size_t max_pixels);

}  // namespace octavo::image
