// Third layout stage of a paragraph: a broken line becomes positioned text runs and link areas.
// Justified lines place every word at its own x; PDF word spacing does not work with our fonts.
#pragma once

#include <vector>

#include "core/length.hpp"
#include "fonts/font_metrics.hpp"
#include "layout/break_lines.hpp"
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
  core::Pt width;                         ///< from the first box's left to the last box's right, as set
  std::vector<Rule> rules = {};           ///< strikethrough rules and key frames
  std::vector<std::string> anchors = {};  ///< names of the anchors its boxes carry (BoxMarks)
  std::vector<NoteRef> notes = {};        ///< the footnotes its boxes refer to, in order
};

/// A strikethrough rule's thickness in ems of the struck text: about what fonts give in OS/2's
/// yStrikeoutSize (50 units of 1000 in Noto Serif), so that it reads as the font's own.
inline constexpr double strike_thickness = 0.05;
/// A key's frame: a hairline at this share of the key's size, its top this many x-heights above
/// the baseline (over the capitals) and its bottom this many below (under the descenders).
inline constexpr double key_frame_thickness = 0.04;
inline constexpr double key_frame_top = 1.6;
inline constexpr double key_frame_bottom = 0.55;

/// Places the boxes of `line` in a line `line_width` wide. Justified lines spread their glue by the
/// line's ratio; ragged lines and other alignments keep natural spaces (shrinking only if they
/// must). Adjacent boxes of the same face, size and rise become one run; a line ended by a flagged
/// penalty gets a hyphen after its last box. Struck boxes get a rule through their x-height's
/// middle, spaces between them included; the boxes of one key get one frame on each line they
/// reach. Empty for a line with no boxes.
SetLine set_line(const ItemList& list, const Line& line, core::Pt line_width, Alignment alignment,
                 const fonts::FontMetrics& metrics);

}  // namespace octavo::layout
