#include "pdf/png_predictor.hpp"

#include <array>
#include <cstdlib>

namespace octavo::pdf {

namespace {

// The Paeth predictor (PNG spec §9.4): whichever of left, above and upper-left is closest to
// left + above - upper-left, ties in that order.
std::uint8_t paeth(int left, int above, int upper_left) {
  const int estimate = left + above - upper_left;
  const int to_left = std::abs(estimate - left);
  const int to_above = std::abs(estimate - above);
  const int to_upper_left = std::abs(estimate - upper_left);
  if (to_left <= to_above && to_left <= to_upper_left) return static_cast<std::uint8_t>(left);
  if (to_above <= to_upper_left) return static_cast<std::uint8_t>(above);
  return static_cast<std::uint8_t>(upper_left);
}

}  // namespace

std::vector<std::uint8_t> png_predicted(const std::uint8_t* samples, std::size_t width, std::size_t height,
                                        std::size_t channels) {
  const std::size_t row_size = width * channels;
  std::vector<std::uint8_t> out;
  if (row_size == 0 || height == 0) return out;
  out.reserve((row_size + 1) * height);
  std::array<std::vector<std::uint8_t>, 5> candidates;
  for (auto& candidate : candidates) candidate.resize(row_size);
  for (std::size_t y = 0; y < height; ++y) {
    const std::uint8_t* row = samples + y * row_size;
    const std::uint8_t* previous = y > 0 ? row - row_size : nullptr;
    for (std::size_t i = 0; i < row_size; ++i) {
      const int value = row[i];
      const int left = i >= channels ? row[i - channels] : 0;
      const int above = previous != nullptr ? previous[i] : 0;
      const int upper_left = previous != nullptr && i >= channels ? previous[i - channels] : 0;
      candidates[0][i] = static_cast<std::uint8_t>(value);
      candidates[1][i] = static_cast<std::uint8_t>(value - left);
      candidates[2][i] = static_cast<std::uint8_t>(value - above);
      candidates[3][i] = static_cast<std::uint8_t>(value - (left + above) / 2);
      candidates[4][i] = static_cast<std::uint8_t>(value - paeth(left, above, upper_left));
    }
    // Smallest sum of the filtered bytes read as signed values: small differences compress best.
    std::size_t best = 0;
    long best_sum = -1;
    for (std::size_t filter = 0; filter < candidates.size(); ++filter) {
      long sum = 0;
      for (const std::uint8_t byte : candidates[filter]) sum += byte < 128 ? byte : 256 - byte;
      if (best_sum < 0 || sum < best_sum) {
        best = filter;
        best_sum = sum;
      }
    }
    out.push_back(static_cast<std::uint8_t>(best));
    out.insert(out.end(), candidates[best].begin(), candidates[best].end());
  }
  return out;
}

}  // namespace octavo::pdf
