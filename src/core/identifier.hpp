// Stable identifiers: a UUID derived from content (so the same corpus always gets the same book
// identifier) and URL/XML-safe slugs made from titles.
#pragma once

#include <string>
#include <string_view>

namespace octavo::core {

/// "urn:uuid:…" built from the SHA-256 of `content`, with the RFC 4122 version bits set to 5
/// (name-based) and the variant bits to RFC 4122.
std::string uuid_urn_from_content(std::string_view content);

/// Lower-case ASCII letters and digits joined by single hyphens; accents are dropped with the
/// letter kept where it is Latin-1 ("Café" → "cafe"), other characters separate words.
/// Returns `fallback` if nothing is left.
std::string slugify(std::string_view text, std::string_view fallback = "untitled");

}  // namespace octavo::core
