#include "layout/paginate.hpp"

#include <algorithm>

namespace octavo::layout {
namespace {

// Rounding in sums of heights must not push a line that fits exactly onto the next page.
constexpr double tolerance = 1e-6;

bool fits_in(core::Pt needed, core::Pt room) { return needed.value <= room.value + tolerance; }

// The height lines [begin, end) take stacked, the first one's space before it dropped.
core::Pt lines_height(const std::vector<FlowLine>& lines, std::size_t begin, std::size_t end) {
  core::Pt height;
  for (std::size_t i = begin; i < end; ++i)
    height += (i > begin ? lines[i].space_before : core::Pt(0)) + lines[i].height;
  return height;
}

// How hard split_note tries: only where a page may end (none); else anywhere the lines fit, if
// only at the start (fit: the page has nothing else yet but the note's line, which alone makes
// progress); else a line at least, fitting or not (line: the page holds nothing at all, and a
// note longer than every page must still move on).
enum class Force { none, fit, line };

// Where a note's lines from `begin` may end on a page with `room` left: after the most lines that
// fit and that a page may end after, leaving at least one line for the next page; failing that,
// as `force` allows, after the last weakly kept one or wherever it is full. `begin` when no
// break is allowed.
std::size_t split_note(const std::vector<FlowLine>& lines, std::size_t begin, core::Pt room, Force force) {
  core::Pt used;
  std::size_t last_free = begin;
  std::size_t last_weak = begin;
  std::size_t last_any = begin;
  for (std::size_t i = begin; i + 1 < lines.size(); ++i) {
    used += (i > begin ? lines[i].space_before : core::Pt(0)) + lines[i].height;
    if (!fits_in(used, room)) break;
    if (lines[i].keep == Keep::none) last_free = i + 1;
    if (lines[i].keep != Keep::strong) last_weak = i + 1;
    last_any = i + 1;
  }
  if (last_free > begin || force == Force::none) return last_free;
  if (last_weak > begin) return last_weak;
  return force == Force::line ? std::max(last_any, begin + 1) : last_any;
}

// A note, or the rest of one, waiting for the foot of a later page.
struct Pending {
  std::size_t line = 0;
  std::size_t note = 0;
  std::size_t begin = 0;
};

// One page being filled: its notes so far, and what they leave for the pages after it.
struct PageNotes {
  std::vector<NotePiece> pieces;
  core::Pt used;               // the pieces' height, and the note space once there is one
  std::vector<Pending> carry;  // continued overleaf, in order
  bool closed = false;         // a note is split here: no other may start on this page
};

// The height of the lines a page opened by `line` starts with (FlowLine::repeated_head), as
// place_lines stacks them; 0 for none.
core::Pt repeated_head_height(const FlowLine& line) {
  if (line.repeated_head == nullptr) return core::Pt(0);
  return lines_height(*line.repeated_head, 0, line.repeated_head->size());
}

}  // namespace

std::vector<PageContent> break_pages(const std::vector<FlowLine>& lines, core::Pt capacity, core::Pt note_space) {
  std::vector<PageContent> pages;
  const std::size_t count = lines.size();
  const auto note_lines = [&lines](std::size_t line, std::size_t note) -> const std::vector<FlowLine>& {
    return lines[line].notes[note].lines;
  };
  std::vector<Pending> carried;
  std::size_t start = 0;
  while (start < count || !carried.empty()) {
    PageNotes notes;
    const auto separator = [&notes, note_space]() { return notes.pieces.empty() ? note_space : core::Pt(0); };
    const auto add_piece = [&](const NotePiece& piece) {
      notes.used += separator() + lines_height(note_lines(piece.line, piece.note), piece.begin, piece.end);
      notes.pieces.push_back(piece);
    };

    // 1. What the page before could not hold of its notes opens this page's foot.
    for (const Pending& rest : carried) {
      const std::vector<FlowLine>& note = note_lines(rest.line, rest.note);
      const core::Pt room = capacity - notes.used - separator();
      if (!notes.closed && fits_in(lines_height(note, rest.begin, note.size()), room)) {
        add_piece({rest.line, rest.note, rest.begin, note.size()});
        continue;
      }
      const std::size_t end =
          notes.closed ? rest.begin
                       : split_note(note, rest.begin, room, notes.pieces.empty() ? Force::line : Force::none);
      if (end > rest.begin) add_piece({rest.line, rest.note, rest.begin, end});
      notes.carry.push_back({rest.line, rest.note, end});
      notes.closed = true;
    }
    carried.clear();

    // 2. The lines, each with its notes. A page may end before these lines: freely, or by
    // breaking only weak keeps; `start` means nowhere yet. The notes as they stood there come back
    // when the page backs up to one of them. A table's head, repeated above the row that opens
    // the page, takes its share first (placed only if that row is).
    core::Pt used = start < count ? repeated_head_height(lines[start]) : core::Pt(0);
    std::size_t last_free = start;
    std::size_t last_weak = start;
    PageNotes at_free = notes;
    PageNotes at_weak = notes;
    std::size_t next = start;
    for (; next < count; ++next) {
      const FlowLine& line = lines[next];
      if (next > start && line.break_before) break;
      // The first line of a page with nothing on it goes there, fitting or not.
      const bool first = next == start && notes.pieces.empty();
      const core::Pt needed = (next > start ? line.space_before : core::Pt(0)) + line.height;
      bool fits = fits_in(used + needed + notes.used, capacity);
      std::vector<NotePiece> pieces;
      std::vector<Pending> rest;
      if (fits && !line.notes.empty()) {
        core::Pt room = capacity - used - needed - notes.used;
        for (std::size_t k = 0; k < line.notes.size(); ++k) {
          const std::vector<FlowLine>& note = note_lines(next, k);
          // A note cannot start under one continued overleaf: it would follow it there.
          const core::Pt above = pieces.empty() ? separator() : core::Pt(0);
          const core::Pt whole = above + lines_height(note, 0, note.size());
          if (!notes.closed && fits_in(whole, room)) {
            pieces.push_back({next, k, 0, note.size()});
            room -= whole;
            continue;
          }
          const std::size_t end =
              notes.closed ? 0 : split_note(note, 0, room - above, first ? Force::fit : Force::none);
          if (end == 0 && !first) {
            fits = false;  // the line moves on with its notes
            break;
          }
          if (end > 0) pieces.push_back({next, k, 0, end});
          rest.push_back({next, k, end});
          for (std::size_t later = k + 1; later < line.notes.size(); ++later) rest.push_back({next, later, 0});
          break;
        }
      }
      if (!fits && !first) {
        // Back up to the last line a page may end after; the lines kept with it move on, their
        // notes with them. Each line is looked at again at most once, on the next page, so the
        // whole is linear.
        if (last_free > start) {
          next = last_free;
          notes = std::move(at_free);
        } else if (last_weak > start) {
          next = last_weak;
          notes = std::move(at_weak);
        }
        break;
      }
      used += needed;
      for (const NotePiece& piece : pieces) add_piece(piece);
      if (!rest.empty()) {
        notes.carry.insert(notes.carry.end(), rest.begin(), rest.end());
        notes.closed = true;
      }
      if (line.keep == Keep::none) {
        last_free = next + 1;
        at_free = notes;
      }
      if (line.keep != Keep::strong) {
        last_weak = next + 1;
        at_weak = notes;
      }
    }
    pages.push_back({start, next, std::move(notes.pieces)});
    carried = std::move(notes.carry);
    start = next;
  }
  return pages;
}

std::vector<std::size_t> find_page_breaks(const std::vector<FlowLine>& lines, core::Pt capacity) {
  std::vector<std::size_t> starts;
  for (const PageContent& page : break_pages(lines, capacity)) starts.push_back(page.first);
  return starts;
}

core::Pt place_lines(Page& page, std::vector<FlowLine>& lines, std::size_t begin, std::size_t end, core::Pt left,
                     core::Pt top, FirstSpace first_space) {
  std::size_t runs = page.runs.size();
  for (std::size_t i = begin; i < end; ++i) runs += lines[i].runs.size();
  page.runs.reserve(runs);
  core::Pt y;
  for (std::size_t i = begin; i < end; ++i) {
    FlowLine& line = lines[i];
    const bool space_dropped = i == begin && first_space == FirstSpace::dropped;
    if (!space_dropped) y += line.space_before;
    const core::Pt line_top = top + y;
    for (TextRun& run : line.runs) {
      run.x += left;
      run.baseline += line_top;
      page.runs.push_back(std::move(run));
    }
    for (Rule& rule : line.rules) {
      if (space_dropped) {  // so is what a rule drew there
        rule.y1 = std::max(rule.y1, core::Pt(0));
        rule.y2 = std::max(rule.y2, core::Pt(0));
      }
      rule.x1 += left;
      rule.x2 += left;
      rule.y1 += line_top;
      rule.y2 += line_top;
      page.rules.push_back(rule);
    }
    for (LinkArea& link : line.links) {
      move_by(link, left, line_top);
      page.links.push_back(std::move(link));
    }
    for (Anchor& anchor : line.anchors) {
      anchor.y += line_top;
      page.anchors.push_back(std::move(anchor));
    }
    for (ImageBox& image : line.images) {
      image.x += left;
      image.y += line_top;
      page.images.push_back(std::move(image));
    }
    y += line.height;
  }
  return y;
}

namespace {

// The notes of one page stacked up from the foot of the text block (`bottom`), under their rule:
// the full measure above a note continued from the page before, footnote_rule_width otherwise.
void place_notes(Page& page, std::vector<FlowLine>& lines, const std::vector<NotePiece>& pieces, core::Pt left,
                 core::Pt bottom, const PageStyle& style) {
  if (pieces.empty()) return;
  core::Pt height;
  for (const NotePiece& piece : pieces) {
    height += lines_height(lines[piece.line].notes[piece.note].lines, piece.begin, piece.end);
  }
  core::Pt y = bottom - height;
  const core::Pt rule_y = y - style.footnote_space * footnote_rule_share;
  const bool continued = pieces.front().begin > 0;
  const core::Pt width = continued ? style.measure() : std::min(style.footnote_rule_width, style.measure());
  page.rules.push_back({left, rule_y, left + width, rule_y, style.rule_thickness});
  for (const NotePiece& piece : pieces) {
    y += place_lines(page, lines[piece.line].notes[piece.note].lines, piece.begin, piece.end, left, y);
  }
}

// Adds the lines of every footnote in `lines` to `stats`, each note a flow of its own, broken
// where `pages` split it.
void tally_notes(const std::vector<FlowLine>& lines, const std::vector<PageContent>& pages, LayoutStats& stats) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    for (std::size_t k = 0; k < lines[i].notes.size(); ++k) {
      std::vector<std::size_t> starts{0};
      for (const PageContent& page : pages) {
        for (const NotePiece& piece : page.notes) {
          if (piece.line == i && piece.note == k && piece.begin > 0) starts.push_back(piece.begin);
        }
      }
      tally_flow(lines[i].notes[k].lines, starts, stats);
    }
  }
}

}  // namespace

