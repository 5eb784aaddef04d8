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
/// Two hyphens that begin an option's name (option_name_length) are kept as written.
std::string smarten_punctuation(std::string_view text);

/// The length in bytes of the command-line option's name at byte `pos` of `text` ("--all",
/// "--no-color" in "(--no-color)"), 0 if none begins there: exactly two hyphens at a word's start
/// (after nothing, white space or an opening bracket), an ASCII letter, then ASCII letters, digits,
/// '_' and single '-'. An en dash there would change the option a reader copies: smart
/// punctuation keeps the hyphens, in .txt articles and, after cmark, in Markdown
/// (markdown_article).
std::size_t option_name_length(std::string_view text, std::size_t pos);

/// What smart punctuation makes of a run of `hyphens` (≥ 2) hyphens, as cmark counts them: en and
/// em dashes.
std::string smart_dashes(std::size_t hyphens);

}  // namespace octavo::import
