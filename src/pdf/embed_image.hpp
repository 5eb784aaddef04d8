// Layout's image boxes → images in the PDF: JPEG passed through, PNG decoded (core/png_data),
// GIF's first frame decoded and SVG drawn at print resolution (image/rasterise_image), all
// embedded through the libharu adapter. Part of the PDF writer stage.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "layout/page.hpp"
#include "pdf/haru_document.hpp"

namespace octavo::pdf {

/// No decoded picture holds more pixels than this: 24 million is more than a page needs at
/// 600 dpi (A4 is 35 million at 600 dpi only to its edges, a figure far less), about 100 MB of
/// RGBA while it is embedded. A larger PNG is reduced as it is read; a larger interlaced PNG or
/// GIF is left out with a warning.
inline constexpr std::size_t max_decoded_pixels = 24'000'000;
/// SVG pictures are drawn at this many pixels to the inch of their printed size: what offset
/// printing asks of pictures (and above what the eye resolves at reading distance).
inline constexpr double svg_print_resolution = 300;

/// Keeps in `largest`, for each SVG picture (by ImageBox::key) on `page`, the largest box it is
/// printed in so far: an SVG is drawn once, for the largest. Other formats are left out, since
/// their pixels do not depend on the size they are printed at.
void note_largest_svg_boxes(const layout::Page& page, std::map<std::string, layout::ImageBox>& largest);

/// Embeds the image of `box` (printed at most at `largest`'s size) and returns its id, or
/// nullopt when the PDF shows an empty frame instead. Reports on `sink`, at the image's location:
/// a warning when a picture cannot be decoded within max_decoded_pixels or drawn (GIF, SVG),
/// a warning for an animated GIF (only its first frame is printed), an error when libharu or
/// libpng rejects data import accepted. `language` is the book's, for SVG's systemLanguage.
std::optional<std::size_t> embed_image(HaruDocument& pdf, const layout::ImageBox& box, const layout::ImageBox& largest,
                                       const std::string& language, core::DiagnosticSink& sink);

}  // namespace octavo::pdf
