#include "epub/contents_links.hpp"

#include "epub/epub_paths.hpp"

namespace octavo::epub {

std::string ContentsLinks::href(const model::ContentsEntry& entry) const {
  if (!entry.part_id.empty()) {
    for (const model::ContentsEntry& child : entry.children) {
      if (std::string first = href(child); !first.empty()) return first;
    }
    return {};
  }
  if (!anchors_.articles.contains(entry.article_id)) return {};
  std::string href = article_file(entry.article_id);
  if (!entry.anchor.empty() && anchors_.contains(entry.article_id, entry.anchor)) href += "#" + entry.anchor;
  return href;
}

}  // namespace octavo::epub
