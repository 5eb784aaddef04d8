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
  std::string author;          ///< empty if not recorded
  std::string sha256;          ///< hex digest of the file's bytes as read from disk
  std::size_t word_count = 0;  ///< words in the article's text (set by transform::write_source_notes)
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

struct Article {
  std::string id;     ///< unique in the book, XML-name-safe ("a01-…"); set by transform::assign_ids
  std::string title;  ///< never empty after import
  Provenance provenance;
  std::vector<Block> blocks;
  SourceNote source_note;  ///< set by transform::write_source_notes
  core::SourceLocation location;
};

}  // namespace octavo::model
