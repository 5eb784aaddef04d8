// The book's destinations by number. Every name a page's anchor or link carries, and every
// outline entry's, is numbered once, where layout lists it or hands its page over, so that the
// book's thread and the PDF writer find a destination by its number in an array, not by its name
// in a hash table for every anchor, link and bookmark (some 16,000 lookups at 1,000 articles, each
// a few cache misses). Names stay for what is written or reported.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "layout/page.hpp"

namespace octavo::layout {

class DestinationTable {
 public:
  /// The number of `name`, given the next one (the count of names so far) if it has none.
  DestinationNumber number(const std::string& name);
  /// The number of `name`; nullopt if it was never numbered.
  std::optional<DestinationNumber> find(const std::string& name) const;
  /// The name numbered `number`, which must be below size().
  const std::string& name(DestinationNumber number) const;
  /// How many names are numbered: they are 0 … size() - 1.
  std::size_t size() const { return names_.size(); }

  /// Records that a page holds an anchor numbered `number`, on body page `body_page` (counted
  /// from 1), or in the front matter (0). The first place recorded for a number stays its place.
  void place(DestinationNumber number, std::size_t body_page);
  /// Whether place() was called for `number`.
  bool placed(DestinationNumber number) const;
  /// The body page of `number`'s first place; nullopt when it has none on a body page.
  std::optional<std::size_t> body_page(DestinationNumber number) const;
  /// The same for `name`; nullopt too when it was never numbered.
  std::optional<std::size_t> body_page(const std::string& name) const;

 private:
  std::unordered_map<std::string, DestinationNumber> numbers_;
  std::vector<const std::string*> names_;  // numbers_' keys, which a node-based map never moves
  // Per number: 0 none, 1 the front matter, else 1 + the body page.
  std::vector<std::size_t> places_;
};

/// Numbers the anchors of `page` and the destinations of its internal links in `table`.
void number_destinations(Page& page, DestinationTable& table);

/// Numbers the destinations of `entries` and of their children in `table`.
void number_destinations(std::vector<OutlineEntry>& entries, DestinationTable& table);

}  // namespace octavo::layout
