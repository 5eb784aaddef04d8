// UTF-8 decoding, validation and the XML 1.0 character rules. Every string that enters an
// XML tree or a PDF passes through here: neither cmark nor pugixml filters illegal characters.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace octavo::core {

inline constexpr char32_t replacement_character = 0xFFFD;

/// Decodes like decode_utf8, without its inline ASCII shortcut: the out-of-line part, for a lead
/// byte of 0x80 or more. An invalid, overlong, surrogate or truncated sequence yields U+FFFD and
/// advances by one byte.
char32_t decode_utf8_sequence(std::string_view text, std::size_t& pos);

/// Decodes the code point at `pos` (which must be inside `text`) and advances `pos` past it. An
/// invalid, overlong, surrogate or truncated sequence yields U+FFFD and advances by one byte.
inline char32_t decode_utf8(std::string_view text, std::size_t& pos) {
  // Nearly all text is ASCII: one byte, no table, no call.
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  return decode_utf8_sequence(text, pos);
}

/// Number of leading bytes of `text` below 0x80; 0 for empty text or a first byte of 0x80 or more.
std::size_t ascii_prefix_length(std::string_view text);

/// Offset of the first byte at or after `from` that is not part of valid UTF-8 (where
/// decode_utf8 yields a one-byte U+FFFD); `std::string_view::npos` when there is none.
std::size_t find_invalid_utf8(std::string_view text, std::size_t from = 0);

/// True when `text` is valid UTF-8 (repair_utf8 would return it unchanged); true for empty text.
bool is_valid_utf8(std::string_view text);

/// Appends the UTF-8 encoding of `code_point` (which must be a Unicode scalar value).
void append_utf8(std::string& out, char32_t code_point);

/// Replaces every invalid sequence with U+FFFD; calls `on_invalid(byte_offset)` for each one.
/// Returns the input unchanged when it is valid UTF-8.
std::string repair_utf8(std::string_view text, const std::function<void(std::size_t byte_offset)>& on_invalid = {});

/// True for the characters XML 1.0 allows (§2.2 Char): TAB, LF, CR, U+0020–U+D7FF,
/// U+E000–U+FFFD, U+10000–U+10FFFF.
bool is_xml_char(char32_t code_point);

/// True for the characters XML 1.0 allows but discourages (§2.2): the controls U+007F–U+009F and
/// the non-characters U+FDD0–U+FDEF and U+xFFFE, U+xFFFF of every plane above the first.
bool is_discouraged_xml_char(char32_t code_point);

/// Removes every character XML 1.0 forbids or discourages (is_discouraged_xml_char), and every
/// byte that is not part of valid UTF-8, calling `on_removed(byte_offset, code_point)` for each
/// removal (an invalid byte is reported as U+FFFD). Returns the input unchanged when nothing is
/// removed; never fails.
std::string clean_xml_text(std::string_view text,
                           const std::function<void(std::size_t byte_offset, char32_t code_point)>& on_removed = {});

/// Drops every character XML 1.0 forbids or discourages (and repairs invalid UTF-8 to U+FFFD first).
std::string xml_safe(std::string_view text);

/// How many bytes of `bytes` no text file holds: NUL and the other C0 controls but TAB, LF, FF
/// and CR, and bytes that are not part of valid UTF-8. 0 for empty input.
std::size_t count_non_text_bytes(std::string_view bytes);

/// Number of code points in `text` before byte offset `byte_offset`, plus one: a 1-based column.
int column_at(std::string_view line, std::size_t byte_offset);

/// "U+0041", "U+1F600": how diagnostics name a character (at least four hex digits).
std::string code_point_name(char32_t code_point);

/// Counts words: maximal runs of letters, digits and the apostrophes or hyphens inside them.
/// Non-ASCII code points count as letters. Returns 0 for empty or punctuation-only text.
std::size_t count_words(std::string_view text);

}  // namespace octavo::core