std::vector<Page> cut_into_pages(std::vector<FlowLine> lines, const PageStyle& style, LayoutStats* stats) {
  const std::vector<PageContent> contents = break_pages(lines, style.body_height, style.footnote_space);
  if (stats != nullptr) {
    // Pages of notes alone break no line: one start for each page that opens with a line.
    std::vector<std::size_t> starts;
    for (const PageContent& content : contents) {
      if (content.end > content.first) starts.push_back(content.first);
    }
    tally_flow(lines, starts, *stats);
    tally_notes(lines, contents, *stats);
  }
  std::vector<Page> pages;
  pages.reserve(contents.size());
  for (const PageContent& content : contents) {
    Page page;
    page.width = style.page_width;
    page.height = style.page_height;
    // The body is placed from the text block's left edge (Page); place_on_sides moves its links
    // onto the page.
    core::Pt top = style.margin_top;
    if (content.end > content.first && lines[content.first].repeated_head != nullptr) {
      std::vector<FlowLine> head = *lines[content.first].repeated_head;
      top += place_lines(page, head, 0, head.size(), core::Pt(0), top);
    }
    place_lines(page, lines, content.first, content.end, core::Pt(0), top);
    place_notes(page, lines, content.notes, core::Pt(0), style.margin_top + style.body_height, style);
    pages.push_back(std::move(page));
  }
  return pages;
}

void place_on_sides(std::vector<Page>& pages, const PageStyle& style, bool first_is_recto) {
  for (std::size_t k = 0; k < pages.size(); ++k) {
    Page& page = pages[k];
    const bool recto = (k % 2 == 0) == first_is_recto;
    page.text_left = style.text_left(recto);
    for (LinkArea& link : page.links) move_by(link, page.text_left, core::Pt(0));
  }
}

std::vector<Page> paginate(std::vector<FlowLine> lines, const PageStyle& style, bool first_is_recto,
                           LayoutStats* stats) {
  std::vector<Page> pages = cut_into_pages(std::move(lines), style, stats);
  place_on_sides(pages, style, first_is_recto);
  return pages;
}

}  // namespace octavo::layout
