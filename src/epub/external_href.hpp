// Links that leave the book: which targets may become an XHTML href, and in what form. Only web
// and mail addresses qualify; anything else (javascript:, file paths, other books) stays text.
#pragma once

#include <string>
#include <string_view>

namespace octavo::epub {

/// The href for an http, https or mailto `target` (core::is_web_or_mail_url), percent-encoded by
/// core::encode_url; empty for any other target.
std::string external_href(std::string_view target);

}  // namespace octavo::epub
