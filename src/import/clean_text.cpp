#include "import/clean_text.hpp"

#include <cstdio>

#include "core/utf8.hpp"

namespace octavo::import {

CleanText clean_text(std::string_view text) {
  CleanText cleaned;
  cleaned.text = core::clean_xml_text(text, [&](std::size_t offset, char32_t code_point) {
    if (cleaned.removed++ > 0) return;
    cleaned.first_at = offset;
    cleaned.first_removed = code_point;
  });
  return cleaned;
}

void warn_removed(const CleanText& cleaned, const core::SourceLocation& at, core::DiagnosticSink& sink) {
  if (cleaned.removed == 0) return;
  // One warning per text, not per character, so that a binary file does not bury the rest.
  std::string message = cleaned.removed == 1 ? "removed a character that XML does not allow ("
                                             : "removed " + std::to_string(cleaned.removed) +
                                                   " characters that XML does not allow (first ";
  message += core::code_point_name(cleaned.first_removed) + ")";
  sink.warning(at, std::move(message));
}

}  // namespace octavo::import
