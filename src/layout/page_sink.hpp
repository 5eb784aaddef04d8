// Layout's output as a stream: each body page goes to a PageSink as soon as it is final, the front
// matter after the last of them, so that a writer can draw a page and drop it at once instead of
// holding the whole book's pages.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "layout/destination_table.hpp"
#include "layout/page.hpp"

namespace octavo::layout {

/// What is known only once every page has been handed over.
struct BookEnd {
  std::size_t front_matter_pages = 0;  ///< pages labelled i, ii, …; body pages are labelled 1, 2, …
  std::size_t body_pages = 0;
  std::vector<OutlineEntry> outline;
  DocumentInfo info;
  LayoutStats stats;
  /// Destinations of body-page links that no page holds. Layout has warned about each; the
  /// writer leaves those links out (front matter pages come without them).
  std::set<std::string> dangling_destinations;
  /// The names of the numbers that the pages' anchors and links and the outline's entries
  /// carry, each numbered before it reached the sink; the places layout found for them.
  DestinationTable destinations;
};

class PageSink {
 public:
  virtual ~PageSink() = default;
  /// Called for each page an article or the Sources appendix is cut into, on the layout thread
  /// that cut it and before the page has its side, running head or folio: for work that reads
  /// only the body and may run beside the sink's other calls, such as a digest of the body
  /// (Page::body_digest). It may be called on several threads at once, so it must not change the
  /// sink. Nothing by default.
  virtual void prepare_body(Page& page) const { static_cast<void>(page); }
  /// Called on a layout thread, as prepare_body, for the pages of an article that a build cache
  /// recalled as cut and prepared by an earlier build, each with its body_digest and body_text
  /// but no runs, rules or images: true when the sink has the drawing of every page's body and
  /// has put it in Page::kept_body, false when the article must be cut from its lines again. No
  /// page is taken by default.
  virtual bool take_kept_bodies(std::vector<Page>& pages) const {
    static_cast<void>(pages);
    return false;
  }
  /// The next body page, final: body pages come in order, page 1 (a recto) first. Its anchors and
  /// links come numbered, as the front matter's do, in the table the end gives (BookEnd::destinations).
  virtual void body_page(Page page) = 0;
  /// After the last body page: the front matter (title page, disclaimer, contents, and a blank
  /// verso when needed for an even count), which the book places before body page 1. Called
  /// once, with no pages for a book without front matter.
  virtual void front_matter(std::vector<Page> pages) = 0;
};

/// Removes from `pages` the internal links to `destinations`; their text stays, unlinked.
void leave_out_links_to(std::vector<Page>& pages, const std::set<std::string>& destinations);

/// A PageSink that keeps every page: the whole book as one value, for tests and for tools that
/// want all pages at once.
class CollectPages final : public PageSink {
 public:
  void body_page(Page page) override { body_.push_back(std::move(page)); }
  void front_matter(std::vector<Page> pages) override { front_ = std::move(pages); }

  /// The pages in book order with what `end` says; body links to its dangling destinations
  /// are left out, as a streaming writer leaves them out.
  LaidOutBook book(BookEnd end) &&;

 private:
  std::vector<Page> front_;
  std::vector<Page> body_;
};

}  // namespace octavo::layout
