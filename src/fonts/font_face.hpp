// The faces a book is set in, and the file in fonts/ each one is loaded from. Layout picks a face
// for every run of text; the fonts module measures it and the PDF writer embeds it.
#pragma once

#include <array>
#include <cstddef>

namespace octavo::fonts {

/// The faces a book uses. `fallback` (DejaVu Sans) only draws characters the others lack
/// (glyph_coverage.hpp).
enum class FontFace { serif, serif_italic, serif_bold, serif_bold_italic, mono, fallback };
inline constexpr std::size_t face_count = 6;

/// Every face, in the enum's order.
inline constexpr std::array<FontFace, face_count> all_faces = {FontFace::serif,      FontFace::serif_italic,
                                                               FontFace::serif_bold, FontFace::serif_bold_italic,
                                                               FontFace::mono,       FontFace::fallback};

/// The file `face` is loaded from, inside the fonts folder ("NotoSerif-Regular.ttf", …); never empty.
const char* font_file_name(FontFace face);

}  // namespace octavo::fonts
