// Block content of the document model: paragraphs, headings, lists, quotes, code, rules, figures,
// tables, asides and details. Readers build them; transforms and writers walk them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/source_location.hpp"
#include "model/image.hpp"
#include "model/inline.hpp"

namespace octavo::model {

enum class BlockKind {
  paragraph,       ///< `inlines`
  heading,         ///< `inlines`, `level` 1–6 within the article (the article title is above 1)
  bullet_list,     ///< `children` are list_item blocks
  ordered_list,    ///< `children` are list_item blocks; numbering from `start`
  list_item,       ///< `children` are blocks; `task` for a task-list item ("- [x] done")
  block_quote,     ///< `children` are blocks
  code_block,      ///< `text` holds the literal lines, '\n'-separated, no final newline
  thematic_break,  ///< no content
  figure,          ///< `images` (one or more, in order); `inlines` the caption, empty when none was written
  table,           ///< `children` are table_row blocks, header rows first; `inlines` the caption (may be empty)
  table_row,       ///< `children` are table_cell blocks; role header for a row of the table's head (thead)
  table_cell,      ///< `children` are blocks (a GFM cell: one paragraph); `align`, `colspan`, `rowspan`;
                   ///< role header for a header cell (th)
  aside,           ///< `children`: a set-off box beside the main text (HTML <aside>)
  details,         ///< `inlines` the summary (may be empty); `children` the content, always shown open
  division,        ///< `children`: a group with no meaning of its own but `align` (HTML <center>, <div align>)
};

/// What a block is for, beyond its kind; writers may style these differently.
enum class BlockRole {
  body,     ///< ordinary content
  summary,  ///< the lead paragraph that summarises a plain-text article
  outline,  ///< the "In this article" list of links to the article's sections
  header,   ///< a table's header row (thead) or header cell (th)
  term,     ///< a paragraph naming what the block after it defines (HTML <dt>, a man page's tag)
};

/// Horizontal alignment asked for by the source: a table column (GFM `:--:`), `<p align>`, `<center>`.
enum class Align { none, left, center, right };

/// How an ordered list numbers its items: 1 2 3, a b c, A B C, i ii iii or I II III (HTML <ol type>).
enum class ListNumbering { decimal, lower_alpha, upper_alpha, lower_roman, upper_roman };

/// The box of a task-list item: none for an ordinary item.
enum class TaskState { none, open, done };

struct Block {
  BlockKind kind = BlockKind::paragraph;
  BlockRole role = BlockRole::body;
  int level = 0;   ///< headings only
  int start = 1;   ///< ordered lists only
  std::string id;  ///< anchor id: a heading's (set by transform::resolve_links), or an explicit HTML id; may be empty
  std::string text;
  std::vector<Inline> inlines;
  std::vector<Block> children;
  std::vector<std::shared_ptr<const Image>> images;  ///< figures only; never null entries
  Align align = Align::none;
  int colspan = 1;  ///< table cells only: columns the cell spans (≥ 1)
  int rowspan = 1;  ///< table cells only: rows the cell spans (≥ 1)
  TaskState task = TaskState::none;
  ListNumbering numbering = ListNumbering::decimal;  ///< ordered lists only
  core::SourceLocation location;

  // Destroyed without recursion (core/tree_release.hpp): depth comes from the input.
  Block() = default;
  Block(const Block&) = default;
  Block(Block&&) noexcept = default;
  Block& operator=(const Block&) = default;
  Block& operator=(Block&&) noexcept = default;
  ~Block();
};

Block paragraph_block(std::vector<Inline> inlines, core::SourceLocation location = {});
Block heading_block(int level, std::vector<Inline> inlines, core::SourceLocation location = {});
/// A block of `kind` holding `children` (lists, items, quotes, tables, rows, cells, asides, …).
Block container_block(BlockKind kind, std::vector<Block> children, core::SourceLocation location = {});

}  // namespace octavo::model
