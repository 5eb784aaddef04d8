#include "layout/footnotes.hpp"

#include <map>

#include "layout/destinations.hpp"
#include "layout/set_blocks.hpp"
#include "layout/set_paragraph.hpp"

namespace octavo::layout {

std::vector<FlowLine> footnote_lines(const model::Footnote& note, std::size_t number, const std::string& anchor,
                                     const std::string& back_anchor, const std::string& anchor_prefix,
                                     const LinkResolver& resolver, LayoutContext& note_context) {
  const PageStyle& style = note_context.style;
  const fonts::FontMetrics& metrics = note_context.metrics;
  Flow flow;
  if (!anchor.empty()) flow.add_anchor(anchor);
  // Ragged right: notes in real corpora are mostly citations, whose URLs and titles justify
  // badly, and small type on the full measure holds about 80 characters, so the edge stays calm.
  // The text stands in the list indent's column, the number hanging before it as a list's does.
  BlockSetter blocks(note_context, flow, anchor_prefix, resolver);
  blocks.suppress_indent();
  BlockFrame frame{style.list_indent, style.measure() - style.list_indent};
  frame.ragged = true;
  blocks.set_blocks(note.blocks, frame);
  std::vector<FlowLine> lines = flow.finish();
  if (lines.empty()) {
    FlowLine blank;
    blank.height = style.leading;
    blank.baseline = baseline_in_leading(style.leading, fonts::FontFace::serif, style.body_size, metrics);
    lines.push_back(std::move(blank));
  }
  // The number in full-size figures with a full stop, as Bringhurst and the Chicago Manual set
  // notes (the superscript is the reference's, in the text).
  const std::string label = std::to_string(number) + ".";
  const core::Pt width = metrics.width(fonts::FontFace::serif, label, style.body_size);
  const core::Pt x = style.list_indent - style.list_marker_gap - width;
  FlowLine& first = lines.front();
  first.runs.push_back({fonts::FontFace::serif, style.body_size, x, first.baseline, label});
  if (!back_anchor.empty()) {
    first.links.push_back({x, first.baseline - metrics.ascent(fonts::FontFace::serif, style.body_size), x + width,
                           first.baseline + metrics.descent(fonts::FontFace::serif, style.body_size), back_anchor, ""});
  }
  // One level of notes: a reference inside a note shows its number, but paginate places notes
  // of body lines only.
  for (FlowLine& line : lines) line.note_refs.clear();
  return lines;
}

void attach_footnotes(Flow& flow, const model::Article& article, const LinkResolver& resolver, LayoutContext& context) {
  if (article.footnotes.empty()) return;
  std::map<std::string, std::size_t> index;  // note id → its place in article.footnotes
  for (std::size_t n = 0; n < article.footnotes.size(); ++n) index.emplace(article.footnotes[n].id, n);
  const PageStyle small = small_type_style(context.style);
  LayoutContext note_context{context.metrics, small, context.sink, context.coverage, context.hyphenator};
  const std::string prefix = heading_destination(article.id, "");
  std::vector<bool> set(article.footnotes.size(), false);
  auto hang = [&](FlowLine& line, std::size_t n, const std::string& back_anchor) {
    set[n] = true;
    const model::Footnote& note = article.footnotes[n];
    const std::string anchor = note.id.empty() ? std::string() : heading_destination(article.id, note.id);
    line.notes.push_back({footnote_lines(note, n + 1, anchor, back_anchor, prefix, resolver, note_context)});
  };
  for (std::size_t i = 0; i < flow.size(); ++i) {
    FlowLine& line = flow[i];
    for (const NoteRef& ref : line.note_refs) {
      const auto found = index.find(ref.note);
      if (found != index.end() && !set[found->second]) hang(line, found->second, ref.anchor);
    }
  }
  if (flow.size() == 0) return;
  for (std::size_t n = 0; n < set.size(); ++n) {
    if (!set[n]) hang(flow[flow.size() - 1], n, {});
  }
}

}  // namespace octavo::layout
