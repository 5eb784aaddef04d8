#include "transform/build_contents.hpp"

#include <algorithm>
#include <climits>

#include "model/inline.hpp"

namespace octavo::transform {

void build_contents(model::Book& book) {
  book.contents.clear();
  book.contents.reserve(book.articles.size());
  for (const model::Article& article : book.articles) {
    model::ContentsEntry entry{article.title, article.id, "", {}};
    // Only top-level blocks: a heading inside a quote or list is not a section of the article.
    int top_level = INT_MAX;
    for (const model::Block& block : article.blocks) {
      if (block.kind == model::BlockKind::heading) top_level = std::min(top_level, block.level);
    }
    for (const model::Block& block : article.blocks) {
      if (block.kind == model::BlockKind::heading && block.level == top_level) {
        entry.children.push_back({model::plain_text(block.inlines), article.id, block.id, {}});
      }
    }
    book.contents.push_back(std::move(entry));
  }
}

}  // namespace octavo::transform
