// The book's page geometry and type: sizes, margins, spacing. Every layout stage reads it; the
// pipeline gets it from a style file (style::read_page_style, styles/*.toml).
#pragma once

#include <array>

#include "core/length.hpp"

namespace octavo::layout {

/// All lengths in points; style::default_page_style() gives every field a value. Hyphenation is
/// not part of it: the pipeline chooses the patterns by the book's language.
struct PageStyle {
  // Page and text block. Recto pages (odd body pages) have the inner margin on the left.
  core::Pt page_width;
  core::Pt page_height;
  core::Pt margin_inner;
  core::Pt margin_outer;
  core::Pt margin_top;   ///< page top to the top of the text block
  core::Pt body_height;  ///< height of the text block; the bottom margin is what is left

  // Body text.
  core::Pt body_size;
  core::Pt leading;           ///< baseline to baseline
  core::Pt paragraph_indent;  ///< first-line indent of a paragraph that follows another
  double space_stretch = 0;   ///< interword glue stretch, as a fraction of the space's width
  double space_shrink = 0;    ///< interword glue shrink, as a fraction of the space's width
  double inline_code_scale = 1;

  // Titles of parts (articles, contents, sources, disclaimer) and headings within articles.
  core::Pt part_title_size;
  core::Pt part_title_leading;
  core::Pt part_title_space_after;         ///< at least; rounded up so the text starts on the line grid
  std::array<core::Pt, 3> heading_size{};  ///< levels 1, 2 and 3–6
  core::Pt heading_space_before;
  core::Pt heading_space_after;  ///< at least; rounded up to the half-line grid

  // Blocks.
  core::Pt block_space;  ///< above and below lists, quotes, code and breaks
  core::Pt list_indent;  ///< hanging indent of a list item; the marker sits inside it
  core::Pt list_marker_gap;
  core::Pt quote_indent;  ///< on both sides
  core::Pt code_indent;
  core::Pt code_size;
  core::Pt code_leading;
  core::Pt ornament_width;  ///< the centred rule of a thematic break
  core::Pt rule_thickness;

  // Source notes, the Sources appendix and the contents.
  core::Pt small_size;
  core::Pt small_leading;
  core::Pt note_space_before;
  core::Pt note_hanging_indent;
  core::Pt contents_indent;        ///< sections one level down
  core::Pt contents_number_width;  ///< the page number column, leaders stop before it
  core::Pt contents_entry_space;   ///< above each article's entry

  // Footnotes, set in small_size on small_leading at the foot of the text block.
  core::Pt footnote_space;       ///< at least this between the text and a page's notes; the rule sits in it
  core::Pt footnote_rule_width;  ///< the rule above the notes (a continued note's rule spans the measure)

  // Running heads and folios, measured from the top of the page.
  core::Pt running_head_size;
  core::Pt running_head_baseline;
  core::Pt running_head_rule_y;
  core::Pt folio_size;
  core::Pt folio_baseline;
  core::Pt review_mark_size;  ///< the "Unreviewed content" mark, on the folio's baseline

  // Title page.
  core::Pt book_title_size;
  core::Pt book_title_leading;
  core::Pt book_subtitle_size;
  core::Pt book_author_size;
  core::Pt title_block_top;   ///< top of the title, from the top of the page
  core::Pt imprint_baseline;  ///< baseline of the publisher line, from the top of the page

  /// Width of the text block (the measure).
  core::Pt measure() const { return page_width - margin_inner - margin_outer; }
  /// The text block's left edge: the inner margin on a recto, the outer on a verso.
  core::Pt text_left(bool recto) const { return recto ? margin_inner : margin_outer; }
};

/// The design of footnotes and asides: `style` with its text type at small_size on small_leading,
/// and the indents, spaces, heading and code sizes of the body scaled alike. Never fails.
PageStyle small_type_style(const PageStyle& style);

}  // namespace octavo::layout
