#include "epub/book_links.hpp"

#include "epub/epub_paths.hpp"
#include "epub/xhtml_blocks.hpp"

namespace octavo::epub {

std::unordered_set<std::string> page_ids(const model::Article& article) {
  std::unordered_set<std::string> ids = block_ids(article.blocks);
  ids.insert(article.id);
  ids.insert(model::source_note_id(article));
  for (const model::Footnote& note : article.footnotes) {
    if (is_usable_id(note.id)) ids.insert(note.id);
    ids.merge(block_ids(note.blocks));
  }
  return ids;
}

bool has_part_page(const model::Book& book, const model::Part& part) {
  return part.first_article < book.articles.size() && is_usable_id(part.id);
}

BookLinks::BookLinks(const model::Book& book) {
  anchors_.reserve(book.articles.size());
  for (const model::Article& article : book.articles) anchors_.emplace(article.id, page_ids(article));
  for (const model::Part& part : book.parts) {
    if (has_part_page(book, part)) parts_.insert(part.id);
  }
}

std::string BookLinks::href(const model::ContentsEntry& entry) const {
  if (!entry.part_id.empty()) return parts_.count(entry.part_id) != 0 ? part_file(entry.part_id) : std::string();
  const auto found = anchors_.find(entry.article_id);
  if (found == anchors_.end()) return {};
  std::string href = article_file(entry.article_id);
  if (!entry.anchor.empty() && found->second.count(entry.anchor) != 0) href += "#" + entry.anchor;
  return href;
}

std::string BookLinks::link_href(const std::string& article_id, const std::string& target) const {
  const auto found = anchors_.find(article_id);
  if (found == anchors_.end()) return {};
  if (target.empty()) return article_file(article_id);
  if (target.front() != '#' || found->second.count(target.substr(1)) == 0) return {};
  return article_file(article_id) + target;
}

}  // namespace octavo::epub
