// Unicode character properties and case mapping, from ICU (Debian libicu-dev): what a character is
// (its general category), the lower case of a text, and which character two characters compose to.
// The only file that includes ICU's headers.
#pragma once

#include <string>
#include <string_view>

namespace octavo::core {

/// The general category of `code_point` as its two-letter alias (Unicode §4.5: "Lu", "Nd", "Zs",
/// …); "Cn" (unassigned) for a code point beyond U+10FFFF.
std::string_view general_category(char32_t code_point);

/// True if `code_point` has the Unicode property Alphabetic (letters, and symbols such as Ⓐ that
/// behave as letters); false otherwise.
bool is_alphabetic(char32_t code_point);

/// `text` (UTF-8) in lower case by Unicode's full default case mapping, whatever the locale: "İ" → "i̇",
/// "ΟΔΟΣ" → "οδος" (final sigma), as JavaScript's toLowerCase. Invalid UTF-8 becomes U+FFFD;
/// empty for empty text.
std::string lower_case(std::string_view text);

/// The character that `first` followed by `second` composes to in Unicode's canonical composition
/// (NFC): U+0065 U+0301 → U+00E9 "é". 0 when the pair has no primary composite.
char32_t canonical_composition(char32_t first, char32_t second);

}  // namespace octavo::core
