#include "fonts/font_face.hpp"

namespace octavo::fonts {

const char* font_file_name(FontFace face) {
  switch (face) {
    case FontFace::serif: return "NotoSerif-Regular.ttf";
    case FontFace::serif_italic: return "NotoSerif-Italic.ttf";
    case FontFace::serif_bold: return "NotoSerif-Bold.ttf";
    case FontFace::serif_bold_italic: return "NotoSerif-BoldItalic.ttf";
    case FontFace::mono: return "NotoSansMono-Regular.ttf";
    case FontFace::fallback: return "DejaVuSans.ttf";
  }
  return "NotoSerif-Regular.ttf";
}

}  // namespace octavo::fonts
