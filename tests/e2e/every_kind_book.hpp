// The hand-built book shared by every_kind_epub.cpp and every_kind_pdf.cpp: small builders of
// model pieces, and the book's frame (metadata, two nested parts, an article outside them, the
// anchor table, source notes, front matter and contents) around each writer's own articles.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"
#include "model/book.hpp"
#include "transform/add_front_matter.hpp"
#include "transform/resolve_links.hpp"
#include "transform/write_source_notes.hpp"

namespace every_kind {

namespace m = octavo::model;

inline m::Inline text(std::string value) { return m::text_inline(std::move(value)); }
inline m::Inline span(m::InlineKind kind, std::string value) { return m::span_inline(kind, {text(std::move(value))}); }
inline m::Block paragraph(std::vector<m::Inline> inlines) { return m::paragraph_block(std::move(inlines)); }
inline m::Block paragraph(std::string value) { return paragraph(std::vector<m::Inline>{text(std::move(value))}); }

inline m::Block heading(int level, std::string title, std::string id) {
  m::Block block = m::heading_block(level, {text(std::move(title))});
  block.id = std::move(id);
  return block;
}

inline m::Inline note_ref(int note, std::string id) {
  m::Inline ref;
  ref.kind = m::InlineKind::footnote_ref;
  ref.target = "fn-" + std::to_string(note);
  ref.text = std::to_string(note);
  ref.id = std::move(id);
  return ref;
}

inline m::Inline anchor(std::string id) {
  m::Inline run;
  run.kind = m::InlineKind::anchor;
  run.id = std::move(id);
  return run;
}

inline m::Inline book_link(std::string article, std::string target, std::string label) {
  m::Inline link = m::link_inline(std::move(target), {text(std::move(label))});
  link.target_article = std::move(article);
  return link;
}

inline m::Block task(m::TaskState state, std::string value) {
  m::Block item = m::container_block(m::BlockKind::list_item, {paragraph(std::move(value))});
  item.task = state;
  return item;
}

inline m::Article article(std::string id, std::string title, std::vector<m::Block> blocks) {
  m::Article result;
  result.id = std::move(id);
  result.title = std::move(title);
  result.blocks = std::move(blocks);
  result.provenance.file = result.id + ".md";
  result.provenance.sha256 = std::string(64, '0');
  return result;
}

/// The book of `first`, `second` (in part "Kinds") and `third` (in its sub-part "Elsewhere"), then
/// an article outside any part; `first_entry` is the first article's contents entry. What
/// resolve_links says of it goes to `sink`.
inline m::Book book(m::Article first, m::Article second, m::Article third, m::ContentsEntry first_entry,
                    octavo::core::DiagnosticSink& sink) {
  m::Book result;
  m::Metadata& meta = result.metadata;
  meta.title = "Every kind";
  meta.language = "en";
  meta.date = "2026-01-01";
  meta.modified = "2026-01-01T00:00:00Z";
  meta.identifier = "urn:uuid:00000000-0000-4000-8000-000000000009";
  meta.slug = "every-kind";
  meta.corpus_name = "every-kind";
  meta.generator = "Octavo test";
  const std::string second_title = second.title;
  const std::string second_id = second.id;
  const std::string third_title = third.title;
  const std::string third_id = third.id;
  result.articles = {std::move(first), std::move(second), std::move(third),
                     article("a04-outside", "Outside", {paragraph("No part.")})};
  result.parts = {{"p01-kinds", "Kinds", "kinds", m::no_part, 0, 3, {}},
                  {"p02-elsewhere", "Elsewhere", "kinds/elsewhere", 0, 2, 1, {}}};
  result.articles[0].part = 0;
  result.articles[1].part = 0;
  result.articles[2].part = 1;
  octavo::transform::resolve_links(result, sink);  // the anchor table the writers look targets up in
  octavo::transform::write_source_notes(result);
  octavo::transform::add_front_matter(result);
  m::ContentsEntry elsewhere{"Elsewhere", "", "", {{third_title, third_id, "", {}}}, "p02-elsewhere"};
  m::ContentsEntry kinds{
      "Kinds", "", "", {std::move(first_entry), {second_title, second_id, "", {}}, elsewhere}, "p01-kinds"};
  result.contents = {kinds, {"Outside", "a04-outside", "", {}}};
  return result;
}

}  // namespace every_kind
