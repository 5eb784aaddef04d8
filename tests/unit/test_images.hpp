// Tiny PNG, JPEG and GIF files for tests: real, decodable ones (made once with Python's zlib and
// libjpeg, or built here with uncompressed image data) and header-only ones built field by field
// for the header sniffer.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

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

/// Adler-32 (RFC 1950 §8.2), the zlib stream's checksum.
inline std::uint32_t adler32(const std::string& bytes) {
  std::uint32_t a = 1, b = 0;
  for (const char c : bytes) {
    a = (a + static_cast<unsigned char>(c)) % 65521;
    b = (b + a) % 65521;
  }
  return (b << 16) | a;
}

/// `data` as a zlib stream of stored (uncompressed) deflate blocks (RFC 1950, RFC 1951 §3.2.4).
inline std::string zlib_stored(const std::string& data) {
  std::string out("\x78\x01", 2);
  std::size_t pos = 0;
  do {
    const std::size_t size = std::min<std::size_t>(65535, data.size() - pos);
    const bool last = pos + size == data.size();
    out += static_cast<char>(last ? 1 : 0);
    out += static_cast<char>(size & 0xFF);
    out += static_cast<char>(size >> 8);
    out += static_cast<char>(~size & 0xFF);
    out += static_cast<char>((~size >> 8) & 0xFF);
    out += data.substr(pos, size);
    pos += size;
  } while (pos < data.size());
  return out + big_endian(adler32(data), 4);
}

inline std::string png_chunk(const std::string& type, const std::string& data) {
  return big_endian(static_cast<std::uint32_t>(data.size()), 4) + type + data + big_endian(png_crc(type + data), 4);
}

/// A real PNG of `width` x `height` pixels, each `samples[(y * width + x) * channels + c]` (one
/// value a sample, at the file's bit depth), with filter 0 and stored deflate; Adam7-interlaced
/// when `interlace`. `extra` chunks (PLTE, tRNS) go before IDAT.
inline std::string png_file(std::uint32_t width, std::uint32_t height, int depth, int colour_type,
                            const std::vector<unsigned>& samples, bool interlace = false,
                            const std::string& extra = {}) {
  const int channels = colour_type == 0 || colour_type == 3 ? 1 : colour_type == 2 ? 3 : colour_type == 4 ? 2 : 4;
  // One scanline of the pixels at x = first, first + step, … of row y.
  const auto scanline = [&](std::uint32_t y, std::uint32_t first, std::uint32_t step) {
    std::string line(1, '\0');  // filter type 0
    unsigned bits = 0, filled = 0;
    for (std::uint32_t x = first; x < width; x += step) {
      for (int c = 0; c < channels; ++c) {
        const unsigned value = samples[(y * width + x) * static_cast<unsigned>(channels) + static_cast<unsigned>(c)];
        if (depth == 16) {
          line += static_cast<char>(value >> 8);
          line += static_cast<char>(value & 0xFF);
        } else if (depth == 8) {
          line += static_cast<char>(value);
        } else {
          bits = (bits << depth) | value;
          filled += static_cast<unsigned>(depth);
          if (filled == 8) {
            line += static_cast<char>(bits);
            bits = filled = 0;
          }
        }
      }
    }
    if (filled > 0) line += static_cast<char>(bits << (8 - filled));
    return line;
  };
  std::string raw;
  if (!interlace) {
    for (std::uint32_t y = 0; y < height; ++y) raw += scanline(y, 0, 1);
  } else {
    // Adam7 (PNG spec §8.2): the seven passes' starting column and row and their steps.
    const std::uint32_t passes[7][4] = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4},
                                        {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};
    for (const auto& pass : passes) {
      if (pass[0] >= width) continue;  // an empty pass has no scanlines at all
      for (std::uint32_t y = pass[1]; y < height; y += pass[3]) raw += scanline(y, pass[0], pass[2]);
    }
  }
  std::string ihdr = big_endian(width, 4) + big_endian(height, 4);
  ihdr += static_cast<char>(depth);
  ihdr += static_cast<char>(colour_type);
  ihdr += std::string(2, '\0');
  ihdr += static_cast<char>(interlace ? 1 : 0);
  return std::string("\x89PNG\r\n\x1a\n", 8) + png_chunk("IHDR", ihdr) + extra + png_chunk("IDAT", zlib_stored(raw)) +
         png_chunk("IEND", "");
}

inline std::string little_endian16(unsigned value) {
  return std::string{static_cast<char>(value & 0xFF), static_cast<char>(value >> 8)};
}

/// One image of a GIF: its place on the screen and its pixels as colour indices.
struct GifFrame {
  unsigned left = 0, top = 0, width = 0, height = 0;
  std::vector<unsigned> indices;
};

/// A real GIF89a with a 256-entry global colour table (`palette` first, then black), an optional
/// transparent index, and `frames`, each with a graphic control extension. The image data is LZW
/// with a clear code before the code size would grow, so every code is 9 bits ("uncompressed GIF").
inline std::string gif_file(unsigned width, unsigned height, const std::vector<std::uint32_t>& palette,
                            const std::vector<GifFrame>& frames, int transparent = -1) {
  std::string out = "GIF89a" + little_endian16(width) + little_endian16(height);
  out += static_cast<char>(0xF7);  // global colour table of 2^(7+1) entries
  out += std::string(2, '\0');
  for (std::size_t i = 0; i < 256; ++i) {
    const std::uint32_t rgb = i < palette.size() ? palette[i] : 0;
    out += big_endian(rgb, 3);
  }
  if (frames.size() > 1) out += std::string("\x21\xFF\x0BNETSCAPE2.0\x03\x01\x00\x00\x00", 19);
  for (const GifFrame& frame : frames) {
    out += std::string("\x21\xF9\x04", 3);
    out += static_cast<char>(transparent >= 0 ? 1 : 0);
    out += little_endian16(10);
    out += static_cast<char>(transparent >= 0 ? transparent : 0);
    out += '\0';
    out += '\x2C' + little_endian16(frame.left) + little_endian16(frame.top) + little_endian16(frame.width) +
           little_endian16(frame.height);
    out += '\0';
    // LZW (GIF89a Appendix F) with minimum code size 8: clear = 256, end = 257, 9-bit codes.
    std::vector<unsigned> codes = {256};
    unsigned run = 0;
    for (const unsigned index : frame.indices) {
      codes.push_back(index);
      if (++run == 254) {
        codes.push_back(256);
        run = 0;
      }
    }
    codes.push_back(257);
    std::string data;
    unsigned long accumulator = 0;
    unsigned bits = 0;
    for (const unsigned code : codes) {
      accumulator |= static_cast<unsigned long>(code) << bits;
      bits += 9;
      while (bits >= 8) {
        data += static_cast<char>(accumulator & 0xFF);
        accumulator >>= 8;
        bits -= 8;
      }
    }
    if (bits > 0) data += static_cast<char>(accumulator & 0xFF);
    out += '\x08';
    for (std::size_t pos = 0; pos < data.size(); pos += 255) {
      const std::string block = data.substr(pos, 255);
      out += static_cast<char>(block.size());
      out += block;
    }
    out += '\0';
  }
  return out + '\x3B';
}

}  // namespace test
