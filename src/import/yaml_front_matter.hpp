// YAML front matter → front matter entries, through yaml-cpp: the only file that includes it, and
// nothing yaml-cpp throws gets past it.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "import/front_matter_entry.hpp"
#include "import/source_lines.hpp"

namespace octavo::import {

struct YamlFrontMatter {
  bool is_mapping = true;                 ///< false when the document is a scalar or a list: no front matter at all
  std::string found;                      ///< when not a mapping, what it is ("text", "a list")
  std::vector<FrontMatterEntry> entries;  ///< the top-level keys in file order
};

/// Reads `lines[first, end)` (the lines between the fences; `lines[first - 1]` is the opening
/// one) of the file `path` as a YAML document. Only the first occurrence of a key that `wanted` accepts has its value
/// read, and only as a scalar or a list of scalars: nothing else is walked, so aliases cannot multiply the work (a
/// "billion laughs" document costs what its text costs); a value longer than `max_value_bytes` is `other`. An empty
/// document is a mapping with no entries. A syntax error or nesting too deep for the parser gives nullopt, with an
/// error at its line:col.
std::optional<YamlFrontMatter> read_yaml_front_matter(const std::vector<SourceLine>& lines, std::size_t first,
                                                      std::size_t end, const std::string& path,
                                                      const std::function<bool(std::string_view)>& wanted,
                                                      std::size_t max_value_bytes, core::DiagnosticSink& sink);

}  // namespace octavo::import
