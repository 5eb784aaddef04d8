// Anchor ids for the headings of one article, made by both readers: the slug of the heading's
// text, with "-2", "-3", … added when an earlier heading of the article already took it.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace octavo::import {

class HeadingIds {
 public:
  /// The id for the next heading with this text; "untitled" (made unique) when the text has no
  /// letters or digits. Never returns an id it returned before.
  std::string claim(std::string_view heading_text);

 private:
  std::unordered_set<std::string> used_;
  std::unordered_map<std::string, int> next_suffix_;  // per slug, so claiming stays linear
};

}  // namespace octavo::import
