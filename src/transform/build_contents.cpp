#include "transform/build_contents.hpp"

#include <algorithm>
#include <climits>

#include "model/inline.hpp"

namespace octavo::transform {
namespace {

model::ContentsEntry article_entry(const model::Article& article) {
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
  return entry;
}

// The chain of parts that hold `part`, outermost first; empty for no_part.
std::vector<std::size_t> part_chain(const model::Book& book, std::size_t part) {
  std::vector<std::size_t> chain;
  for (; part != model::no_part; part = book.parts[part].parent) chain.insert(chain.begin(), part);
  return chain;
}

}  // namespace

// Parts hold consecutive articles (model::Part), so one pass with the stack of the open parts'
// entries builds the tree: each article closes the parts it is not in and opens those it is.
void build_contents(model::Book& book) {
  book.contents.clear();
  book.contents.reserve(book.articles.size());
  std::vector<std::size_t> open;  // part indices, outermost first
  auto children_of_innermost = [&]() -> std::vector<model::ContentsEntry>& {
    std::vector<model::ContentsEntry>* list = &book.contents;
    for (std::size_t depth = 0; depth < open.size(); ++depth) list = &list->back().children;
    return *list;
  };
  for (const model::Article& article : book.articles) {
    const std::vector<std::size_t> chain = part_chain(book, article.part);
    std::size_t shared = 0;
    while (shared < open.size() && shared < chain.size() && open[shared] == chain[shared]) ++shared;
    open.resize(shared);
    for (std::size_t k = shared; k < chain.size(); ++k) {
      const model::Part& part = book.parts[chain[k]];
      model::ContentsEntry entry{part.title, "", "", {}};
      entry.part_id = part.id;
      children_of_innermost().push_back(std::move(entry));
      open.push_back(chain[k]);
    }
    children_of_innermost().push_back(article_entry(article));
  }
}

}  // namespace octavo::transform
