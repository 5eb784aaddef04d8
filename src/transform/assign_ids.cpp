#include "transform/assign_ids.hpp"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/identifier.hpp"
#include "model/inline.hpp"

namespace octavo::transform {
namespace {

// Ids reserved within every article file: the article's own id and its source note's.
struct ArticleIds {
  std::unordered_set<std::string> taken;
  std::unordered_map<std::string, std::string> renamed;  // reader's id → final id (first wins)
};

// An XML ID must be an NCName (XML Namespaces §3): it cannot start with a digit or hyphen. Slugs
// are ASCII letters, digits and hyphens, so a letter prefix is enough.
std::string valid_id(const std::string& proposed, const std::string& fallback_text) {
  std::string id = proposed.empty() ? core::slugify(fallback_text, "section") : core::slugify(proposed, "section");
  if (id.front() >= '0' && id.front() <= '9') id.insert(0, "s-");
  return id;
}

std::string unique_id(const std::string& base, ArticleIds& ids) {
  std::string id = base;
  for (int suffix = 2; ids.taken.count(id) != 0; ++suffix) id = base + "-" + std::to_string(suffix);
  ids.taken.insert(id);
  return id;
}

// Visits blocks in document order (pre-order). An explicit stack, because nesting depth comes
// from the input and must not overflow the call stack.
template <typename Visit>
void for_each_block(std::vector<model::Block>& blocks, const Visit& visit) {
  std::vector<std::pair<std::vector<model::Block>*, std::size_t>> pending{{&blocks, 0}};
  while (!pending.empty()) {
    auto& [level, next] = pending.back();
    if (next == level->size()) {
      pending.pop_back();
      continue;
    }
    model::Block& block = (*level)[next++];
    visit(block);
    if (!block.children.empty()) pending.emplace_back(&block.children, 0);
  }
}

template <typename Visit>
void for_each_inline_list(std::vector<model::Inline>& inlines, const Visit& visit) {
  std::vector<std::vector<model::Inline>*> pending{&inlines};
  while (!pending.empty()) {
    std::vector<model::Inline>* list = pending.back();
    pending.pop_back();
    visit(*list);
    for (model::Inline& run : *list) {
      if (!run.children.empty()) pending.push_back(&run.children);
    }
  }
}

bool points_within_article(const model::Inline& run) {
  return run.kind == model::InlineKind::link && !run.target.empty() && run.target.front() == '#';
}

// Rewrites "#id" targets to final ids. A link to no heading would be a broken fragment in the
// EPUB (epubcheck RSC-012) and a dead link in the PDF, so it is unwrapped into its text.
void resolve_links(model::Block& block, const ArticleIds& ids, core::DiagnosticSink& sink) {
  for_each_inline_list(block.inlines, [&](std::vector<model::Inline>& list) {
    std::vector<model::Inline> kept;
    kept.reserve(list.size());
    for (model::Inline& run : list) {
      if (!points_within_article(run)) {
        kept.push_back(std::move(run));
        continue;
      }
      const std::string fragment = run.target.substr(1);
      if (auto found = ids.renamed.find(fragment); found != ids.renamed.end()) {
        run.target = "#" + found->second;
      } else if (ids.taken.count(fragment) == 0) {
        sink.warning(run.location, "link to '#" + fragment + "' points at no heading in this article; kept as text");
        for (model::Inline& child : run.children) kept.push_back(std::move(child));
        continue;
      }
      kept.push_back(std::move(run));
    }
    list = std::move(kept);
  });
}

}  // namespace

void assign_ids(model::Book& book, core::DiagnosticSink& sink) {
  const std::size_t width = std::max<std::size_t>(2, std::to_string(book.articles.size()).size());
  std::size_t number = 0;
  for (model::Article& article : book.articles) {
    std::string index = std::to_string(++number);
    index.insert(0, width - index.size(), '0');
    article.id = "a" + index + "-" + core::slugify(article.title, "article");

    ArticleIds ids;
    ids.taken = {article.id, model::source_note_id(article)};
    for_each_block(article.blocks, [&](model::Block& block) {
      if (block.kind != model::BlockKind::heading) return;
      const std::string proposed = block.id;
      block.id = unique_id(valid_id(proposed, model::plain_text(block.inlines)), ids);
      if (!proposed.empty()) ids.renamed.emplace(proposed, block.id);
    });
    for_each_block(article.blocks, [&](model::Block& block) { resolve_links(block, ids, sink); });
  }
}

}  // namespace octavo::transform
