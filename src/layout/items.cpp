#include "layout/items.hpp"

#include "core/utf8.hpp"

namespace octavo::layout {

core::Pt box_width(const fonts::FontMetrics& metrics, fonts::FontFace face, std::string_view text, core::Pt size) {
  return metrics.measure_box(face, text, size).width;
}

FittingPrefix fitting_prefix(const fonts::FontMetrics& metrics, fonts::FontFace face, std::string_view text,
                             core::Pt size, core::Pt used, core::Pt available, bool at_least_one) {
  FittingPrefix fitting;
  std::size_t pos = 0;
  while (pos < text.size()) {
    core::decode_utf8(text, pos);
    const core::Pt width = box_width(metrics, face, text.substr(0, pos), size);
    if (used + width > available && !(at_least_one && fitting.bytes == 0)) break;
    fitting = {pos, width};
  }
  return fitting;
}

Item box_item(std::string text, fonts::FontFace face, core::Pt size, core::Pt width, int link) {
  Item item;
  item.kind = ItemKind::box;
  item.text = std::move(text);
  item.face = face;
  item.size = size;
  item.width = width;
  item.link = link;
  return item;
}

Item glue_item(core::Pt width, core::Pt stretch, core::Pt shrink) {
  Item item;
  item.kind = ItemKind::glue;
  item.width = width;
  item.stretch = stretch;
  item.shrink = shrink;
  return item;
}

Item fill_item() {
  Item item;
  item.kind = ItemKind::glue;
  item.fill = true;
  return item;
}

Item penalty_item(int penalty, core::Pt width) {
  Item item;
  item.kind = ItemKind::penalty;
  item.penalty = penalty;
  item.width = width;
  return item;
}

Item hyphen_item(core::Pt hyphen_width) {
  Item item = penalty_item(hyphen_penalty, hyphen_width);
  item.flagged = true;
  return item;
}

}  // namespace octavo::layout
