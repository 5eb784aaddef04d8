#include "layout/paginate.hpp"

namespace octavo::layout {
namespace {

// Rounding in sums of heights must not push a line that fits exactly onto the next page.
constexpr double tolerance = 1e-6;

// The height of the lines a page opened by `line` starts with (FlowLine::repeated_head), as
// place_lines stacks them; 0 for none.
core::Pt repeated_head_height(const FlowLine& line) {
  core::Pt height;
  if (line.repeated_head == nullptr) return height;
  const std::vector<FlowLine>& head = *line.repeated_head;
  for (std::size_t i = 0; i < head.size(); ++i) height += (i > 0 ? head[i].space_before : core::Pt(0)) + head[i].height;
  return height;
}

}  // namespace

std::vector<std::size_t> find_page_breaks(const std::vector<FlowLine>& lines, core::Pt capacity) {
  std::vector<std::size_t> starts;
  const std::size_t count = lines.size();
  std::size_t start = 0;
  while (start < count) {
    starts.push_back(start);
    // A table's head, repeated above the row that opens the page, takes its share first.
    core::Pt used = repeated_head_height(lines[start]);
    // A page may end before these lines: freely, or by breaking only weak keeps. `start` means
    // nowhere yet.
    std::size_t last_free = start;
    std::size_t last_weak = start;
    std::size_t next = start;
    for (; next < count; ++next) {
      const FlowLine& line = lines[next];
      if (next > start && line.break_before) break;
      const core::Pt needed = (next > start ? line.space_before : core::Pt(0)) + line.height;
      if (next > start && (used + needed).value > capacity.value + tolerance) {
        // Back up to the last line a page may end after; the lines kept with it move on. Each
        // line is looked at again at most once, on the next page, so the whole is linear.
        if (last_free > start) {
          next = last_free;
        } else if (last_weak > start) {
          next = last_weak;
        }
        break;
      }
      used += needed;
      if (line.keep == Keep::none) last_free = next + 1;
      if (line.keep != Keep::strong) last_weak = next + 1;
    }
    start = next;
  }
  return starts;
}

core::Pt place_lines(Page& page, std::vector<FlowLine>& lines, std::size_t begin, std::size_t end, core::Pt left,
                     core::Pt top) {
  std::size_t runs = page.runs.size();
  for (std::size_t i = begin; i < end; ++i) runs += lines[i].runs.size();
  page.runs.reserve(runs);
  core::Pt y;
  for (std::size_t i = begin; i < end; ++i) {
    FlowLine& line = lines[i];
    if (i > begin) y += line.space_before;
    const core::Pt line_top = top + y;
    for (TextRun& run : line.runs) {
      run.x += left;
      run.baseline += line_top;
      page.runs.push_back(std::move(run));
    }
    for (Rule& rule : line.rules) {
      rule.x1 += left;
      rule.x2 += left;
      rule.y1 += line_top;
      rule.y2 += line_top;
      page.rules.push_back(rule);
    }
    for (LinkArea& link : line.links) {
      move_by(link, left, line_top);
      page.links.push_back(std::move(link));
    }
    for (Anchor& anchor : line.anchors) {
      anchor.y += line_top;
      page.anchors.push_back(std::move(anchor));
    }
    for (ImageBox& image : line.images) {
      image.x += left;
      image.y += line_top;
      page.images.push_back(std::move(image));
    }
    y += line.height;
  }
  return y;
}

std::vector<Page> paginate(std::vector<FlowLine> lines, const PageStyle& style, bool first_is_recto,
                           LayoutStats* stats) {
  const std::vector<std::size_t> starts = find_page_breaks(lines, style.body_height);
  if (stats != nullptr) tally_flow(lines, starts, *stats);
  std::vector<Page> pages;
  pages.reserve(starts.size());
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : lines.size();
    const bool recto = (k % 2 == 0) == first_is_recto;
    Page page;
    page.width = style.page_width;
    page.height = style.page_height;
    const core::Pt left = recto ? style.margin_inner : style.margin_outer;
    core::Pt top = style.margin_top;
    if (lines[starts[k]].repeated_head != nullptr) {
      std::vector<FlowLine> head = *lines[starts[k]].repeated_head;
      top += place_lines(page, head, 0, head.size(), left, top);
    }
    place_lines(page, lines, starts[k], end, left, top);
    pages.push_back(std::move(page));
  }
  return pages;
}

}  // namespace octavo::layout
