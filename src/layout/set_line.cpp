#include "layout/set_line.hpp"

#include <algorithm>

namespace octavo::layout {
namespace {

// A span of boxes that one decoration covers on a line: a link's area, a strikethrough rule, a
// key's frame. Glue between boxes of the span is inside it; a box outside it closes it.
struct Span {
  bool open = false;
  core::Pt left, right;
  core::Pt top, bottom;  // from the baseline, y down: top negative
};

}  // namespace

SetLine set_line(const ItemList& list, const Line& line, core::Pt line_width, Alignment alignment,
                 const fonts::FontMetrics& metrics) {
  const std::vector<Item>& items = list.items;
  const bool spread = alignment == Alignment::justify && !line.ragged;
  const double ratio = spread || line.ratio < 0 ? line.ratio : 0;

  SetLine out;
  // A run per box at most, reserved at once: grown by doubling, a line's runs were allocated and
  // moved some six times over, the most frequent allocation of a whole build.
  out.runs.reserve(static_cast<std::size_t>(std::count_if(
      items.begin() + static_cast<std::ptrdiff_t>(line.begin), items.begin() + static_cast<std::ptrdiff_t>(line.end),
      [](const Item& item) { return item.kind == ItemKind::box; })));
  core::Pt x;
  bool previous_was_box = false;  // only penalties since the last box: same word
  int link_index = -1;
  Span link;
  auto close_link = [&]() {
    if (link_index < 0) return;
    const LinkTarget& target = list.links[static_cast<std::size_t>(link_index)];
    out.links.push_back({link.left, link.top, link.right, link.bottom, target.destination, target.uri});
    link_index = -1;
    link = {};
  };
  // Strikethrough: one rule from the first struck box to the last, at the first one's x-height.
  Span strike;
  core::Pt strike_thickness_now;
  auto close_strike = [&]() {
    if (!strike.open) return;
    out.rules.push_back({strike.left, strike.top, strike.right, strike.top, strike_thickness_now});
    strike = {};
  };
  // A key's frame: four hairlines round its boxes, the horizontal ones reaching over the corners.
  int key_index = -1;
  Span key;
  core::Pt key_thickness;
  auto close_key = [&]() {
    if (key_index < 0) return;
    const core::Pt half = key_thickness / 2;
    out.rules.push_back({key.left - half, key.top, key.right + half, key.top, key_thickness});
    out.rules.push_back({key.left - half, key.bottom, key.right + half, key.bottom, key_thickness});
    out.rules.push_back({key.left, key.top, key.left, key.bottom, key_thickness});
    out.rules.push_back({key.right, key.top, key.right, key.bottom, key_thickness});
    key_index = -1;
    key = {};
  };

  for (std::size_t i = line.begin; i < line.end; ++i) {
    const Item& item = items[i];
    if (item.kind == ItemKind::glue) {
      if (!item.fill) x += item.width + (ratio > 0 ? item.stretch * ratio : item.shrink * ratio);
      previous_was_box = false;
      continue;
    }
    if (item.kind == ItemKind::penalty) continue;
    if (item.marks >= 0) {
      const BoxMarks& marks = list.marks[static_cast<std::size_t>(item.marks)];
      out.anchors.insert(out.anchors.end(), marks.anchors.begin(), marks.anchors.end());
      out.notes.insert(out.notes.end(), marks.notes.begin(), marks.notes.end());
    }
    TextRun* last = out.runs.empty() ? nullptr : &out.runs.back();
    // Each box brings its own kerns (build_items measured it with them); none across boxes.
    if (previous_was_box && last != nullptr && last->face == item.face && last->size == item.size &&
        last->rise == item.rise) {
      const std::size_t offset = last->text.size();
      if (!item.unkerned) {
        for (fonts::Kern kern : metrics.kerning(item.face, item.text, item.size)) {
          kern.offset += offset;
          last->kerns.push_back(kern);
        }
      }
      last->text += item.text;
    } else {
      std::vector<fonts::Kern> kerns;
      if (!item.unkerned) kerns = metrics.kerning(item.face, item.text, item.size);
      TextRun run{item.face, item.size, x, core::Pt(0), item.text, std::move(kerns)};
      run.rise = item.rise;
      run.after_word_space = !previous_was_box && last != nullptr;
      out.runs.push_back(std::move(run));
    }
    previous_was_box = true;

    if (item.link != link_index) close_link();
    if (item.link >= 0) {
      if (link_index < 0) {
        link_index = item.link;
        link.left = x;
      }
      link.top = std::min(link.top, -(metrics.ascent(item.face, item.size) + item.rise));
      link.bottom = std::max(link.bottom, metrics.descent(item.face, item.size) - item.rise);
      link.right = x + item.width;
    }

    if (!item.strike) close_strike();
    if (item.strike) {
      if (!strike.open) {
        strike.open = true;
        strike.left = x;
        strike.top = -(item.rise + metrics.x_height(item.face, item.size) / 2);
        strike_thickness_now = item.size * strike_thickness;
      }
      strike.right = x + item.width;
    }

    if (item.key != key_index) close_key();
    if (item.key >= 0) {
      if (key_index < 0) {
        const core::Pt x_height = metrics.x_height(item.face, item.size);
        key_index = item.key;
        key.left = x;
        key.top = -(item.rise + x_height * key_frame_top);
        key.bottom = -item.rise + x_height * key_frame_bottom;
        key_thickness = item.size * key_frame_thickness;
      }
      key.right = x + item.width;
    }
    x += item.width;
    out.width = x;
  }
  // A line that ends at a hyphenation point shows the hyphen, in the face of the text before it.
  // Extractors (pdftotext, copy and paste) delete a line-final U+002D and join the word again.
  if (line.end < items.size() && items[line.end].flagged && !out.runs.empty()) {
    out.runs.back().text += '-';
    x += items[line.end].width;
    out.width = x;
    if (link_index >= 0) link.right = x;
    if (strike.open) strike.right = x;
    if (key_index >= 0) key.right = x;
  }
  close_link();
  close_strike();
  close_key();

  core::Pt shift;
  if (alignment == Alignment::centre) shift = (line_width - out.width) / 2;
  if (alignment == Alignment::right) shift = line_width - out.width;
  if (shift != core::Pt(0)) {
    for (TextRun& run : out.runs) run.x += shift;
    for (LinkArea& area : out.links) move_by(area, shift, core::Pt(0));
    for (Rule& rule : out.rules) {
      rule.x1 += shift;
      rule.x2 += shift;
    }
  }
  return out;
}

}  // namespace octavo::layout
