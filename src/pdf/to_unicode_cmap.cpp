#include "pdf/to_unicode_cmap.hpp"

#include <cstdint>
#include <utility>
#include <vector>

#include "pdf/cmap_file.hpp"

namespace octavo::pdf {

namespace {

struct Range {
  char32_t first = 0;
  char32_t last = 0;
};

}  // namespace

std::string to_unicode_cmap(const std::set<char32_t>& code_points, const FontCodes& codes) {
  // Consecutive characters with consecutive codes become one range, split where the code's high
  // byte or the character's changes: in a bfrange the source codes may differ only in their last
  // byte, and the destination is incremented in its last byte only (TN #5411, "bfrange").
  const auto code_hex = [&](char32_t code_point) { return cmap_hex(codes.code(code_point), codes.length(code_point)); };
  std::vector<Range> ranges;
  for (const char32_t code_point : code_points) {
    if (code_point > 0xFFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) continue;
    if (!codes.has_own_code(code_point)) continue;  // a character the face lacks
    const std::uint32_t code = codes.code(code_point);
    if (!ranges.empty()) {
      // One high byte of the code is one length of it too: one-byte codes are below 0x80, two-byte
      // ones (compact) from 0x8000.
      const char32_t last = ranges.back().last;
      const std::uint32_t last_code = codes.code(last);
      if (last + 1 == code_point && last_code + 1 == code && (last_code >> 8) == (code >> 8) &&
          (last >> 8) == (code_point >> 8)) {
        ranges.back().last = code_point;
        continue;
      }
    }
    ranges.push_back({code_point, code_point});
  }
  std::vector<std::string> range_entries;
  std::vector<std::string> char_entries;
  for (const Range& range : ranges) {
    if (range.first == range.last) {
      char_entries.push_back(code_hex(range.first) + " " + cmap_hex(range.first, 2));
    } else {
      range_entries.push_back(code_hex(range.first) + " " + code_hex(range.last) + " " + cmap_hex(range.first, 2));
    }
  }
  return cmap_file("UCS", "Adobe-Identity-UCS", 2, codes.code_space(),
                   {{"bfrange", std::move(range_entries)}, {"bfchar", std::move(char_entries)}});
}

}  // namespace octavo::pdf
