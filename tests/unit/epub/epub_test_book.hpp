// Hand-built, complete books for the EPUB writer's tests: what the transforms would hand over.
#pragma once

#include <string>
#include <vector>

#include "epub/article_xhtml.hpp"
#include "epub/book_links.hpp"
#include "model/book.hpp"
#include "model/inline.hpp"

namespace test {

namespace m = octavo::model;

/// Hostile text: markup, an ampersand, a CDATA end, a C0 control and U+FFFE.
inline const std::string hostile = "<script>x</script> & ]]> \x01 \xef\xbf\xbe.";

inline m::Inline styled(m::InlineKind kind, std::vector<m::Inline> children) {
  m::Inline run;
  run.kind = kind;
  run.children = std::move(children);
  return run;
}

inline m::Inline code(std::string text) {
  m::Inline run;
  run.kind = m::InlineKind::code;
  run.text = std::move(text);
  return run;
}

inline m::Block heading(int level, std::string text, std::string id) {
  m::Block block = m::heading_block(level, {m::text_inline(std::move(text))});
  block.id = std::move(id);
  return block;
}

inline m::Block paragraph(std::string text) { return m::paragraph_block({m::text_inline(std::move(text))}); }

inline m::Block container(m::BlockKind kind, std::vector<m::Block> children) {
  m::Block block;
  block.kind = kind;
  block.children = std::move(children);
  return block;
}

inline m::Block item(std::vector<m::Inline> inlines) {
  return container(m::BlockKind::list_item, {m::paragraph_block(std::move(inlines))});
}

/// An article with a summary, an outline, a heading, a list, a quote, code, a link and a note.
inline m::Article full_article() {
  m::Article article;
  article.id = "a01-tea";
  article.title = "Tea";
  m::Block summary = paragraph("All about tea.");
  summary.role = m::BlockRole::summary;
  m::Block outline =
      container(m::BlockKind::bullet_list, {item({m::link_inline("#brewing", {m::text_inline("Brewing")})})});
  outline.role = m::BlockRole::outline;
  m::Block code_block;
  code_block.kind = m::BlockKind::code_block;
  code_block.text = "if (a < b)\n  brew();";
  m::Block rule;
  rule.kind = m::BlockKind::thematic_break;
  article.blocks = {
      summary,
      outline,
      heading(1, "Brewing", "brewing"),
      m::paragraph_block({m::text_inline("Use "), styled(m::InlineKind::emphasis, {m::text_inline("hot")}),
                          m::text_inline(" water; see "),
                          m::link_inline("https://example.com/tea", {m::text_inline("the guide")}),
                          m::text_inline(" or "), code("steep()"), m::text_inline(".")}),
      container(m::BlockKind::ordered_list, {item({m::text_inline("Boil")}), item({m::text_inline("Pour")})}),
      container(m::BlockKind::block_quote, {paragraph("Tea is good.")}),
      code_block,
      rule,
  };
  article.source_note.fields = {{"Source", "https://example.com/tea", "https://example.com/tea"},
                                {"SHA-256", "00ff", ""}};
  return article;
}

inline m::Article plain_article(std::string id, std::string title, std::vector<m::Block> blocks = {}) {
  m::Article article;
  article.id = std::move(id);
  article.title = std::move(title);
  article.blocks = std::move(blocks);
  article.source_note.fields = {{"Corpus file", article.id + ".md", ""}};
  return article;
}

/// What transform::resolve_links would record for `article`: its id, its note's, every block's
/// and anchor's id, each also a name for itself, and its notes' and their references' ids.
inline void add_anchors(m::AnchorTable& table, const m::Article& article) {
  m::ArticleAnchors& anchors = table.articles[article.id];
  auto add = [&](const std::string& id) {
    anchors.ids.insert(id);
    anchors.names.emplace(id, id);
  };
  add(article.id);
  add(article.id + "-note");
  std::vector<const m::Block*> pending;
  for (const m::Block& block : article.blocks) pending.push_back(&block);
  for (const m::Footnote& note : article.footnotes) {
    anchors.ids.insert(note.id);
    for (const m::Block& block : note.blocks) pending.push_back(&block);
  }
  std::vector<const m::Inline*> runs;
  while (!pending.empty()) {
    const m::Block* block = pending.back();
    pending.pop_back();
    if (!block->id.empty()) add(block->id);
    for (const m::Inline& run : block->inlines) runs.push_back(&run);
    while (!runs.empty()) {
      const m::Inline* run = runs.back();
      runs.pop_back();
      if (run->kind == m::InlineKind::anchor && !run->id.empty()) add(run->id);
      if (run->kind == m::InlineKind::footnote_ref && !run->id.empty()) anchors.ids.insert(run->id);
      for (const m::Inline& child : run->children) runs.push_back(&child);
    }
    for (const m::Block& child : block->children) pending.push_back(&child);
  }
}

/// The anchor table of one article alone.
inline m::AnchorTable anchors_of(const m::Article& article) {
  m::AnchorTable table;
  add_anchors(table, article);
  return table;
}

inline m::Metadata metadata() {
  m::Metadata meta;
  meta.title = "Leaves";
  meta.subtitle = "A reader";
  meta.authors = {"Ann Author"};
  meta.editor = "Ed Itor";
  meta.language = "en-GB";
  meta.publisher = "Octavo Press";
  meta.date = "2024-05-01";
  meta.modified = "2024-05-01T00:00:00Z";
  meta.identifier = "urn:uuid:12345678-1234-5678-9abc-123456789abc";
  meta.slug = "leaves";
  meta.corpus_name = "corpus";
  meta.generator = "Octavo 0.1.0";
  return meta;
}

/// Two articles (the full one and a plain one), with contents and a disclaimer.
inline m::Book book() {
  m::Book result;
  result.metadata = metadata();
  result.disclaimer.id = m::disclaimer_id;
  result.disclaimer.title = "Disclaimer";
  result.disclaimer.blocks = {paragraph("Unreviewed.")};
  result.articles = {full_article(), plain_article("a02-coffee", "Coffee", {heading(1, "Beans", "beans")})};
  result.contents = {{"Tea", "a01-tea", "", {{"Brewing", "a01-tea", "brewing", {}}}},
                     {"Coffee", "a02-coffee", "", {{"Beans", "a02-coffee", "beans", {}}}}};
  for (const m::Article& article : result.articles) add_anchors(result.anchors, article);
  return result;
}

/// The page of `article` as the only article of a book in `language`. Taken by value: a deep tree
/// must be moved in, since copying one recurses once per level.
inline std::string article_page(m::Article article, const std::string& language = "en") {
  m::Book alone;
  alone.articles.push_back(std::move(article));
  add_anchors(alone.anchors, alone.articles.front());
  return octavo::epub::article_xhtml(alone.articles.front(), language, octavo::epub::BookLinks(alone));
}

/// The text between the first `from` and the next `to` after it, both included; empty if absent.
inline std::string excerpt(const std::string& text, const std::string& from, const std::string& to) {
  const std::size_t start = text.find(from);
  if (start == std::string::npos) return {};
  const std::size_t end = text.find(to, start + from.size());
  if (end == std::string::npos) return {};
  return text.substr(start, end + to.size() - start);
}

/// The body of an XHTML page, from <body> to </body>; empty if absent.
inline std::string body(const std::string& page) { return excerpt(page, "<body>", "</body>"); }

}  // namespace test
