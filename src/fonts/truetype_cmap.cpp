#include "fonts/truetype_cmap.hpp"

#include <algorithm>
#include <cstddef>

namespace octavo::fonts {

namespace {

// Big-endian reads that fail (return false) instead of reading past the end: a truncated or
// corrupt font must never crash the compiler.
struct Reader {
  std::string_view bytes;

  bool has(std::size_t offset, std::size_t length) const {
    return offset <= bytes.size() && length <= bytes.size() - offset;
  }
  std::uint32_t u16(std::size_t offset) const {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[offset]) << 8 |
                                      static_cast<unsigned char>(bytes[offset + 1]));
  }
  std::uint32_t u32(std::size_t offset) const { return u16(offset) << 16 | u16(offset + 2); }
};

constexpr char32_t max_code_point = 0x10FFFF;

// OpenType 'cmap' encoding records that hold Unicode: platform 0 (any encoding) and Windows
// (platform 3) encodings 1 (BMP) and 10 (full repertoire). Format 12 covers all of Unicode and
// wins over format 4, which covers only the BMP.
int preference(std::uint32_t platform, std::uint32_t encoding, std::uint32_t format) {
  const bool unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
  if (!unicode) return 0;
  if (format == 12) return 2;
  if (format == 4) return 1;
  return 0;
}

}  // namespace

std::optional<TrueTypeCmap> TrueTypeCmap::parse(std::string_view font_bytes) {
  const Reader in{font_bytes};
  // The sfnt table directory (OpenType spec, "Organization of an OpenType font").
  if (!in.has(0, 12)) return std::nullopt;
  const std::uint32_t version = in.u32(0);
  if (version != 0x00010000 && version != 0x4F54544F /* 'OTTO' */ && version != 0x74727565 /* 'true' */) {
    return std::nullopt;
  }
  const std::uint32_t table_count = in.u16(4);
  if (!in.has(12, std::size_t{16} * table_count)) return std::nullopt;
  std::optional<std::size_t> cmap_offset;
  for (std::uint32_t i = 0; i < table_count; ++i) {
    const std::size_t record = 12 + std::size_t{16} * i;
    if (font_bytes.substr(record, 4) == "cmap") cmap_offset = in.u32(record + 8);
  }
  if (!cmap_offset || !in.has(*cmap_offset, 4)) return std::nullopt;

  const std::size_t cmap = *cmap_offset;
  const std::uint32_t subtable_count = in.u16(cmap + 2);
  if (!in.has(cmap + 4, std::size_t{8} * subtable_count)) return std::nullopt;
  std::size_t best = 0;
  int best_preference = 0;
  for (std::uint32_t i = 0; i < subtable_count; ++i) {
    const std::size_t record = cmap + 4 + std::size_t{8} * i;
    const std::size_t subtable = cmap + in.u32(record + 4);
    if (!in.has(subtable, 2)) continue;
    const int candidate = preference(in.u16(record), in.u16(record + 2), in.u16(subtable));
    if (candidate > best_preference) {
      best = subtable;
      best_preference = candidate;
    }
  }
  if (best_preference == 0) return std::nullopt;

  TrueTypeCmap result;
  if (in.u16(best) == 12) {
    // Format 12: sequential map groups {startCharCode, endCharCode, startGlyphID}.
    if (!in.has(best, 16)) return std::nullopt;
    const std::uint32_t group_count = in.u32(best + 12);
    if (!in.has(best + 16, std::size_t{12} * group_count)) return std::nullopt;
    for (std::uint32_t i = 0; i < group_count; ++i) {
      const std::size_t group = best + 16 + std::size_t{12} * i;
      char32_t first = in.u32(group);
      const char32_t last = std::min<char32_t>(in.u32(group + 4), max_code_point);
      std::uint32_t glyph = in.u32(group + 8);
      if (first > last) continue;
      if (glyph == 0) {  // the group starts at .notdef, which means "no glyph"
        if (first == last) continue;
        ++first;
        ++glyph;
      }
      result.runs_.push_back({first, last, glyph});
    }
  } else {
    // Format 4: segment mapping to delta values. For each segment, either glyph = code + idDelta,
    // or glyph = glyphIdArray[…] + idDelta located through idRangeOffset (both modulo 65536).
    if (!in.has(best, 14)) return std::nullopt;
    const std::size_t segment_count = in.u16(best + 6) / 2;
    const std::size_t end_codes = best + 14;
    const std::size_t start_codes = end_codes + 2 * segment_count + 2;  // after reservedPad
    const std::size_t deltas = start_codes + 2 * segment_count;
    const std::size_t range_offsets = deltas + 2 * segment_count;
    if (!in.has(end_codes, 8 * segment_count + 2)) return std::nullopt;
    for (std::size_t i = 0; i < segment_count; ++i) {
      const std::uint32_t end = in.u16(end_codes + 2 * i);
      const std::uint32_t start = in.u16(start_codes + 2 * i);
      const std::uint32_t delta = in.u16(deltas + 2 * i);
      const std::size_t range_offset_at = range_offsets + 2 * i;
      const std::uint32_t range_offset = in.u16(range_offset_at);
      // U+FFFF is a noncharacter; the final segment 0xFFFF–0xFFFF is only the table's sentinel.
      for (std::uint32_t code = start; code <= end && code < 0xFFFF; ++code) {
        std::uint32_t glyph = 0;
        if (range_offset == 0) {
          glyph = (code + delta) & 0xFFFF;
        } else {
          const std::size_t at = range_offset_at + range_offset + 2 * (code - start);
          if (!in.has(at, 2)) break;
          glyph = in.u16(at);
          if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
        }
        if (glyph != 0) result.add(code, glyph);
      }
    }
  }
  std::stable_sort(result.runs_.begin(), result.runs_.end(),
                   [](const Run& a, const Run& b) { return a.first < b.first; });
  return result;
}

void TrueTypeCmap::add(char32_t code_point, std::uint32_t glyph) {
  if (!runs_.empty()) {
    Run& run = runs_.back();
    if (run.last + 1 == code_point && run.first_glyph + (code_point - run.first) == glyph) {
      run.last = code_point;
      return;
    }
  }
  runs_.push_back({code_point, code_point, glyph});
}

std::uint32_t TrueTypeCmap::glyph_id(char32_t code_point) const {
  // The last run starting at or before the code point is the only one that can hold it.
  auto after = std::upper_bound(runs_.begin(), runs_.end(), code_point,
                                [](char32_t value, const Run& run) { return value < run.first; });
  if (after == runs_.begin()) return 0;
  const Run& run = *(after - 1);
  if (code_point > run.last) return 0;
  return run.first_glyph + (code_point - run.first);
}

std::vector<CodePointRange> TrueTypeCmap::ranges() const {
  // Runs break where the glyphs stop being consecutive; ranges only where code points do.
  std::vector<CodePointRange> ranges;
  for (const Run& run : runs_) {
    if (!ranges.empty() && ranges.back().last + 1 == run.first) {
      ranges.back().last = run.last;
    } else {
      ranges.push_back({run.first, run.last});
    }
  }
  return ranges;
}

}  // namespace octavo::fonts
