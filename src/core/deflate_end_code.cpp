#include "core/deflate_end_code.hpp"

#include <array>
#include <cstddef>
#include <optional>

namespace octavo::core {
namespace {

constexpr unsigned max_code_length = 15;        // RFC 1951 §3.2.7
constexpr unsigned max_length_code_length = 7;  // the code lengths' own code: 3-bit lengths
constexpr unsigned end_of_block = 256;
constexpr unsigned max_literal_lengths = 286;
constexpr unsigned max_distances = 30;

// The stream's bits in the order deflate packs them: each byte from its least significant bit
// (RFC 1951 §3.1.1).
class BitReader {
 public:
  explicit BitReader(std::string_view bytes) : bytes_(bytes) {}
  [[nodiscard]] std::size_t size() const { return bytes_.size() * 8; }
  [[nodiscard]] std::size_t position() const { return position_; }
  [[nodiscard]] bool bit_at(std::size_t position) const {
    return ((static_cast<unsigned char>(bytes_[position >> 3]) >> (position & 7)) & 1u) != 0;
  }
  // The next `count` bits as a number whose least significant bit was read first (how deflate
  // packs every field but a Huffman code); nullopt past the end.
  std::optional<unsigned> number(unsigned count) {
    if (position_ + count > size()) return std::nullopt;
    unsigned value = 0;
    for (unsigned i = 0; i < count; ++i) value |= static_cast<unsigned>(bit_at(position_++)) << i;
    return value;
  }

 private:
  std::string_view bytes_;
  std::size_t position_ = 0;
};

// The code that codes the code lengths (19 symbols, lengths up to 7), decoded a bit at a time from
// its counts per length and its symbols in code order, as zlib's puff.c decodes.
class LengthCode {
 public:
  // False for lengths that oversubscribe the code.
  bool build(const std::array<unsigned, 19>& lengths) {
    for (const unsigned length : lengths) ++count_[length];
    int left = 1;
    for (unsigned length = 1; length <= max_length_code_length; ++length) {
      left = left * 2 - static_cast<int>(count_[length]);
      if (left < 0) return false;
    }
    std::array<unsigned, max_length_code_length + 2> offset{};
    for (unsigned length = 1; length <= max_length_code_length; ++length) {
      offset[length + 1] = offset[length] + count_[length];
    }
    for (unsigned symbol = 0; symbol < lengths.size(); ++symbol) {
      if (lengths[symbol] != 0) symbols_[offset[lengths[symbol]]++] = symbol;
    }
    return true;
  }
  // The next symbol; nullopt past the end, or where the bits spell no code (an incomplete code).
  std::optional<unsigned> decode(BitReader& in) const {
    unsigned code = 0;
    unsigned first = 0;
    unsigned index = 0;
    for (unsigned length = 1; length <= max_length_code_length; ++length) {
      const std::optional<unsigned> bit = in.number(1);
      if (!bit) return std::nullopt;
      code |= *bit;
      if (code - first < count_[length]) return symbols_[index + code - first];
      index += count_[length];
      first = (first + count_[length]) << 1;
      code <<= 1;
    }
    return std::nullopt;
  }

 private:
  std::array<unsigned, max_length_code_length + 1> count_{};
  std::array<unsigned, 19> symbols_{};
};

// The literal/length and distance code lengths of a dynamic block whose header starts at `in`'s
// position (after BFINAL and BTYPE), with how many of them are literal/length codes; nullopt if
// the header does not parse.
struct CodeLengths {
  std::array<unsigned, max_literal_lengths + max_distances> lengths{};
  unsigned literal_count = 0;
};

std::optional<CodeLengths> read_code_lengths(BitReader& in) {
  const std::optional<unsigned> literals = in.number(5);
  const std::optional<unsigned> distances = in.number(5);
  const std::optional<unsigned> length_codes = in.number(4);
  if (!literals || !distances || !length_codes) return std::nullopt;
  CodeLengths result;
  result.literal_count = *literals + 257;
  const unsigned total = result.literal_count + *distances + 1;
  if (result.literal_count > max_literal_lengths || *distances + 1 > max_distances) return std::nullopt;
  // The code lengths' own lengths come in this order (RFC 1951 §3.2.7).
  constexpr std::array<unsigned, 19> order{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
  std::array<unsigned, 19> length_code_lengths{};
  for (unsigned i = 0; i < *length_codes + 4; ++i) {
    const std::optional<unsigned> length = in.number(3);
    if (!length) return std::nullopt;
    length_code_lengths[order[i]] = *length;
  }
  LengthCode code;
  if (!code.build(length_code_lengths)) return std::nullopt;
  unsigned index = 0;
  while (index < total) {
    const std::optional<unsigned> symbol = code.decode(in);
    if (!symbol) return std::nullopt;
    if (*symbol < 16) {
      result.lengths[index++] = *symbol;
      continue;
    }
    // 16 repeats the length before it 3–6 times; 17 and 18 give 3–10 and 11–138 zeros.
    if (*symbol == 16 && index == 0) return std::nullopt;
    const unsigned repeated = *symbol == 16 ? result.lengths[index - 1] : 0;
    const std::optional<unsigned> extra = in.number(*symbol == 16 ? 2 : *symbol == 17 ? 3 : 7);
    if (!extra) return std::nullopt;
    const unsigned times = *extra + (*symbol == 18 ? 11 : 3);
    if (index + times > total) return std::nullopt;
    for (unsigned i = 0; i < times; ++i) result.lengths[index++] = repeated;
  }
  return result;
}

}  // namespace

std::uint8_t end_code_paddings(std::string_view stream) {
  BitReader in(stream);
  const std::optional<unsigned> final_bit = in.number(1);
  const std::optional<unsigned> type = in.number(2);
  if (!final_bit || !type || *type != 2) return 0;
  const std::optional<CodeLengths> code_lengths = read_code_lengths(in);
  if (!code_lengths) return 0;
  const unsigned end_length = code_lengths->lengths[end_of_block];
  if (end_length == 0) return 0;
  // The end code's value in the canonical code (RFC 1951 §3.2.2): the first code of its length,
  // plus the symbols before it of that length.
  std::array<unsigned, max_code_length + 1> count{};
  for (unsigned symbol = 0; symbol < code_lengths->literal_count; ++symbol) ++count[code_lengths->lengths[symbol]];
  count[0] = 0;
  unsigned end_code = 0;
  for (unsigned length = 1; length <= end_length; ++length) end_code = (end_code + count[length - 1]) << 1;
  for (unsigned symbol = 0; symbol < end_of_block; ++symbol) {
    if (code_lengths->lengths[symbol] == end_length) ++end_code;
  }
  // A Huffman code is packed from its most significant bit (§3.1.1): the end code's last bit read
  // is its least significant, just before the padding.
  const auto last_byte = static_cast<unsigned char>(stream.back());
  std::uint8_t paddings = 0;
  for (unsigned padding = 0; padding < 8; ++padding) {
    if ((last_byte >> (8 - padding)) != 0) break;  // the padding is zeros
    const std::size_t end = in.size() - padding;
    if (end < in.position() + end_length) continue;
    bool spells_end_code = true;
    for (unsigned i = 0; i < end_length && spells_end_code; ++i) {
      spells_end_code = in.bit_at(end - 1 - i) == (((end_code >> i) & 1u) != 0);
    }
    if (spells_end_code) paddings = static_cast<std::uint8_t>(paddings | (1u << padding));
  }
  return paddings;
}

}  // namespace octavo::core
