#include "epub/toc_items.hpp"

#include "epub/contents_links.hpp"
#include "epub/epub_paths.hpp"
#include "epub/visible_label.hpp"

namespace octavo::epub {

std::vector<TocItem> toc_items(const model::Book& book) {
  const ContentsLinks links(book);
  std::vector<TocItem> items;
  items.reserve(book.contents.size() + 3);
  items.push_back({visible_label(book.disclaimer.title, "Disclaimer"), text_href(disclaimer_file), {}});
  items.push_back({model::contents_title, text_href(contents_file), {}});
  for (const model::ContentsEntry& entry : book.contents) {
    const std::string href = links.href(entry);
    if (href.empty()) continue;
    TocItem item{visible_label(entry.title, "Untitled article"), text_href(href), {}};
    for (const model::ContentsEntry& child : entry.children) {
      const std::string child_href = links.href(child);
      if (!child_href.empty()) {
        item.children.push_back({visible_label(child.title, "Untitled section"), text_href(child_href), {}});
      }
    }
    items.push_back(std::move(item));
  }
  items.push_back({model::sources_title, text_href(sources_file), {}});
  return items;
}

}  // namespace octavo::epub
