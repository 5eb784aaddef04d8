#include "side_by_side.hpp"

#include <malloc.h>

#include <chrono>
#include <exception>
#include <future>
#include <system_error>
#include <utility>

#include "core/background_priority.hpp"

namespace octavo {
namespace {

// glibc gives each thread an arena of its own and, once the thread's blocks are freed, keeps most
// of that arena's pages resident: the EPUB of 10,000 articles left 139 MB so (malloc_stats, none
// of it in use) under the PDF's peak, which comes later. malloc_trim hands every arena's free
// pages back to the system. The octavo program allocates with mimalloc instead (CMakeLists.txt),
// where this call finds glibc's arenas empty: mimalloc gives a finished thread's pages back by
// itself, and the build of 10,000 articles peaked at 906 MB with it, against 965 MB with glibc's.
void release_free_pages() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

// The second writer's sink, used on the calling thread only (the sinks after it draw the progress
// line): holds its diagnostics until the first writer has finished and the first's have been
// forwarded, then passes them on as they come, so that a long PDF still reports while it runs.
class SecondSink final : public core::DiagnosticSink {
 public:
  SecondSink(std::future<bool>& first_done, const core::DiagnosticList& first_diagnostics, core::DiagnosticSink& sink,
             const std::function<bool()>& keep_second)
      : first_done_(first_done), first_diagnostics_(first_diagnostics), sink_(sink), keep_second_(keep_second) {}

  void report(core::Diagnostic diagnostic) override {
    if (!released_ && first_done_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) release();
    if (!released_) {
      held_.report(std::move(diagnostic));
    } else if (kept_) {
      sink_.report(std::move(diagnostic));
    }
  }

  /// Waits for the first writer, forwards its diagnostics, then those held unless `keep_second`
  /// says no. Once only. The future's readiness orders the first thread's writes before this read.
  void release() {
    if (released_) return;
    first_done_.wait();
    released_ = true;
    first_diagnostics_.report_to(sink_);
    kept_ = keep_second_();
    if (kept_) held_.report_to(sink_);
  }

  bool kept() const { return kept_; }

 private:
  std::future<bool>& first_done_;
  const core::DiagnosticList& first_diagnostics_;
  core::DiagnosticSink& sink_;
  const std::function<bool()>& keep_second_;
  core::DiagnosticList held_;
  bool released_ = false;
  bool kept_ = false;
};

}  // namespace

SideBySide run_side_by_side(const Writer& first, const Writer& second, core::DiagnosticSink& sink,
                            const std::function<bool()>& keep_second) {
  core::DiagnosticList first_diagnostics;
  // std::launch::async: a thread of its own, never deferred until get() (which would run the
  // writers one after the other). The future's get() joins it and rethrows what it threw.
  // It runs at background priority (core::lower_this_thread_priority): the PDF's end (links,
  // outline, saving) runs on the calling thread alone while the other core idles, and a lowered
  // EPUB yields its core to layout until then and finishes in that idle time. Cold builds of 500
  // articles 0.78 -> 0.76 s (15 alternated runs), of 10,000 18.8 -> 15.8 s at the same 904 MB
  // peak. (Before f3e1d9a made the EPUB's memory smaller, finishing it late put that memory on
  // top of the PDF's peak: 964 -> 1,144 MB at 10,000 articles; README, "Performance".)
  std::future<bool> first_done;
  try {
    first_done = std::async(std::launch::async, [&] {
      core::lower_this_thread_priority();
      const bool written = first(first_diagnostics);
      release_free_pages();
      return written;
    });
  } catch (const std::system_error&) {
    // The system gives no thread: one writer after the other, as the diagnostics' order already is,
    // and the second only if the first leaves the build going.
    SideBySide result;
    result.first = first(sink);
    result.second = keep_second() && second(sink);
    return result;
  }
  SecondSink second_sink(first_done, first_diagnostics, sink, keep_second);
  SideBySide result;
  std::exception_ptr second_failure;
  try {
    result.second = second(second_sink);
  } catch (...) {
    second_failure = std::current_exception();
  }
  first_done.wait();
  if (second_failure) std::rethrow_exception(second_failure);
  second_sink.release();  // before get(), which leaves the future without its state
  result.first = first_done.get();
  result.second = result.second && second_sink.kept();
  return result;
}

}  // namespace octavo
