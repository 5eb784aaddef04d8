#include "import/source_lines.hpp"

#include <cstddef>
#include <cstdio>

#include "core/utf8.hpp"

namespace octavo::import {

namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

// Repairs and filters one line; reports at most one warning of each kind, at the first offender,
// so a binary file gives one line of diagnostics per line rather than one per byte.
std::string clean_line(std::string_view raw, const std::string& path, int number, core::DiagnosticSink& sink) {
  std::size_t first_invalid = std::string_view::npos;
  std::string text = core::repair_utf8(raw, [&](std::size_t offset) {
    if (first_invalid == std::string_view::npos) first_invalid = offset;
  });
  if (first_invalid != std::string_view::npos) {
    sink.warning({path, number, core::column_at(raw, first_invalid)}, "invalid UTF-8 replaced by U+FFFD");
  }
  std::string kept;
  kept.reserve(text.size());
  std::size_t removed = 0;
  int first_column = 0;
  char32_t first_removed = 0;
  int column = 1;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Printable ASCII is most of any prose line and always allowed: skip decoding it.
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte >= 0x20 && byte < 0x80) {
      kept += text[pos++];
      ++column;
      continue;
    }
    const std::size_t start = pos;
    const char32_t cp = core::decode_utf8(text, pos);
    if (core::is_xml_char(cp)) {
      kept.append(text, start, pos - start);
    } else {
      if (removed == 0) {
        first_column = column;
        first_removed = cp;
      }
      ++removed;
    }
    ++column;
  }
  if (removed > 0) {
    std::string message = removed == 1
                              ? "removed a character that XML does not allow ("
                              : "removed " + std::to_string(removed) + " characters that XML does not allow (first ";
    message += code_point_name(first_removed) + ")";
    sink.warning({path, number, first_column}, std::move(message));
  }
  return kept;
}

}  // namespace

std::string code_point_name(char32_t code_point) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(code_point));
  return buffer;
}

std::vector<SourceLine> read_source_lines(const std::string& path, std::string_view bytes, core::DiagnosticSink& sink) {
  if (bytes.substr(0, byte_order_mark.size()) == byte_order_mark) bytes.remove_prefix(byte_order_mark.size());
  std::vector<SourceLine> lines;
  std::size_t start = 0;
  int number = 1;
  while (start < bytes.size()) {
    std::size_t end = bytes.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = bytes.size();
    lines.push_back({number, clean_line(bytes.substr(start, end - start), path, number, sink)});
    ++number;
    if (end < bytes.size() && bytes[end] == '\r' && end + 1 < bytes.size() && bytes[end + 1] == '\n') ++end;
    start = end + 1;
  }
  return lines;
}

}  // namespace octavo::import
