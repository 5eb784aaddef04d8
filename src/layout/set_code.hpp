// Code blocks (model::BlockKind::code_block) → one flow line per line of code, or several when a
// line is wider than the measure. The setting itself is BlockSetter::set_code (set_blocks.hpp),
// defined in set_code.cpp; this header holds the continuation mark it draws.
#pragma once

#include <vector>

#include "core/length.hpp"
#include "layout/page.hpp"

namespace octavo::layout {

/// The mark at the start of a continued line of code: a small ↳ drawn as rules in the two
/// columns before its text, from `left` (the first of them) on `baseline`, for code of `size`
/// whose columns are `column` wide. Drawn, not written, so that extracted text and copied code
/// never hold it. Rules in the coordinates of `left` and `baseline`; none for a size of 0.
std::vector<Rule> continuation_mark(core::Pt left, core::Pt baseline, core::Pt size, core::Pt column);

}  // namespace octavo::layout
