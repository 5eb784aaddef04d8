// Where links into the book's pages point: the contents page, nav.xhtml, toc.ncx and the in-book
// links of the articles all resolve through this, so a stale entry or link cannot become a broken one.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "model/book.hpp"

namespace octavo::epub {

/// The ids an article's page carries: the article's, its source note's, and those of its blocks
/// and notes (block_ids()); the first of each is written, so every one is a valid target.
std::unordered_set<std::string> page_ids(const model::Article& article);

/// True if `part` gets a page of its own: it starts at one of the book's articles.
bool has_part_page(const model::Book& book, const model::Part& part);

class BookLinks {
 public:
  /// Indexes the articles of `book` with their page_ids(), and the parts that have a page.
  explicit BookLinks(const model::Book& book);

  /// The entry's target relative to EPUB/text/: its part's page ("p01-x.xhtml"), or its article's
  /// ("a01-x.xhtml#anchor"; the file alone when the anchor is empty or names no id of the page);
  /// empty when the entry's part or article has no page.
  std::string href(const model::ContentsEntry& entry) const;

  /// The href of an in-book link to `article_id` from another page of EPUB/text/: its file for an
  /// empty `target`, "<file>#id" for a `target` "#id"; empty when there is no such article or id.
  std::string link_href(const std::string& article_id, const std::string& target) const;

 private:
  std::unordered_map<std::string, std::unordered_set<std::string>> anchors_;  // article id → page ids
  std::unordered_set<std::string> parts_;                                     // ids of parts with a page
};

}  // namespace octavo::epub
