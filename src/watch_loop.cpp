#include "watch_loop.hpp"

#include <poll.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>

#include "watch/debounce.hpp"
#include "watch/folder_watcher.hpp"
#include "watch/stop_signals.hpp"

namespace octavo {
namespace {

using Clock = watch::Debounce::Clock;

// An editor's save is a burst of events a few milliseconds apart (write, rename, change of mode);
// 150 ms of quiet ends it, and is below what a person waiting for the book notices.
constexpr auto quiet_after_change = std::chrono::milliseconds(150);
// A tool that never pauses (a script writing many files) still gets a rebuild every second.
constexpr auto longest_burst = std::chrono::seconds(1);

std::string counted(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Runs the build and prints its status line; the time is the build's alone, not the wait before.
// What the build left over is freed after the line, with the outcome.
void build_and_report(const WatchSetup& setup, const std::function<BuildOutcome()>& build, std::ostream& status,
                      bool first) {
  const Clock::time_point start = Clock::now();
  const BuildOutcome outcome = build();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (setup.quiet && outcome.ok) return;
  status << "octavo: " << build_status_line(outcome, seconds, first) << std::endl;
}

// Milliseconds for poll(): -1 waits without limit; rounded up, so that a wake-up is never early.
int poll_timeout(const std::optional<Clock::duration>& wait) {
  if (!wait) return -1;
  return static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(*wait).count());
}

}  // namespace

std::string build_status_line(const BuildOutcome& outcome, double seconds, bool first) {
  std::array<char, 32> time{};
  std::snprintf(time.data(), time.size(), "%.2f s", seconds);
  if (!outcome.ok) {
    // With --strict, warnings alone fail a build.
    std::string why = outcome.errors > 0 || outcome.warnings == 0 ? counted(outcome.errors, "error", "errors")
                                                                  : counted(outcome.warnings, "warning", "warnings");
    return "build failed in " + std::string(time.data()) + " (" + why + "); the last good books are kept";
  }
  std::string line =
      std::string(first ? "built" : "rebuilt") + " in " + time.data() + ": " + counted(outcome.books, "book", "books");
  if (outcome.warnings > 0) line += ", " + counted(outcome.warnings, "warning", "warnings");
  return line;
}

int watch_corpus(const WatchSetup& setup, watch::StopSignals& stop, const std::function<BuildOutcome()>& build,
                 core::DiagnosticSink& sink, std::ostream& status) {
  if (stop.descriptor() < 0) {
    sink.error({}, "cannot take SIGINT and SIGTERM to stop watching");
    return 1;
  }
  watch::FolderWatcher watcher(setup.corpus_dir, setup.output_dir, sink);
  if (!watcher.ok()) return 1;
  watcher.watch_folder(setup.styles_dir);

  build_and_report(setup, build, status, true);
  if (!setup.quiet) status << "octavo: watching " << setup.corpus_dir << " for changes; Ctrl-C stops" << std::endl;

  watch::Debounce debounce(quiet_after_change, longest_burst);
  for (;;) {
    std::array<pollfd, 2> ready{{{stop.descriptor(), POLLIN, 0}, {watcher.descriptor(), POLLIN, 0}}};
    if (poll(ready.data(), ready.size(), poll_timeout(debounce.wait(Clock::now()))) < 0 && errno != EINTR) {
      sink.error({}, "cannot wait for changes to the corpus");
      return 1;
    }
    // A stop signal wins over any change: it ends the loop between builds.
    if ((ready[0].revents & POLLIN) && stop.take() != 0) return 0;
    if (ready[1].revents & POLLIN) {
      const watch::FolderWatcher::Changes changes = watcher.read_changes(sink);
      if (changes.root_gone) {
        sink.error({setup.corpus_dir, 0, 0}, "the corpus folder was removed or moved; stopped watching");
        return 1;
      }
      if (changes.rebuild) debounce.change(Clock::now());
    }
    if (debounce.wait(Clock::now()) == Clock::duration::zero()) {
      debounce.clear();  // changes from now on make another build
      build_and_report(setup, build, status, false);
    }
  }
}

}  // namespace octavo
