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
#include "import/style_settings.hpp"

namespace octavo::import {

/// One [[articles]] entry.
struct ManifestArticle {
  std::string file;  ///< a path inside the corpus folder ("ch1.md", "part-1/ch1.md"): see is_corpus_path
  ArticleFields fields;
  core::SourceLocation location;                           ///< of the `file` value
  core::TextEncoding encoding = core::TextEncoding::utf8;  ///< `encoding`, for files not in UTF-8
};

/// A value the manifest gave, and where.
struct ManifestString {
  std::string value;
  core::SourceLocation location;
};

/// One [[parts]] entry: the title of the part a folder of the corpus makes.
struct ManifestPart {
  std::string folder;             ///< a path inside the corpus folder, without a final '/'
  std::string title;              ///< never empty
  core::SourceLocation location;  ///< of the `folder` value
};

struct Manifest {
  bool parsed = false;  ///< false after a TOML syntax error: nothing else is filled in
  std::optional<ManifestString> title, subtitle, editor, language, publisher, date, identifier, slug;
  std::optional<ManifestString> disclaimer;  ///< never empty or white space only when present
  std::vector<std::string> authors;          ///< `authors` then `author`, in file order
  bool lists_articles = false;               ///< true when there is an `articles` array, even empty
  core::SourceLocation articles_location;    ///< of the `articles` key (the first [[articles]])
  std::vector<ManifestArticle> articles;     ///< valid entries in file order, each file once
  std::vector<ManifestPart> parts;           ///< valid [[parts]] entries in file order, each folder once
  /// `exclude` glob patterns (import/glob.hpp), a final '/' read as "/**"; never empty strings.
  std::vector<ManifestString> exclude;
  /// `style`, unchecked: style::read_page_style checks it (not given after a syntax error).
  StyleChoice style;
};

/// Reads book.toml (`text`), reporting at `path`:line:col a syntax error, an unknown key, a value
/// of the wrong type, a date that is not YYYY-MM-DD, a language that is not a BCP 47 tag, an
/// encoding Octavo cannot decode, an empty disclaimer, characters XML forbids (removed, with a
/// warning), an article entry with no file, a duplicate file or a path that is not inside the corpus
/// folder (is_corpus_path), a [[parts]] entry without a folder or title or with a duplicate folder,
/// and an empty or absolute `exclude` pattern; values and entries with such errors are left out,
/// and a string left empty counts as not given. Never throws.
Manifest read_manifest(std::string_view text, core::DiagnosticSink& sink, const std::string& path = "book.toml");

}  // namespace octavo::import
