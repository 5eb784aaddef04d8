#include "layout/set_table.hpp"
#include "layout/paragraph_styles.hpp"

#include <algorithm>
#include <memory>
#include <string>

#include "layout/build_items.hpp"
#include "layout/paginate.hpp"
#include "layout/set_blocks.hpp"
#include "layout/set_paragraph.hpp"

namespace octavo::layout {
namespace {

// Rounding in sums of widths and heights must not make a table that fits look too wide.
constexpr double tolerance = 1e-6;

// A table too wide for the measure at the body size is set again in smaller type, 10 % at a time,
// down to 70 %: at the A5 body size that is 7 pt, the size of the page's smallest print (the
// review mark), below which text needs a magnifier. Only then are words broken.
constexpr int type_step_percent = 10;
constexpr int min_type_percent = 70;
// Booktabs' rules (\heavyrulewidth, \lightrulewidth): 0.08 em above and below the table, 0.05 em
// under its head, of the body size whatever the table's; no vertical rules.
constexpr double heavy_rule_em = 0.08;
constexpr double light_rule_em = 0.05;
// Above and below each row's content, an eighth of the leading: rows of wrapped cells stay apart
// without rules between them (a row of single lines is 1.25 lines high). As much again separates
// a rule from the text, as booktabs' \belowrulesep and \aboverulesep do.
constexpr double row_padding_share = 1.0 / 8;
constexpr double rule_gap_share = 1.0 / 8;
// Columns are one em apart (booktabs' two \tabcolsep are 12 pt at 10 pt), with none outside the
// outer columns, so that the table lines up with the text block; with many columns the gaps
// together take at most a quarter of the measure.
constexpr double max_gaps_share = 0.25;
// A head taller than a quarter of the text block is not repeated on each page: it would crowd out
// the rows it heads.
constexpr double max_repeated_head_share = 0.25;
// A cell set in a column this wide never breaks a line but where its text says so (max-content).
constexpr core::Pt unbounded_width{1e6};

// The sink a table's cells are set with: a word broken at its column's edge is reported once for
// the whole table (set_table), everything else is passed on.
class CellSink final : public core::DiagnosticSink {
 public:
  explicit CellSink(core::DiagnosticSink& next) : next_(next) {}
  void report(core::Diagnostic diagnostic) override {
    if (diagnostic.message == long_word_warning) {
      broken_ = true;
    } else {
      next_.report(std::move(diagnostic));
    }
  }
  bool broken() const { return broken_; }

