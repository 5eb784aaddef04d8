#include "layout/contents_flow.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <optional>

#include "layout/build_items.hpp"
#include "layout/paragraph_styles.hpp"
#include "layout/part_title.hpp"
#include "layout/set_paragraph.hpp"
#include "model/book.hpp"

namespace octavo::layout {
namespace {

// Deeper levels stop indenting here; the model has only articles and their sections anyway.
constexpr int max_indent_level = 3;

// Dot leaders from `from` to `to`, with dots on a grid measured from the text block's left edge
// so that the dots of all entries line up in columns, as in a printed book.
void add_leaders(FlowLine& line, core::Pt from, core::Pt to, const PageStyle& style,
                 const fonts::FontMetrics& metrics) {
  const core::Pt pitch = metrics.width(fonts::FontFace::serif, ". ", style.body_size);
  const core::Pt dot = metrics.width(fonts::FontFace::serif, ".", style.body_size);
  if (pitch <= core::Pt(0)) return;
  const core::Pt first = pitch * std::ceil(from / pitch);
  if (first + dot > to) return;
  const auto dots = static_cast<std::size_t>(std::floor((to - first - dot) / pitch)) + 1;
  std::string text;
  for (std::size_t i = 0; i < dots; ++i) text += i == 0 ? "." : " .";
  line.runs.push_back({fonts::FontFace::serif, style.body_size, first, line.baseline, std::move(text)});
}

// Where an item's entry starts: its level's indent.
core::Pt indent_of(const ContentsItem& item, const PageStyle& style) {
  return style.contents_indent * std::clamp(item.level, 0, max_indent_level);
}

}  // namespace

std::vector<std::vector<FlowLine>> set_contents_titles(const std::vector<ContentsItem>& items, LayoutContext& context) {
  const PageStyle& style = context.style;
  const fonts::FontMetrics& metrics = context.metrics;
  const core::Pt measure = style.measure();
  std::vector<std::vector<FlowLine>> titles;
  titles.reserve(items.size());
  for (const ContentsItem& item : items) {
    const core::Pt indent = indent_of(item, style);
    const bool part = item.kind == ContentsKind::part;
    const ParagraphFormat format = paragraph_format(part ? Role::contents_part_entry : Role::contents_entry, style,
                                                    indent, measure - indent - style.contents_number_width);
    ItemBuilder builder(context, format.width - format.rest_indent, false);
    builder.add_text(item.title, TextStyle{false, part, false, style.body_size}, {});
    Flow entry;
    set_paragraph(entry, builder.finish(), format, metrics);
    std::vector<FlowLine> lines = entry.finish();
    if (lines.empty()) {  // an untitled entry still shows its page number
      FlowLine blank;
      blank.height = style.leading;
      blank.baseline = baseline_in_leading(style.leading, fonts::FontFace::serif, style.body_size, metrics);
      lines.push_back(std::move(blank));
    }
    titles.push_back(std::move(lines));
  }
  return titles;
}

std::vector<FlowLine> contents_flow(const std::vector<ContentsItem>& items, std::vector<std::vector<FlowLine>> titles,
                                    const DestinationTable& destinations, LayoutContext& context) {
  const PageStyle& style = context.style;
  const fonts::FontMetrics& metrics = context.metrics;
  const core::Pt measure = style.measure();
  const core::Pt gap = style.body_size / 2;
  Flow flow;
  set_part_title(flow, model::contents_title, {model::contents_id}, {}, context);
  assert(titles.size() == items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const ContentsItem& item = items[i];
    const core::Pt indent = indent_of(item, style);
    const std::optional<std::size_t> body_page = destinations.body_page(item.destination);
    std::vector<FlowLine>& lines = titles[i];
    FlowLine& last = lines.back();
    if (body_page) {
      const std::string number = std::to_string(*body_page);
      const core::Pt number_x = measure - metrics.width(fonts::FontFace::serif, number, style.body_size);
      core::Pt text_end = indent;
      for (const TextRun& run : last.runs) {
        text_end = std::max(text_end, run.x + metrics.width(run.face, run.text, run.size) + kerning_total(run));
      }
      add_leaders(last, text_end + gap, number_x - gap, style, metrics);
      last.runs.push_back({fonts::FontFace::serif, style.body_size, number_x, last.baseline, number});
      for (FlowLine& line : lines) {
        line.links.push_back({indent, core::Pt(0), measure, line.height, item.destination, ""});
      }
    }
    // An article's entry stays with its first section's.
    const bool has_children = i + 1 < items.size() && items[i + 1].level > item.level;
    last.keep = has_children ? Keep::weak : Keep::none;
    if (item.kind != ContentsKind::section) flow.add_space(style.contents_entry_space);
    for (FlowLine& line : lines) flow.add_line(std::move(line));
  }
  return flow.finish();
}

std::vector<FlowLine> contents_flow(const std::vector<ContentsItem>& items, const DestinationTable& destinations,
                                    LayoutContext& context) {
  return contents_flow(items, set_contents_titles(items, context), destinations, context);
}

}  // namespace octavo::layout
