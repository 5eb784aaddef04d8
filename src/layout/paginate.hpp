// A flow cut into pages: the last stage of laying out a part. Honours the lines' keeps (no
// heading alone at a foot, no orphan or widow) where a page can hold them, and sets each line's
// footnotes at the foot of its page, splitting a long one over the next page's foot.
#pragma once

#include <cstddef>
#include <vector>

#include "core/length.hpp"
#include "layout/flow.hpp"
#include "layout/page.hpp"
#include "layout/page_style.hpp"

namespace octavo::layout {

/// Lines [begin, end) of footnote `note` of flow line `line`, at the foot of a page.
struct NotePiece {
  std::size_t line = 0;
  std::size_t note = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const NotePiece&) const = default;
};

/// What one page holds of a flow: lines [first, end) from the top, and pieces of footnotes at its
/// foot, in order (a note continued from the page before first).
struct PageContent {
  std::size_t first = 0;
  std::size_t end = 0;
  std::vector<NotePiece> notes;
};

/// Cuts `lines` into pages of `capacity`, filling each greedily. A page ends before a line marked
/// break_before, or after the last line that fits and is not kept with the next; failing that,
/// after the last one only weakly kept; failing that, where it is full. A line's footnotes go to
/// the foot of its page, below `note_space` (the white and rule above a page's notes), and must
/// fit there with it, else the line moves to the next page; but a note too long for the space
/// left may split where its own keeps allow (so not before its second line nor after its
/// last but one), its rest opening the next page's notes, as TeX splits an insertion (The
/// TeXbook, ch. 15) and Typst spills a footnote (typst-layout flow/compose.rs). Once a note is
/// split, no other note starts on that page. A page opened by a line with a repeated_head holds
/// those lines above it (their copies carry no notes), and has that much less room. Every page
/// holds a line or a piece of a note. Empty for no lines.
std::vector<PageContent> break_pages(const std::vector<FlowLine>& lines, core::Pt capacity,
                                     core::Pt note_space = core::Pt(0));

/// The index of the first line of every page (break_pages without notes). Empty for no lines.
std::vector<std::size_t> find_page_breaks(const std::vector<FlowLine>& lines, core::Pt capacity);

/// Whether the first line placed keeps the space before it.
enum class FirstSpace { dropped, kept };

/// Moves lines [begin, end) onto `page` with the text block's top-left corner at (left, top);
/// the first line's space_before is dropped, and so is the part of its rules above it (an aside's
/// bar bridging that space), unless `first_space` keeps both (a line that continues the lines
/// placed before it, elsewhere). Returns the height used.
core::Pt place_lines(Page& page, std::vector<FlowLine>& lines, std::size_t begin, std::size_t end, core::Pt left,
                     core::Pt top, FirstSpace first_space = FirstSpace::dropped);

/// Footnote rules sit this share of footnote_space above the notes: nearer the notes they
/// introduce than the text above (plain TeX's \footnoterule: 3 pt of a 12 pt \skip\footins).
inline constexpr double footnote_rule_share = 1.0 / 3;

/// Lays `lines` out on pages of `style`, alternating recto and verso from `first_is_recto`
/// (rectos have the inner margin on the left), adding the flow's lines and breaks (and those of
/// its footnotes) to `stats` when it is not null (tally_flow). A page opened by a line with a
/// repeated_head starts with a copy of those lines. A page's footnotes end at the foot of the
/// text block, under a rule footnote_rule_width long, or the measure long above a note continued
/// from the page before. Empty for no lines.
std::vector<Page> paginate(std::vector<FlowLine> lines, const PageStyle& style, bool first_is_recto,
                           LayoutStats* stats = nullptr);

/// paginate's first half, which does not depend on the sides the pages fall on: the pages with
/// their bodies and links placed from the text block's left edge (text_left 0). lay_out_book runs
/// it on worker threads, ahead of knowing where an article's pages fall.
std::vector<Page> cut_into_pages(std::vector<FlowLine> lines, const PageStyle& style, LayoutStats* stats = nullptr);

/// paginate's second half: puts each page of cut_into_pages on its side, alternating recto and
/// verso from `first_is_recto`: its text_left, and its links moved onto the page.
void place_on_sides(std::vector<Page>& pages, const PageStyle& style, bool first_is_recto);

}  // namespace octavo::layout
