// Links that leave the book: which targets count as web or mail addresses, and their URI form.
// Shared by the Markdown reader, the source notes, the EPUB writer and layout/PDF, so that a
// target is a link in both books or in neither.
#pragma once

#include <string>
#include <string_view>

namespace octavo::core {

/// True for "http://…", "https://…" and "mailto:…", the scheme in any case (RFC 3986 §3.1);
/// false for every other scheme, an anchor, a relative path and the empty string.
bool is_web_or_mail_url(std::string_view url);

/// `url` with every byte a URI may not hold percent-encoded (RFC 3986 §2.1): controls, space,
/// non-ASCII bytes, `"<>\^`{|}`, a '%' not starting a valid %XX escape, '[' or ']' outside the
/// host, and every '#' after the first. Always 7-bit ASCII; empty for the empty string.
std::string encode_url(std::string_view url);

/// `text` with every %XX escape replaced by its byte ("my%20file.md" → "my file.md"); a '%' that
/// starts no valid escape stays as it is. The result may be invalid UTF-8 (callers check).
std::string percent_decode(std::string_view text);

/// True if `url` starts with a scheme (RFC 3986 §3.1: a letter, then letters, digits, '+', '-'
/// or '.', then ':') or is a network-path reference ("//host/x", §4.2): it names something
/// outside the corpus. False for relative paths, "#fragments" and the empty string.
bool has_scheme_or_host(std::string_view url);

}  // namespace octavo::core
