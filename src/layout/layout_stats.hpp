// Figures on the quality of a laid-out book (`octavo build --stats`): lines, hyphenation, spacing,
// overfull lines, widows, orphans and stranded headings. Counted while laying out, from what
// set_paragraph and paginate decided, never by reading the PDF back.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace octavo::layout {

struct FlowLine;

/// What set_paragraph decided about one line, kept on the FlowLine until paginate counts it.
struct LineFacts {
  bool text = false;              ///< set by set_paragraph (rules and blank lines are not)
  bool justified = false;         ///< justified and not ragged: its ratio counts
  bool hyphenated = false;        ///< ends at a hyphenation point
  bool overfull = false;          ///< wider than its measure even with its glue fully shrunk
  bool heading = false;           ///< a line of a heading or title, kept with what follows
  bool opens_paragraph = false;   ///< first line of a paragraph of two lines or more
  bool closes_paragraph = false;  ///< last line of a paragraph of two lines or more
  double ratio = 0;               ///< Knuth–Plass adjustment ratio, for justified lines
};

struct LayoutStats {
  std::size_t articles = 0;      ///< laid out, whether set anew or taken from the build cache
  std::size_t articles_set = 0;  ///< set anew, not taken from the build cache
  std::size_t pages = 0;
  std::size_t lines = 0;  ///< text lines on the pages paginate made (all but the title page)
  std::size_t hyphenated_lines = 0;
  std::size_t longest_hyphen_run = 0;  ///< most consecutive lines ending in a hyphen
  std::size_t justified_lines = 0;
  double ratio_sum = 0;      ///< of |r| over the justified lines
  double worst_stretch = 0;  ///< the largest ratio (0 when no line stretches)
  double worst_shrink = 0;   ///< the smallest ratio, -1 at most (0 when no line shrinks)
  std::size_t overfull_lines = 0;
  std::size_t orphans = 0;           ///< a paragraph's first line alone at the foot of a page
  std::size_t widows = 0;            ///< a paragraph's last line alone at the head of a page
  std::size_t headings_at_foot = 0;  ///< a heading as the last line of a page, its text overleaf

  /// Mean |r| of the justified lines; 0 when there are none.
  double mean_ratio() const;
  /// Adds the figures of flows tallied apart (an article's, on a worker thread), as if tallied
  /// here after these. Hyphenated runs do not cross flows, so the longest is the larger.
  void add(const LayoutStats& more);
};

/// Adds to `stats` the lines of one flow as cut into pages starting at `page_starts` (as
/// find_page_breaks returns them). Does not count pages. Nothing for an empty flow.
void tally_flow(const std::vector<FlowLine>& lines, const std::vector<std::size_t>& page_starts, LayoutStats& stats);

/// The report `octavo build --stats` prints: one figure a line, "name  value".
std::string format_stats(const LayoutStats& stats);

}  // namespace octavo::layout
