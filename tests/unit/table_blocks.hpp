// Table blocks as the readers make them (table → table_row → table_cell → paragraph), for the
// layout, golden and end-to-end tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/block.hpp"

namespace test {

/// A cell holding one paragraph of `text`.
inline octavo::model::Block cell(std::string text, octavo::model::Align align = octavo::model::Align::none,
                                 int colspan = 1, int rowspan = 1) {
  using namespace octavo::model;
  Block block = container_block(BlockKind::table_cell, {paragraph_block({text_inline(std::move(text))})});
  block.align = align;
  block.colspan = colspan;
  block.rowspan = rowspan;
  return block;
}

/// A row of `cells`; a head row (thead) when `head`.
inline octavo::model::Block row(std::vector<octavo::model::Block> cells, bool head = false) {
  using namespace octavo::model;
  Block block = container_block(BlockKind::table_row, std::move(cells));
  if (head) block.role = BlockRole::header;
  return block;
}

/// A row of one-paragraph cells.
inline octavo::model::Block row_of(const std::vector<std::string>& texts, bool head = false) {
  std::vector<octavo::model::Block> cells;
  for (const std::string& text : texts) cells.push_back(cell(text));
  return row(std::move(cells), head);
}

/// A table of `rows` at line `line` of t.md, with `caption` (none when empty).
inline octavo::model::Block table(std::vector<octavo::model::Block> rows, std::string caption = {}, int line = 1) {
  using namespace octavo::model;
  Block block = container_block(BlockKind::table, std::move(rows), {"t.md", line, 1});
  if (!caption.empty()) block.inlines = {text_inline(std::move(caption))};
  return block;
}

}  // namespace test
