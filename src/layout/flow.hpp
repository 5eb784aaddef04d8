// A part of the book (an article, the contents, …) as one tall column of lines before it is cut
// into pages: each line knows its height, the space above it, and whether a page may end after it.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/length.hpp"
#include "layout/items.hpp"
#include "layout/layout_stats.hpp"
#include "layout/page.hpp"

namespace octavo::layout {

/// Whether a page may end after a line. Weak keeps (orphans, widows, the second line after a
/// heading) give way before strong ones (a heading with its first line) when a page cannot
/// honour them all.
enum class Keep { none, weak, strong };

struct FlowNote;

/// One line of a flow (or a fixed-height element such as a rule). Content x is measured from the
/// text block's left edge, y from the line's top.
struct FlowLine {
  core::Pt space_before;  ///< dropped when the line starts a page
  core::Pt height;        ///< from this line's top to the next line's top
  core::Pt baseline;      ///< from the line's top; list markers sit on it
  std::vector<TextRun> runs;
  std::vector<Rule> rules;
  std::vector<LinkArea> links;
  std::vector<Anchor> anchors;
  std::vector<ImageBox> images;
  Keep keep = Keep::none;     ///< whether a page may end after this line
  bool break_before = false;  ///< this line starts a new page
  LineFacts facts;            ///< for LayoutStats: what set_paragraph decided
  /// The footnotes its text refers to, as set_line found them (a table row: its cells');
  /// attach_footnotes turns the first reference to each note into an entry of `notes`.
  std::vector<NoteRef> note_refs = {};
  /// Footnotes set at the foot of the page that holds this line (paginate keeps them together).
  std::vector<FlowNote> notes;
  /// Lines that a page opened by this line starts with, before it: a table's head rows, set
  /// again on every page the table continues on (paginate). Shared by the lines of one group;
  /// null for none. The copies carry no notes: a head's notes go with its first setting only.
  std::shared_ptr<const std::vector<FlowLine>> repeated_head = nullptr;
};

/// A footnote's lines, set small, for the foot of a page; a long one may be split across pages.
struct FlowNote {
  std::vector<FlowLine> lines;
};

/// The least space of at least `minimum` that brings `used` to a whole multiple of `step`, so that
/// text after a heading returns to the body's line grid. `minimum` alone if `step` is not positive.
core::Pt space_to_grid(core::Pt used, core::Pt step, core::Pt minimum);

/// Builds a flow: vertical space between blocks collapses to the largest request, anchors and
/// markers wait for the next line, and keeps are carried forward.
class Flow {
 public:
  /// Asks for at least `space` above the next line; requests in a row do not add up.
  void add_space(core::Pt space);
  /// The next line starts a new page.
  void break_page() { break_pending_ = true; }
  /// Places an anchor at the top of the next line.
  void add_anchor(std::string name);
  /// Adds `runs` to the next line, on its baseline (a list marker; runs' baseline is ignored).
  void add_marker(std::vector<TextRun> runs);
  /// Keeps the next `count` lines each with the line after it (weakly).
  void keep_next_lines(int count);
  /// Lets a page end after the last line added, whatever keeps were pending (before a source
  /// note: a heading's keep must not drag the note's lines along with it).
  void allow_break();
  /// Appends a line with the pending space, anchors, markers and keeps applied.
  void add_line(FlowLine line);
  /// Appends `lines` (another flow's, finished) one after the other, each as add_line would: the
  /// pending space, anchors, markers and keeps go to the first of them and what keeps remain to
  /// the next. They equal the same requests made of this flow when the other flow ended with
  /// nothing pending, except that anchors waiting here come after the first line's own. What was
  /// pending at its end does not reach past it: finish() dropped its keeps (and the keep of its
  /// last line) and gave a waiting anchor or marker an empty line of its own.
  void add_lines(std::vector<FlowLine> lines);
  /// The lines; a pending anchor or marker with no line after it gets an empty line.
  std::vector<FlowLine> finish();

  std::size_t size() const { return lines_.size(); }
  /// A line already added, for keeps decided after it (`index` < size()).
  FlowLine& operator[](std::size_t index) { return lines_[index]; }

 private:
  std::vector<FlowLine> lines_;
  core::Pt space_;
  bool break_pending_ = false;
  std::vector<std::string> anchors_;
  std::vector<TextRun> markers_;
  int keeps_ = 0;
};

}  // namespace octavo::layout
