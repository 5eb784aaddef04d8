// Test support for layout: fixed-width fake font metrics (fake_font_metrics.hpp), small book
// builders, and a readable text trace of laid-out pages (runs grouped into lines by baseline).
#pragma once

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/utf8.hpp"
#include "fake_font_metrics.hpp"
#include "fonts/font_metrics.hpp"
#include "fonts/glyph_coverage.hpp"
#include "layout/break_lines.hpp"
#include "layout/build_items.hpp"
#include "layout/layout_context.hpp"
#include "layout/page.hpp"
#include "layout/page_style.hpp"
#include "model/book.hpp"
#include "model/walk.hpp"
#include "style/style_keys.hpp"

namespace test {

using octavo::core::Pt;
using octavo::fonts::FontFace;

/// A small page style for readable tests: the real design, with a text block of `lines` lines.
inline octavo::layout::PageStyle small_style(int lines) {
  octavo::layout::PageStyle style = octavo::style::default_page_style();
  style.body_height = style.leading * lines;
  style.folio_baseline = style.margin_top + style.body_height + Pt(27);
  style.imprint_baseline = style.margin_top + style.body_height - style.leading;
  style.page_height = style.folio_baseline + Pt(40);
  style.title_block_top = style.margin_top;
  return style;
}

inline octavo::model::Block paragraph(std::string text, octavo::core::SourceLocation location = {}) {
  return octavo::model::paragraph_block({octavo::model::text_inline(std::move(text))}, std::move(location));
}

inline octavo::model::Block heading(int level, std::string text, std::string id) {
  octavo::model::Block block = octavo::model::heading_block(level, {octavo::model::text_inline(std::move(text))});
  block.id = std::move(id);
  return block;
}

/// An article as the transforms leave it: id, location, a source note with two fields.
inline octavo::model::Article article(std::string id, std::string title, std::vector<octavo::model::Block> blocks) {
  octavo::model::Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.blocks = std::move(blocks);
  a.location = {a.id + ".md", 1, 1};
  a.source_note.fields = {{"Source", "https://example.org/" + a.id, "https://example.org/" + a.id},
                          {"Corpus file", a.id + ".md", ""}};
  return a;
}

/// Contents entries as transform::build_contents makes them: level-1 headings as sections.
inline std::vector<octavo::model::ContentsEntry> contents_of(const std::vector<octavo::model::Article>& articles) {
  std::vector<octavo::model::ContentsEntry> entries;
  for (const octavo::model::Article& a : articles) {
    octavo::model::ContentsEntry entry{a.title, a.id, "", {}};
    for (const octavo::model::Block& block : a.blocks) {
      if (block.kind == octavo::model::BlockKind::heading && block.level == 1) {
        entry.children.push_back({octavo::model::plain_text(block.inlines), a.id, block.id, {}});
      }
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

/// What transform::resolve_links records for the articles: each one's id, its note's, and every
/// id written inside it (blocks at any depth, anchors, footnotes and their references), each a
/// name for itself.
inline octavo::model::AnchorTable anchors_of(const std::vector<octavo::model::Article>& articles) {
  octavo::model::AnchorTable table;
  for (const octavo::model::Article& article : articles) {
    octavo::model::ArticleAnchors& anchors = table.articles[article.id];
    std::vector<std::string> ids = {article.id, octavo::model::source_note_id(article)};
    const auto collect = [&ids](const std::vector<octavo::model::Block>& blocks) {
      for (octavo::model::Walker walk(blocks); walk.next();) {
        if (!walk.entering()) continue;
        if (const octavo::model::Block* block = walk.block(); block != nullptr && !block->id.empty()) {
          ids.push_back(block->id);
        }
        if (const octavo::model::Inline* run = walk.inline_node(); run != nullptr && !run->id.empty()) {
          ids.push_back(run->id);
        }
      }
    };
    collect(article.blocks);
    for (const octavo::model::Footnote& note : article.footnotes) {
      if (!note.id.empty()) ids.push_back(note.id);
      collect(note.blocks);
    }
    for (const std::string& id : ids) {
      anchors.ids.insert(id);
      anchors.names.emplace(id, id);
    }
  }
  return table;
}

inline octavo::model::Book book_of(std::vector<octavo::model::Article> articles) {
  octavo::model::Book book;
  book.metadata.title = "Field Notes";
  book.metadata.authors = {"Ada Lovelace"};
  book.metadata.publisher = "Octavo Press";
  book.metadata.date = "2024-05-01";
  book.metadata.modified = "2024-05-01T00:00:00Z";
  book.metadata.generator = "Octavo 0.1.0";
  book.metadata.corpus_name = "notes";
  book.disclaimer.id = octavo::model::disclaimer_id;
  book.disclaimer.title = "Unreviewed content";
  book.disclaimer.blocks = {paragraph("Nothing here has been checked.")};
  book.contents = contents_of(articles);
  book.anchors = anchors_of(articles);
  book.articles = std::move(articles);
  return book;
}

/// The page's text as lines: runs on one baseline joined left to right, with a space wherever
/// there is a gap between runs (fake metrics: width = 0.5 em per character).
inline std::vector<std::string> page_lines(const octavo::layout::Page& page) {
  const FakeMetrics metrics;
  std::map<double, std::vector<const octavo::layout::TextRun*>> by_baseline;
  // The unreviewed mark is in the foot of every page; its own test checks it, the others read the
  // rest of the page without it.
  const std::vector<octavo::layout::TextRun> placed = octavo::layout::placed_runs(page);
  for (const auto& run : placed) {
    if (run.text != octavo::model::unreviewed_mark) by_baseline[run.baseline.value].push_back(&run);
  }
  std::vector<std::string> lines;
  for (auto& [baseline, runs] : by_baseline) {
    std::sort(runs.begin(), runs.end(), [](auto* a, auto* b) { return a->x < b->x; });
    std::string text;
    double end = -1e9;
    for (const auto* run : runs) {
      if (!text.empty() && run->x.value > end + 0.01) text += ' ';
      text += run->text;
      end = run->x.value + metrics.width(run->face, run->text, run->size).value;
    }
    lines.push_back(text);
  }
  return lines;
}

inline std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

/// Names of the anchors on a page, in order.
inline std::string anchor_names(const octavo::layout::Page& page) {
  std::string out;
  for (const auto& anchor : page.anchors) out += (out.empty() ? "" : " ") + anchor.name;
  return out;
}

// The usual setup of a layout test: the fake metrics (at 10 pt every character and space is 5 pt
// wide), the house style, a diagnostics list and a context. Tests that hyphenate point
// context.hyphenator at a Hyphenator of their own.
struct LayoutFixture {
  FakeMetrics metrics;
  octavo::layout::PageStyle style = octavo::style::default_page_style();
  octavo::core::DiagnosticList diagnostics;
  octavo::fonts::GlyphCoverage coverage{metrics};
  octavo::layout::LayoutContext context{metrics, style, diagnostics, coverage};

  /// `text` set at 10 pt for `measure`, as items located at `where`.
  octavo::layout::ItemList items(const std::string& text, octavo::core::Pt measure,
                                 octavo::core::SourceLocation where = {"w.md", 3, 1}, bool hyphenate = false) {
    octavo::layout::ItemBuilder builder(context, measure);
    builder.set_hyphenate(hyphenate);
    builder.add_text(text, octavo::layout::TextStyle{false, false, false, octavo::core::Pt(10)}, where);
    return builder.finish();
  }
};

/// The text of each line, as line_text gives it.
inline std::vector<std::string> line_texts(const std::vector<octavo::layout::Item>& items,
                                           const std::vector<octavo::layout::Line>& lines) {
  std::vector<std::string> out;
  for (const octavo::layout::Line& line : lines) out.push_back(octavo::layout::line_text(items, line));
  return out;
}

/// The largest |r| among the justified (not ragged) lines; 0 for none.
inline double worst_ratio(const std::vector<octavo::layout::Line>& lines) {
  double worst = 0;
  for (const octavo::layout::Line& line : lines) {
    if (!line.ragged) worst = std::max(worst, std::abs(line.ratio));
  }
  return worst;
}

/// Every line `width` points wide.
inline octavo::layout::LineWidths same_widths(double width) {
  return {octavo::core::Pt(width), octavo::core::Pt(width)};
}

}  // namespace test
