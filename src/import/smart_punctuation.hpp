// Smart punctuation for plain-text articles: straight quotes, double and triple hyphens and three
// periods become typographic characters, with the same rules as cmark's CMARK_OPT_SMART, so that
// .txt and .md articles come out alike. Used by the text reader on every line.
#pragma once

#include <string>
#include <string_view>

namespace octavo::import {

/// Returns `text` with ' and " turned into ‘ ’ “ ” (opening or closing chosen by the characters
/// around them), "--" into an en dash, "---" into an em dash and "..." into an ellipsis; every
/// other byte is kept. Empty text gives empty text; invalid UTF-8 is passed through untouched.
std::string smarten_punctuation(std::string_view text);

}  // namespace octavo::import
