#include "import/source_lines.hpp"

#include <cstddef>
#include <utility>

#include "core/utf8.hpp"
#include "import/clean_text.hpp"

namespace octavo::import {

namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

// A line of form feeds and blanks only: a page break of plain text (the GNU licences have one
// between sections), read as the blank line it stands for.
bool is_page_break(std::string_view raw) {
  return raw.find('\f') != std::string_view::npos && raw.find_first_not_of("\f \t") == std::string_view::npos;
}

// Repairs and filters one line; reports at most one warning of each kind, at the first offender,
// so a binary file gives one line of diagnostics per line rather than one per byte.
std::string clean_line(std::string_view raw, const std::string& path, int number, core::DiagnosticSink& sink) {
  if (is_page_break(raw)) return {};
  // Nearly every line is valid and is cleaned as it is, without a repaired copy first.
  std::string repaired;
  std::string_view text = raw;
  if (const std::size_t first_invalid = core::find_invalid_utf8(raw); first_invalid != std::string_view::npos) {
    sink.warning({path, number, core::column_at(raw, first_invalid)}, "invalid UTF-8 replaced by U+FFFD");
    repaired = core::repair_utf8(raw);
    text = repaired;
  }
  CleanText cleaned = clean_text(text);
  if (cleaned.removed > 0) warn_removed(cleaned, {path, number, core::column_at(text, cleaned.first_at)}, sink);
  return std::move(cleaned.text);
}

}  // namespace

std::vector<SourceLine> read_source_lines(const std::string& path, std::string_view bytes, core::DiagnosticSink& sink) {
  if (bytes.substr(0, byte_order_mark.size()) == byte_order_mark) bytes.remove_prefix(byte_order_mark.size());
  std::vector<SourceLine> lines;
  std::size_t start = 0;
  int number = 1;
  while (start < bytes.size()) {
    // A plain scan: find_first_of searches its set once per byte (a memchr call each), which
    // was most of the time spent here.
    std::size_t end = start;
    while (end < bytes.size() && bytes[end] != '\n' && bytes[end] != '\r') ++end;
    lines.push_back({number, clean_line(bytes.substr(start, end - start), path, number, sink)});
    ++number;
    if (end < bytes.size() && bytes[end] == '\r' && end + 1 < bytes.size() && bytes[end + 1] == '\n') ++end;
    start = end + 1;
  }
  return lines;
}

}  // namespace octavo::import
