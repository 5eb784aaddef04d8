// The command line: flags → compile() → exit code. Nothing else lives here.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "compile.hpp"
#include "core/diagnostics.hpp"
#include "output_files.hpp"
#include "terminal_progress.hpp"

namespace {

constexpr int exit_usage = 2;

constexpr const char* usage_text =
    "usage: octavo build [CORPUS_DIR] [-o OUT_DIR] [--format epub|pdf|all] [--stats] [--strict] [-q]\n"
    "       octavo check [CORPUS_DIR] [--strict] [-q]\n"
    "       octavo --help | --version\n";

constexpr const char* help_text =
    "Octavo compiles a folder of articles (a corpus) into one EPUB 3 and one PDF, each with a title\n"
    "page, a disclaimer that the content is unreviewed, a table of contents, a source note after every\n"
    "article and a Sources appendix.\n"
    "\n"
    "Commands:\n"
    "  build [CORPUS_DIR]   compile the corpus (default: the current folder) into <slug>.epub and\n"
    "                       <slug>.pdf; the slug comes from book.toml or the book's title\n"
    "  check [CORPUS_DIR]   read and validate the corpus, print every diagnostic, write nothing\n"
    "\n"
    "Options:\n"
    "  -o, --output OUT_DIR    where the books go (default: ./out, or <corpus>-out beside the corpus\n"
    "                          when run from inside it; Octavo never writes into the corpus)\n"
    "  --format epub|pdf|all   which books to write (default: all)\n"
    "  --stats                 print figures on the PDF's layout to stdout: pages, lines, hyphenated\n"
    "                          lines and the longest run of them, mean and worst adjustment ratio of\n"
    "                          justified lines, overfull lines, widows, orphans, headings alone at a\n"
    "                          page's foot (the last four are 0 in a well-set book)\n"
    "  --strict                treat warnings as errors\n"
    "  -q, --quiet             print errors only\n"
    "  -h, --help              show this help\n"
    "  --version               show the version\n"
    "\n"
    "Diagnostics go to stderr as path:line:col: warning|error: message, paths relative to the corpus.\n"
    "Exit codes: 0 built (warnings allowed), 1 the input has errors (no book replaced), 2 usage error.\n"
    "Dates come from book.toml, else SOURCE_DATE_EPOCH, else the latest retrieval date, else 1970-01-01.\n";

// Prints diagnostics as they arrive; quiet mode keeps only errors.
class StderrSink final : public octavo::core::DiagnosticSink {
 public:
  explicit StderrSink(bool quiet) : quiet_(quiet) {}
  void report(octavo::core::Diagnostic diagnostic) override {
    if (quiet_ && diagnostic.severity == octavo::core::Severity::warning) return;
    std::cerr << octavo::core::format_diagnostic(diagnostic) << '\n';
  }

 private:
  bool quiet_;
};

int usage_error(const std::string& message) {
  std::cerr << "octavo: " << message << '\n' << usage_text;
  return exit_usage;
}

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
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("expected a command");
  if (args[0] == "-h" || args[0] == "--help") {
    std::cout << usage_text << '\n' << help_text;
    return 0;
  }
  if (args[0] == "--version") {
    std::cout << "octavo " << OCTAVO_VERSION << '\n';
    return 0;
  }
  const std::string command = args[0];
  if (command != "build" && command != "check") return usage_error("unknown command '" + command + "'");

  octavo::CompileOptions options;
  options.check_only = command == "check";
  options.version = OCTAVO_VERSION;
  bool quiet = false;
  bool corpus_given = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const auto next_value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
    if (arg == "-h" || arg == "--help") {
      std::cout << usage_text << '\n' << help_text;
      return 0;
    } else if (arg == "-q" || arg == "--quiet") {
      quiet = true;
    } else if (arg == "--stats" && !options.check_only) {
      options.stats = true;
    } else if (arg == "--strict") {
      options.strict = true;
    } else if ((arg == "-o" || arg == "--output") && !options.check_only) {
      const std::string* dir = next_value();
      if (!dir || dir->empty()) return usage_error("expected a folder after " + arg);
      options.output_dir = *dir;
    } else if (arg == "--format" && !options.check_only) {
      const std::string* format = next_value();
      if (!format) return usage_error("expected epub, pdf or all after --format");
      if (*format == "epub")
        options.formats = octavo::Formats::epub;
      else if (*format == "pdf")
        options.formats = octavo::Formats::pdf;
      else if (*format == "all")
        options.formats = octavo::Formats::all;
      else
        return usage_error("expected epub, pdf or all after --format, found '" + *format + "'");
    } else if (!arg.empty() && arg[0] == '-') {
      return usage_error("unknown option '" + arg + "' for " + command);
    } else if (!corpus_given) {
      options.corpus_dir = arg;
      corpus_given = true;
    } else {
      return usage_error("expected one corpus folder, found a second: '" + arg + "'");
    }
  }
  if (options.output_dir.empty()) options.output_dir = octavo::default_output_dir(options.corpus_dir);
  options.data_dir = find_data_dir(argv[0]);

  octavo::remove_temporaries_on_signal();
  StderrSink sink(quiet);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) options.source_date_epoch = epoch;
  // One updating line on long builds, only for a person watching: never into a file or pipe, nor with -q.
  octavo::TerminalProgress terminal_progress(std::cerr);
  octavo::core::Progress& progress =
      !quiet && ::isatty(STDERR_FILENO) ? terminal_progress : octavo::core::no_progress();
  const octavo::CompileResult result = octavo::compile(options, sink, progress);
  std::cout << result.stats;
  if (!quiet) {
    for (const std::string& path : result.written) std::cerr << "octavo: wrote " << path << '\n';
  }
  return result.exit_code;
}
