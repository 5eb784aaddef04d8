// A plain-text trace of what the PDF writer draws (after SILE's debug outputter): one line per
// page, text run, rule, link and anchor, in layout's top-left, y-down points rounded to 0.01.
// Golden layout tests diff it instead of PDF bytes.
#pragma once

#include <string>

#include "layout/page.hpp"

namespace octavo::pdf {

/// The trace of every page in order, each line ending in '\n'; empty for a book with no pages.
/// Lines: `page N [label] W x H`, then indented `run FACE SIZE at X,Y "TEXT"` (followed by
/// ` rise R` for a raised or lowered run and ` kern OFFSET:AMOUNT …` for a kerned run),
/// `rule X1,Y1 to X2,Y2 width T`, `link L,T to R,B -> #NAME` or `-> URI`, `anchor NAME at Y`,
/// `image PATH at X,Y size W,H`.
std::string trace_pages(const layout::LaidOutBook& book);

/// The trace's name for a face: "serif", "serif-italic", "serif-bold", "serif-bold-italic", "mono".
const char* face_name(fonts::FontFace face);

/// The page label a PDF viewer shows for the 0-based `page_index`: lower-case roman from 1 for
/// the front matter, then decimal from 1 ("i", "ii", …, "1", "2", …).
std::string page_label(const layout::LaidOutBook& book, std::size_t page_index);

}  // namespace octavo::pdf
