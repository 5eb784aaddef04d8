#include "pdf/embed_image.hpp"

#include <algorithm>
#include <cmath>

#include "core/png_data.hpp"
#include "image/rasterise_image.hpp"
#include "image/svg_document.hpp"

namespace octavo::pdf {

namespace {

constexpr double points_per_inch = 72;

void empty_frame(const layout::ImageBox& box, const std::string& why, const std::string& hint,
                 core::DiagnosticSink& sink) {
  sink.warning(box.location,
               "the PDF cannot show '" + box.name + "', " + why + "; an empty frame and the caption stand in", hint);
}

std::optional<std::size_t> embed_pixels(HaruDocument& pdf, const layout::ImageBox& box, const core::PixelImage& pixels,
                                        core::DiagnosticSink& sink) {
  std::optional<std::size_t> id = pdf.load_pixels(pixels);
  if (!id) sink.error(box.location, "cannot embed '" + box.name + "' in the PDF: " + pdf.error());
  return id;
}

// Pixels for an SVG printed at `largest`: svg_print_resolution, scaled down to max_decoded_pixels.
std::pair<int, int> svg_pixels(const layout::ImageBox& largest) {
  double width = largest.width.value / points_per_inch * svg_print_resolution;
  double height = largest.height.value / points_per_inch * svg_print_resolution;
  const double area = width * height;
  if (area > static_cast<double>(max_decoded_pixels)) {
    const double scale = std::sqrt(static_cast<double>(max_decoded_pixels) / area);
    width *= scale;
    height *= scale;
  }
  return {std::max(1, static_cast<int>(std::floor(width))), std::max(1, static_cast<int>(std::floor(height)))};
}

}  // namespace

void note_largest_svg_boxes(const layout::Page& page, std::map<std::string, layout::ImageBox>& largest) {
  for (const layout::ImageBox& box : page.images) {
    if (box.info.format != core::ImageFormat::svg) continue;
    auto [entry, inserted] = largest.try_emplace(box.key, box);
    if (!inserted && box.width * box.height.value > entry->second.width * entry->second.height.value) {
      entry->second = box;
    }
  }
}

std::optional<std::size_t> embed_image(HaruDocument& pdf, const layout::ImageBox& box, const layout::ImageBox& largest,
                                       const std::string& language, core::DiagnosticSink& sink) {
  const std::string& bytes = *box.bytes;
  switch (box.info.format) {
    case core::ImageFormat::jpeg: {
      std::optional<std::size_t> id = pdf.load_jpeg(bytes);
      if (!id) {
        sink.error(box.location,
                   "expected valid JPEG image data in '" + box.name + "', found data libharu rejects: " + pdf.error());
      }
      return id;
    }
    case core::ImageFormat::png: {
      const core::PngPixels png = core::decode_png(bytes, max_decoded_pixels);
      if (png.too_large) {
        empty_frame(box, png.problem, "save it without interlacing, or with fewer pixels", sink);
        return std::nullopt;
      }
      if (!png.image) {
        sink.error(box.location, "expected valid PNG image data in '" + box.name + "', found " + png.problem);
        return std::nullopt;
      }
      return embed_pixels(pdf, box, *png.image, sink);
    }
    case core::ImageFormat::gif: {
      const image::Raster gif = image::decode_gif(core::gif_first_frame(bytes), max_decoded_pixels);
      if (!gif.image) {
        empty_frame(box, gif.problem, "save it as a PNG, or with fewer pixels", sink);
        return std::nullopt;
      }
      if (box.info.frames > 1) {
        sink.warning(box.location, "the PDF shows only the first of the " + std::to_string(box.info.frames) +
                                       " frames of the animated GIF '" + box.name + "'");
      }
      return embed_pixels(pdf, box, *gif.image, sink);
    }
    case core::ImageFormat::svg: {
      const auto [width, height] = svg_pixels(largest);
      const image::Raster svg =
          image::rasterise_svg(image::svg_for_language(bytes, language), width, height, max_decoded_pixels);
      if (!svg.image) {
        empty_frame(box, svg.problem, "open it in an SVG editor and save it again", sink);
        return std::nullopt;
      }
      return embed_pixels(pdf, box, *svg.image, sink);
    }
  }
  return std::nullopt;
}

}  // namespace octavo::pdf
