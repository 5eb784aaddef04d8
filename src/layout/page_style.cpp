#include "layout/page_style.hpp"

namespace octavo::layout {

PageStyle default_page_style() {
  using core::millimetres;
  using core::Pt;
  PageStyle s;
  // A5 (ISO 216): a paperback size that reads comfortably in the hand and on a tablet screen.
  s.page_width = millimetres(148);
  s.page_height = millimetres(210);
  // 17 + 23 mm leave a 108 mm measure: at 10 pt Noto Serif averages 0.475 em a character
  // (measured on the sample corpus), so a line holds about 64 characters, inside the 45–75 that
  // Bringhurst (§2.1.2) recommends. The outer margin is the wider one, for the thumbs.
  s.margin_inner = millimetres(17);
  s.margin_outer = millimetres(23);
  // The top margin is narrower than the bottom one (the classical proportion), and a whole number
  // of lines fills the text block, so that full pages end on the same baseline: 35 × 13.5 pt.
  s.margin_top = millimetres(19);
  s.body_height = Pt(35 * 13.5);

  // 10 pt on 13.5 pt: Noto Serif has a large x-height, so it needs more leading than the usual
  // 120 %; 135 % keeps long lines easy to follow.
  s.body_size = Pt(10);
  s.leading = Pt(13.5);
  // One em: the traditional paragraph indent, visible without wasting the line.
  s.paragraph_indent = Pt(10);
  // TeX's interword glue (The TeXbook, ch. 12): stretch 1/2 and shrink 1/3 of the space.
  s.space_stretch = 0.5;
  s.space_shrink = 1.0 / 3.0;
  // Monospaced glyphs look larger than the serif's at the same size; 90 % matches their colour.
  s.inline_code_scale = 0.9;

  // A part title two sizes up the scale (10, 12, 14, 18), with two lines of white below it (then
  // rounded up to the line grid).
  s.part_title_size = Pt(18);
  s.part_title_leading = Pt(22);
  s.part_title_space_after = Pt(27);
  // Headings step down 12, 10.5, 10 pt (bold, bold, bold italic) so that levels stay distinct
  // without shouting; a line of space above and less below ties each to its text (the space
  // below is rounded up so heading and spaces fill whole half-lines).
  s.heading_size = {Pt(12), Pt(10.5), Pt(10)};
  s.heading_space_before = Pt(13.5);
  s.heading_space_after = Pt(3);

  // Half a line around displayed blocks: enough to separate, not enough to break the page.
  s.block_space = Pt(6.75);
  // 1.8 em holds a marker up to "100." at 10 pt with its gap.
  s.list_indent = Pt(18);
  s.list_marker_gap = Pt(5);
  s.quote_indent = Pt(15);
  s.code_indent = Pt(10);
  // 8 pt mono (0.6 em a character) fits about 61 columns in the indented measure, which covers
  // most code written to 80 columns once its indentation is counted.
  s.code_size = Pt(8);
  s.code_leading = Pt(10.5);
  s.ornament_width = Pt(40);
  s.rule_thickness = Pt(0.4);

  // 8 pt on 10.5 pt for notes: clearly subordinate, still readable.
  s.small_size = Pt(8);
  s.small_leading = Pt(10.5);
  s.note_space_before = Pt(20);
  s.note_hanging_indent = Pt(10);
  s.contents_indent = Pt(15);
  s.contents_number_width = Pt(30);
  s.contents_entry_space = Pt(4.5);

  // Footnotes: a line of white between text and notes, the rule a third of the way up it; the
  // rule about a third of the measure long, as plain TeX's 2 in is of its 6.5 in.
  s.footnote_space = Pt(13.5);
  s.footnote_rule_width = millimetres(36);

  // The running head sits in the top margin, 20 pt above the text block, with its rule halfway
  // down to the text; the folio sits two lines below the last baseline.
  s.running_head_size = Pt(8.5);
  s.running_head_baseline = s.margin_top - Pt(20);
  s.running_head_rule_y = s.margin_top - Pt(15);
  s.folio_size = Pt(9);
  // Small enough to stay out of the reader's way beside the folio, large enough to be read on a
  // single photocopied page (7 pt is the size of a footnote's smallest print).
  s.review_mark_size = Pt(7);
  s.folio_baseline = s.margin_top + s.body_height + Pt(27);

  // The title page: the title starts about a quarter down the page, the imprint sits at the foot.
  s.book_title_size = Pt(24);
  s.book_title_leading = Pt(29);
  s.book_subtitle_size = Pt(13);
  s.book_author_size = Pt(12);
  s.title_block_top = millimetres(50);
  s.imprint_baseline = s.margin_top + s.body_height - Pt(13.5);
  return s;
}

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
