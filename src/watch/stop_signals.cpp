#include "watch/stop_signals.hpp"

#include <sys/signalfd.h>
#include <unistd.h>

#include <csignal>

namespace octavo::watch {

StopSignals::StopSignals() {
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  // SIGINT and SIGTERM are taken even when inherited as ignored (a background job of a script
  // ignores SIGINT): a blocked signal is queued whatever its disposition. SIGHUP only when it is
  // not ignored, so that `nohup octavo watch` outlives its terminal.
  struct sigaction hangup {};
  if (sigaction(SIGHUP, nullptr, &hangup) == 0 && hangup.sa_handler != SIG_IGN) sigaddset(&stop, SIGHUP);
  if (pthread_sigmask(SIG_BLOCK, &stop, nullptr) != 0) return;
  fd_ = signalfd(-1, &stop, SFD_NONBLOCK | SFD_CLOEXEC);
}

StopSignals::~StopSignals() {
  if (fd_ >= 0) close(fd_);
}

int StopSignals::take() {
  signalfd_siginfo info{};
  if (fd_ < 0 || read(fd_, &info, sizeof info) != static_cast<ssize_t>(sizeof info)) return 0;
  return static_cast<int>(info.ssi_signo);
}

}  // namespace octavo::watch
