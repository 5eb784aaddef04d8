#include "core/text_encoding.hpp"

#include <array>
#include <cctype>

#include "core/utf8.hpp"

namespace octavo::core {

namespace {

// Windows-1252 bytes 0x80–0x9F, from the WHATWG Encoding Standard's index-windows-1252 (the
// unicode.org cp1252 table agrees); 0 marks the five bytes that table leaves undefined.
constexpr std::array<char16_t, 32> windows_1252_high = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80–87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88–8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90–97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98–9F
};

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

}  // namespace

std::optional<TextEncoding> text_encoding_named(std::string_view label) {
  for (std::string_view name : {"utf-8", "utf8"}) {
    if (equal_ignoring_case(label, name)) return TextEncoding::utf8;
  }
  for (std::string_view name : {"windows-1252", "cp1252"}) {
    if (equal_ignoring_case(label, name)) return TextEncoding::windows_1252;
  }
  for (std::string_view name : {"latin-1", "latin1", "iso-8859-1"}) {
    if (equal_ignoring_case(label, name)) return TextEncoding::latin_1;
  }
  return std::nullopt;
}

std::string_view text_encoding_label(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::windows_1252: return "windows-1252";
    case TextEncoding::latin_1: return "latin-1";
    case TextEncoding::utf8: break;
  }
  return "utf-8";
}

std::string decode_to_utf8(std::string_view bytes, TextEncoding encoding,
                           const std::function<void(std::size_t)>& on_undefined) {
  if (encoding == TextEncoding::utf8) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    if (byte < 0x80) {
      out += static_cast<char>(byte);
      continue;
    }
    // Latin-1 maps every byte to the code point of the same value; windows-1252 differs only in
    // 0x80–0x9F, where Latin-1 has the C1 controls.
    char32_t code_point = byte;
    if (encoding == TextEncoding::windows_1252 && byte <= 0x9F) {
      code_point = windows_1252_high[byte - 0x80];
      if (code_point == 0) {
        code_point = replacement_character;
        if (on_undefined) on_undefined(i);
      }
    }
    append_utf8(out, code_point);
  }
  return out;
}

}  // namespace octavo::core
