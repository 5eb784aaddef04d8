#include "pdf/to_unicode_cmap.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace octavo::pdf {

namespace {

// Adobe Technical Note #5411 limits each begin…end block to 100 entries.
constexpr std::size_t max_block_entries = 100;

struct Range {
  char32_t first = 0;
  char32_t last = 0;
};

std::string hex4(char32_t code) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out = "<";
  for (int shift = 12; shift >= 0; shift -= 4) out += digits[(code >> shift) & 0xF];
  out += '>';
  return out;
}

// Writes `entries` as blocks of at most 100 lines between "N begin<kind>" and "end<kind>".
void write_blocks(std::string& out, const std::string& kind, const std::vector<std::string>& entries) {
  for (std::size_t begin = 0; begin < entries.size(); begin += max_block_entries) {
    const std::size_t end = std::min(entries.size(), begin + max_block_entries);
    out += std::to_string(end - begin) + " begin" + kind + "\n";
    for (std::size_t i = begin; i < end; ++i) out += entries[i] + "\n";
    out += "end" + kind + "\n";
  }
}

}  // namespace

std::string to_unicode_cmap(const std::set<char32_t>& code_points) {
  // Consecutive codes become one range, split where the high byte changes: in a bfrange the
  // source codes may differ only in their last byte, and the destination is incremented in its
  // last byte only (TN #5411, "bfrange").
  std::vector<Range> ranges;
  for (const char32_t code : code_points) {
    if (code > 0xFFFF || (code >= 0xD800 && code <= 0xDFFF)) continue;
    if (!ranges.empty() && ranges.back().last + 1 == code && (code & 0xFF) != 0) {
      ranges.back().last = code;
    } else {
      ranges.push_back({code, code});
    }
  }
  std::vector<std::string> range_entries;
  std::vector<std::string> char_entries;
  for (const Range& range : ranges) {
    if (range.first == range.last) {
      char_entries.push_back(hex4(range.first) + " " + hex4(range.first));
    } else {
      range_entries.push_back(hex4(range.first) + " " + hex4(range.last) + " " + hex4(range.first));
    }
  }

  // The fixed frame is the one PDF 32000-1 §9.10.3 (Example 2) shows for a ToUnicode CMap.
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n"
      "<0000> <FFFF>\n"
      "endcodespacerange\n";
  write_blocks(out, "bfrange", range_entries);
  write_blocks(out, "bfchar", char_entries);
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

}  // namespace octavo::pdf
