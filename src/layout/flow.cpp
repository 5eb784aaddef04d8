#include "layout/flow.hpp"

#include <algorithm>
#include <cmath>

namespace octavo::layout {

core::Pt space_to_grid(core::Pt used, core::Pt step, core::Pt minimum) {
  if (step <= core::Pt(0)) return minimum;
  // A hair of tolerance, so that a total already on the grid is not pushed a whole step on.
  const double steps = std::ceil(((used + minimum) / step) - 1e-9);
  return step * steps - used;
}

void Flow::add_space(core::Pt space) { space_ = std::max(space_, space); }

void Flow::add_anchor(std::string name) { anchors_.push_back(std::move(name)); }

void Flow::add_marker(std::vector<TextRun> runs) {
  for (TextRun& run : runs) markers_.push_back(std::move(run));
}

void Flow::keep_next_lines(int count) { keeps_ = std::max(keeps_, count); }

void Flow::allow_break() {
  keeps_ = 0;
  if (!lines_.empty()) lines_.back().keep = Keep::none;
}

void Flow::add_line(FlowLine line) {
  line.space_before = std::max(line.space_before, space_);
  space_ = core::Pt(0);
  if (break_pending_) line.break_before = true;
  break_pending_ = false;
  for (std::string& name : anchors_) line.anchors.push_back({std::move(name), core::Pt(0)});
  anchors_.clear();
  for (TextRun& run : markers_) {
    run.baseline = line.baseline;
    line.runs.push_back(std::move(run));
  }
  markers_.clear();
  if (keeps_ > 0) {
    line.keep = std::max(line.keep, Keep::weak);
    --keeps_;
  }
  lines_.push_back(std::move(line));
}

void Flow::add_lines(std::vector<FlowLine> lines) {
  for (FlowLine& line : lines) add_line(std::move(line));
}

std::vector<FlowLine> Flow::finish() {
  if (!anchors_.empty() || !markers_.empty()) add_line(FlowLine{});
  if (!lines_.empty()) lines_.back().keep = Keep::none;
  keeps_ = 0;
  return std::move(lines_);
}

}  // namespace octavo::layout
