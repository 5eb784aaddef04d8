// BCP 47 language tags ("en", "en-GB", "zh-Hant-TW"): the book's language, checked when
// book.toml is read and relied on by the EPUB package (dc:language) and xml:lang attributes.
#pragma once

#include <string_view>

namespace octavo::core {

/// True for a well-formed tag (RFC 5646 §2.1, §2.2.9): language, then optional script,
/// region, variants, extensions and private use, or a grandfathered tag; letters in any case.
/// False for the empty string, "en_US", "en-", "e" and any other malformed tag.
bool is_language_tag(std::string_view tag);

}  // namespace octavo::core
