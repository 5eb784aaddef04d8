// Style files: styles/<name>.toml (page size, margins, type sizes, leading, …) → layout::PageStyle,
// chosen and overridden in book.toml. Sits beside import, before layout: compile.cpp calls it and
// hands the PageStyle to lay_out_book, so neither import nor layout reads style files.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "core/file_system.hpp"
#include "import/style_settings.hpp"
#include "layout/page_style.hpp"

namespace octavo::style {

/// The style used when book.toml names none: the house design, A5.
inline constexpr const char* default_style_name = "a5";

/// Reads the page style of a book. book.toml (as import::read_corpus read it: `choice`) chooses a
/// style file with `style = "a4"`, or with `base = "a4"` inside a `[style]` table whose other keys override single
/// values of that file; without either, default_style_name. The style file is `<name>.toml` in
/// `styles`, reported as `<styles_label>/<name>.toml`. Lengths are numbers of points or strings
/// with a unit ("12pt", "20mm", "1.5cm", "0.75in"). Errors, at the line and column that caused
/// them: an unknown style name, an unknown key, a value of the wrong type or sign, a style file
/// that leaves a key out, and geometry that cannot be set (margins wider than the page, a text
/// block taller than it, a measure under 12 ems, fewer than 8 lines a page). Returns nullopt after
/// any error. A book.toml that does not parse is the manifest reader's to report; its choice
/// then is none. Never throws.
std::optional<layout::PageStyle> read_page_style(const import::StyleChoice& choice, const core::FileSystem& styles,
                                                 const std::string& styles_label, core::DiagnosticSink& sink);

}  // namespace octavo::style