 private:
  core::DiagnosticSink& next_;
  bool broken_ = false;
};

// `style` with its type (sizes, leading and the spaces and indents measured in them) scaled by
// `scale`; the page geometry stays.
PageStyle scaled_type(const PageStyle& style, double scale) {
  PageStyle s = style;
  for (core::Pt* length : {&s.body_size, &s.leading, &s.paragraph_indent, &s.heading_size[0], &s.heading_size[1],
                           &s.heading_size[2], &s.heading_space_before, &s.heading_space_after, &s.block_space,
                           &s.list_indent, &s.list_marker_gap, &s.quote_indent, &s.code_indent, &s.code_size,
                           &s.code_leading, &s.ornament_width, &s.small_size, &s.small_leading}) {
    *length = *length * scale;
  }
  return s;
}

core::Pt sum(const std::vector<core::Pt>& lengths, std::size_t begin, std::size_t end) {
  core::Pt total;
  for (std::size_t i = begin; i < end && i < lengths.size(); ++i) total += lengths[i];
  return total;
}

// The right edge of what a line draws, from its left edge.
core::Pt right_edge(const FlowLine& line, const fonts::FontMetrics& metrics) {
  core::Pt edge;
  for (const TextRun& run : line.runs) {
    edge = std::max(edge, run.x + metrics.width(run.face, run.text, run.size) + kerning_total(run));
  }
  for (const ImageBox& image : line.images) edge = std::max(edge, image.x + image.width);
  for (const Rule& rule : line.rules) edge = std::max({edge, rule.x1, rule.x2});
  return edge;
}

core::Pt widest(const std::vector<FlowLine>& lines, const fonts::FontMetrics& metrics) {
  core::Pt widest;
  for (const FlowLine& line : lines) widest = std::max(widest, right_edge(line, metrics));
  return widest;
}

// Lines [begin, end) stacked as place_lines stacks them.
core::Pt stacked_height(const std::vector<FlowLine>& lines, std::size_t begin, std::size_t end) {
  core::Pt height;
  for (std::size_t i = begin; i < end; ++i)
    height += (i > begin ? lines[i].space_before : core::Pt(0)) + lines[i].height;
  return height;
}

void move_into(FlowLine& line, Page& page) {
  for (TextRun& run : page.runs) line.runs.push_back(std::move(run));
  for (Rule& rule : page.rules) line.rules.push_back(rule);
  for (LinkArea& link : page.links) line.links.push_back(std::move(link));
  for (Anchor& anchor : page.anchors) line.anchors.push_back(std::move(anchor));
  for (ImageBox& image : page.images) line.images.push_back(std::move(image));
  page = Page{};
}

// The footnotes that lines [begin, end) of a cell refer to go to the row line that holds them, so
// that attach_footnotes hangs each note on its row and paginate sets it on that row's page.
void take_note_refs(FlowLine& row, std::vector<FlowLine>& lines, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    for (NoteRef& ref : lines[i].note_refs) row.note_refs.push_back(std::move(ref));
    lines[i].note_refs.clear();
  }
}

Alignment alignment_of(model::Align align) {
  switch (align) {
    case model::Align::center: return Alignment::centre;
    case model::Align::right: return Alignment::right;
    case model::Align::none:
    case model::Align::left: break;
  }
  return Alignment::left;
}

// A paragraph of a cell: ragged (or centred, or flush right), never hyphenated, bold in a head.
void set_cell_paragraph(Flow& flow, const model::Block& paragraph, core::Pt width, Alignment alignment, bool bold,
                        LayoutContext& context, const LinkResolver& resolver) {
  const PageStyle& style = context.style;
  ItemBuilder builder(context, width);
  builder.set_link_resolver(resolver);
  const TextStyle text_style{false, bold, false, style.body_size};
  builder.add_inlines(paragraph.inlines, text_style, paragraph.location);
  ParagraphFormat format = paragraph_format(bold ? Role::table_head_cell : Role::table_cell, style, core::Pt(0), width);
  format.alignment = alignment;
  set_paragraph(flow, builder.finish(), format, context.metrics);
}

// A cell set at its column's width: its lines, their height, and where it sits.
struct SetCell {
  const GridCell* grid = nullptr;
  std::vector<FlowLine> lines;
  core::Pt x;               // from the table's left edge
  core::Pt height;          // of its lines
  std::size_t rowspan = 1;  // as set: 1 when its rows could not be kept on one page
};

// The ids of `row` and of its `cells` (those that start in it), as anchors at the row's top: the
// EPUB keeps them (<tr id>, <td id>, <th id>), so links may land on them, and the top of the row is
// the nearest place a page can name for a cell. A stray block in a cell's place carries its id
// itself (set_cell sets it as a block).
std::vector<Anchor> row_anchors(const model::Block& row, const std::vector<SetCell*>& cells,
                                const std::string& prefix) {
  std::vector<Anchor> anchors;
  if (row.kind == model::BlockKind::table_row && !row.id.empty()) anchors.push_back({prefix + row.id, core::Pt(0)});
  for (const SetCell* cell : cells) {
    const model::Block& block = *cell->grid->block;
    if (block.kind == model::BlockKind::table_cell && !block.id.empty())
      anchors.push_back({prefix + block.id, core::Pt(0)});
  }
  return anchors;
}

}  // namespace

