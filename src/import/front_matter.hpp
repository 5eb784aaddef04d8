// TOML front matter of a markdown article: the lines between a first line "+++" and the next
// "+++" line. Read by the markdown reader before cmark sees the rest of the file.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "import/article_fields.hpp"
#include "import/source_lines.hpp"

namespace octavo::import {

struct FrontMatter {
  ArticleFields fields;        ///< title, source, retrieved, author; empty where not given
  std::size_t body_begin = 0;  ///< index in `lines` of the first line after the front matter
};

/// Reads the front matter at the top of `lines`, reporting syntax errors, unknown keys, wrong
/// types and bad dates at their real line in `path`. No front matter (or one that is never
/// closed, with a warning) gives empty fields and body_begin 0.
FrontMatter read_front_matter(const std::vector<SourceLine>& lines, const std::string& path,
                              core::DiagnosticSink& sink);

}  // namespace octavo::import
