#include "layout/page_style.hpp"

namespace octavo::layout {

PageStyle small_type_style(const PageStyle& style) {
  PageStyle s = style;
  const double size = style.small_size / style.body_size;   // type and indents
  const double line = style.small_leading / style.leading;  // vertical spaces
  s.body_size = style.small_size;
  s.leading = style.small_leading;
  s.paragraph_indent = style.paragraph_indent * size;
  // Headings in notes and asides are bold small type: a note has no room for a hierarchy.
  s.heading_size = {style.small_size, style.small_size, style.small_size};
  s.heading_space_before = style.heading_space_before * line;
  s.heading_space_after = style.heading_space_after * line;
  s.block_space = style.block_space * line;
  s.list_indent = style.list_indent * size;
  s.list_marker_gap = style.list_marker_gap * size;
  s.quote_indent = style.quote_indent * size;
  s.code_indent = style.code_indent * size;
  s.code_size = style.code_size * size;
  s.code_leading = style.code_leading * line;
  return s;
}

}  // namespace octavo::layout
