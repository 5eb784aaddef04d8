// The progress of a long build as one line on a terminal, rewritten in place with '\r' and
// cleared at the end: "Laying out    412/1,000 articles". main.cpp uses it only when stderr is a
// terminal and -q is not given; the pipeline stages report to it through core::Progress.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include "core/progress.hpp"

namespace octavo {

/// `count` with a comma between groups of three digits, whatever the locale: "1,234,567"; "0" for 0.
std::string group_thousands(std::size_t count);

/// The text of the progress line: the stage, two spaces, `done` right-aligned to the width of
/// `total`, then "/total unit" ("Laying out    12/1,000 articles"); the stage alone when `total` is 0.
std::string progress_line(std::string_view stage, std::size_t done, std::size_t total, std::string_view unit);

class TerminalProgress final : public core::Progress {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  /// Draws on `out` (stderr), reading the time from `now` (a fake one in tests). Nothing is drawn
  /// in the first half second after construction, so quick builds print what they always did.
  explicit TerminalProgress(std::ostream& out, Clock now = std::chrono::steady_clock::now);
  ~TerminalProgress() override;  ///< hides the line
  TerminalProgress(const TerminalProgress&) = delete;
  TerminalProgress& operator=(const TerminalProgress&) = delete;

  void stage(std::string_view name, std::size_t total, std::string_view unit) override;
  void advance(std::size_t count = 1) override;  // the same default as core::Progress
  void hide() override;

 private:
  /// Draws unless within the first half second, or within a tenth of a second of the last draw
  /// when this is not a `milestone` (a stage's start or completion).
  void draw_if_due(bool milestone = false);

  std::ostream& out_;
  Clock now_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool drawn_ = false;  ///< whether the line was ever drawn (last_draw_ is meaningless before)
  std::string stage_;
  std::string unit_;
  std::size_t total_ = 0;
  std::size_t done_ = 0;
  std::size_t shown_width_ = 0;  ///< columns the line covers on the terminal now; 0 when hidden
};

}  // namespace octavo
