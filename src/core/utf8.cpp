#include "core/utf8.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "core/word_scan.hpp"

namespace octavo::core {

namespace {

// Whether some byte of `word` is outside U+0020–U+007E: below 0x20 (borrow into a high bit that
// was clear) or 0x7F and above (adding one reaches or keeps the high bit).
bool has_non_printable_byte(std::uint64_t word) {
  return ((((word - word_ones * 0x20) & ~word) | (word + word_ones) | word) & word_high_bits) != 0;
}

bool is_printable_ascii(unsigned char byte) { return byte >= 0x20 && byte < 0x7F; }

// Number of leading bytes of `text` in U+0020–U+007E: the characters clean_xml_text always keeps.
std::size_t printable_ascii_prefix_length(std::string_view text) {
  return scanned_prefix_length(text, has_non_printable_byte, is_printable_ascii);
}

}  // namespace

char32_t decode_utf8_sequence(std::string_view text, std::size_t& pos) {
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

std::size_t ascii_prefix_length(std::string_view text) {
  return scanned_prefix_length(
      text, [](std::uint64_t word) { return (word & word_high_bits) != 0; },
      [](unsigned char byte) { return byte < 0x80; });
}

std::size_t find_invalid_utf8(std::string_view text, std::size_t from) {
  std::size_t pos = from;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      pos += ascii_prefix_length(text.substr(pos));
      continue;
    }
    const std::size_t start = pos;
    // A genuine U+FFFD in the input spans three bytes; a replacement for bad input spans one.
    if (decode_utf8_sequence(text, pos) == replacement_character && pos - start == 1) return start;
  }
  return std::string_view::npos;
}

bool is_valid_utf8(std::string_view text) { return find_invalid_utf8(text) == std::string_view::npos; }

std::string repair_utf8(std::string_view text, const std::function<void(std::size_t)>& on_invalid) {
  std::size_t invalid = find_invalid_utf8(text);
  if (invalid == std::string_view::npos) return std::string(text);
  // Valid stretches are copied whole; each invalid byte becomes one U+FFFD.
  std::string out;
  out.reserve(text.size());
  std::size_t done = 0;
  for (; invalid != std::string_view::npos; invalid = find_invalid_utf8(text, done)) {
    out.append(text.substr(done, invalid - done));
    if (on_invalid) on_invalid(invalid);
    append_utf8(out, replacement_character);
    done = invalid + 1;
  }
  out.append(text.substr(done));
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
  // Printable ASCII is most of any text and always allowed: copied a run at a time, undecoded,
  // and text that is nothing else is returned as it is.
  std::size_t pos = printable_ascii_prefix_length(text);
  if (pos == text.size()) return std::string(text);
  std::string kept;
  kept.reserve(text.size());
  kept.append(text.substr(0, pos));
  while (pos < text.size()) {
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
    const std::size_t run = printable_ascii_prefix_length(text.substr(pos));
    kept.append(text.substr(pos, run));
    pos += run;
  }
  return kept;
}

// Valid text (nearly all) is not copied once more just to be repaired.
std::string xml_safe(std::string_view text) {
  return is_valid_utf8(text) ? clean_xml_text(text) : clean_xml_text(repair_utf8(text));
}

std::size_t count_non_text_bytes(std::string_view bytes) {
  // Every article's bytes go through here: printable ASCII, nearly all of them, is stepped over a
  // run at a time (a run ends at each line feed), and only the bytes between runs are looked at.
  std::size_t count = 0;
  std::size_t pos = printable_ascii_prefix_length(bytes);
  while (pos < bytes.size()) {
    const auto byte = static_cast<unsigned char>(bytes[pos]);
    if (byte < 0x80) {
      if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\f' && byte != '\r') ++count;
      ++pos;
    } else {
      const std::size_t start = pos;
      if (decode_utf8(bytes, pos) == replacement_character && pos - start == 1) ++count;
    }
    pos += printable_ascii_prefix_length(bytes.substr(pos));
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

namespace {

// What a character is to count_words: part of a word, a joiner between two parts of one
// (apostrophes and hyphens: "it's", "well-being"; dashes are not), or neither.
// The values are bits, which count_words masks and shifts.
enum WordClass : unsigned char { not_in_word = 0, word_letter = 1, word_joiner = 2 };

// The ASCII characters' classes, looked up per byte: counting the words of every article for the
// source notes decoded each character and compared it a dozen times, 5 % of a rebuild's samples.
constexpr std::array<unsigned char, 0x80> ascii_word_classes = [] {
  std::array<unsigned char, 0x80> classes{};
  for (char c = '0'; c <= '9'; ++c) classes[static_cast<unsigned char>(c)] = word_letter;
  for (char c = 'a'; c <= 'z'; ++c) classes[static_cast<unsigned char>(c)] = word_letter;
  for (char c = 'A'; c <= 'Z'; ++c) classes[static_cast<unsigned char>(c)] = word_letter;
  classes['\''] = word_joiner;
  classes['-'] = word_joiner;
  return classes;
}();

// Past ASCII, letters from U+00C0 on but for the dashes, quotes, ellipsis and no-break space
// typography puts between words; the right single quote is an apostrophe, a joiner.
WordClass non_ascii_word_class(char32_t cp) {
  if (cp == 0x2019) return word_joiner;
  const bool letter = cp >= 0xC0 && cp != 0x2013 && cp != 0x2014 && cp != 0x201C && cp != 0x201D && cp != 0x2018 &&
                      cp != 0x2026 && cp != 0xA0;
  return letter ? word_letter : not_in_word;
}

}  // namespace

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  unsigned in_word = 0;  // 1 inside a word
  // A word starts at a letter outside one; a joiner keeps a word going, anything else ends it.
  // In arithmetic rather than branches: word boundaries come every few bytes, too often to predict.
  const auto step = [&](unsigned word_class) {
    const unsigned letter = word_class & 1U;
    const unsigned joiner = word_class >> 1U;
    words += letter & (in_word ^ 1U);
    in_word = letter | (joiner & in_word);
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t ascii_end = pos;
    for (; ascii_end < text.size(); ++ascii_end) {
      const auto byte = static_cast<unsigned char>(text[ascii_end]);
      if (byte >= 0x80) break;
      step(ascii_word_classes[byte]);
    }
    pos = ascii_end;
    if (pos < text.size()) step(non_ascii_word_class(decode_utf8_sequence(text, pos)));
  }
  return words;
}

}  // namespace octavo::core
