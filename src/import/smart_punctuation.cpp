#include "import/smart_punctuation.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/utf8.hpp"
#include "core/word_scan.hpp"

namespace octavo::import {

namespace {

constexpr std::string_view left_single = "\xE2\x80\x98";   // ‘
constexpr std::string_view right_single = "\xE2\x80\x99";  // ’
constexpr std::string_view left_double = "\xE2\x80\x9C";   // “
constexpr std::string_view right_double = "\xE2\x80\x9D";  // ”
constexpr std::string_view en_dash = "\xE2\x80\x93";       // –
constexpr std::string_view em_dash = "\xE2\x80\x94";       // —
constexpr std::string_view ellipsis = "\xE2\x80\xA6";      // …

// cmark_utf8proc_is_space: Unicode Zs plus the ASCII white space characters.
bool is_space(char32_t cp) {
  return cp == '\t' || cp == '\n' || cp == '\f' || cp == '\r' || cp == ' ' || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// cmark_utf8proc_is_punctuation: ASCII punctuation, plus Unicode P* categories. cmark consults
// the full Unicode tables; this covers the punctuation blocks that occur in Latin-script prose
// (Latin-1, General Punctuation, CJK and full-width forms), which is a deliberate approximation.
bool is_punctuation(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) || (cp >= 0x5B && cp <= 0x60) ||
           (cp >= 0x7B && cp <= 0x7E);
  }
  return cp == 0xA1 || cp == 0xA7 || cp == 0xAB || cp == 0xB6 || cp == 0xB7 || cp == 0xBB || cp == 0xBF ||
         cp == 0x37E || cp == 0x387 || (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) ||
         (cp >= 0x2E00 && cp <= 0x2E4F) || (cp >= 0x3001 && cp <= 0x3003) || (cp >= 0x3008 && cp <= 0x3011) ||
         (cp >= 0x3014 && cp <= 0x301F) || (cp >= 0xFE10 && cp <= 0xFE19) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFE50 && cp <= 0xFE6B) || (cp >= 0xFF01 && cp <= 0xFF03) || (cp >= 0xFF05 && cp <= 0xFF0A) ||
         (cp >= 0xFF0C && cp <= 0xFF0F) || cp == 0xFF1A || cp == 0xFF1B || cp == 0xFF1F || cp == 0xFF20 ||
         (cp >= 0xFF3B && cp <= 0xFF3D) || cp == 0xFF3F || cp == 0xFF5B || cp == 0xFF5D ||
         (cp >= 0xFF5F && cp <= 0xFF65);
}

// The code point that ends just before byte `pos`; '\n' at the start, as cmark treats it.
char32_t code_point_before(std::string_view text, std::size_t pos) {
  if (pos == 0) return '\n';
  std::size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  std::size_t cursor = start;
  const char32_t cp = core::decode_utf8(text, cursor);
  return cursor == pos ? cp : core::replacement_character;
}

char32_t code_point_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return '\n';
  return core::decode_utf8(text, pos);
}

// A quote waiting for its partner: where its three output bytes sit and which quote it is.
struct OpenQuote {
  std::size_t output_offset;
  char quote;
};

// cmark's handle_hyphen: a run of n ≥ 2 hyphens becomes all em dashes when n is divisible by 3,
// else all en dashes when it is even, else em dashes followed by one or two en dashes.
void append_dashes(std::string& out, std::size_t hyphens) {
  std::size_t em = 0, en = 0;
  if (hyphens % 3 == 0) {
    em = hyphens / 3;
  } else if (hyphens % 2 == 0) {
    en = hyphens / 2;
  } else if (hyphens % 3 == 2) {
    en = 1, em = (hyphens - 2) / 3;
  } else {
    en = 2, em = (hyphens - 4) / 3;
  }
  for (std::size_t i = 0; i < em; ++i) out += em_dash;
  for (std::size_t i = 0; i < en; ++i) out += en_dash;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Whether smarten_punctuation may change something starting at `c`: a quote, a dash or an ellipsis
// (an option name starts with a dash too).
bool may_be_smartened(char c) { return c == '\'' || c == '"' || c == '-' || c == '.'; }

// The first byte at or after `pos` that may_be_smartened, or the text's end, words at a time
// while none of their bytes is one: prose runs tens of bytes between them, and the byte-by-byte
// scan was most of this file's time (reading the bench's 1,000 articles: 77 of a rebuild's 2,469
// samples).
std::size_t next_candidate(std::string_view text, std::size_t pos) {
  const auto holds_candidate = [](std::uint64_t word) {
    return core::word_has_byte(word, '\'') || core::word_has_byte(word, '"') || core::word_has_byte(word, '-') ||
           core::word_has_byte(word, '.');
  };
  const auto not_candidate = [](unsigned char byte) { return !may_be_smartened(static_cast<char>(byte)); };
  return pos + core::scanned_prefix_length(text.substr(pos), holds_candidate, not_candidate);
}

}  // namespace

