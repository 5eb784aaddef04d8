// The encoding build-cache entries are written in, and the bytes keys and digests are taken over:
// unsigned integers as LEB128 varints, doubles as their 8 IEEE 754 bytes (bit for bit), strings as
// a length and their bytes, all little-endian, so that an entry reads back the same on any
// machine. The reader never reads past its bytes.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace octavo::core {

class ByteWriter {
 public:
  void unsigned_number(std::uint64_t value) {
    if (value < 0x80) {
      byte(static_cast<std::uint8_t>(value));  // most counts, offsets and ids: one byte
    } else {
      long_unsigned_number(value);
    }
  }
  void signed_number(std::int64_t value);  ///< zig-zag, so that small negatives stay short
  void byte(std::uint8_t value) { out_ += static_cast<char>(value); }
  void boolean(bool value) { byte(value ? 1 : 0); }
  void real(double value) {
    // Inline and whole: a page's digest and a cache entry are mostly these, eight bytes at once.
    const auto bits = std::bit_cast<std::uint64_t>(value);
    std::array<char, 8> little;
    for (std::size_t i = 0; i < little.size(); ++i) little[i] = static_cast<char>(bits >> (8 * i));
    out_.append(little.data(), little.size());
  }
  void string(std::string_view value) {
    unsigned_number(value.size());
    out_ += value;
  }
  /// `value` as it is, with no length before it: for bytes whose length is fixed, as a digest's.
  void raw(std::span<const std::uint8_t> value) {
    out_.append(reinterpret_cast<const char*>(value.data()), value.size());
  }

  const std::string& bytes() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void long_unsigned_number(std::uint64_t value);

  std::string out_;
};

/// Reads what a ByteWriter wrote. The first read past the end, an overlong varint or a count
/// larger than the bytes left makes it failed(); every read after that returns 0 or "".
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}

  std::uint64_t unsigned_number() {
    if (!failed_ && position_ < bytes_.size() && static_cast<std::uint8_t>(bytes_[position_]) < 0x80) {
      return static_cast<std::uint8_t>(bytes_[position_++]);
    }
    return long_unsigned_number();
  }
  std::int64_t signed_number();
  std::uint8_t byte() {
    if (failed_ || position_ >= bytes_.size()) {
      fail_to_end();
      return 0;
    }
    return static_cast<std::uint8_t>(bytes_[position_++]);
  }
  bool boolean();
  double real() {
    if (failed_ || left() < 8) {
      fail_to_end();
      return 0;
    }
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < 8; ++i)
      bits |= std::uint64_t{static_cast<std::uint8_t>(bytes_[position_ + i])} << (8 * i);
    position_ += 8;
    return std::bit_cast<double>(bits);
  }
  std::string string();
  /// What string() reads, in place: a view of the reader's bytes.
  std::string_view string_view();
  /// A count of items that each take at least `least_bytes` (≥ 1) bytes: 0 and failed() when
  /// fewer bytes are left than that many items need, so that a corrupt count cannot make the
  /// caller reserve gigabytes.
  std::size_t count(std::size_t least_bytes = 1);
  /// An unsigned number that must be at most `largest` (an enum's last value): else failed().
  std::uint64_t at_most(std::uint64_t largest);

  bool failed() const { return failed_; }
  /// Makes the reader failed: for a value the caller finds wrong.
  void fail() { failed_ = true; }
  bool at_end() const { return position_ == bytes_.size(); }
  std::size_t left() const { return bytes_.size() - position_; }

 private:
  std::uint64_t long_unsigned_number();
  // A read past the end leaves the reader failed and at its end, whatever it had read of the value.
  void fail_to_end() {
    failed_ = true;
    position_ = bytes_.size();
  }

  std::string_view bytes_;
  std::size_t position_ = 0;
  bool failed_ = false;
};

}  // namespace octavo::core
