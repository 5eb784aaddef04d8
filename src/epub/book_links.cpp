#include "epub/book_links.hpp"

#include "epub/epub_paths.hpp"
#include "epub/external_href.hpp"
#include "epub/xhtml_blocks.hpp"

namespace octavo::epub {

bool has_part_page(const model::Book& book, const model::Part& part) {
  return part.first_article < book.articles.size() && is_usable_id(part.id);
}

BookLinks::BookLinks(const model::Book& book) : anchors_(book.anchors) {
  articles_.reserve(book.articles.size());
  for (const model::Article& article : book.articles) articles_.insert(article.id);
  for (const model::Part& part : book.parts) {
    if (has_part_page(book, part)) parts_.insert(part.id);
  }
}

bool BookLinks::has_id(const std::string& article_id, const std::string& id) const {
  return anchors_.contains(article_id, id);
}

std::string BookLinks::href(const model::ContentsEntry& entry) const {
  if (!entry.part_id.empty()) return parts_.count(entry.part_id) != 0 ? part_file(entry.part_id) : std::string();
  if (!articles_.contains(entry.article_id)) return {};
  std::string href = article_file(entry.article_id);
  if (!entry.anchor.empty() && has_id(entry.article_id, entry.anchor)) href += "#" + entry.anchor;
  return href;
}

std::string BookLinks::link_href(const std::string& article_id, const std::string& target) const {
  if (!articles_.contains(article_id)) return {};
  if (target.empty()) return article_file(article_id);
  if (target.front() != '#' || !has_id(article_id, target.substr(1))) return {};
  return article_file(article_id) + target;
}

// Every in-book target is looked up in the book's anchor table: a fragment that names no id of its
// page would be a broken link (epubcheck RSC-012).
std::string link_href(const model::Inline& link, const BookLinks* book, const std::string& article_id) {
  const std::string& target = link.target;
  const bool fragment = !target.empty() && target.front() == '#';
  if (link.target_article.empty() && !fragment) return external_href(target);
  const std::string& article = link.target_article.empty() ? article_id : link.target_article;
  if (book == nullptr || article.empty()) return {};
  if (article != article_id) return book->link_href(article, target);
  if (target.empty()) return "#" + article;  // the article's own start
  return fragment && book->has_id(article, target.substr(1)) ? target : std::string();
}

}  // namespace octavo::epub
