// The command line: flags → compile() → exit code. Nothing else lives here.
#include <unistd.h>

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
#include "output_files.hpp"
#include "terminal_progress.hpp"

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

  octavo::remove_temporaries_on_signal();
  const octavo::core::DiskFileSystem corpus(options.corpus_dir);
  octavo::core::SourceExcerpts excerpts(corpus);
  StderrSink sink(command.quiet, command.diagnostics == octavo::DiagnosticForm::full ? &excerpts : nullptr);
  // One updating line on long builds, only for a person watching: never into a file or pipe, nor with -q.
  octavo::TerminalProgress terminal_progress(std::cerr);
  octavo::core::Progress& progress =
      !command.quiet && ::isatty(STDERR_FILENO) ? terminal_progress : octavo::core::no_progress();
  const octavo::CompileResult result = octavo::compile(options, sink, progress);
  std::cout << result.stats;
  if (!command.quiet) {
    for (const std::string& path : result.written) std::cerr << "octavo: wrote " << path << '\n';
  }
  return result.exit_code;
}
