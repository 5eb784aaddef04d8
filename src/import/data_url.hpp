// data: URLs (RFC 2397): a picture's bytes written into the page that shows it, as pages saved
// whole (SingleFile) and Markdown with inline images hold them. Only decoding; what the bytes are
// is examine_image's question.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace octavo::import {

/// Whether `url` starts with the scheme "data:", in any case. False for the empty string.
bool is_data_url(std::string_view url);

/// The data a data: URL holds, after its first comma: base64 when the header ends with ";base64"
/// (RFC 4648 §4; white space skipped, as HTML attributes may wrap it), otherwise %XX escapes
/// decoded. nullopt when `url` is not a data: URL, has no comma, or its base64 holds another
/// character or ends on a cut quantum.
std::optional<std::string> data_url_bytes(std::string_view url);

/// How messages name a data: URL without echoing its data: the header (at most 40 characters of
/// it), then ",…" ("data:image/png;base64,…"), or "…" alone when there is no comma.
std::string data_url_label(std::string_view url);

}  // namespace octavo::import
