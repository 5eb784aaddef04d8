// `octavo watch`: build the books, then build them again whenever the corpus changes, until SIGINT
// or SIGTERM. Each build is the caller's (main.cpp: the same compile() as `octavo build`, where a
// cache can slot in); a failed build replaces no book (output_files.hpp).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace octavo {

namespace watch {
class StopSignals;
}

/// What one build did, for its status line.
struct BuildOutcome {
  bool ok = false;         ///< the books were written (compile's exit code 0)
  std::size_t books = 0;   ///< how many were written
  std::size_t errors = 0;  ///< diagnostics of the build, by severity
  std::size_t warnings = 0;
  /// What the build left to be freed (CompileResult::left_over): let go after the status line,
  /// so that the time it reports, and the wait for it, leave that out.
  std::vector<std::shared_ptr<const void>> left_over;
};

/// The status line of a build that took `seconds`, without "octavo: " and the newline:
/// "built in 1.20 s: 2 books" (the first build), "rebuilt in 0.42 s: 2 books, 1 warning", and
/// "build failed in 0.10 s (2 errors); the last good books are kept" when !outcome.ok.
std::string build_status_line(const BuildOutcome& outcome, double seconds, bool first);

struct WatchSetup {
  std::string corpus_dir;
  std::string output_dir;  ///< not watched when it lies inside the corpus
  std::string styles_dir;  ///< its files are watched too (not its subfolders); may not exist
  bool quiet = false;      ///< status lines of failed builds only
};

/// Runs `build`, then again once each burst of changes has settled, printing "octavo: " and a
/// status line to `status` after each, until a stop signal arrives through `stop`: returns 0
/// then, after the build under way (if any) has ended. `stop` must have been made before the
/// process started any thread, so that every thread blocks the signals and only this loop sees
/// them; the loop may run on any thread. Returns 1, with an error on `sink`, when the signals
/// cannot be taken or the corpus cannot be watched or goes away.
int watch_corpus(const WatchSetup& setup, watch::StopSignals& stop, const std::function<BuildOutcome()>& build,
                 core::DiagnosticSink& sink, std::ostream& status);

}  // namespace octavo
