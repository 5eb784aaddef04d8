// The command line: the arguments after the program's name → what to do (build, check or watch a
// corpus, print the help or the version) or a usage error. main.cpp runs the result through compile().
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "compile.hpp"

namespace octavo {

/// How diagnostics reach stderr: with the source line and a caret, or one line each for tools.
enum class DiagnosticForm { full, short_form };

struct CommandLine {
  /// compile: build or check (options.check_only); watch: build, then again on every change.
  enum class Action { compile, watch, help, version };
  Action action = Action::compile;
  /// corpus_dir, output_dir (empty when not given: the caller picks the default), formats,
  /// check_only, strict, stats, jobs and cache; the rest is left for the caller.
  CompileOptions options;
  bool quiet = false;
  DiagnosticForm diagnostics = DiagnosticForm::full;
};

/// What is wrong, without the "octavo: " prefix: "unknown command 'biuld'; did you mean 'build'?".
struct UsageError {
  std::string message;
};

/// Parses `args` (argv without the program's name). An option takes its value as the next
/// argument or after '=' (--format=pdf), and -o and -j also joined (-oDIR, -j2); "--" ends the
/// options. options.jobs is core::default_jobs() unless --jobs gives it.
/// A UsageError for no command, an unknown command or option (naming the nearest known one when
/// it is close), a missing or bad value, an option the command does not take, or a second corpus.
std::variant<CommandLine, UsageError> parse_command_line(const std::vector<std::string>& args);

/// The usage lines, printed after every usage error; ends with a newline.
std::string_view usage_text();

/// What --help prints after usage_text and a blank line; ends with a newline.
std::string_view help_text();

}  // namespace octavo
