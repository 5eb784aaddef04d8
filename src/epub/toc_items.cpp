#include "epub/toc_items.hpp"

#include "epub/book_links.hpp"
#include "epub/epub_paths.hpp"
#include "epub/visible_label.hpp"

namespace octavo::epub {
namespace {

const char* fallback_label(const model::ContentsEntry& entry) {
  if (!entry.part_id.empty()) return "Untitled part";
  return entry.anchor.empty() ? "Untitled article" : "Untitled section";
}

// Recursive: the depth is that of the corpus's folders, not of any article's content.
void append_items(std::vector<TocItem>& items, const std::vector<model::ContentsEntry>& entries,
                  const BookLinks& links) {
  for (const model::ContentsEntry& entry : entries) {
    const std::string href = links.href(entry);
    if (href.empty()) continue;
    TocItem item{visible_label(entry.title, fallback_label(entry)), text_href(href), {}};
    append_items(item.children, entry.children, links);
    items.push_back(std::move(item));
  }
}

}  // namespace

std::vector<TocItem> toc_items(const model::Book& book) { return toc_items(book, BookLinks(book)); }

std::vector<TocItem> toc_items(const model::Book& book, const BookLinks& links) {
  std::vector<TocItem> items;
  items.reserve(book.contents.size() + 3);
  items.push_back({visible_label(book.disclaimer.title, "Disclaimer"), text_href(disclaimer_file), {}});
  items.push_back({model::contents_title, text_href(contents_file), {}});
  append_items(items, book.contents, links);
  items.push_back({model::sources_title, text_href(sources_file), {}});
  return items;
}

}  // namespace octavo::epub
