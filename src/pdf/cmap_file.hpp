// The text of a CMap file (Adobe TN #5014, "CMap File Structure"; PDF 32000-1 §9.7.5.3 and
// §9.10.3): the frame both the fonts' encoding CMap (font_codes.hpp) and their ToUnicode CMaps
// (to_unicode_cmap.hpp) are written in.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace octavo::pdf {

/// One kind of mapping ("cidrange", "bfrange", "bfchar") and its entries, one a line, in order.
struct CMapEntries {
  std::string kind;
  std::vector<std::string> entries;
};

/// `value` as a CMap hex string of `bytes` bytes, high byte first: "<41>", "<00E9>", "<80FF>".
std::string cmap_hex(std::uint32_t value, int bytes);

/// The CMap named `name`, of CMap type `type`, for the character collection `ordering` of Adobe's
/// registry, over `code_space` (a begincodespacerange block), with each kind's entries in blocks
/// of at most 100 (TN #5411's limit); a kind without entries writes no block.
std::string cmap_file(std::string_view ordering, std::string_view name, int type, std::string_view code_space,
                      const std::vector<CMapEntries>& mappings);

}  // namespace octavo::pdf
