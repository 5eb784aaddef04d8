// Tables (model::BlockKind::table) → a caption, then one flow line per row, its cells side by side,
// with booktabs rules and the head rows repeated on every page the table continues on. The setting
// itself is BlockSetter::set_table (set_blocks.hpp), defined in set_table.cpp; this header holds
// the grid and the column widths it uses.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "core/length.hpp"
#include "model/block.hpp"

namespace octavo::layout {

/// The largest colspan honoured: the HTML standard's limit (§4.9.11, "colspan … greater than
/// zero and less than or equal to 1000").
inline constexpr int max_colspan = 1000;

/// One cell placed on the table's grid.
struct GridCell {
  std::span<const model::Block> content;  ///< the cell's blocks (a stray non-cell block: itself)
  const model::Block* block = nullptr;    ///< the table_cell (or stray block), for align and role
  std::size_t row = 0;
  std::size_t column = 0;
  std::size_t rowspan = 1;  ///< at least 1; never past the last row, nor a head cell past the head
  std::size_t colspan = 1;  ///< at least 1, at most max_colspan
  bool header = false;      ///< a th, or a cell of a head row: set bold
};

/// Where every cell of a table sits (the HTML table model, HTML §4.9.12 "forming a table",
/// simplified): rows in order; in each row, cells left to right, each in the first column not
/// taken by a cell from a row above that spans down into this one. A stray block among the rows
/// is a row of one cell, and among the cells a cell of its own, so that nothing is lost.
struct TableGrid {
  std::size_t rows = 0;
  std::size_t columns = 0;    ///< the widest row's extent, spans included
  std::size_t head_rows = 0;  ///< the leading rows of role header (thead)
  std::vector<GridCell> cells;
};

/// The grid of `table`; no rows and no columns for a table with no rows, no columns for one
/// whose rows have no cells.
TableGrid table_grid(const model::Block& table);

/// A cell's content widths as the column widths read them: `min` its widest unbreakable piece
/// (CSS's min-content width), `max` its widest line set unbroken (max-content width).
struct CellWidths {
  std::size_t column = 0;
  std::size_t colspan = 1;
  core::Pt min;
  core::Pt max;
};

/// The least and greatest widths of each column.
struct ColumnRanges {
  std::vector<core::Pt> min;
  std::vector<core::Pt> max;  ///< never below min
};

/// Each of `columns` columns' range, CSS 2.1 §17.5.2.2 steps 1–3: a column is as wide as its
/// widest single-column cell needs; then each spanning cell, narrowest span first, widens the
/// columns it spans by equal shares of what they lack (with `gap` between each two of them), for
/// its minimum and its maximum alike. Zeros for columns no cell covers.
ColumnRanges column_ranges(const std::vector<CellWidths>& cells, std::size_t columns, core::Pt gap);

/// The widths of the columns in `available` (the measure less the gaps between them), as HTML 4.01
/// Appendix B §5.2.2 (the "auto" layout browsers follow, which CSS 2.1 §17.5.2.2 leaves to them):
/// every column at its maximum if the maxima fit; else each at its minimum plus a share of the
/// room left, in proportion to how much wider its maximum is (max − min). If not even the minima
/// fit, the widest columns are cut down to one common width so that the whole fits, and their
/// content must break inside words. Empty for no columns.
std::vector<core::Pt> column_widths(const ColumnRanges& ranges, core::Pt available);

}  // namespace octavo::layout
