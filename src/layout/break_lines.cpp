#include "layout/break_lines.hpp"

#include <algorithm>
#include <optional>

namespace octavo::layout {
namespace {

// Rounding in sums of widths must not push a line that fits exactly onto the next one.
constexpr double tolerance = 1e-6;

struct Sums {
  core::Pt width;
  core::Pt stretch;
  core::Pt shrink;
  int fills = 0;
};

struct Break {
  std::size_t index = 0;
  Sums sums;
};

Line make_line(std::size_t begin, const Break& at, core::Pt target) {
  Line line;
  line.begin = begin;
  line.end = at.index;
  line.ragged = at.sums.fills > 0;
  const core::Pt natural = at.sums.width;
  if (natural < target) {
    // With fill glue on the line, finite glue keeps its natural width (The TeXbook, ch. 12).
    if (!line.ragged && at.sums.stretch > core::Pt(0)) line.ratio = (target - natural) / at.sums.stretch;
  } else if (natural > target && at.sums.shrink > core::Pt(0)) {
    // An overfull line shrinks as far as its glue allows and no further (ratio −1).
    line.ratio = std::max(-1.0, (target - natural) / at.sums.shrink);
  }
  return line;
}

}  // namespace

namespace {

// First-fit; with `rank`, a line ends at the best-ranked fitting break inside the window at its end
// (break_code_lines) rather than at the last fitting one.
std::vector<Line> break_first_fit(const std::vector<Item>& items, const LineWidths& widths, bool rank) {
  std::vector<Line> lines;
  const std::size_t count = items.size();
  std::size_t pos = 0;
  while (true) {
    // Knuth–Plass §3: glue and penalties after a break are discarded up to the next box.
    while (pos < count && items[pos].kind != ItemKind::box) ++pos;
    if (pos >= count) break;
    const core::Pt target = lines.empty() ? widths.first : widths.rest;
    const core::Pt window_start = target * (1 - code_break_window);
    Sums sums;
    std::optional<Break> best;
    std::optional<Break> ranked;
    int ranked_penalty = 0;
    // The end of the items counts as a forced break, for callers that did not close the paragraph.
    for (std::size_t i = pos; i <= count; ++i) {
      const Item* item = i < count ? &items[i] : nullptr;
      const bool legal = item == nullptr                   ? true
                         : item->kind == ItemKind::glue    ? items[i - 1].kind == ItemKind::box
                         : item->kind == ItemKind::penalty ? item->penalty < no_break
                                                           : false;
      if (legal) {
        Break here{i, sums};
        if (item != nullptr && item->kind == ItemKind::penalty) here.sums.width += item->width;
        // Width minus shrink only grows along the line, so the first break that does not fit
        // ends the search: first-fit takes the last one that did.
        const bool fits = (here.sums.width - here.sums.shrink).value <= target.value + tolerance;
        if (fits || !best) best = here;
        if (rank && fits && here.sums.width >= window_start) {
          // A forced break (and the end) ranks first: the line is done there anyway.
          const int penalty = item == nullptr ? forced_break : item->kind == ItemKind::penalty ? item->penalty : 0;
          if (!ranked || penalty <= ranked_penalty) {
            ranked = here;
            ranked_penalty = penalty;
          }
        }
        if (!fits || item == nullptr) break;
        if (item->kind == ItemKind::penalty && item->penalty <= forced_break) break;
      }
      switch (item->kind) {
        case ItemKind::box: sums.width += item->width; break;
        case ItemKind::glue:
          sums.width += item->width;
          sums.stretch += item->stretch;
          sums.shrink += item->shrink;
          if (item->fill) ++sums.fills;
          break;
        case ItemKind::penalty: break;
      }
    }
    const Break& chosen = ranked ? *ranked : *best;
    lines.push_back(make_line(pos, chosen, target));
    pos = chosen.index + 1;
  }
  return lines;
}

}  // namespace

std::vector<Line> break_lines(const std::vector<Item>& items, const LineWidths& widths) {
  return break_first_fit(items, widths, false);
}

std::vector<Line> break_code_lines(const std::vector<Item>& items, const LineWidths& widths) {
  return break_first_fit(items, widths, true);
}

std::string line_text(const std::vector<Item>& items, const Line& line) {
  std::string text;
  for (std::size_t i = line.begin; i < line.end; ++i) {
    const Item& item = items[i];
    if (item.kind == ItemKind::box) text += item.text;
    if (item.kind == ItemKind::glue && !item.fill) text += ' ';
  }
  if (line.end < items.size() && items[line.end].flagged) text += '-';
  return text;
}

}  // namespace octavo::layout
