#include "layout/paragraph_styles.hpp"

#include <algorithm>
#include <cstddef>

namespace octavo::layout {
namespace {

// What most styles share: ragged, held on one page, and (with `next`) kept with what follows.
ParagraphFormat ragged(ParagraphFormat format, bool together, bool next) {
  format.alignment = Alignment::left;
  format.keep_together = together;
  format.keep_with_next = next;
  return format;
}

}  // namespace

Role heading_role(int level) {
  constexpr Role roles[] = {Role::heading1, Role::heading2, Role::heading3};
  return roles[std::clamp(level, 1, 3) - 1];
}

ParagraphFormat paragraph_format(Role role, const PageStyle& style, core::Pt left, core::Pt width) {
  ParagraphFormat f;
  f.left = left;
  f.width = width;
  f.leading = style.leading;
  f.size = style.body_size;
  switch (role) {
    case Role::body:
    case Role::lead: return f;
    case Role::heading1:
    case Role::heading2:
    case Role::heading3: {
      const auto step = static_cast<std::size_t>(static_cast<int>(role) - static_cast<int>(Role::heading1));
      f.size = style.heading_size[step];
      // The body's proportion of leading to size, at the heading's size.
      f.leading = f.size * (style.leading / style.body_size);
      f.face = step == 2 ? fonts::FontFace::serif_bold_italic : fonts::FontFace::serif_bold;
      return ragged(f, true, true);
    }
    case Role::part_title:
    case Role::part_page_title:
      f.leading = style.part_title_leading;
      f.size = style.part_title_size;
      // Titles are set ragged: justifying two or three large words leaves holes.
      f = ragged(f, true, role == Role::part_title);
      if (role == Role::part_page_title) f.alignment = Alignment::centre;
      return f;
    case Role::title_page: f.alignment = Alignment::centre; return f;
    case Role::code:
      f.leading = style.code_leading;
      f.face = fonts::FontFace::mono;
      f.size = style.code_size;
      f.alignment = Alignment::left;
      f.code = true;
      return f;
    case Role::note:
    case Role::note_heading:
      f.rest_indent = style.note_hanging_indent;
      f.leading = style.small_leading;
      f.size = style.small_size;
      // Ragged: the values are URLs, digests and file names, which justify badly.
      if (role == Role::note) return ragged(f, false, false);
      f.face = fonts::FontFace::serif_bold;
      return ragged(f, true, true);
    case Role::contents_entry:
    case Role::contents_part_entry:
      f.rest_indent = style.note_hanging_indent;
      if (role == Role::contents_part_entry) f.face = fonts::FontFace::serif_bold;
      return ragged(f, true, false);
    case Role::sources_entry: f.rest_indent = style.note_hanging_indent; return ragged(f, true, true);
    case Role::table_caption:
    case Role::figure_caption:
      f.leading = style.small_leading;
      f.face = fonts::FontFace::serif_italic;
      f.size = style.small_size;
      f = ragged(f, true, role == Role::table_caption);
      if (role == Role::figure_caption) f.alignment = Alignment::centre;
      return f;
    case Role::table_cell: return f;
    case Role::table_head_cell: f.face = fonts::FontFace::serif_bold; return f;
    case Role::details_summary: f.face = fonts::FontFace::serif_bold; return ragged(f, true, true);
    case Role::outline_title: f.face = fonts::FontFace::serif_italic; return ragged(f, true, true);
  }
  return f;
}

}  // namespace octavo::layout
