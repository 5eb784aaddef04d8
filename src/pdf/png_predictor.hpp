// PNG prediction of image samples before Flate compression (PDF 32000-1 §7.4.4.4, Predictor 15;
// PNG spec §9): each row stored as its difference from the row above or the pixel to the left,
// which turns the smooth areas of pictures and soft masks into runs that Flate packs tightly.
// Used by the libharu adapter for every decoded image it embeds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace octavo::pdf {

/// `samples` (`height` rows of `width` pixels of `channels` 8-bit samples, no padding) as PNG
/// predictor rows: each row a filter-type byte (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth) and the
/// filtered row, the filter chosen per row by the smallest sum of absolute differences (PNG spec
/// §12.8, the heuristic libpng uses). Empty for an empty picture.
std::vector<std::uint8_t> png_predicted(const std::uint8_t* samples, std::size_t width, std::size_t height,
                                        std::size_t channels);

}  // namespace octavo::pdf