TableGrid table_grid(const model::Block& table) {
  TableGrid grid;
  const std::vector<model::Block>& rows = table.children;
  while (grid.head_rows < rows.size() && rows[grid.head_rows].kind == model::BlockKind::table_row &&
         rows[grid.head_rows].role == model::BlockRole::header) {
    ++grid.head_rows;
  }
  // Per column, the first row that no cell from a row above still takes.
  std::vector<std::size_t> taken_until;
  for (const model::Block& row : rows) {
    const std::size_t r = grid.rows++;
    const bool is_row = row.kind == model::BlockKind::table_row;
    const bool head = r < grid.head_rows;
    // A head cell spans down no further than the head, a body cell no further than the table.
    const std::size_t group_end = head ? grid.head_rows : rows.size();
    const std::span<const model::Block> cells =
        is_row ? std::span<const model::Block>(row.children) : std::span<const model::Block>(&row, 1);
    std::size_t column = 0;
    for (const model::Block& cell : cells) {
      while (column < taken_until.size() && taken_until[column] > r) ++column;
      const bool is_cell = is_row && cell.kind == model::BlockKind::table_cell;
      GridCell placed;
      placed.content = is_cell ? std::span<const model::Block>(cell.children) : std::span<const model::Block>(&cell, 1);
      placed.block = &cell;
      placed.row = r;
      placed.column = column;
      placed.colspan = is_cell ? static_cast<std::size_t>(std::clamp(cell.colspan, 1, max_colspan)) : 1;
      placed.rowspan = is_cell ? std::min(static_cast<std::size_t>(std::max(cell.rowspan, 1)), group_end - r) : 1;
      placed.header = head || (is_cell && cell.role == model::BlockRole::header);
      if (taken_until.size() < column + placed.colspan) taken_until.resize(column + placed.colspan, 0);
      for (std::size_t c = column; c < column + placed.colspan; ++c) {
        taken_until[c] = std::max(taken_until[c], r + placed.rowspan);
      }
      column += placed.colspan;
      grid.cells.push_back(placed);
    }
  }
  grid.columns = taken_until.size();
  return grid;
}

ColumnRanges column_ranges(const std::vector<CellWidths>& cells, std::size_t columns, core::Pt gap) {
  ColumnRanges ranges{std::vector<core::Pt>(columns), std::vector<core::Pt>(columns)};
  std::vector<const CellWidths*> spanning;
  for (const CellWidths& cell : cells) {
    if (cell.column >= columns) continue;
    if (cell.colspan <= 1) {
      ranges.min[cell.column] = std::max(ranges.min[cell.column], cell.min);
      ranges.max[cell.column] = std::max(ranges.max[cell.column], cell.max);
    } else {
      spanning.push_back(&cell);
    }
  }
  std::stable_sort(spanning.begin(), spanning.end(),
                   [](const CellWidths* a, const CellWidths* b) { return a->colspan < b->colspan; });
  // CSS 2.1 step 3: "widen all spanned columns by approximately the same amount".
  const auto widen = [&](std::vector<core::Pt>& widths, const CellWidths& cell, core::Pt needed) {
    const std::size_t end = std::min(columns, cell.column + cell.colspan);
    const std::size_t count = end - cell.column;
    const core::Pt have = sum(widths, cell.column, end) + gap * static_cast<double>(count - 1);
    if (needed <= have) return;
    const core::Pt share = (needed - have) / static_cast<double>(count);
    for (std::size_t c = cell.column; c < end; ++c) widths[c] += share;
  };
  for (const CellWidths* cell : spanning) {
    widen(ranges.min, *cell, cell->min);
    widen(ranges.max, *cell, cell->max);
  }
  for (std::size_t c = 0; c < columns; ++c) ranges.max[c] = std::max(ranges.max[c], ranges.min[c]);
  return ranges;
}

std::vector<core::Pt> column_widths(const ColumnRanges& ranges, core::Pt available) {
  const std::size_t count = ranges.min.size();
  const core::Pt min_total = sum(ranges.min, 0, count);
  const core::Pt max_total = sum(ranges.max, 0, count);
  if (max_total.value <= available.value + tolerance) return ranges.max;
  std::vector<core::Pt> widths(count);
  if (min_total.value <= available.value + tolerance) {
    const double share = (available - min_total) / (max_total - min_total);
    for (std::size_t c = 0; c < count; ++c) widths[c] = ranges.min[c] + (ranges.max[c] - ranges.min[c]) * share;
    return widths;
  }
  if (available <= core::Pt(0)) return widths;
  // The common width `cap` with Σ min(min_c, cap) = available: with the minima in ascending order,
  // the first one wider than an equal share of what the narrower ones leave starts the capped ones.
  std::vector<core::Pt> ascending = ranges.min;
  std::sort(ascending.begin(), ascending.end());
  core::Pt narrower;
  core::Pt cap = available;
  for (std::size_t k = 0; k < count; ++k) {
    cap = (available - narrower) / static_cast<double>(count - k);
    if (cap <= ascending[k]) break;
    narrower += ascending[k];
  }
  for (std::size_t c = 0; c < count; ++c) widths[c] = std::min(ranges.min[c], cap);
  return widths;
}

