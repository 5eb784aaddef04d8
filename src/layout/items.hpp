// The line breaker's input: a paragraph as boxes, glue and penalties (Knuth & Plass, "Breaking
// Paragraphs into Lines", 1981, §2). build_items makes them from inlines; break_lines reads them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/length.hpp"
#include "fonts/font_metrics.hpp"

namespace octavo::layout {

/// Box: text of fixed width. Glue: a space that may stretch, shrink, or end a line. Penalty: a
/// possible break with a cost.
enum class ItemKind { box, glue, penalty };

/// Penalties at or above this forbid a break; at or below `forced_break` they force one.
inline constexpr int no_break = 10000;
inline constexpr int forced_break = -10000;

/// Where a piece of text links to: exactly one of the two is set.
struct LinkTarget {
  std::string destination;  ///< an Anchor name in this book
  std::string uri;          ///< an external URL
};

/// A footnote a box refers to: the note's model id ("fn-1") and the anchor name of the reference
/// itself, for the note's link back (empty when the reference has no anchor).
struct NoteRef {
  std::string note;
  std::string anchor;
};

/// What a box brings to its line besides its text: anchors that links land on (an explicit
/// `<a id>`, a footnote reference's own id) and the footnotes it refers to.
struct BoxMarks {
  std::vector<std::string> anchors;
  std::vector<NoteRef> notes;
};

/// One item; which fields matter depends on its kind.
struct Item {
  ItemKind kind = ItemKind::box;
  core::Pt width;        ///< box and glue: natural width; penalty: width added if the line breaks here
  core::Pt stretch;      ///< glue only
  core::Pt shrink;       ///< glue only
  bool fill = false;     ///< glue only: infinite stretch (ends a paragraph or a forced line)
  int penalty = 0;       ///< penalty only
  bool flagged = false;  ///< penalty only: a hyphenation point; a line ending here shows a hyphen

  // Boxes only: text of one face and size, drawn as one run.
  fonts::FontFace face = fonts::FontFace::serif;
  core::Pt size;
  std::string text;
  int link = -1;        ///< index into ItemList::links; -1 for none
  core::Pt rise;        ///< baseline shift: up for superscripts, down (negative) for subscripts
  bool strike = false;  ///< struck through: set_line draws a rule across it
  int key = -1;         ///< the keyboard span it belongs to (framed by set_line); -1 for none
  int marks = -1;       ///< index into ItemList::marks; -1 for none
  /// Known to have no kerning inside (measured with FontMetrics::measure_box), so that set_line
  /// need not ask for it again; false when not known.
  bool unkerned = false;
};

/// A paragraph's items and the link targets and marks its boxes refer to.
struct ItemList {
  std::vector<Item> items;
  std::vector<LinkTarget> links;
  std::vector<BoxMarks> marks;
  /// Marks that found no box to ride on (an anchor in a paragraph with no text): set_paragraph
  /// places their anchors on the next line of the flow. -1 for none.
  int loose_marks = -1;
};

/// The width of `text` set as one box: its advances plus the font's kerning inside it. Boxes are
/// measured whole, never as a sum of their characters, because kerning makes the two differ.
core::Pt box_width(const fonts::FontMetrics& metrics, fonts::FontFace face, std::string_view text, core::Pt size);

/// The longest start of `text` that fits after `used` of `available`, in whole characters, with
/// its box width.
struct FittingPrefix {
  std::size_t bytes = 0;  ///< 0 when not even the first character fits (and it was not forced)
  core::Pt width;
};
/// Grows the prefix a character at a time, measured whole (box_width), and stops at the first
/// character that does not fit; with `at_least_one`, the first character is taken regardless.
FittingPrefix fitting_prefix(const fonts::FontMetrics& metrics, fonts::FontFace face, std::string_view text,
                             core::Pt size, core::Pt used, core::Pt available, bool at_least_one);
/// A box; `text` must contain only characters `face` can draw.
Item box_item(std::string text, fonts::FontFace face, core::Pt size, core::Pt width, int link = -1);
/// Interword glue (Knuth–Plass: width, stretch, shrink).
Item glue_item(core::Pt width, core::Pt stretch, core::Pt shrink);
/// Glue of infinite stretch, as TeX's \parfillskip: the line before a forced break is ragged.
Item fill_item();
/// A possible break; forced_break forces one, no_break forbids it.
Item penalty_item(int penalty, core::Pt width = core::Pt(0));
/// TeX's \hyphenpenalty: the cost of breaking a line at a hyphenation point.
inline constexpr int hyphen_penalty = 50;
/// A hyphenation point (Knuth–Plass's flagged penalty): hyphen_penalty, and `hyphen_width` (of the
/// hyphen in the word's face) added to the line if it breaks here.
Item hyphen_item(core::Pt hyphen_width);

/// A break inside a URL (build_items: after '/', '.', '?', '&', before '-') or inline code (where
/// code_break_between allows one): as costly as a hyphen, so that total-fit prefers a space, but
/// unflagged, so that no hyphen is shown.
inline constexpr int url_break_penalty = hyphen_penalty;
/// Breaks in code (ItemBuilder::set_literal), best first: after a run of spaces, at punctuation,
/// and inside a token at the measure, the last resort. break_code_lines ranks them by these values.
inline constexpr int code_space_penalty = 0;
inline constexpr int code_punctuation_penalty = 50;
inline constexpr int code_split_penalty = 100;

}  // namespace octavo::layout
