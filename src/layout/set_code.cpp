#include "layout/set_code.hpp"
#include "layout/paragraph_styles.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "core/utf8.hpp"
#include "layout/set_blocks.hpp"
#include "layout/set_paragraph.hpp"

namespace octavo::layout {
namespace {

// Code is laid out on tab stops every four columns, the most common setting in editors.
constexpr std::size_t tab_width = 4;
// A continued line is indented two columns past the line's own indentation, and those two
// columns hold its mark, so that it cannot be mistaken for a line of its own (fvextra's
// breakautoindent, breakindent and breaksymbolleft do the same). The indentation counts up to half
// the measure, so that deeply indented code still has room.
constexpr double continuation_columns = 2;
constexpr double max_continuation_share = 0.5;
// The mark's stroke: booktabs' light rule, 0.05 em, so that it is as light as a table's thin rule
// and lighter than the code.
constexpr double mark_stroke_em = 0.05;

std::string expand_tabs(std::string_view line) {
  std::string out;
  std::size_t column = 0;
  std::size_t pos = 0;
  while (pos < line.size()) {
    const std::size_t start = pos;
    const char32_t c = core::decode_utf8(line, pos);
    if (c == '\t') {
      const std::size_t spaces = tab_width - column % tab_width;
      out.append(spaces, ' ');
      column += spaces;
    } else {
      out.append(line.substr(start, pos - start));
      ++column;
    }
  }
  return out;
}

}  // namespace

// The ↳ (U+21B3) that fvextra and editors use for a soft-wrapped line, drawn with four rules: a
// stem down from the x-height, a shaft to the right at half the x-height, and the arrowhead's two
// barbs. The stem ends half a stroke below the shaft and the shaft starts half a stroke left of
// the stem, so that their butt ends fill the corner.
std::vector<Rule> continuation_mark(core::Pt left, core::Pt baseline, core::Pt size, core::Pt column) {
  if (size <= core::Pt(0)) return {};
  const core::Pt stroke = size * mark_stroke_em;
  const core::Pt stem_x = left + column * 0.4;
  const core::Pt tip_x = left + column * 1.6;
  const core::Pt top = baseline - size * 0.55;
  const core::Pt shaft_y = baseline - size * 0.22;
  const core::Pt barb = size * 0.16;
  return {
      {stem_x, top, stem_x, shaft_y + stroke / 2, stroke},
      {stem_x - stroke / 2, shaft_y, tip_x, shaft_y, stroke},
      {tip_x - barb, shaft_y - barb, tip_x, shaft_y, stroke},
      {tip_x - barb, shaft_y + barb, tip_x, shaft_y, stroke},
  };
}

// Each line of code is a paragraph set ragged by break_code_lines: one wider than the measure
// breaks after spaces, else at punctuation, else inside a token at the measure (build_items),
// without a warning (code cannot be rewrapped, and the mark shows the reader the break). The
// continuation lines are indented two columns past the line's own indentation and marked with
// continuation_mark in those two columns.
void BlockSetter::set_code(const model::Block& block, const BlockFrame& frame) {
  const PageStyle& style = context_.style;
  const fonts::FontMetrics& metrics = context_.metrics;
  flow_.add_space(style.block_space);
  const BlockFrame code_frame = indented(frame, style.code_indent, core::Pt(0));
  const core::Pt column = metrics.width(fonts::FontFace::mono, " ", style.code_size);
  const std::size_t first = flow_.size();
  std::string_view text = block.text;
  while (true) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    std::string_view source_line = text.substr(0, end);
    if (!source_line.empty() && source_line.back() == '\r') source_line.remove_suffix(1);
    const std::string expanded = expand_tabs(source_line);
    const std::size_t own_indent = std::min(expanded.find_first_not_of(' '), expanded.size());
    const core::Pt indent =
        std::min(column * static_cast<double>(own_indent), code_frame.width * max_continuation_share) +
        column * continuation_columns;
    ItemBuilder builder(context_, code_frame.width - indent, false);
    builder.set_literal(true);
    builder.add_text(expanded, TextStyle{false, false, true, style.code_size}, block.location);
    ParagraphFormat format = paragraph_format(Role::code, style, code_frame.left, code_frame.width);
    format.rest_indent = indent;
    const std::size_t line_start = flow_.size();
    if (set_paragraph(flow_, builder.finish(), format, metrics) == 0) {
      FlowLine blank;
      blank.height = style.code_leading;
      blank.baseline = baseline_in_leading(style.code_leading, fonts::FontFace::mono, style.code_size, metrics);
      flow_.add_line(std::move(blank));
    }
    for (std::size_t i = line_start + 1; i < flow_.size(); ++i) {
      const core::Pt mark_left = code_frame.left + indent - column * continuation_columns;
      for (const Rule& rule : continuation_mark(mark_left, flow_[i].baseline, style.code_size, column)) {
        flow_[i].rules.push_back(rule);
      }
    }
    if (end == text.size()) break;
    text.remove_prefix(end + 1);
  }
  // No orphan or widow line of code either.
  const std::size_t count = flow_.size() - first;
  if (count >= 2) {
    flow_[first].keep = std::max(flow_[first].keep, Keep::weak);
    flow_[flow_.size() - 2].keep = std::max(flow_[flow_.size() - 2].keep, Keep::weak);
  }
  flow_.add_space(style.block_space);
  indent_next_ = true;
}

}  // namespace octavo::layout
