// The front matter of a Markdown article: YAML between a first line "---" and the next "---" or
// "..." line, or TOML between "+++" lines. Read by the Markdown reader before cmark-gfm sees the
// rest of the file; its keys become the article's title and provenance.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "import/article_fields.hpp"
#include "import/source_lines.hpp"
#include "import/unused_front_matter_keys.hpp"

namespace octavo::import {

/// The keys read, for messages; where several name one field, the first given wins.
inline constexpr std::string_view front_matter_keys =
    "title, author, authors, date, source, canonical_url, url, retrieved, lang, language, description";

/// A front matter block longer than this is an error and is not read: real ones are a few
/// hundred bytes, and the bound keeps a pathological block (a huge or deeply nested YAML
/// document) from costing more than a moment.
inline constexpr std::size_t max_front_matter_bytes = 64 * 1024;

struct FrontMatter {
  ArticleFields fields;        ///< empty where not given
  std::size_t body_begin = 0;  ///< index in `lines` of the first line after the front matter
};

/// Reads the front matter at the top of `lines` and fills the fields: title; author, or authors
/// (a string or a list, joined with ", "); date (as written); source, else canonical_url, else
/// url; retrieved (YYYY-MM-DD); lang, else language (a BCP 47 tag); description. Syntax errors,
/// wrong types and bad dates are errors at their line:col in `path`; a bad language tag is a
/// warning; other keys go to `unused`. A block that cannot be read still ends at its closing
/// line. No front matter, an unclosed one (a warning for "+++"; "---" is also a thematic break),
/// or YAML that is not a mapping (a warning) gives empty fields and body_begin 0.
FrontMatter read_front_matter(const std::vector<SourceLine>& lines, const std::string& path,
                              UnusedFrontMatterKeys& unused, core::DiagnosticSink& sink);

}  // namespace octavo::import
