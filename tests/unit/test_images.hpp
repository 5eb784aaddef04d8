// Tiny PNG and JPEG files for tests: real, decodable ones (made once with Python's zlib and
// libjpeg) and header-only ones built field by field for the header sniffer.
#pragma once

#include <cstdint>
#include <string>

namespace test {

/// A real 2 x 2 RGB PNG, 78 bytes.
inline std::string tiny_png() {
  static const char bytes[] =
      "\x89\x50\x4E\x47\x0D\x0A\x1A\x0A\x00\x00\x00\x0D\x49\x48\x44\x52\x00\x00\x00\x02\x00\x00\x00\x02"
      "\x08\x02\x00\x00\x00\xFD\xD4\x9A\x73\x00\x00\x00\x15\x49\x44\x41\x54\x78\xDA\x63\x38\x21\x07\x04"
      "\x27\x18\xE4\x4E\xC8\xFD\xFA\xF5\x0B\x00\x20\x52\x05\xFB\x8C\xFB\xF1\x8C\x00\x00\x00\x00\x49\x45"
      "\x4E\x44\xAE\x42\x60\x82";
  return std::string(bytes, sizeof bytes - 1);
}

/// A real 3 x 2 greyscale baseline JPEG (no JFIF segment), 320 bytes.
inline std::string tiny_jpeg() {
  static const char bytes[] =
      "\xFF\xD8\xFF\xDB\x00\x43\x00\x50\x37\x3C\x46\x3C\x32\x50\x46\x41\x46\x5A\x55\x50\x5F\x78\xC8\x82"
      "\x78\x6E\x6E\x78\xF5\xAF\xB9\x91\xC8\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF"
      "\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF"
      "\xC0\x00\x0B\x08\x00\x02\x00\x03\x01\x01\x11\x00\xFF\xC4\x00\x1F\x00\x00\x01\x05\x01\x01\x01\x01"
      "\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0A\x0B\xFF\xC4\x00"
      "\xB5\x10\x00\x02\x01\x03\x03\x02\x04\x03\x05\x05\x04\x04\x00\x00\x01\x7D\x01\x02\x03\x00\x04\x11"
      "\x05\x12\x21\x31\x41\x06\x13\x51\x61\x07\x22\x71\x14\x32\x81\x91\xA1\x08\x23\x42\xB1\xC1\x15\x52"
      "\xD1\xF0\x24\x33\x62\x72\x82\x09\x0A\x16\x17\x18\x19\x1A\x25\x26\x27\x28\x29\x2A\x34\x35\x36\x37"
      "\x38\x39\x3A\x43\x44\x45\x46\x47\x48\x49\x4A\x53\x54\x55\x56\x57\x58\x59\x5A\x63\x64\x65\x66\x67"
      "\x68\x69\x6A\x73\x74\x75\x76\x77\x78\x79\x7A\x83\x84\x85\x86\x87\x88\x89\x8A\x92\x93\x94\x95\x96"
      "\x97\x98\x99\x9A\xA2\xA3\xA4\xA5\xA6\xA7\xA8\xA9\xAA\xB2\xB3\xB4\xB5\xB6\xB7\xB8\xB9\xBA\xC2\xC3"
      "\xC4\xC5\xC6\xC7\xC8\xC9\xCA\xD2\xD3\xD4\xD5\xD6\xD7\xD8\xD9\xDA\xE1\xE2\xE3\xE4\xE5\xE6\xE7\xE8"
      "\xE9\xEA\xF1\xF2\xF3\xF4\xF5\xF6\xF7\xF8\xF9\xFA\xFF\xDA\x00\x08\x01\x01\x00\x00\x3F\x00\xB1\x6D"
      "\xFF\x00\x1E\xE9\xF4\xAF\xFF\xD9";
  return std::string(bytes, sizeof bytes - 1);
}

inline std::string big_endian(std::uint32_t value, int count) {
  std::string out;
  for (int i = count - 1; i >= 0; --i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
  return out;
}

/// CRC-32 as PNG chunks use it (PNG spec Annex D), bit by bit: tests need only a few.
inline std::uint32_t png_crc(const std::string& bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (const char c : bytes) {
    crc ^= static_cast<unsigned char>(c);
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return crc ^ 0xFFFFFFFFu;
}

/// The signature, an IHDR chunk and IEND, no image data: enough for the sniffer, not a decoder.
inline std::string png_header(std::uint32_t width, std::uint32_t height, int depth = 8, int colour_type = 2,
                              int interlace = 0) {
  std::string ihdr = big_endian(width, 4) + big_endian(height, 4);
  ihdr += static_cast<char>(depth);
  ihdr += static_cast<char>(colour_type);
  ihdr += std::string(2, '\0');
  ihdr += static_cast<char>(interlace);
  return std::string("\x89PNG\r\n\x1a\n", 8) + big_endian(13, 4) + "IHDR" + ihdr +
         big_endian(png_crc("IHDR" + ihdr), 4) + std::string(4, '\0') + "IEND" + big_endian(png_crc("IEND"), 4);
}

/// SOI, an APP0 segment, a fill byte, the SOFn frame header `marker`, EOI.
inline std::string jpeg_header(int marker, std::uint32_t width, std::uint32_t height, int precision = 8,
                               int components = 3) {
  std::string out("\xFF\xD8", 2);
  out += std::string("\xFF\xE0", 2) + big_endian(7, 2) + std::string("JFIF\0", 5);
  out += "\xFF";  // a fill byte before the next marker (ITU T.81 §B.1.1.2)
  out += "\xFF";
  out += static_cast<char>(marker);
  std::string frame;
  frame += static_cast<char>(precision);
  frame += big_endian(height, 2) + big_endian(width, 2);
  frame += static_cast<char>(components);
  for (int i = 0; i < components; ++i) frame += std::string("\x01\x11\x00", 3);
  out += big_endian(static_cast<std::uint32_t>(frame.size() + 2), 2) + frame;
  return out + std::string("\xFF\xD9", 2);
}

}  // namespace test
