// Diagnostics as people read them: format_diagnostic's first line, then the source line it points
// at with a caret under its column, as rustc and ninja print them. The command line's default.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/file_system.hpp"

namespace octavo::core {

/// Formats diagnostics with an excerpt of their source, reading each file at most once.
class SourceExcerpts {
 public:
  /// `files` is rooted at the corpus, as the diagnostics' paths are; it must outlive this object.
  explicit SourceExcerpts(const FileSystem& files) : files_(files) {}

  /// The diagnostic with its source line:
  ///
  ///     chapter.md:3:7: warning: raw HTML is shown as text, not interpreted
  ///       |
  ///     3 | Some <b>bold</b> text
  ///       |      ^
  ///       = hint: …
  ///
  /// Without a caret line when the column is 0. Exactly format_diagnostic's text when the
  /// diagnostic has no line, its file is not readable inside the corpus, or the file has no such
  /// line or column. Never throws for any bytes in the file.
  std::string format(const Diagnostic& diagnostic);

 private:
  struct SourceFile {
    std::string bytes;
    std::vector<std::size_t> line_starts;  ///< byte offset of each line; the first is 0
  };
  /// nullptr when `path` cannot be read inside the corpus.
  const SourceFile* source_file(const std::string& path);

  const FileSystem& files_;
  std::map<std::string, std::optional<SourceFile>> cache_;  // by the diagnostic's path
};

}  // namespace octavo::core
