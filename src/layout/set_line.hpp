// Third layout stage of a paragraph: a broken line becomes positioned text runs and link areas.
// Justified lines place every word at its own x; PDF word spacing does not work with our fonts.
#pragma once

#include <vector>

#include "core/length.hpp"
#include "layout/break_lines.hpp"
#include "layout/font_metrics.hpp"
#include "layout/items.hpp"
#include "layout/page.hpp"

namespace octavo::layout {

/// How a line sits in its width; justify leaves ragged lines (ended by fill glue) flush left.
enum class Alignment { justify, left, centre, right };

/// A line's content with x from the line's left edge and baselines at 0 (link areas extend
/// above and below it).
struct SetLine {
  std::vector<TextRun> runs;
  std::vector<LinkArea> links;
  core::Pt width;  ///< from the first box's left to the last box's right, as set
};

/// Places the boxes of `line` in a line `line_width` wide. Justified lines spread their glue by the
/// line's ratio; ragged lines and other alignments keep natural spaces (shrinking only if they
/// must). Adjacent boxes of the same face and size become one run; a line ended by a flagged
/// penalty gets a hyphen after its last box. Empty for a line with no boxes.
SetLine set_line(const ItemList& list, const Line& line, core::Pt line_width, Alignment alignment,
                 const FontMetrics& metrics);

}  // namespace octavo::layout
