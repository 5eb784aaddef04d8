// The manifest, book.toml: the book's metadata and the ordered list of its articles with their
// provenance. Read first by read_corpus; every value keeps its place in the file for diagnostics.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/source_location.hpp"
#include "core/text_encoding.hpp"
#include "import/article_fields.hpp"

namespace octavo::import {

/// One [[articles]] entry.
struct ManifestArticle {
  std::string file;  ///< a plain file name in the corpus folder: no '/', '\', "." or ".."
  ArticleFields fields;
  core::SourceLocation location;                           ///< of the `file` value
  core::TextEncoding encoding = core::TextEncoding::utf8;  ///< `encoding`, for files not in UTF-8
};

/// A value the manifest gave, and where.
struct ManifestString {
  std::string value;
  core::SourceLocation location;
};

struct Manifest {
  bool parsed = false;  ///< false after a TOML syntax error: nothing else is filled in
  std::optional<ManifestString> title, subtitle, editor, language, publisher, date, identifier, slug;
  std::optional<ManifestString> disclaimer;  ///< never empty or white space only when present
  std::vector<std::string> authors;          ///< `authors` then `author`, in file order
  bool lists_articles = false;               ///< true when there is an `articles` array, even empty
  core::SourceLocation articles_location;    ///< of the `articles` key (the first [[articles]])
  std::vector<ManifestArticle> articles;     ///< valid entries in file order, each file once
};

/// Reads book.toml (`text`), reporting at `path`:line:col a syntax error, an unknown key, a value
/// of the wrong type, a date that is not YYYY-MM-DD, a language that is not a BCP 47 tag, an
/// encoding Octavo cannot decode, an empty disclaimer, characters XML forbids (removed, with a
/// warning), and an article entry with no file, a duplicate file or a file name with a path; values and entries
/// with such errors are left out, and a string left empty counts as not given. Never throws.
Manifest read_manifest(std::string_view text, core::DiagnosticSink& sink, const std::string& path = "book.toml");

}  // namespace octavo::import
