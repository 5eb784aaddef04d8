// Named paragraph styles: the ParagraphFormat of each role a paragraph plays in the book (body,
// heading, caption, note, contents entry, …), made from the PageStyle in one place. The setters
// ask for a role and add only what the situation decides (an indent, a frame's alignment).
#pragma once

#include "core/length.hpp"
#include "layout/page_style.hpp"
#include "layout/set_paragraph.hpp"

namespace octavo::layout {

enum class Role {
  body,      ///< justified text at the body size
  lead,      ///< an article's summary (its italics are the text's, not the format's)
  heading1,  ///< section headings by level; levels 3–6 share heading3
  heading2,
  heading3,
  part_title,           ///< an article's, the contents', the Sources' title: ragged, kept with what follows
  part_page_title,      ///< a part's title page: centred
  title_page,           ///< title page lines: centred; size, face and leading are the line's own
  code,                 ///< a line of a code block
  note,                 ///< a source note's field: small type, a hanging indent, ragged
  note_heading,         ///< a source note's heading: bold, kept with its fields
  contents_entry,       ///< an article or section in the contents
  contents_part_entry,  ///< a part in the contents: bold
  sources_entry,        ///< an article's title in the Sources appendix
  table_caption,        ///< above its table: italic small type, kept with it
  figure_caption,       ///< below its figure: italic small type, centred
  table_cell,           ///< a paragraph of a body cell (alignment is the column's)
  table_head_cell,      ///< a paragraph of a head cell: bold
  details_summary,      ///< a <details> block's summary: bold, kept with what follows
  outline_title,        ///< "In this article": italic, kept with its list
};

/// The heading role of a heading `level` (1–6; levels below 1 count as 1, above 3 as 3).
Role heading_role(int level);

/// The format of a paragraph in `role` set from `left` (relative to the text block) `width`
/// wide, in `style` (the body's, or small_type_style's for notes and asides). Never fails.
ParagraphFormat paragraph_format(Role role, const PageStyle& style, core::Pt left, core::Pt width);

}  // namespace octavo::layout
