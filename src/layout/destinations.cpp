#include "layout/destinations.hpp"

#include <memory>
#include <set>
#include <vector>

#include "model/book.hpp"
#include "model/walk.hpp"

namespace octavo::layout {

std::string heading_destination(const std::string& article_id, const std::string& heading_id) {
  return article_id + "#" + heading_id;
}

std::optional<LinkTarget> book_link_target(const std::string& article_id, const std::string& target) {
  if (target.empty()) return LinkTarget{article_id, ""};
  return LinkTarget{heading_destination(article_id, target.substr(target.front() == '#' ? 1 : 0)), ""};
}

LinkResolver article_link_resolver(const model::Article& article) {
  // Every id layout places an anchor for: headings and other blocks with an id, explicit inline
  // anchors, footnotes and footnote references (the notes' own blocks included).
  auto heading_ids = std::make_shared<std::set<std::string>>();
  auto collect = [&heading_ids](const std::vector<model::Block>& blocks) {
    for (model::Walker walk(blocks); walk.next();) {
      if (!walk.entering()) continue;
      if (const model::Block* block = walk.block(); block != nullptr && !block->id.empty()) {
        heading_ids->insert(block->id);
      }
      if (const model::Inline* run = walk.inline_node(); run != nullptr && !run->id.empty()) {
        heading_ids->insert(run->id);
      }
    }
  };
  collect(article.blocks);
  for (const model::Footnote& note : article.footnotes) {
    if (!note.id.empty()) heading_ids->insert(note.id);
    collect(note.blocks);
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
