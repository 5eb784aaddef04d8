// The command line: flags → compile() (on a thread with the heap in large pages, heap_pages.hpp) →
// exit code, or flags → watch_corpus() around compile().
// Nothing else lives here.
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <variant>
#include <vector>

#include "command_line.hpp"
#include "compile.hpp"
#include "core/diagnostics.hpp"
#include "core/file_system.hpp"
#include "core/source_excerpt.hpp"
#include "heap_pages.hpp"
#include "output_files.hpp"
#include "terminal_progress.hpp"
#include "watch/stop_signals.hpp"
#include "watch_loop.hpp"

namespace {

constexpr int exit_usage = 2;

// Prints diagnostics as they arrive, with their source excerpt unless the short form was asked
// for; quiet mode keeps only errors.
class StderrSink final : public octavo::core::DiagnosticSink {
 public:
  StderrSink(bool quiet, octavo::core::SourceExcerpts* excerpts) : quiet_(quiet), excerpts_(excerpts) {}
  void report(octavo::core::Diagnostic diagnostic) override {
    if (quiet_ && diagnostic.severity == octavo::core::Severity::warning) return;
    std::cerr << (excerpts_ ? excerpts_->format(diagnostic) : octavo::core::format_diagnostic(diagnostic)) << '\n';
  }

 private:
  bool quiet_;
  octavo::core::SourceExcerpts* excerpts_;  // null: the one-line form
};

// fonts/ and styles/: $OCTAVO_DATA_DIR, else share/octavo beside an installed binary, else the
// source tree this binary was built from.
std::string find_data_dir(const char* argv0) {
  if (const char* from_env = std::getenv("OCTAVO_DATA_DIR"); from_env && *from_env) return from_env;
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::filesystem::path installed = (ec ? std::filesystem::path(argv0) : exe).parent_path() / "../share/octavo";
  if (std::filesystem::is_directory(installed / "fonts", ec)) return installed.string();
  return OCTAVO_SOURCE_DATA_DIR;
}

}  // namespace

int main(int argc, char** argv) {
  // A file grown past the size limit (RLIMIT_FSIZE, `ulimit -f`) then fails its write with EFBIG,
  // reported as any failed write (the book named, its temporary removed, the earlier books kept),
  // where SIGXFSZ ended the process without a word and left its temporaries behind.
  std::signal(SIGXFSZ, SIG_IGN);
  const auto parsed = octavo::parse_command_line(std::vector<std::string>(argv + 1, argv + argc));
  if (const auto* error = std::get_if<octavo::UsageError>(&parsed)) {
    std::cerr << "octavo: " << error->message << '\n' << octavo::usage_text();
    return exit_usage;
  }
  const octavo::CommandLine& command = std::get<octavo::CommandLine>(parsed);
  if (command.action == octavo::CommandLine::Action::help) {
    std::cout << octavo::usage_text() << '\n' << octavo::help_text();
    return 0;
  }
  if (command.action == octavo::CommandLine::Action::version) {
    std::cout << "octavo " << OCTAVO_VERSION << '\n';
    return 0;
  }

  octavo::CompileOptions options = command.options;
  options.version = OCTAVO_VERSION;
  if (options.output_dir.empty()) options.output_dir = octavo::default_output_dir(options.corpus_dir);
  options.data_dir = find_data_dir(argv[0]);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) options.source_date_epoch = epoch;

  // One updating line on long builds, only for a person watching: never into a file or pipe, nor with -q.
  const bool show_progress = !command.quiet && ::isatty(STDERR_FILENO);
  const bool full_form = command.diagnostics == octavo::DiagnosticForm::full;

  if (command.action == octavo::CommandLine::Action::watch) {
    // Each build is `octavo build`'s compile(), with its own excerpts: the files may have changed;
    // what a build would make again the same from unchanged files is kept between them.
    octavo::KeptBetweenBuilds kept;
    const auto build = [&] {
      // A new progress line too: its quiet first half second counts from this build's start.
      octavo::TerminalProgress terminal_progress(std::cerr);
      octavo::core::Progress& progress = show_progress ? terminal_progress : octavo::core::no_progress();
      // The corpus as this build finds it, as compile() does: its folder may be a link changed since.
      const octavo::core::DiskFileSystem files(options.corpus_dir);
      octavo::core::SourceExcerpts excerpts(files);
      StderrSink printing(command.quiet, full_form ? &excerpts : nullptr);
      octavo::core::CountingSink counting(printing);
      octavo::CompileResult result = octavo::compile(options, counting, progress, &kept);
      std::cout << result.stats << std::flush;
      return octavo::BuildOutcome{result.exit_code == 0, result.written.size(), counting.errors(), counting.warnings(),
                                  std::move(result.left_over)};
    };
    StderrSink sink(command.quiet, nullptr);
    const std::string styles_dir = (std::filesystem::path(options.data_dir) / "styles").string();
    // First, before any thread is started: every thread inherits the blocked stop signals.
    octavo::watch::StopSignals stop;
    // The builds run with their heap in large pages, as one build does, on the thread started for
    // that; mimalloc keeps those pages between builds, so that a rebuild finds its memory mapped
    // (heap_pages.hpp).
    int exit_code = 1;
    octavo::run_with_large_heap_pages([&] {
      exit_code = octavo::watch_corpus({options.corpus_dir, options.output_dir, styles_dir, command.quiet}, stop, build,
                                       sink, std::cerr);
    });
    return exit_code;
  }

  octavo::remove_temporaries_on_signal();
  octavo::TerminalProgress terminal_progress(std::cerr);
  octavo::core::Progress& progress = show_progress ? terminal_progress : octavo::core::no_progress();
  const octavo::core::DiskFileSystem corpus(options.corpus_dir);
  octavo::core::SourceExcerpts excerpts(corpus);
  StderrSink sink(command.quiet, full_form ? &excerpts : nullptr);
  // One build, then the process exits: its heap in large pages.
  octavo::CompileResult result;
  octavo::run_with_large_heap_pages([&] {
    result = octavo::compile(options, sink, progress);
    std::cout << result.stats;
    if (!command.quiet) {
      for (const std::string& path : result.written) std::cerr << "octavo: wrote " << path << '\n';
    }
    // Everything is written and said: the process ends here, its memory left to the system.
    octavo::exit_leaving_heap(result.exit_code);
  });
  return result.exit_code;
}
