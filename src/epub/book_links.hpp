// Where links into the book's pages point: the contents page, nav.xhtml, toc.ncx and the links of
// the articles all look their targets up here, in the book's anchor table (transform::resolve_links),
// so a stale entry or link cannot become a broken one.
#pragma once

#include <string>
#include <unordered_set>

#include "model/book.hpp"

namespace octavo::epub {

/// True if `part` gets a page of its own: it starts at one of the book's articles.
bool has_part_page(const model::Book& book, const model::Part& part);

class BookLinks {
 public:
  /// Indexes the pages of `book` (its articles and the parts that have a page) and looks ids
  /// inside them up in `book.anchors`; `book` must outlive this.
  explicit BookLinks(const model::Book& book);

  /// True if the page of the article `article_id` carries the id `id` (model::AnchorTable::ids);
  /// false for an unknown article.
  bool has_id(const std::string& article_id, const std::string& id) const;

  /// The entry's target relative to EPUB/text/: its part's page ("p01-x.xhtml"), or its article's
  /// ("a01-x.xhtml#anchor"; the file alone when the anchor is empty or names no id of the page);
  /// empty when the entry's part or article has no page.
  std::string href(const model::ContentsEntry& entry) const;

  /// The href of an in-book link to `article_id` from another page of EPUB/text/: its file for an
  /// empty `target`, "<file>#id" for a `target` "#id"; empty when there is no such article or id.
  std::string link_href(const std::string& article_id, const std::string& target) const;

 private:
  const model::AnchorTable& anchors_;
  std::unordered_set<std::string> articles_;  // ids of the articles, each of which has a page
  std::unordered_set<std::string> parts_;     // ids of parts with a page
};

/// The href a link inline gets in the page of the article `article_id` (empty for other pages): a
/// web or mail address as it is, "#id" in this page, "<article file>#id" or "<article file>" in
/// another, as `book` finds the target; empty, to keep only the link's text, when the id is not
/// there, when `book` is null, or when the target is neither in-book nor a web or mail address.
std::string link_href(const model::Inline& link, const BookLinks* book, const std::string& article_id);

}  // namespace octavo::epub
