#include "terminal_progress.hpp"

#include <algorithm>
#include <utility>

namespace octavo {

namespace {

// A build shorter than this shows no line at all: a flash of text that vanishes at once would
// only be noise (cargo and ninja wait similarly before showing theirs).
constexpr std::chrono::milliseconds show_after{500};

// At most ten draws a second, plus one when a stage starts and one when it is complete (so that
// a stage whose last steps came too soon after a draw, or one with nothing to count, still
// shows): often enough to look alive, rarely enough that writing to the terminal costs nothing
// measurable. Every report reads the clock (steady_clock::now, about 26 ns
// through the vDSO, measured on the development machine); reports come per article or per page,
// never from inner loops, so a 1,500-article build reads it some 11,000 times: well under 1 ms.
constexpr std::chrono::milliseconds redraw_interval{100};

}  // namespace

std::string group_thousands(std::size_t count) {
  const std::string digits = std::to_string(count);
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string progress_line(std::string_view stage, std::size_t done, std::size_t total, std::string_view unit) {
  std::string line(stage);
  if (total == 0) return line;
  const std::string of = group_thousands(total);
  const std::string so_far = group_thousands(std::min(done, total));
  // Right-aligned, so that the line does not jitter as the count grows.
  line.append(2 + of.size() - std::min(of.size(), so_far.size()), ' ');
  // Appended piece by piece: GCC 12 at -O3 reports a false -Wrestrict on `so_far + "/" + of`.
  line += so_far;
  line += '/';
  line += of;
  if (!unit.empty()) {
    line += ' ';
    line += unit;
  }
  return line;
}

TerminalProgress::TerminalProgress(std::ostream& out, Clock now) : out_(out), now_(std::move(now)), start_(now_()) {}

TerminalProgress::~TerminalProgress() { hide(); }

void TerminalProgress::stage(std::string_view name, std::size_t total, std::string_view unit) {
  stage_ = name;
  unit_ = unit;
  total_ = total;
  done_ = 0;
  draw_if_due(true);
}

void TerminalProgress::advance(std::size_t count) {
  if (stage_.empty()) return;
  done_ += count;
  draw_if_due(total_ > 0 && done_ == total_);
}

// Only '\r' and spaces, no escape sequences: they work on every terminal, even TERM=dumb. Each
// draw is one write, so that nothing else can land in the middle of the line.
void TerminalProgress::hide() {
  if (shown_width_ == 0) return;
  out_ << '\r' + std::string(shown_width_, ' ') + '\r' << std::flush;
  shown_width_ = 0;
}

void TerminalProgress::draw_if_due(bool milestone) {
  const std::chrono::steady_clock::time_point now = now_();
  if (now - start_ < show_after || (!milestone && drawn_ && now - last_draw_ < redraw_interval)) return;
  const std::string line = progress_line(stage_, done_, total_, unit_);
  // Spaces cover what a longer earlier line left (a stage with a longer name or total).
  out_ << '\r' + line + std::string(shown_width_ - std::min(shown_width_, line.size()), ' ') << std::flush;
  shown_width_ = std::max(shown_width_, line.size());
  last_draw_ = now;
  drawn_ = true;
}

}  // namespace octavo
