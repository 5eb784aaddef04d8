// Second layout stage of a paragraph: choosing where its lines end. First-fit here (each line
// takes as much as fits), for ragged text; Knuth–Plass total-fit (total_fit.hpp) for justified.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/length.hpp"
#include "layout/items.hpp"

namespace octavo::layout {

/// One line: the items [begin, end) it shows and how much their glue must stretch or shrink.
struct Line {
  std::size_t begin = 0;
  std::size_t end = 0;  ///< the break item itself (glue or penalty) is not part of the line
  double ratio = 0;     ///< Knuth–Plass adjustment ratio: > 0 stretches, < 0 shrinks (down to -1)
  bool ragged = false;  ///< ended by fill glue (last line, forced break): not to be justified
};

/// Line widths: the first line may differ (paragraph indent, hanging list marker).
struct LineWidths {
  core::Pt first;
  core::Pt rest;
};

/// Breaks `items` first-fit: each line ends at the last legal break (glue after a box, or a
/// penalty below no_break) at which it still fits when its glue shrinks. A box that fits on no
/// line is set alone on an overfull line. Empty for items with no boxes.
std::vector<Line> break_lines(const std::vector<Item>& items, const LineWidths& widths);

/// The share of the line at its end within which break_code_lines looks for its best break: a
/// break there leaves at most a third of the line empty, so a line of code does not end at an
/// early space when punctuation nearer the measure would fill it.
inline constexpr double code_break_window = 1.0 / 3;

/// Breaks code as break_lines does, but each line ends at the best of the breaks at which it fits
/// within the last code_break_window of its width: the lowest penalty (glue counts as 0; after
/// spaces, then at punctuation, then inside a token: items.hpp), the last of equals. With no break
/// there, at the last one that fits. Empty for items with no boxes.
std::vector<Line> break_code_lines(const std::vector<Item>& items, const LineWidths& widths);

/// The line's text as a reader sees it: boxes joined, one space per glue, a hyphen after a line
/// that ends at a hyphenation point. For tests and traces.
std::string line_text(const std::vector<Item>& items, const Line& line);

}  // namespace octavo::layout
