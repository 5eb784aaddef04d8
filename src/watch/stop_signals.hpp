// SIGINT, SIGTERM and SIGHUP as a descriptor to poll (signalfd), so that `octavo watch` stops
// between builds and exits cleanly: no handler runs. The only user of <sys/signalfd.h>.
#pragma once

namespace octavo::watch {

class StopSignals {
 public:
  /// Blocks the signals in the calling thread, which threads started later inherit: construct it
  /// before any. SIGHUP is left alone when it is ignored (nohup). descriptor() is -1 on failure.
  StopSignals();
  /// Closes the descriptor. The signals stay blocked: the program is about to end, and a second
  /// Ctrl-C must not kill it while it cleans up.
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  int descriptor() const { return fd_; }
  /// The signal waiting, consumed; 0 when none is.
  int take();

 private:
  int fd_ = -1;
};

}  // namespace octavo::watch
