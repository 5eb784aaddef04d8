#include "epub/contents_links.hpp"

#include "epub/epub_paths.hpp"
#include "epub/xhtml_blocks.hpp"

namespace octavo::epub {

ContentsLinks::ContentsLinks(const model::Book& book) {
  anchors_.reserve(book.articles.size());
  for (const model::Article& article : book.articles) anchors_.emplace(article.id, heading_ids(article.blocks));
}

std::string ContentsLinks::href(const model::ContentsEntry& entry) const {
  const auto found = anchors_.find(entry.article_id);
  if (found == anchors_.end()) return {};
  std::string href = article_file(entry.article_id);
  if (!entry.anchor.empty() && found->second.count(entry.anchor) != 0) href += "#" + entry.anchor;
  return href;
}

}  // namespace octavo::epub
