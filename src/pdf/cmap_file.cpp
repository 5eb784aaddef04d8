#include "pdf/cmap_file.hpp"

#include <algorithm>
#include <cstddef>

namespace octavo::pdf {

namespace {

constexpr std::size_t max_block_entries = 100;

}  // namespace

std::string cmap_hex(std::uint32_t value, int bytes) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out = "<";
  for (int shift = 8 * bytes - 4; shift >= 0; shift -= 4) out += digits[(value >> shift) & 0xF];
  out += '>';
  return out;
}

std::string cmap_file(std::string_view ordering, std::string_view name, int type, std::string_view code_space,
                      const std::vector<CMapEntries>& mappings) {
  // The fixed frame is the one PDF 32000-1 §9.10.3 (Example 2) shows.
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n";
  out.append("/CIDSystemInfo << /Registry (Adobe) /Ordering (").append(ordering).append(") /Supplement 0 >> def\n");
  out.append("/CMapName /").append(name).append(" def\n");
  out.append("/CMapType ").append(std::to_string(type)).append(" def\n");
  out.append(code_space);
  for (const CMapEntries& mapping : mappings) {
    const std::vector<std::string>& entries = mapping.entries;
    for (std::size_t begin = 0; begin < entries.size(); begin += max_block_entries) {
      const std::size_t end = std::min(entries.size(), begin + max_block_entries);
      out += std::to_string(end - begin) + " begin" + mapping.kind + "\n";
      for (std::size_t i = begin; i < end; ++i) out += entries[i] + "\n";
      out += "end" + mapping.kind + "\n";
    }
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

}  // namespace octavo::pdf
