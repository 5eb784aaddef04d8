#include "core/tree_release.hpp"
#include "model/anchor_table.hpp"
#include "model/block.hpp"
#include "model/book.hpp"
#include "model/inline.hpp"

namespace octavo::model {

bool AnchorTable::contains(const std::string& article_id, const std::string& id) const {
  const auto article = articles.find(article_id);
  return article != articles.end() && article->second.ids.contains(id);
}

const std::string* AnchorTable::find(const std::string& article_id, const std::string& name) const {
  const auto article = articles.find(article_id);
  if (article == articles.end()) return nullptr;
  const auto found = article->second.names.find(name);
  return found == article->second.names.end() ? nullptr : &found->second;
}

Block::~Block() { core::release_children_iteratively(children, &Block::children); }

Inline text_inline(std::string text, core::SourceLocation location) {
  Inline run;
  run.kind = InlineKind::text;
  run.text = std::move(text);
  run.location = std::move(location);
  return run;
}

Inline link_inline(std::string target, std::vector<Inline> children, core::SourceLocation location) {
  Inline link;
  link.kind = InlineKind::link;
  link.target = std::move(target);
  link.children = std::move(children);
  link.location = std::move(location);
  return link;
}

Inline span_inline(InlineKind kind, std::vector<Inline> children, core::SourceLocation location) {
  Inline span;
  span.kind = kind;
  span.children = std::move(children);
  span.location = std::move(location);
  return span;
}

std::string plain_text(const std::vector<Inline>& inlines) {
  std::string out;
  for (const Inline& run : inlines) {
    switch (run.kind) {
      case InlineKind::text:
      case InlineKind::code:
      case InlineKind::footnote_ref: out += run.text; break;
      case InlineKind::soft_break:
      case InlineKind::hard_break: out += ' '; break;
      case InlineKind::anchor: break;
      case InlineKind::emphasis:
      case InlineKind::strong:
      case InlineKind::link:
      case InlineKind::strikethrough:
      case InlineKind::superscript:
      case InlineKind::subscript:
      case InlineKind::keyboard: out += plain_text(run.children); break;
    }
  }
  return out;
}

Block paragraph_block(std::vector<Inline> inlines, core::SourceLocation location) {
  Block block;
  block.kind = BlockKind::paragraph;
  block.inlines = std::move(inlines);
  block.location = std::move(location);
  return block;
}

Block heading_block(int level, std::vector<Inline> inlines, core::SourceLocation location) {
  Block block;
  block.kind = BlockKind::heading;
  block.level = level;
  block.inlines = std::move(inlines);
  block.location = std::move(location);
  return block;
}

Block container_block(BlockKind kind, std::vector<Block> children, core::SourceLocation location) {
  Block block;
  block.kind = kind;
  block.children = std::move(children);
  block.location = std::move(location);
  return block;
}

std::string sources_entry_id(const Article& article) { return "source-" + article.id; }

std::string source_note_id(const Article& article) { return source_note_id(article.id); }

std::string source_note_id(const std::string& article_id) { return article_id + "-note"; }

}  // namespace octavo::model
