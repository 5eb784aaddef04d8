// Figures (model::BlockKind::figure) → a flow line holding the image's box, then its alt text as
// a caption. The setting itself is BlockSetter::set_figure (set_blocks.hpp), defined in
// set_figure.cpp; this header holds the sizing rule it uses.
#pragma once

#include "core/image_info.hpp"
#include "core/length.hpp"

namespace octavo::layout {

/// Printed size of a pixel when the file says nothing that Octavo reads: the CSS pixel (1/96 in),
/// so that a picture has the size a browser shows it at (and an EPUB reading system, roughly).
inline constexpr double points_per_pixel = 0.75;
/// The picture's greatest share of the text block's height: the rest is left to its caption,
/// which stays on the same page (about eight lines of caption at the A5 sizes).
inline constexpr double max_figure_height_share = 0.75;

struct FigureSize {
  core::Pt width, height;
};

/// The printed size of `info`: its natural size (points_per_pixel), scaled down, never up and
/// keeping its proportions, to at most `max_width` wide and `max_height` high.
FigureSize fit_figure(const core::ImageInfo& info, core::Pt max_width, core::Pt max_height);

}  // namespace octavo::layout
