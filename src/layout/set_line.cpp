#include "layout/set_line.hpp"

#include <algorithm>

namespace octavo::layout {

SetLine set_line(const ItemList& list, const Line& line, core::Pt line_width, Alignment alignment,
                 const FontMetrics& metrics) {
  const std::vector<Item>& items = list.items;
  const bool spread = alignment == Alignment::justify && !line.ragged;
  const double ratio = spread || line.ratio < 0 ? line.ratio : 0;

  SetLine out;
  core::Pt x;
  bool previous_was_box = false;  // only penalties since the last box: same word
  struct OpenLink {
    int index = -1;
    core::Pt left, right, ascent, descent;
  } open;
  auto close_link = [&]() {
    if (open.index < 0) return;
    const LinkTarget& target = list.links[static_cast<std::size_t>(open.index)];
    out.links.push_back({open.left, -open.ascent, open.right, open.descent, target.destination, target.uri});
    open = {};
  };

  for (std::size_t i = line.begin; i < line.end; ++i) {
    const Item& item = items[i];
    if (item.kind == ItemKind::glue) {
      if (!item.fill) x += item.width + (ratio > 0 ? item.stretch * ratio : item.shrink * ratio);
      previous_was_box = false;
      continue;
    }
    if (item.kind == ItemKind::penalty) continue;
    TextRun* last = out.runs.empty() ? nullptr : &out.runs.back();
    // Each box brings its own kerns (build_items measured it with them); none across boxes.
    if (previous_was_box && last != nullptr && last->face == item.face && last->size == item.size) {
      const std::size_t offset = last->text.size();
      for (Kern kern : metrics.kerning(item.face, item.text, item.size)) {
        kern.offset += offset;
        last->kerns.push_back(kern);
      }
      last->text += item.text;
    } else {
      out.runs.push_back(
          {item.face, item.size, x, core::Pt(0), item.text, metrics.kerning(item.face, item.text, item.size)});
    }
    if (item.link != open.index) close_link();
    if (item.link >= 0) {
      if (open.index < 0) {
        open.index = item.link;
        open.left = x;
      }
      open.ascent = std::max(open.ascent, metrics.ascent(item.face, item.size));
      open.descent = std::max(open.descent, metrics.descent(item.face, item.size));
      open.right = x + item.width;
    }
    x += item.width;
    out.width = x;
    previous_was_box = true;
  }
  // A line that ends at a hyphenation point shows the hyphen, in the face of the text before it.
  // Extractors (pdftotext, copy and paste) delete a line-final U+002D and join the word again.
  if (line.end < items.size() && items[line.end].flagged && !out.runs.empty()) {
    out.runs.back().text += '-';
    x += items[line.end].width;
    out.width = x;
    if (open.index >= 0) open.right = x;
  }
  close_link();

  core::Pt shift;
  if (alignment == Alignment::centre) shift = (line_width - out.width) / 2;
  if (alignment == Alignment::right) shift = line_width - out.width;
  if (shift != core::Pt(0)) {
    for (TextRun& run : out.runs) run.x += shift;
    for (LinkArea& link : out.links) move_by(link, shift, core::Pt(0));
  }
  return out;
}

}  // namespace octavo::layout
