#include "core/byte_stream.hpp"

namespace octavo::core {

void ByteWriter::long_unsigned_number(std::uint64_t value) {
  while (value >= 0x80) {
    byte(static_cast<std::uint8_t>(value | 0x80));
    value >>= 7;
  }
  byte(static_cast<std::uint8_t>(value));
}

void ByteWriter::signed_number(std::int64_t value) {
  const auto bits = static_cast<std::uint64_t>(value);
  unsigned_number((bits << 1) ^ (value < 0 ? ~std::uint64_t{0} : 0));
}

std::uint64_t ByteReader::long_unsigned_number() {
  std::uint64_t value = 0;
  // Ten groups of seven bits hold 64; a tenth byte may add only the top bit.
  for (int shift = 0; shift < 64; shift += 7) {
    const std::uint8_t next = byte();
    if (failed_) return 0;
    if (shift == 63 && next > 1) break;
    value |= std::uint64_t{next & 0x7Fu} << shift;
    if ((next & 0x80) == 0) return value;
  }
  failed_ = true;
  return 0;
}

std::int64_t ByteReader::signed_number() {
  const std::uint64_t bits = unsigned_number();
  return static_cast<std::int64_t>((bits >> 1) ^ (~(bits & 1) + 1));
}

bool ByteReader::boolean() { return at_most(1) == 1; }

std::string ByteReader::string() { return std::string(string_view()); }

std::string_view ByteReader::string_view() {
  const std::size_t size = count(1);
  if (failed_) return {};
  const std::string_view value = bytes_.substr(position_, size);
  position_ += size;
  return value;
}

std::size_t ByteReader::count(std::size_t least_bytes) {
  const std::uint64_t value = unsigned_number();
  if (failed_ || value > left() / least_bytes) {
    failed_ = true;
    return 0;
  }
  return static_cast<std::size_t>(value);
}

std::uint64_t ByteReader::at_most(std::uint64_t largest) {
  const std::uint64_t value = unsigned_number();
  if (value > largest) failed_ = true;
  return failed_ ? 0 : value;
}

}  // namespace octavo::core
