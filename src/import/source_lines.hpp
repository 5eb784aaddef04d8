// Decoding an article file into clean lines: the first step of both article readers. Drops a
// byte-order mark, repairs invalid UTF-8, removes characters XML 1.0 forbids and splits lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"

namespace octavo::import {

struct SourceLine {
  int number = 0;    ///< 1-based line number in the file
  std::string text;  ///< valid UTF-8, only XML characters, no line ending; tabs are kept
};

/// Splits `bytes` at LF, CRLF or a lone CR after dropping a UTF-8 byte-order mark. Invalid UTF-8
/// becomes U+FFFD and characters XML 1.0 forbids are removed, each with one warning per line at
/// `path`:line:col; a line of nothing but form feeds and blanks (a page break of plain text) is
/// empty, without a warning. A final line ending adds no empty line; empty input gives no lines.
std::vector<SourceLine> read_source_lines(const std::string& path, std::string_view bytes, core::DiagnosticSink& sink);

}  // namespace octavo::import
