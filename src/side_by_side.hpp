// Two writers at once: the EPUB writer on a thread of its own while layout and the PDF run on the
// calling thread. The diagnostics come out in a fixed order, the first writer's before the
// second's, whatever the scheduling.
#pragma once

#include <functional>

#include "core/diagnostics.hpp"

namespace octavo {

/// A writer: writes its book, reporting to the sink it is given; returns whether it succeeded.
using Writer = std::function<bool(core::DiagnosticSink&)>;

struct SideBySide {
  bool first = false;   ///< what `first` returned
  bool second = false;  ///< what `second` returned; false when its diagnostics were dropped
};

/// Runs `first` on a new thread and `second` on the calling one; both must only read what they
/// share. First's diagnostics are kept until it returns; second's are held until then too, and
/// on the first report after it (or when second returns) first's are forwarded to `sink`, then
/// `keep_second` is asked: if it says no (the build has already failed, so one writer after the
/// other would never have started `second`), second's diagnostics are dropped and its result is
/// false; else the held ones follow and later ones pass straight on. `sink` is used on the
/// calling thread only. An exception from either writer is rethrown once both have returned.
/// When `first` returns, its thread hands the free pages of every malloc arena back to the system,
/// so that what it freed does not stay resident under second's peak.
/// Where the system gives no thread, the writers run one after the other on the calling thread,
/// reporting to `sink` directly: `first`, then `second` only if `keep_second` says yes; an
/// exception from `first` then leaves `second` unrun.
SideBySide run_side_by_side(const Writer& first, const Writer& second, core::DiagnosticSink& sink,
                            const std::function<bool()>& keep_second);

}  // namespace octavo
