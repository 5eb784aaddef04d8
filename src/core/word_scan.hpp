// Word-at-a-time scans (the "determine if a word has a byte less than n" and "has a byte equal
// to n" tricks of Sean Anderson's Bit Twiddling Hacks): each test tells exactly whether some byte
// of an eight-byte word is out of range, which is all a scan needs before it steps over the word.
// Byte order does not matter. Used by the UTF-8 scans (core/utf8.cpp) and smart punctuation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace octavo::core {

inline constexpr std::uint64_t word_ones = 0x0101010101010101;
inline constexpr std::uint64_t word_high_bits = 0x8080808080808080;

/// memcpy is how C++ reads an unaligned word without undefined behaviour; it compiles to one load.
inline std::uint64_t load_word(const char* bytes) {
  std::uint64_t word = 0;
  std::memcpy(&word, bytes, sizeof word);
  return word;
}

/// Whether some byte of `word` is `byte` (the test for a zero byte, after XOR).
inline bool word_has_byte(std::uint64_t word, char byte) {
  const std::uint64_t x = word ^ (word_ones * static_cast<unsigned char>(byte));
  return ((x - word_ones) & ~x & word_high_bits) != 0;
}

/// Number of leading bytes of `text` that `byte_in_range` accepts, stepping over whole words (four
/// a step, then one: long runs go 32 bytes a step, short ones still skip words) while
/// `word_out_of_range` finds none of their bytes out of range.
template <typename WordTest, typename ByteTest>
std::size_t scanned_prefix_length(std::string_view text, WordTest word_out_of_range, ByteTest byte_in_range) {
  constexpr std::size_t block_bytes = 32;
  const char* bytes = text.data();
  std::size_t pos = 0;
  for (; pos + block_bytes <= text.size(); pos += block_bytes) {
    if (word_out_of_range(load_word(bytes + pos)) || word_out_of_range(load_word(bytes + pos + 8)) ||
        word_out_of_range(load_word(bytes + pos + 16)) || word_out_of_range(load_word(bytes + pos + 24)))
      break;
  }
  for (; pos + sizeof(std::uint64_t) <= text.size(); pos += sizeof(std::uint64_t)) {
    if (word_out_of_range(load_word(bytes + pos))) break;
  }
  while (pos < text.size() && byte_in_range(static_cast<unsigned char>(bytes[pos]))) ++pos;
  return pos;
}

}  // namespace octavo::core
