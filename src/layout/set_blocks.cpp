#include "layout/set_blocks.hpp"
#include "layout/paragraph_styles.hpp"

#include <algorithm>
#include <utility>

#include "core/utf8.hpp"
#include "layout/set_paragraph.hpp"
#include "model/book.hpp"

namespace octavo::layout {
namespace {

// Nesting deeper than this is set without further structure (and without recursion), so that
// hostile input cannot exhaust the stack; indentation has long stopped growing by then.
constexpr int max_nesting = 32;
constexpr char32_t bullet = 0x2022;
constexpr char32_t en_dash = 0x2013;

// The marker of an ordered list's item `number`, as a browser numbers <ol type>: letters run a … z,
// aa, ab …; roman numerals stop at 3999. A number these cannot write (0, negative, too large) is
// written in digits.
std::string ordered_marker(model::ListNumbering numbering, long long number) {
  std::string out;
  const bool upper = numbering == model::ListNumbering::upper_alpha || numbering == model::ListNumbering::upper_roman;
  if ((numbering == model::ListNumbering::lower_alpha || numbering == model::ListNumbering::upper_alpha) &&
      number > 0) {
    for (long long n = number; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('a' + (n - 1) % 26));
  } else if ((numbering == model::ListNumbering::lower_roman || numbering == model::ListNumbering::upper_roman) &&
             number > 0 && number < 4000) {
    static constexpr std::pair<int, const char*> numerals[] = {
        {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
        {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
    long long n = number;
    for (const auto& [value, letters] : numerals) {
      for (; n >= value; n -= value) out += letters;
    }
  } else {
    out = std::to_string(number);
  }
  if (upper)
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
  out += '.';
  return out;
}

}  // namespace

BlockSetter::BlockSetter(LayoutContext& context, Flow& flow, std::string anchor_prefix, LinkResolver resolver)
    : context_(context), flow_(flow), anchor_prefix_(std::move(anchor_prefix)), resolver_(std::move(resolver)) {}

// A block's own id (HTML's id on any block) is a place links may land on, at its first line; a
// heading's is placed by set_heading, after the space above it, and a table's rows' and cells' by
// set_table, at their row's top. Anchors inside text ride on their own line (ItemBuilder's marks).
void BlockSetter::add_block_anchor(const model::Block& block) {
  if (block.kind != model::BlockKind::heading && !block.id.empty()) flow_.add_anchor(anchor_prefix_ + block.id);
}

void BlockSetter::set_blocks(const std::vector<model::Block>& blocks, const BlockFrame& frame) {
  for (const model::Block& block : blocks) set_block(block, frame, 0);
}

BlockFrame BlockSetter::indented(const BlockFrame& frame, core::Pt left, core::Pt right) const {
  // Deeply nested lists and quotes stop indenting once a third of the measure is left, so text
  // never runs in a column too narrow to read.
  if (frame.width - left - right < context_.style.measure() / 3) return frame;
  BlockFrame inner = frame;
  inner.left += left;
  inner.width -= left + right;
  return inner;
}

void BlockSetter::set_block(const model::Block& block, const BlockFrame& frame, int depth) {
  if (depth > max_nesting) {
    set_flattened({block}, frame);
    return;
  }
  add_block_anchor(block);
  switch (block.kind) {
    case model::BlockKind::paragraph: set_text_paragraph(block, frame); break;
    case model::BlockKind::heading: set_heading(block, frame); break;
    case model::BlockKind::bullet_list:
    case model::BlockKind::ordered_list: set_list(block, frame, depth); break;
    case model::BlockKind::list_item:  // an item outside a list: its content
      for (const model::Block& child : block.children) set_block(child, frame, depth + 1);
      break;
    case model::BlockKind::block_quote: set_quote(block, frame, depth); break;
    case model::BlockKind::code_block: set_code(block, frame); break;
    case model::BlockKind::thematic_break: set_thematic_break(frame); break;
    case model::BlockKind::figure: set_figure(block, frame); break;
    case model::BlockKind::aside: set_aside(block, frame, depth); break;
    case model::BlockKind::details: set_details(block, frame, depth); break;
    case model::BlockKind::division: {
      // A division means nothing but its alignment, which the blocks inside it take on.
      BlockFrame inner = frame;
      if (block.align != model::Align::none) inner.align = block.align;
      for (const model::Block& child : block.children) set_block(child, inner, depth + 1);
      break;
    }
    case model::BlockKind::table: set_table(block, frame, depth); break;
    // Rows and cells are set by their table; one found elsewhere is a group of its blocks.
    case model::BlockKind::table_row:
    case model::BlockKind::table_cell:
      if (!block.inlines.empty()) set_text_paragraph(block, frame);
      for (const model::Block& child : block.children) set_block(child, frame, depth + 1);
      break;
  }
}

void BlockSetter::set_flattened(const std::vector<model::Block>& blocks, const BlockFrame& frame) {
  std::vector<const model::Block*> pending;
  for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) pending.push_back(&*it);
  while (!pending.empty()) {
    const model::Block* block = pending.back();
    pending.pop_back();
    add_block_anchor(*block);
    switch (block->kind) {
      case model::BlockKind::paragraph: set_text_paragraph(*block, frame); break;
      case model::BlockKind::heading: set_heading(*block, frame); break;
      case model::BlockKind::code_block: set_code(*block, frame); break;
      case model::BlockKind::thematic_break: set_thematic_break(frame); break;
      case model::BlockKind::figure: set_figure(*block, frame); break;
      default:
        for (auto it = block->children.rbegin(); it != block->children.rend(); ++it) pending.push_back(&*it);
        break;
    }
  }
}

void BlockSetter::set_text_paragraph(const model::Block& block, const BlockFrame& frame) {
  const PageStyle& style = context_.style;
  const bool summary = block.role == model::BlockRole::summary;
  // A term (<dt>, a man page's option) is set flush, as a list's items are, and kept with the
  // first line of its definition, as a heading is.
  const bool term = block.role == model::BlockRole::term;
  // A centred or right-aligned paragraph (<p align>, <center>) is set ragged, unindented and
  // unhyphenated: its edges are meant to be uneven.
  const model::Align align = block.align != model::Align::none ? block.align : frame.align;
  const bool aligned = align == model::Align::center || align == model::Align::right;
  const core::Pt indent =
      indent_next_ && !frame.in_list && !summary && !term && !aligned ? style.paragraph_indent : core::Pt(0);
  ItemBuilder builder(context_, frame.width - indent);
  builder.set_link_resolver(resolver_);
  builder.set_hyphenate(!frame.ragged && !aligned);  // justified text, set by total-fit below, is hyphenated
  // The summary is the article's lead: set in italics, as a standfirst.
  builder.add_inlines(block.inlines, TextStyle{summary, false, false, style.body_size}, block.location);
  ParagraphFormat format = paragraph_format(summary ? Role::lead : Role::body, style, frame.left, frame.width);
  format.first_indent = indent;
  format.keep_with_next = format.keep_with_next || term;
  if (frame.ragged) format.alignment = Alignment::left;
  if (aligned) format.alignment = align == model::Align::center ? Alignment::centre : Alignment::right;
  set_paragraph(flow_, builder.finish(), format, context_.metrics);
  if (summary) flow_.add_space(style.block_space);
  indent_next_ = !summary && !term;
}

void BlockSetter::set_heading(const model::Block& block, const BlockFrame& frame) {
  const PageStyle& style = context_.style;
  const std::size_t step = static_cast<std::size_t>(std::clamp(block.level, 1, 3) - 1);
  const core::Pt size = style.heading_size[step];
  const TextStyle text_style{step == 2, true, false, size};
  flow_.add_space(style.heading_space_before);
  if (!block.id.empty()) flow_.add_anchor(anchor_prefix_ + block.id);
  ItemBuilder builder(context_, frame.width);
  builder.set_link_resolver(resolver_);
  builder.add_inlines(block.inlines, text_style, block.location);
  ParagraphFormat format = paragraph_format(heading_role(block.level), style, frame.left, frame.width);
  format.alignment = frame.align == model::Align::center  ? Alignment::centre
                     : frame.align == model::Align::right ? Alignment::right
                                                          : Alignment::left;
  const std::size_t lines = set_paragraph(flow_, builder.finish(), format, context_.metrics);
  // A heading stays with at least the first two lines of what follows: the heading keeps with
  // the first line, and the first line keeps with the second.
  flow_.keep_next_lines(1);
  // Space above, heading and space below fill whole half-lines, so the text that follows keeps
  // to the same half-line grid as the rest of the body instead of drifting off it.
  const core::Pt used = style.heading_space_before + format.leading * static_cast<double>(lines);
  flow_.add_space(space_to_grid(used, style.leading / 2, style.heading_space_after));
  indent_next_ = false;
}

void BlockSetter::set_list(const model::Block& block, const BlockFrame& frame, int depth) {
  const PageStyle& style = context_.style;
  const fonts::FontMetrics& metrics = context_.metrics;
  const bool nested = frame.in_list;
  if (!nested) flow_.add_space(style.block_space);
  if (block.role == model::BlockRole::outline) {
    ItemBuilder builder(context_, frame.width, false);
    builder.add_text(model::outline_title, TextStyle{true, false, false, style.body_size}, block.location);
    set_paragraph(flow_, builder.finish(), paragraph_format(Role::outline_title, style, frame.left, frame.width),
                  metrics);
    flow_.keep_next_lines(1);
  }
  BlockFrame item_frame = indented(frame, style.list_indent, core::Pt(0));
  item_frame.in_list = true;
  // The outline's entries are the article's section headings, listed: set like headings, ragged
  // and whole-worded. Justified, a two-line entry stretches its first line's few spaces to gaps
  // (it was the corpus's worst line, r = 6.6).
  if (block.role == model::BlockRole::outline) item_frame.ragged = true;
  const bool ordered = block.kind == model::BlockKind::ordered_list;
  const char32_t bullet_char = nested ? en_dash : bullet;
  std::string bullet_text(1, '-');
  if (context_.coverage.has_glyph(fonts::FontFace::serif, bullet_char)) {
    bullet_text.clear();
    core::append_utf8(bullet_text, bullet_char);
  }
  long long number = block.start;
  for (const model::Block& item : block.children) {
    std::string marker = bullet_text;
    if (ordered) marker = ordered_marker(block.numbering, number++);
    // Markers hang in the indent, right-aligned against the gap before the text. A task item's
    // box (☐ open, ☑ done) takes the bullet's place, or follows an ordered item's number.
    std::vector<TextRun> runs;
    core::Pt x = item_frame.left - style.list_marker_gap;
    if (item.task != model::TaskState::none) {
      const TextRun box = task_box(item.task, style.body_size);
      x -= context_.metrics.width(box.face, box.text, box.size);
      runs.push_back(box);
      runs.back().x = x;
      if (!ordered) marker.clear();
      if (!marker.empty()) x -= metrics.width(fonts::FontFace::serif, " ", style.body_size);
    }
    if (!marker.empty()) {
      x -= metrics.width(fonts::FontFace::serif, marker, style.body_size);
      runs.push_back(TextRun{fonts::FontFace::serif, style.body_size, x, core::Pt(0), marker});
    }
    flow_.add_marker(std::move(runs));
    if (!item.id.empty() && item.kind == model::BlockKind::list_item) flow_.add_anchor(anchor_prefix_ + item.id);
    indent_next_ = false;
    const std::size_t lines_before = flow_.size();
    if (item.kind == model::BlockKind::list_item) {
      for (const model::Block& child : item.children) set_block(child, item_frame, depth + 1);
    } else {
      set_block(item, item_frame, depth + 1);
    }
    keep_short_block(lines_before);
    if (flow_.size() == lines_before) {  // an empty item still shows its marker
      FlowLine line;
      line.height = style.leading;
      line.baseline = baseline_in_leading(style.leading, fonts::FontFace::serif, style.body_size, metrics);
      flow_.add_line(std::move(line));
    }
  }
  if (!nested) flow_.add_space(style.block_space);
  indent_next_ = true;
}

TextRun BlockSetter::task_box(model::TaskState task, core::Pt size) {
  const char32_t box = task == model::TaskState::done ? 0x2611 : 0x2610;
  std::string text;
  core::append_utf8(text, box);
  // Noto Serif has no ballot boxes; the fallback chain finds DejaVu Sans's. With no face for them
  // the box is written out, so that the state is never lost.
  const std::optional<fonts::FontFace> face =
      context_.coverage.face_for(fonts::FontFace::serif, std::u32string(1, box));
  if (!face)
    return {fonts::FontFace::serif, size, core::Pt(0), core::Pt(0), task == model::TaskState::done ? "[x]" : "[ ]"};
  return {*face, size, core::Pt(0), core::Pt(0), text};
}

void BlockSetter::set_quote(const model::Block& block, const BlockFrame& frame, int depth) {
  const PageStyle& style = context_.style;
  flow_.add_space(style.block_space);
  const BlockFrame inner = indented(frame, style.quote_indent, style.quote_indent);
  indent_next_ = false;
  const std::size_t first = flow_.size();
  for (const model::Block& child : block.children) set_block(child, inner, depth + 1);
  keep_short_block(first);
  flow_.add_space(style.block_space);
  indent_next_ = true;
}

// A list item or block quote of up to this many lines moves whole to the next page rather than
// leave part of itself behind; a longer one may split where the widow and orphan rules allow.
constexpr std::size_t short_block_lines = 5;

void BlockSetter::keep_short_block(std::size_t first_line) {
  const std::size_t count = flow_.size() - first_line;
  if (count < 2 || count > short_block_lines) return;
  for (std::size_t i = first_line; i + 1 < flow_.size(); ++i) flow_[i].keep = std::max(flow_[i].keep, Keep::weak);
}

void BlockSetter::set_thematic_break(const BlockFrame& frame) {
  const PageStyle& style = context_.style;
  flow_.add_space(style.block_space);
  // A short centred rule rather than an ornament glyph: it reads as a pause and adds no
  // characters to the text a reader copies out of the PDF.
  FlowLine line;
  line.height = style.leading;
  line.baseline = style.leading / 2;
  const core::Pt x = frame.left + (frame.width - style.ornament_width) / 2;
  const core::Pt y = style.leading / 2;
  line.rules.push_back({x, y, x + style.ornament_width, y, style.rule_thickness});
  flow_.add_line(std::move(line));
  flow_.add_space(style.block_space);
  indent_next_ = false;
}

}  // namespace octavo::layout
