// The whole book: metadata, front matter, contents, articles and the sources appendix.
// The model stands alone: readers build it, transforms complete it, writers only read it.
#pragma once

#include <string>
#include <vector>

#include "model/article.hpp"
#include "model/block.hpp"

namespace octavo::model {

struct Metadata {
  std::string title;
  std::string subtitle;
  std::vector<std::string> authors;
  std::string editor;
  std::string language = "en";
  std::string publisher;
  std::string date;         ///< "YYYY-MM-DD": the book's publication date
  std::string modified;     ///< "YYYY-MM-DDThh:mm:ssZ": dcterms:modified, from the same fixed clock
  std::string identifier;   ///< "urn:uuid:…" or whatever the manifest says
  std::string slug;         ///< output file names: <slug>.epub, <slug>.pdf
  std::string corpus_name;  ///< the corpus folder's name, as the disclaimer names it
  std::string generator;    ///< "Octavo <version>"
};

/// A titled block sequence that is not an article (the disclaimer).
struct Section {
  std::string id;
  std::string title;
  std::vector<Block> blocks;
};

/// One entry of the table of contents: an article, or one of its sections one level down.
struct ContentsEntry {
  std::string title;
  std::string article_id;
  std::string anchor;  ///< heading id within the article; empty for the article itself
  std::vector<ContentsEntry> children;
};

struct Book {
  Metadata metadata;
  std::string disclaimer_text;          ///< from the manifest or the default; paragraphs split on blank lines
  Section disclaimer;                   ///< set by transform::add_front_matter
  std::vector<ContentsEntry> contents;  ///< set by transform::build_contents
  std::vector<Article> articles;
};

/// Fixed ids and titles of the parts every book has; writers and layout share them.
inline constexpr const char* title_page_id = "title-page";
inline constexpr const char* disclaimer_id = "disclaimer";
inline constexpr const char* contents_id = "contents";
inline constexpr const char* contents_title = "Contents";
inline constexpr const char* sources_id = "sources";
inline constexpr const char* sources_title = "Sources";

/// Fixed wording inside the articles, shown alike by the EPUB and the PDF: the heading of the
/// outline list (BlockRole::outline), the heading of the source note that ends each article, and
/// the label of the note's link to the article's entry in the Sources appendix.
inline constexpr const char* outline_title = "In this article";
inline constexpr const char* source_note_title = "Source note";
inline constexpr const char* sources_link_label = "Full provenance in Sources";
/// Printed in the foot of every PDF page, so that a single printed page still says so.
inline constexpr const char* unreviewed_mark = "Unreviewed content";

/// The anchor of an article's entry in the Sources appendix ("source-<article id>").
std::string sources_entry_id(const Article& article);
/// The anchor of an article's source note at its end ("<article id>-note").
std::string source_note_id(const Article& article);

}  // namespace octavo::model