// The caption (the table's inlines) above it in small italic type, flush left with the table, kept
// with it.
// Each cell is set in a flow of its own, at its column's width: paragraphs here (ragged with the
// cell's alignment, unhyphenated, bold in the head), every other block by a BlockSetter as in the
// body, ragged and flush left. A row is one flow line holding its cells' lines side by side, top
// aligned, as tall as its tallest cell: it never splits, unless it is taller than the page can
// hold, when it is cut into pieces of a line of each cell, which pages break between as they break
// a paragraph's lines. The head rows keep with the first body row and repeat at the top of every
// page the table continues on (FlowLine::repeated_head).
//
// Column widths come from the cells' content (column_ranges, column_widths): a cell's minimum is
// the widest line when it is set in a column of no width (every break taken, no word broken:
// ItemBuilder breaks words only for a measure above 0), its maximum the widest line when set
// unbounded, so measuring and setting use the same code. A table whose minima do not fit is set
// again in smaller type (type_step_percent) down to min_type_percent; there, its widest columns
// are cut down and their longest words broken at the column's edge, with one warning.
//
// Rowspan: a cell spanning rows is set at the top of its first row, in the width of its columns,
// and its rows are kept on one page, the last of them made taller if the cell needs it. When the
// rows it spans cannot fit on one page, it spans only its first row (which grows to hold it), so
// nothing runs off a page; its grid slots below stay empty.
//
// A table inside a table's cell is set as its cells' content, block after block: measuring cells
// sets each several times, which nesting would multiply.
void BlockSetter::set_table(const model::Block& table, const BlockFrame& frame, int depth) {
  if (in_table_) {
    if (!table.inlines.empty()) set_text_paragraph(table, frame);
    for (const model::Block& child : table.children) set_block(child, frame, depth + 1);
    return;
  }
  const PageStyle& style = context_.style;
  const fonts::FontMetrics& metrics = context_.metrics;
  flow_.add_space(style.block_space);  // the table's id is placed by set_block
  if (!table.inlines.empty()) {
    const TextStyle caption_style{true, false, false, style.small_size};
    ItemBuilder builder(context_, frame.width);
    builder.set_link_resolver(resolver_);
    builder.add_inlines(table.inlines, caption_style, table.location);
    set_paragraph(flow_, builder.finish(), paragraph_format(Role::table_caption, style, frame.left, frame.width),
                  metrics);
    flow_.add_space(style.small_leading / 2);
  }
  const TableGrid grid = table_grid(table);
  if (grid.columns == 0) {
    flow_.add_space(style.block_space);
    indent_next_ = false;
    return;
  }

  CellSink sink(context_.sink);
  PageStyle table_style = style;
  LayoutContext table_context{metrics, table_style, sink, context_.coverage, context_.hyphenator};
  const auto set_cell = [&](const GridCell& cell, core::Pt width, bool aligned) {
    Flow flow;
    BlockSetter inner(table_context, flow, anchor_prefix_, resolver_);
    inner.in_table_ = true;
    const BlockFrame cell_frame{core::Pt(0), width, true, true};
    for (std::size_t i = 0; i < cell.content.size(); ++i) {
      const model::Block& child = cell.content[i];
      if (child.kind != model::BlockKind::paragraph) {
        inner.set_block(child, cell_frame, depth + 1);
        continue;
      }
      if (i > 0) flow.add_space(table_style.block_space);
      inner.add_block_anchor(child);
      const model::Align align = cell.block->align != model::Align::none ? cell.block->align : child.align;
      set_cell_paragraph(flow, child, width, aligned ? alignment_of(align) : Alignment::left, cell.header,
                         table_context, resolver_);
    }
    return flow.finish();
  };

  // The type size, the gaps and the column widths.
  const double gaps = static_cast<double>(grid.columns - 1);
  ColumnRanges ranges;
  core::Pt gap;
  core::Pt available;
  int percent = 100;
  for (;; percent -= type_step_percent) {
    table_style = scaled_type(style, percent / 100.0);
    gap = grid.columns > 1 ? std::min(table_style.body_size, frame.width * max_gaps_share / gaps) : core::Pt(0);
    std::vector<CellWidths> cells;
    cells.reserve(grid.cells.size());
    for (const GridCell& cell : grid.cells) {
      cells.push_back({cell.column, cell.colspan, widest(set_cell(cell, core::Pt(0), false), metrics),
                       widest(set_cell(cell, unbounded_width, false), metrics)});
    }
    ranges = column_ranges(cells, grid.columns, gap);
    available = frame.width - gap * gaps;
    if (sum(ranges.min, 0, grid.columns).value <= available.value + tolerance) break;
    if (percent - type_step_percent < min_type_percent) break;
  }
  const std::vector<core::Pt> widths = column_widths(ranges, available);
  const core::Pt table_width = sum(widths, 0, grid.columns) + gap * gaps;
  // A table narrower than the measure stands flush left, as the text does, rather than centred:
  // pdftotext orders a page's blocks by Breuel's rules (poppler TextOutputDev), which read a
  // centred head cell after the page's foot line, whose left edge no table column then shares.
  const core::Pt table_left = frame.left;

  std::vector<SetCell> cells;
  cells.reserve(grid.cells.size());
  for (const GridCell& cell : grid.cells) {
    SetCell set;
    set.grid = &cell;
    set.rowspan = cell.rowspan;
    set.x = sum(widths, 0, cell.column) + gap * static_cast<double>(cell.column);
    const std::size_t end = std::min(grid.columns, cell.column + cell.colspan);
    // A hair wider than the columns' sum, so that rounding in the sum never breaks a word that
    // measured exactly as wide.
    const core::Pt width = sum(widths, cell.column, end) + gap * static_cast<double>(end - cell.column - 1);
    set.lines = set_cell(cell, width + core::Pt(tolerance), true);
    set.height = stacked_height(set.lines, 0, set.lines.size());
    cells.push_back(std::move(set));
  }
  if (sink.broken()) {
    context_.sink.warning(table.location, "table too wide for the page even in type at " + std::to_string(percent) +
                                              " %; its longest words are broken");
  }

  // Row heights. Each row holds its content between paddings; the first row has the top rule
  // above, the last head row the rule under the head below, and the last row the bottom rule.
  const core::Pt leading = table_style.leading;
  const core::Pt padding = leading * row_padding_share;
  const core::Pt rule_gap = leading * rule_gap_share;
  const core::Pt heavy = style.body_size * heavy_rule_em;
  const core::Pt light = style.body_size * light_rule_em;
  const std::size_t last_row = grid.rows - 1;
  std::vector<core::Pt> above(grid.rows);
  std::vector<core::Pt> below(grid.rows);
  std::vector<core::Pt> heights(grid.rows);
  for (std::size_t r = 0; r < grid.rows; ++r) {
    if (r == 0) above[r] = heavy + rule_gap;
    if (r == last_row) {
      below[r] = heavy + rule_gap;
    } else if (r + 1 == grid.head_rows) {
      below[r] = light + rule_gap;
    }
    heights[r] = above[r] + padding + leading + padding + below[r];
  }
  const auto grow = [&](std::size_t r, core::Pt content) {
    heights[r] = std::max(heights[r], above[r] + padding + content + padding + below[r]);
  };
  for (const SetCell& cell : cells) {
    if (cell.rowspan == 1) grow(cell.grid->row, cell.height);
  }
  // Spanning cells of rows [begin, end), whose rows must fit in `capacity` together; repeated
  // until none changes, since a cell that gives up its span makes its row taller.
  const auto settle_spans = [&](std::size_t begin, std::size_t end, core::Pt capacity) {
    for (bool changed = true; changed;) {
      changed = false;
      for (SetCell& cell : cells) {
        const std::size_t first = cell.grid->row;
        if (cell.rowspan == 1 || first < begin || first >= end) continue;
        const std::size_t last = first + cell.rowspan - 1;
        const core::Pt needed = above[first] + padding + cell.height + padding + below[last];
        const core::Pt rows = sum(heights, first, last + 1);
        if (std::max(rows, needed).value > capacity.value + tolerance) {
          cell.rowspan = 1;
          grow(first, cell.height);
          changed = true;
        }
      }
    }
    for (const SetCell& cell : cells) {
      const std::size_t first = cell.grid->row;
      if (cell.rowspan == 1 || first < begin || first >= end) continue;
      const std::size_t last = first + cell.rowspan - 1;
      const core::Pt needed = above[first] + padding + cell.height + padding + below[last];
      const core::Pt rows = sum(heights, first, last + 1);
      if (needed > rows) heights[last] += needed - rows;
    }
  };
  settle_spans(0, grid.head_rows, style.body_height);
  const core::Pt head_height = sum(heights, 0, grid.head_rows);
  const bool repeat_head =
      grid.head_rows > 0 && grid.head_rows < grid.rows && head_height <= style.body_height * max_repeated_head_share;
  // A body row must fit on a page below the repeated head.
  const core::Pt body_capacity = style.body_height - (repeat_head ? head_height : core::Pt(0));
  settle_spans(grid.head_rows, grid.rows, body_capacity);

  // The rows' flow lines: one per row, or several pieces for a row taller than a page.
  std::vector<std::vector<SetCell*>> starting(grid.rows);
  for (SetCell& cell : cells) starting[cell.grid->row].push_back(&cell);
  const core::Pt baseline = baseline_in_leading(leading, fonts::FontFace::serif, table_style.body_size, metrics);
  std::vector<FlowLine> lines;
  std::vector<std::size_t> row_start(grid.rows + 1);
  std::vector<std::size_t> continued;  // the pieces of a tall row after its first, in order
  for (std::size_t r = 0; r < grid.rows; ++r) {
    row_start[r] = lines.size();
    const core::Pt capacity = r < grid.head_rows ? style.body_height : body_capacity;
    if (heights[r].value <= capacity.value + tolerance) {
      FlowLine line;
      line.height = heights[r];
      line.baseline = above[r] + padding + baseline;
      line.anchors = row_anchors(table.children[r], starting[r], anchor_prefix_);
      Page placed;
      for (SetCell* cell : starting[r]) {
        take_note_refs(line, cell->lines, 0, cell->lines.size());
        place_lines(placed, cell->lines, 0, cell->lines.size(), table_left + cell->x, above[r] + padding);
      }
      move_into(line, placed);
      lines.push_back(std::move(line));
      continue;
    }
    // Too tall for any page: cut into pieces of one line of each cell that has lines left, so
    // that the row starts where it stands, fills the page it starts on and breaks as a paragraph
    // breaks (a row a page long moved whole to the next page left most of this one empty). A
    // piece keeps with the next as the lines of the cells going on after it all keep (a
    // paragraph's first line with its second, its last with the one before; one cell's keeps
    // alone, taken as any cell's, would keep nearly every piece of a row of several cells of short
    // paragraphs, and move it whole again). A cell's line after its first keeps the space (and an
    // aside's bar across it) above it; the space all of a piece's lines have above them is the
    // piece's space_before, which pagination drops where the piece opens a page, as it drops a
    // paragraph's there; the repeated head above it then ends with a cell's padding (below). Only
    // the first piece has the row's top, the last its foot.
    std::vector<std::size_t> next(starting[r].size(), 0);
    for (bool first_piece = true;; first_piece = false) {
      const core::Pt top = first_piece ? above[r] + padding : core::Pt(0);
      // The first piece's lines are the cells' first, whose space is dropped anyway.
      core::Pt shared_space;
      bool any = false;
      for (std::size_t k = 0; k < starting[r].size() && !first_piece; ++k) {
        const SetCell& cell = *starting[r][k];
        if (next[k] == cell.lines.size()) continue;
        const core::Pt space = cell.lines[next[k]].space_before;
        shared_space = any ? std::min(shared_space, space) : space;
        any = true;
      }
      if (!first_piece) continued.push_back(lines.size());
      core::Pt content;
      bool done = true;
      Page placed;
      FlowLine line;
      if (first_piece) line.anchors = row_anchors(table.children[r], starting[r], anchor_prefix_);
      Keep keep = Keep::strong;  // the weakest keep of the cells going on, when any does
      for (std::size_t k = 0; k < starting[r].size(); ++k) {
        SetCell& cell = *starting[r][k];
        const std::size_t at = next[k];
        if (at == cell.lines.size()) continue;
        const Keep line_keep = cell.lines[at].keep;
        take_note_refs(line, cell.lines, at, at + 1);
        content = std::max(content, place_lines(placed, cell.lines, at, at + 1, table_left + cell.x, top - shared_space,
                                                at > 0 ? FirstSpace::kept : FirstSpace::dropped));
        next[k] = at + 1;
        if (next[k] < cell.lines.size()) {
          done = false;
          keep = std::min(keep, line_keep);
        }
      }
      line.space_before = shared_space;
      line.height = top + content - shared_space + (done ? padding + below[r] : core::Pt(0));
      line.baseline = top + baseline;
      line.keep = done ? Keep::none : keep;
      move_into(line, placed);
      lines.push_back(std::move(line));
      if (done) break;
    }
  }
  row_start[grid.rows] = lines.size();

  // Rules across the table: heavy at its top and foot, light under the head.
  const core::Pt right = table_left + table_width;
  lines.front().rules.push_back({table_left, heavy / 2, right, heavy / 2, heavy});
  if (grid.head_rows > 0 && grid.head_rows < grid.rows) {
    FlowLine& under_head = lines[row_start[grid.head_rows] - 1];
    const core::Pt y = under_head.height - light / 2;
    under_head.rules.push_back({table_left, y, right, y, light});
  }
  FlowLine& foot = lines.back();
  foot.rules.push_back({table_left, foot.height - heavy / 2, right, foot.height - heavy / 2, heavy});

  // Keeps: the head with the first body row, a spanning cell's rows together, and no first or
  // last body row alone at a page's foot or head.
  const std::size_t body_begin = row_start[grid.head_rows];
  for (std::size_t i = 0; i < body_begin; ++i) lines[i].keep = Keep::strong;
  for (const SetCell& cell : cells) {
    if (cell.rowspan == 1) continue;
    const std::size_t first = row_start[cell.grid->row];
    const std::size_t last = row_start[cell.grid->row + cell.rowspan] - 1;
    for (std::size_t i = first; i < last; ++i) lines[i].keep = Keep::strong;
  }
  if (lines.size() - body_begin >= 2) {
    lines[body_begin].keep = std::max(lines[body_begin].keep, Keep::weak);
    lines[lines.size() - 2].keep = std::max(lines[lines.size() - 2].keep, Keep::weak);
  }
  if (repeat_head) {
    std::vector<FlowLine> head(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(body_begin));
    // An anchor names one place, and a note is set once, under the head's first setting
    // (attach_footnotes sees the flow's lines only): the copies carry neither.
    for (FlowLine& line : head) {
      line.anchors.clear();
      line.note_refs.clear();
    }
    // Above a piece that continues a tall row, the head ends with the cell's padding, as above a
    // row's first line: without it, the row's text went on right under the head's rule.
    if (!continued.empty()) {
      std::vector<FlowLine> head_over_piece = head;
      head_over_piece.back().height += padding;
      const auto shared_over_piece = std::make_shared<const std::vector<FlowLine>>(std::move(head_over_piece));
      for (const std::size_t i : continued) lines[i].repeated_head = shared_over_piece;
    }
    const auto shared = std::make_shared<const std::vector<FlowLine>>(std::move(head));
    for (std::size_t i = body_begin; i < lines.size(); ++i) {
      if (lines[i].repeated_head == nullptr) lines[i].repeated_head = shared;
    }
  }
  for (FlowLine& line : lines) flow_.add_line(std::move(line));
  flow_.add_space(style.block_space);
  indent_next_ = false;
}

}  // namespace octavo::layout
