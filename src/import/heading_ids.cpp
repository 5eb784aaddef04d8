#include "import/heading_ids.hpp"

#include "core/identifier.hpp"

namespace octavo::import {

std::string HeadingIds::claim(std::string_view heading_text) {
  const std::string slug = core::slugify(heading_text);
  if (used_.insert(slug).second) return slug;
  // A suffixed id can collide with a heading whose own slug ends in "-2", so keep counting.
  int& suffix = next_suffix_.try_emplace(slug, 2).first->second;
  while (true) {
    std::string candidate = slug + "-" + std::to_string(suffix++);
    if (used_.insert(candidate).second) return candidate;
  }
}

}  // namespace octavo::import
