#include "layout/page_sink.hpp"

#include <utility>

namespace octavo::layout {

void leave_out_links_to(std::vector<Page>& pages, const std::set<std::string>& destinations) {
  for (Page& page : pages) {
    std::erase_if(page.links, [&](const LinkArea& link) {
      return !link.destination.empty() && destinations.count(link.destination) != 0;
    });
  }
}

LaidOutBook CollectPages::book(BookEnd end) && {
  leave_out_links_to(body_, end.dangling_destinations);
  LaidOutBook out;
  out.front_matter_pages = front_.size();
  out.pages = std::move(front_);
  for (Page& page : body_) out.pages.push_back(std::move(page));
  out.outline = std::move(end.outline);
  out.info = std::move(end.info);
  out.stats = end.stats;
  return out;
}

}  // namespace octavo::layout
