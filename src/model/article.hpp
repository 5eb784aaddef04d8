// One article of the corpus: its title, its blocks and where it came from (provenance).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/source_location.hpp"
#include "model/block.hpp"

namespace octavo::model {

/// Where an article came from. Filled by the importer; never invented.
struct Provenance {
  std::string file;            ///< corpus file name, relative to the corpus root
  std::string source;          ///< URL or free text from the manifest; empty if not recorded
  std::string retrieved;       ///< ISO date from the manifest; empty if not recorded
  std::string author;          ///< empty if not recorded; several authors joined by ", "
  std::string sha256;          ///< hex digest of the file's bytes as read from disk
  std::size_t word_count = 0;  ///< words in the article's text (set by transform::write_source_notes)
  std::string date = {};       ///< the article's own publication date (front matter), as written; empty if not recorded
  std::string description = {};  ///< a one-paragraph summary from the front matter; empty if not recorded
};

/// One labelled line of a source note ("Source", "SHA-256", …), identical in both formats.
struct NoteField {
  std::string label;
  std::string value;
  std::string href;  ///< external URL to link the value to; empty for plain text
};

/// The provenance statement printed at the end of the article and in the Sources appendix.
struct SourceNote {
  std::vector<NoteField> fields;
};

/// A note whose text stands apart from the running text (GFM `[^label]`): printed at the foot of
/// the page in the PDF and as an endnote of the article in the EPUB.
struct Footnote {
  std::string id;     ///< unique within the article and beside its heading ids ("fn-1")
  std::string label;  ///< as written in the source ("1", "note"), for messages
  std::vector<Block> blocks;
  core::SourceLocation location;  ///< of the definition
};

/// Sentinel for Article::part: the article belongs to no part (it lies in the corpus root).
inline constexpr std::size_t no_part = static_cast<std::size_t>(-1);

struct Article {
  std::string id;              ///< unique in the book, XML-name-safe ("a01-…"); set by transform::assign_ids
  std::string title;           ///< never empty after import
  std::string language;        ///< BCP 47 tag when it differs from the book's (front matter `lang`); empty otherwise
  std::size_t part = no_part;  ///< index into Book::parts of the innermost part holding it, or no_part
  Provenance provenance;
  std::vector<Block> blocks;
  /// In order of first reference; the note numbered n is footnotes[n - 1]. Every footnote_ref
  /// inline of the article names one of them.
  std::vector<Footnote> footnotes;
  SourceNote source_note;  ///< set by transform::write_source_notes
  core::SourceLocation location;
  /// The texts of the opening headings import took out of `blocks` to title the article or its
  /// part, in document order: GitHub still numbered them, and links to them lead to its start.
  std::vector<std::string> taken_headings = {};
};

}  // namespace octavo::model
