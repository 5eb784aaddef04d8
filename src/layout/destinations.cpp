#include "layout/destinations.hpp"

#include <memory>
#include <set>
#include <vector>

#include "model/book.hpp"

namespace octavo::layout {

std::string heading_destination(const std::string& article_id, const std::string& heading_id) {
  return article_id + "#" + heading_id;
}

LinkResolver article_link_resolver(const model::Article& article) {
  auto heading_ids = std::make_shared<std::set<std::string>>();
  // An explicit stack: nesting depth comes from the input.
  std::vector<const model::Block*> pending;
  for (const model::Block& block : article.blocks) pending.push_back(&block);
  while (!pending.empty()) {
    const model::Block* block = pending.back();
    pending.pop_back();
    if (block->kind == model::BlockKind::heading && !block->id.empty()) heading_ids->insert(block->id);
    for (const model::Block& child : block->children) pending.push_back(&child);
  }
  return [heading_ids, article_id = article.id,
          note_id = model::source_note_id(article)](const std::string& target) -> std::optional<LinkTarget> {
    const std::string id = target.substr(1);
    if (heading_ids->count(id) != 0) return LinkTarget{heading_destination(article_id, id), ""};
    if (id == article_id || id == note_id) return LinkTarget{id, ""};
    return std::nullopt;
  };
}

}  // namespace octavo::layout
