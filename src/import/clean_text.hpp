// Imported text made fit for XML: characters XML 1.0 forbids are removed (core::clean_xml_text)
// with one warning per text. Used by the line reader, the Markdown reader and TOML values.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/diagnostics.hpp"

namespace octavo::import {

struct CleanText {
  std::string text;            ///< the input without the characters XML 1.0 forbids
  std::size_t removed = 0;     ///< how many characters (or invalid bytes) were removed; 0 if none
  std::size_t first_at = 0;    ///< byte offset in the input of the first one removed
  char32_t first_removed = 0;  ///< the first one removed; U+FFFD for an invalid byte
};

/// Removes what core::clean_xml_text removes and counts it; the text unchanged if it is clean.
CleanText clean_text(std::string_view text);

/// Warns at `at` when `cleaned` removed anything: "removed a character that XML does not allow
/// (U+0001)" or "removed 3 characters that XML does not allow (first U+0000)". Nothing otherwise.
void warn_removed(const CleanText& cleaned, const core::SourceLocation& at, core::DiagnosticSink& sink);

}  // namespace octavo::import
