#include "core/utf8.hpp"

#include <cstdio>

namespace octavo::core {

char32_t decode_utf8(std::string_view text, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  int length = 0;
  char32_t code_point = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, code_point = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, code_point = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, code_point = lead & 0x07, minimum = 0x10000;
  } else {
    ++pos;
    return replacement_character;
  }
  if (pos + static_cast<std::size_t>(length) > text.size()) {
    ++pos;
    return replacement_character;
  }
  for (int i = 1; i < length; ++i) {
    const unsigned char next = byte(pos + static_cast<std::size_t>(i));
    if ((next & 0xC0) != 0x80) {
      ++pos;
      return replacement_character;
    }
    code_point = (code_point << 6) | (next & 0x3F);
  }
  // Overlong forms, UTF-16 surrogates and values past U+10FFFF are invalid (RFC 3629 §3).
  if (code_point < minimum || (code_point >= 0xD800 && code_point <= 0xDFFF) || code_point > 0x10FFFF) {
    ++pos;
    return replacement_character;
  }
  pos += static_cast<std::size_t>(length);
  return code_point;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string repair_utf8(std::string_view text, const std::function<void(std::size_t)>& on_invalid) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = decode_utf8(text, pos);
    // A genuine U+FFFD in the input spans three bytes; a replacement for bad input spans one.
    if (cp == replacement_character && pos - start == 1) {
      if (on_invalid) on_invalid(start);
      append_utf8(out, cp);
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

bool is_xml_char(char32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
         (cp >= 0x10000 && cp <= 0x10FFFF);
}

bool is_discouraged_xml_char(char32_t cp) {
  return (cp >= 0x7F && cp <= 0x9F) || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp >= 0x1FFFE && (cp & 0xFFFE) == 0xFFFE);
}

std::string clean_xml_text(std::string_view text, const std::function<void(std::size_t, char32_t)>& on_removed) {
  std::string kept;
  kept.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Printable ASCII is most of any text and always allowed: no need to decode it.
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte >= 0x20 && byte < 0x7F) {
      kept += text[pos++];
      continue;
    }
    const std::size_t start = pos;
    const char32_t cp = decode_utf8(text, pos);
    // A genuine U+FFFD spans three bytes and is kept; a one-byte one stands for an invalid byte.
    const bool invalid = cp == replacement_character && pos - start == 1;
    // The discouraged controls and non-characters go too: they are never text, epubcheck accepts
    // them, but no font draws them, and a C1 control is most often a misread windows-1252 byte.
    if (!invalid && is_xml_char(cp) && !is_discouraged_xml_char(cp)) {
      kept.append(text, start, pos - start);
    } else if (on_removed) {
      on_removed(start, cp);
    }
  }
  return kept;
}

std::string xml_safe(std::string_view text) { return clean_xml_text(repair_utf8(text)); }

std::size_t count_non_text_bytes(std::string_view bytes) {
  std::size_t count = 0;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    const auto byte = static_cast<unsigned char>(bytes[pos]);
    if (byte < 0x80) {
      if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\f' && byte != '\r') ++count;
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    if (decode_utf8(bytes, pos) == replacement_character && pos - start == 1) ++count;
  }
  return count;
}

std::string code_point_name(char32_t code_point) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(code_point));
  return buffer;
}

int column_at(std::string_view line, std::size_t byte_offset) {
  int column = 1;
  std::size_t pos = 0;
  while (pos < byte_offset && pos < line.size()) {
    decode_utf8(line, pos);
    ++column;
  }
  return column;
}

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = decode_utf8(text, pos);
    const bool ascii_alnum = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    // Apostrophes and hyphens join the parts of a word ("it's", "well-being"); dashes do not.
    const bool joiner = cp == '\'' || cp == 0x2019 || cp == '-';
    const bool letter = ascii_alnum || (cp >= 0xC0 && cp != 0x2013 && cp != 0x2014 && cp != 0x201C && cp != 0x201D &&
                                        cp != 0x2018 && cp != 0x2026 && cp != 0xA0 && cp != 0x2019);
    if (letter) {
      if (!in_word) ++words;
      in_word = true;
    } else if (!(joiner && in_word)) {
      in_word = false;
    }
  }
  return words;
}

}  // namespace octavo::core
