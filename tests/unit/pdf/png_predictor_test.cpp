#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "pdf/png_predictor.hpp"

using octavo::pdf::png_predicted;

namespace {

// The decoder's side (PNG spec §9.2, written out independently): predictor rows back to samples.
std::vector<std::uint8_t> unpredicted(const std::vector<std::uint8_t>& rows, std::size_t width, std::size_t channels) {
  const std::size_t row_size = width * channels;
  std::vector<std::uint8_t> out;
  for (std::size_t start = 0; start + row_size < rows.size() + 1; start += row_size + 1) {
    const int filter = rows[start];
    const std::size_t base = out.size();
    for (std::size_t i = 0; i < row_size; ++i) {
      const int a = i >= channels ? out[base + i - channels] : 0;
      const int b = base >= row_size ? out[base - row_size + i] : 0;
      const int c = base >= row_size && i >= channels ? out[base - row_size + i - channels] : 0;
      const int p = a + b - c;
      const int predicted = filter == 1   ? a
                            : filter == 2 ? b
                            : filter == 3 ? (a + b) / 2
                            : filter == 4
                                ? (std::abs(p - a) <= std::abs(p - b) && std::abs(p - a) <= std::abs(p - c) ? a
                                   : std::abs(p - b) <= std::abs(p - c)                                     ? b
                                                                                                            : c)
                                : 0;
      out.push_back(static_cast<std::uint8_t>(rows[start + 1 + i] + predicted));
    }
  }
  return out;
}

}  // namespace

TEST_SUITE("pdf.png_predictor") {
  TEST_CASE("each row gets a filter-type byte; smooth rows choose the filter that leaves small numbers") {
    // A horizontal ramp: Sub leaves 10, 10, 10 after the first; the row below repeats it: Up leaves zeros.
    const std::vector<std::uint8_t> ramp = {10, 20, 30, 40, 10, 20, 30, 40};
    CHECK(png_predicted(ramp.data(), 4, 2, 1) == std::vector<std::uint8_t>{1, 10, 10, 10, 10, 2, 0, 0, 0, 0});
    // Neighbouring pixels, not neighbouring samples: Sub looks one pixel (three samples) back.
    const std::vector<std::uint8_t> rgb = {100, 0, 200, 101, 0, 201};
    CHECK(png_predicted(rgb.data(), 2, 1, 3) == std::vector<std::uint8_t>{1, 100, 0, 200, 1, 0, 1});
    CHECK(png_predicted(rgb.data(), 0, 1, 3).empty());
  }

  TEST_CASE("decoding the rows gives back every sample, whatever filters were chosen") {
    // Rows of four kinds, so that different filters win: noise, a ramp along the row, a copy of
    // the row above, and bright pixels in the dark.
    std::vector<std::uint8_t> samples;
    unsigned seed = 12345;
    for (std::size_t y = 0; y < 23; ++y) {
      for (std::size_t i = 0; i < 37 * 3; ++i) {
        seed = seed * 1103515245 + 12345;
        const std::size_t kind = y % 4;
        const std::size_t above = samples.size() >= 37 * 3 ? samples[samples.size() - 37 * 3] : 0;
        samples.push_back(static_cast<std::uint8_t>(kind == 0   ? (seed >> 16)
                                                    : kind == 1 ? i * 2
                                                    : kind == 2 ? above
                                                                : (i % 9 == 0 ? 250 : 0)));
      }
    }
    const std::vector<std::uint8_t> rows = png_predicted(samples.data(), 37, 23, 3);
    CHECK(rows.size() == 23 * (37 * 3 + 1));
    CHECK(unpredicted(rows, 37, 3) == samples);
    std::vector<int> used(5, 0);
    for (std::size_t start = 0; start < rows.size(); start += 37 * 3 + 1) ++used.at(rows[start]);
    CAPTURE(used);
    CHECK(std::count_if(used.begin(), used.end(), [](int n) { return n > 0; }) >= 3);
  }
}
