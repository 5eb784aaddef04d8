// The encoding build-cache entries are written in, and the bytes keys and digests are taken over:
// unsigned integers as LEB128 varints, doubles as their 8 IEEE 754 bytes (bit for bit), strings as
// a length and their bytes, all little-endian, so that an entry reads back the same on any
// machine. The reader never reads past its bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace octavo::core {

class ByteWriter {
 public:
  void unsigned_number(std::uint64_t value);
  void signed_number(std::int64_t value);  ///< zig-zag, so that small negatives stay short
  void byte(std::uint8_t value) { out_ += static_cast<char>(value); }
  void boolean(bool value) { byte(value ? 1 : 0); }
  void real(double value);
  void string(std::string_view value);

  const std::string& bytes() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

/// Reads what a ByteWriter wrote. The first read past the end, an overlong varint or a count
/// larger than the bytes left makes it failed(); every read after that returns 0 or "".
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}

  std::uint64_t unsigned_number();
  std::int64_t signed_number();
  std::uint8_t byte();
  bool boolean();
  double real();
  std::string string();
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
  std::string_view bytes_;
  std::size_t position_ = 0;
  bool failed_ = false;
};

}  // namespace octavo::core
