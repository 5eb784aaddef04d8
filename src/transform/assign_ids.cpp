#include "transform/assign_ids.hpp"

#include <algorithm>
#include <string>

#include "core/identifier.hpp"

namespace octavo::transform {
namespace {

// "a07-…": a letter first, because an XML ID (an NCName) cannot start with a digit; the slug is
// ASCII, so the id is also a safe file name for the EPUB.
template <typename Item>
void number(std::vector<Item>& items, char letter, std::string_view fallback) {
  const std::size_t width = std::max<std::size_t>(2, std::to_string(items.size()).size());
  std::size_t count = 0;
  for (Item& item : items) {
    std::string index = std::to_string(++count);
    index.insert(0, width - index.size(), '0');
    item.id = std::string(1, letter) + index + "-" + core::slugify(item.title, fallback);
  }
}

}  // namespace

void assign_ids(model::Book& book) {
  number(book.articles, 'a', "article");
  number(book.parts, 'p', "part");
}

}  // namespace octavo::transform
