// A paragraph's items → broken, set lines appended to a flow. Ties a line breaker (total-fit for
// justified text, first-fit for the rest) and set_line together for every kind of text block
// (body, headings, list items, notes, contents).
#pragma once

#include <cstddef>

#include "core/length.hpp"
#include "fonts/font_metrics.hpp"
#include "layout/flow.hpp"
#include "layout/items.hpp"
#include "layout/set_line.hpp"

namespace octavo::layout {

/// Where and how a paragraph is set; lengths relative to the text block.
struct ParagraphFormat {
  core::Pt left;          ///< from the text block's left edge
  core::Pt width;         ///< the measure, from `left`
  core::Pt first_indent;  ///< extra indent of the first line
  core::Pt rest_indent;   ///< extra indent of the other lines (a hanging indent)
  core::Pt leading;
  fonts::FontFace face = fonts::FontFace::serif;  ///< with `size`, places the baseline within the leading
  core::Pt size;
  Alignment alignment = Alignment::justify;
  bool keep_together = false;   ///< strongly kept: no page break inside (headings, short entries)
  bool keep_with_next = false;  ///< strongly kept with what follows, after the last line too
  bool code = false;            ///< a line of code: broken by break_code_lines (alignment left)
};

/// The baseline of text in `face` at `size` in a line `leading` high, from the line's top: the
/// leading beyond the glyphs' extent is shared equally above and below them, as CSS does. For a
/// leading smaller than the extent the glyphs overflow the line equally at both ends.
core::Pt baseline_in_leading(core::Pt leading, fonts::FontFace face, core::Pt size, const fonts::FontMetrics& metrics);

/// Appends the lines of `list`. A page may not end after the first line or before the last one
/// of a paragraph (no orphan, no widow), which keeps two- and three-line paragraphs whole, and
/// never after a hyphenated line (strongly).
/// Returns the number of lines; 0 (and nothing added) for a list with no boxes.
std::size_t set_paragraph(Flow& flow, const ItemList& list, const ParagraphFormat& format,
                          const fonts::FontMetrics& metrics);

}  // namespace octavo::layout