std::string smart_dashes(std::size_t hyphens) {
  std::string out;
  append_dashes(out, hyphens);
  return out;
}

std::size_t option_name_length(std::string_view text, std::size_t pos) {
  if (text.substr(pos, 2) != "--" || pos + 2 >= text.size() || !is_ascii_letter(text[pos + 2])) return 0;
  const char32_t before = code_point_before(text, pos);
  if (before != '(' && before != '[' && before != '{' && !is_space(before)) return 0;  // '\n' at the start
  std::size_t end = pos + 3;
  while (end < text.size() && (is_ascii_letter(text[end]) || (text[end] >= '0' && text[end] <= '9') ||
                               text[end] == '_' || (text[end] == '-' && text.substr(end, 2) != "--"))) {
    ++end;
  }
  return end - pos;
}

std::string smarten_punctuation(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  // Openers not yet matched, per quote character. cmark pairs a closer with the nearest earlier
  // opener of the same character (inlines.c, process_emphasis); a stack per character does that.
  std::vector<OpenQuote> open_single, open_double;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == '\'' || c == '"') {
      // Flanking rules of CommonMark 0.30 §6.2 for a one-character delimiter run, with cmark's
      // own conditions for quotes: one right after '(' or '[' may open even when it could also
      // close, and one right after ']' or ')' never opens (inlines.c, scan_delims).
      const char32_t before = code_point_before(text, pos);
      const char32_t after = code_point_at(text, pos + 1);
      const bool left_flanking =
          !is_space(after) && (!is_punctuation(after) || is_space(before) || is_punctuation(before));
      const bool right_flanking =
          !is_space(before) && (!is_punctuation(before) || is_space(after) || is_punctuation(after));
      const bool can_open =
          left_flanking && (!right_flanking || before == '(' || before == '[') && before != ']' && before != ')';
      const bool can_close = right_flanking;
      std::vector<OpenQuote>& openers = c == '\'' ? open_single : open_double;
      const std::string_view left = c == '\'' ? left_single : left_double;
      const std::string_view right = c == '\'' ? right_single : right_double;
      if (can_close && !openers.empty()) {
        out.replace(openers.back().output_offset, 3, left);
        openers.pop_back();
        out += right;
      } else {
        // cmark's first guess, which stands when nothing pairs with it later: ’ for a single
        // quote; for a double quote ” when it could close, else “. A closer with no opener is
        // written as a closing quote even when it may still open.
        if (can_open) openers.push_back({out.size(), c});
        out += c == '\'' || can_close ? right : left;
      }
      ++pos;
    } else if (const std::size_t option = option_name_length(text, pos); option > 0) {
      out += text.substr(pos, option);
      pos += option;
    } else if (c == '-' && pos + 1 < text.size() && text[pos + 1] == '-') {
      std::size_t end = pos;
      while (end < text.size() && text[end] == '-') ++end;
      append_dashes(out, end - pos);
      pos = end;
    } else if (c == '.' && text.substr(pos, 3) == "...") {
      out += ellipsis;
      pos += 3;
    } else {
      // Bytes that start none of the above are copied as they are, a run at a time.
      const std::size_t end = next_candidate(text, pos + 1);
      out += text.substr(pos, end - pos);
      pos = end;
    }
  }
  return out;
}

}  // namespace octavo::import
