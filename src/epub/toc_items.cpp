#include "epub/toc_items.hpp"

#include "epub/contents_links.hpp"
#include "epub/epub_paths.hpp"
#include "epub/visible_label.hpp"

namespace octavo::epub {
namespace {

// A part's entry holds articles, an article's holds sections; nesting is bounded by the corpus's
// folder depth (core::max_folder_depth), so recursion is safe here.
std::vector<TocItem> entry_items(const std::vector<model::ContentsEntry>& entries, const ContentsLinks& links) {
  std::vector<TocItem> items;
  for (const model::ContentsEntry& entry : entries) {
    const std::string href = links.href(entry);
    if (href.empty()) continue;
    const char* fallback = !entry.part_id.empty() ? "Untitled part"
                           : entry.anchor.empty() ? "Untitled article"
                                                  : "Untitled section";
    items.push_back({visible_label(entry.title, fallback), text_href(href), entry_items(entry.children, links)});
  }
  return items;
}

}  // namespace

std::vector<TocItem> toc_items(const model::Book& book) {
  const ContentsLinks links(book);
  std::vector<TocItem> items;
  items.reserve(book.contents.size() + 3);
  items.push_back({visible_label(book.disclaimer.title, "Disclaimer"), text_href(disclaimer_file), {}});
  items.push_back({model::contents_title, text_href(contents_file), {}});
  for (TocItem& item : entry_items(book.contents, links)) items.push_back(std::move(item));
  items.push_back({model::sources_title, text_href(sources_file), {}});
  return items;
}

}  // namespace octavo::epub
