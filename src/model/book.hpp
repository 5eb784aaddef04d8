// The whole book: metadata, front matter, contents, articles and the sources appendix.
// The model stands alone: readers build it, transforms complete it, writers only read it.
#pragma once

#include <string>
#include <vector>

#include "model/anchor_table.hpp"
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

/// A folder of the corpus that holds articles: a level above its articles in the contents, the
/// PDF outline and the EPUB navigation. Parts are listed in reading order (a folder before the
/// folders inside it), and the articles of a part, its sub-parts' included, are consecutive.
struct Part {
  std::string id;                 ///< unique in the book, XML-name-safe ("p01-…"); set by transform::assign_ids
  std::string title;              ///< never empty after import
  std::string folder;             ///< corpus-relative, '/'-separated ("book/part-1")
  std::size_t parent = no_part;   ///< index into Book::parts of the enclosing part, or no_part
  std::size_t first_article = 0;  ///< index into Book::articles of its first article
  std::size_t article_count = 0;  ///< its articles, those of its sub-parts included; ≥ 1
  core::SourceLocation location;  ///< where the title came from (book.toml, a heading), else the folder
};

/// One entry of the table of contents: a part, an article, or one of an article's sections.
struct ContentsEntry {
  std::string title;
  std::string article_id;  ///< empty for a part's entry
  std::string anchor;      ///< heading id within the article; empty for the article itself
  std::vector<ContentsEntry> children;
  std::string part_id = {};  ///< set only for a part's entry, whose children are its articles and sub-parts
};

struct Book {
  Metadata metadata;
  std::string disclaimer_text;          ///< from the manifest or the default; paragraphs split on blank lines
  Section disclaimer;                   ///< set by transform::add_front_matter
  std::vector<ContentsEntry> contents;  ///< set by transform::build_contents
  std::vector<Part> parts;              ///< empty when every article lies in the corpus root
  std::vector<Article> articles;
  AnchorTable anchors;  ///< set by transform::resolve_links: where in-book links may lead
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
/// The same, from the article's id alone.
std::string source_note_id(const std::string& article_id);

}  // namespace octavo::model
