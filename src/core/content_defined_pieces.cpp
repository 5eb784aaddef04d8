#include "core/content_defined_pieces.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>

namespace octavo::core {
namespace {

// The gear hash's table: a fixed pseudo-random 64-bit value for each byte, from SplitMix64 (Steele,
// Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014) so that the table
// is the same on every machine and the cuts with it.
constexpr std::array<std::uint64_t, 256> gear_table() {
  std::array<std::uint64_t, 256> table{};
  std::uint64_t state = 0x6F637461766F0001;  // "octavo", then 1
  for (std::uint64_t& value : table) {
    state += 0x9E3779B97F4A7C15;
    std::uint64_t mixed = state;
    mixed = (mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9;
    mixed = (mixed ^ (mixed >> 27)) * 0x94D049BB133111EB;
    value = mixed ^ (mixed >> 31);
  }
  return table;
}

constexpr std::array<std::uint64_t, 256> gear = gear_table();

}  // namespace

std::vector<std::size_t> content_defined_ends(std::string_view bytes, const PieceSizes& sizes) {
  std::vector<std::size_t> ends;
  // The hash shifts left once a byte, so after 64 bytes the earlier ones have left it: a cut
  // depends on the last 64 bytes. The pattern is tested on the top bits, which mix the most bytes.
  assert(sizes.pattern_bits < 64);
  const std::uint64_t pattern = sizes.pattern_bits == 0 ? 0 : ~std::uint64_t{0} << (64 - sizes.pattern_bits);
  std::size_t start = 0;
  while (start < bytes.size()) {
    const std::size_t most = std::min(bytes.size(), start + std::max<std::size_t>(sizes.most, 1));
    std::size_t end = most;
    std::uint64_t hash = 0;
    // The hash starts afresh with each piece, at the last 64 bytes before its least length, so
    // that the bytes tested are the same whatever came before them.
    const std::size_t least = start + std::min(sizes.least, sizes.most);
    std::size_t at = std::max(start, least >= 64 ? least - 64 : std::size_t{0});
    for (; at < most; ++at) {
      hash = (hash << 1) + gear[static_cast<unsigned char>(bytes[at])];
      if (at + 1 >= least && (hash & pattern) == 0) {
        end = at + 1;
        break;
      }
    }
    ends.push_back(end);
    start = end;
  }
  return ends;
}

}  // namespace octavo::core
