#include "layout/set_paragraph.hpp"

#include "layout/total_fit.hpp"

namespace octavo::layout {
namespace {

// Rounding in sums of widths must not count a line that fits exactly as overfull.
constexpr double overfull_tolerance = 1e-6;

}  // namespace

core::Pt baseline_in_leading(core::Pt leading, fonts::FontFace face, core::Pt size, const fonts::FontMetrics& metrics) {
  // Half-leading above and below the glyphs' extent (CSS 2.1 §10.8.1), so lines of any size and
  // leading centre their text in their height.
  const core::Pt ascent = metrics.ascent(face, size);
  return (leading - ascent - metrics.descent(face, size)) / 2 + ascent;
}

std::size_t set_paragraph(Flow& flow, const ItemList& list, const ParagraphFormat& format,
                          const fonts::FontMetrics& metrics) {
  const LineWidths widths{format.width - format.first_indent, format.width - format.rest_indent};
  // Justified text is where spacing shows: total-fit spreads it over the paragraph. Ragged text
  // keeps natural spaces, so first-fit's greedy lines are what a reader expects there.
  const std::vector<Line> lines = format.code                              ? break_code_lines(list.items, widths)
                                  : format.alignment == Alignment::justify ? break_lines_total_fit(list.items, widths)
                                                                           : break_lines(list.items, widths);
  const std::size_t count = lines.size();
  // Anchors with no text to ride on go to whatever line comes next.
  if (list.loose_marks >= 0) {
    for (const std::string& anchor : list.marks[static_cast<std::size_t>(list.loose_marks)].anchors) {
      flow.add_anchor(anchor);
    }
  }
  const core::Pt baseline = baseline_in_leading(format.leading, format.face, format.size, metrics);
  for (std::size_t k = 0; k < count; ++k) {
    const bool first = k == 0;
    const core::Pt indent = first ? format.first_indent : format.rest_indent;
    SetLine set = set_line(list, lines[k], first ? widths.first : widths.rest, format.alignment, metrics);
    FlowLine line;
    line.height = format.leading;
    line.baseline = baseline;
    const core::Pt left = format.left + indent;
    for (TextRun& run : set.runs) {
      run.x += left;
      run.baseline = baseline;
      line.runs.push_back(std::move(run));
    }
    for (LinkArea& link : set.links) {
      move_by(link, left, baseline);
      line.links.push_back(std::move(link));
    }
    for (Rule& rule : set.rules) {
      rule.x1 += left;
      rule.x2 += left;
      rule.y1 += baseline;
      rule.y2 += baseline;
      line.rules.push_back(rule);
    }
    for (std::string& anchor : set.anchors) line.anchors.push_back({std::move(anchor), core::Pt(0)});
    line.note_refs = std::move(set.notes);
    const bool last = k + 1 == count;
    const bool hyphenated = lines[k].end < list.items.size() && list.items[lines[k].end].flagged;
    LineFacts& facts = line.facts;
    facts.text = true;
    facts.justified = format.alignment == Alignment::justify && !lines[k].ragged;
    facts.ratio = lines[k].ratio;
    facts.hyphenated = hyphenated;
    // Shrunk as far as its glue allows (ratio -1) and still wider than its measure.
    facts.overfull = set.width.value > (first ? widths.first : widths.rest).value + overfull_tolerance;
    facts.heading = format.keep_with_next;
    // Kept-together paragraphs (headings, short entries) never break, so they can leave nothing alone.
    facts.opens_paragraph = first && count >= 2 && !format.keep_together;
    facts.closes_paragraph = last && count >= 2 && !format.keep_together;
    // No page ends on a hyphen (TeX discourages it with \brokenpenalty): extractors join a word
    // across a line end, not across running heads and folios. Before widows and orphans, as
    // exact extracted text matters more.
    if (hyphenated || (last ? format.keep_with_next : format.keep_together)) {
      line.keep = Keep::strong;
    } else if (!last && (k == 0 || k + 2 == count)) {
      line.keep = Keep::weak;
    }
    flow.add_line(std::move(line));
  }
  return count;
}

}  // namespace octavo::layout
