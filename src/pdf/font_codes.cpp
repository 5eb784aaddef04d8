#include "pdf/font_codes.hpp"

#include <algorithm>
#include <utility>

#include "pdf/cmap_file.hpp"

namespace octavo::pdf {

namespace {

// Two-byte codes start at 0x8000 (lead bytes 0x80–0xFF, after ASCII's one-byte codes), so 32,768
// of them; the last, lacking_code, is kept for characters the face lacks.
constexpr std::uint32_t first_two_byte_code = 0x8000;
constexpr std::uint32_t max_ranked = lacking_code - first_two_byte_code;

}  // namespace

FontCodes FontCodes::for_characters(const std::vector<fonts::CodePointRange>& characters) {
  FontCodes codes;
  std::uint32_t next = first_two_byte_code;
  for (const fonts::CodePointRange& range : characters) {
    const char32_t first = std::max<char32_t>(range.first, 0x80);
    const char32_t last = std::min<char32_t>(range.last, 0xFFFF);
    if (first > last) continue;
    // Surrogates are no characters: a cmap that maps them gives them no code.
    for (const auto& [from, to] :
         {std::pair{first, std::min<char32_t>(last, 0xD7FF)}, std::pair{std::max<char32_t>(first, 0xE000), last}}) {
      if (from > to) continue;
      if (next - first_two_byte_code + (to - from + 1) > max_ranked) return FontCodes();
      codes.ranked_.push_back({from, to, next});
      next += to - from + 1;
    }
  }
  codes.compact_ = true;
  return codes;
}

std::uint32_t FontCodes::code(char32_t code_point) const {
  if (!compact_ || code_point < 0x80) return code_point;
  const auto after = std::upper_bound(ranked_.begin(), ranked_.end(), code_point,
                                      [](char32_t value, const Ranked& ranked) { return value < ranked.first; });
  if (after == ranked_.begin()) return lacking_code;
  const Ranked& ranked = *(after - 1);
  return code_point > ranked.last ? lacking_code : ranked.first_code + (code_point - ranked.first);
}

void FontCodes::append(std::string& out, char32_t code_point) const {
  const std::uint32_t value = code(code_point);
  if (length(code_point) == 2) out += static_cast<char>(value >> 8);
  out += static_cast<char>(value & 0xFF);
}

std::string FontCodes::code_space() const {
  if (!compact_) return "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  return "2 begincodespacerange\n<00> <7F>\n<8000> <FFFF>\nendcodespacerange\n";
}

std::string compact_encoding_cmap() {
  std::vector<std::string> ranges = {cmap_hex(0x00, 1) + " " + cmap_hex(0x7F, 1) + " 0"};
  for (std::uint32_t lead = 0x80; lead <= 0xFF; ++lead) {
    ranges.push_back(cmap_hex(lead << 8, 2) + " " + cmap_hex((lead << 8) | 0xFF, 2) + " " + std::to_string(lead << 8));
  }
  return cmap_file("Identity", compact_encoding_name, 1, FontCodes::for_characters({}).code_space(),
                   {{"cidrange", std::move(ranges)}});
}

}  // namespace octavo::pdf
