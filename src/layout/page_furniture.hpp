// What every page carries besides its text: the folio (page number) at the foot and, on body
// pages, the running head with a thin rule under it. Added after pagination, to Page::furniture.
#pragma once

#include <string>

#include "layout/layout_context.hpp"
#include "layout/page.hpp"
#include "layout/set_line.hpp"

namespace octavo::layout {

/// Lower-case roman numerals for front matter folios: 1 → "i", 4 → "iv"; empty for 0.
std::string roman_numeral(std::size_t number);

/// The running head for `title`: small italics, centred in the measure, truncated with an
/// ellipsis when it does not fit. Empty for an empty title.
SetLine make_running_head(const std::string& title, LayoutContext& context);

/// Adds `head` above the text block, with a rule under it; `recto` places it over the text.
void add_running_head(Page& page, const SetLine& head, bool recto, const PageStyle& style);

/// Adds the folio `label` centred under the text block.
void add_folio(Page& page, const std::string& label, bool recto, LayoutContext& context);

/// Sets model::unreviewed_mark in small italics on the folio's baseline, flush with the outer
/// edge of the text block, on every page: a page copied or printed alone still says so.
void add_review_mark(Page& page, bool recto, LayoutContext& context);

}  // namespace octavo::layout
