#include <doctest/doctest.h>

#include <string>
#include <variant>
#include <vector>

#include "command_line.hpp"
#include "core/ordered_pool.hpp"

using octavo::CommandLine;
using octavo::DiagnosticForm;
using octavo::Formats;

namespace {

// The parsed command line; fails the test if it is a usage error.
CommandLine parsed(const std::vector<std::string>& args) {
  auto result = octavo::parse_command_line(args);
  if (const auto* error = std::get_if<octavo::UsageError>(&result)) FAIL("usage error: " << error->message);
  return std::get<CommandLine>(result);
}

// The usage error's message; empty (and the test fails) if the line parsed.
std::string usage_error(const std::vector<std::string>& args) {
  auto result = octavo::parse_command_line(args);
  if (const auto* error = std::get_if<octavo::UsageError>(&result)) return error->message;
  FAIL("parsed without a usage error");
  return {};
}

}  // namespace

TEST_SUITE("pipeline.command_line") {
  TEST_CASE("build with its defaults, and check") {
    const CommandLine build = parsed({"build"});
    CHECK(build.action == CommandLine::Action::compile);
    CHECK(build.options.corpus_dir == ".");
    CHECK(build.options.output_dir == "");
    CHECK(build.options.formats == Formats::all);
    CHECK_FALSE(build.options.check_only);
    CHECK_FALSE(build.quiet);
    CHECK(build.diagnostics == DiagnosticForm::full);
    const CommandLine check = parsed({"check", "books", "--strict", "-q"});
    CHECK(check.options.check_only);
    CHECK(check.options.corpus_dir == "books");
    CHECK(check.options.strict);
    CHECK(check.quiet);
  }

  TEST_CASE("a value follows its option, an '=', or -o directly") {
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"build", "c", "-o", "out dir", "--format", "pdf"},
                                               {"build", "c", "--output", "out dir", "--format=pdf"},
                                               {"build", "c", "--output=out dir", "--format", "pdf"},
                                               {"build", "-oout dir", "c", "--format=pdf"}}) {
      const CommandLine line = parsed(args);
      CHECK(line.options.corpus_dir == "c");
      CHECK(line.options.output_dir == "out dir");
      CHECK(line.options.formats == Formats::pdf);
    }
    CHECK(parsed({"build", "--format=epub"}).options.formats == Formats::epub);
    CHECK(parsed({"build", "--format=pdf", "--format=all"}).options.formats == Formats::all);
    CHECK(parsed({"build", "--output=a=b"}).options.output_dir == "a=b");
    CHECK(parsed({"check", "--diagnostics=short"}).diagnostics == DiagnosticForm::short_form);
    CHECK(parsed({"build", "--diagnostics", "short", "--diagnostics=full"}).diagnostics == DiagnosticForm::full);
    CHECK(parsed({"build", "--stats"}).options.stats);
    CHECK(parsed({"build", "--quiet"}).quiet);
  }

  TEST_CASE("--jobs takes a number of threads, 1 to 64, and defaults to the machine's cores") {
    CHECK(parsed({"build"}).options.jobs == octavo::core::default_jobs());
    CHECK(parsed({"build", "--jobs", "1"}).options.jobs == 1);
    CHECK(parsed({"build", "--jobs=5"}).options.jobs == 5);
    CHECK(parsed({"build", "-j", "64"}).options.jobs == 64);
    CHECK(parsed({"build", "-j2"}).options.jobs == 2);
    CHECK(usage_error({"build", "--jobs"}) == "expected a number of threads from 1 to 64 after --jobs");
    CHECK(usage_error({"build", "--jobs=0"}) == "expected a number of threads from 1 to 64 after --jobs, found '0'");
    CHECK(usage_error({"build", "-j65"}) == "expected a number of threads from 1 to 64 after -j, found '65'");
    CHECK(usage_error({"build", "--jobs=2x"}) == "expected a number of threads from 1 to 64 after --jobs, found '2x'");
    CHECK(usage_error({"build", "--jobs=-1"}) == "expected a number of threads from 1 to 64 after --jobs, found '-1'");
    CHECK(usage_error({"build", "--jobs="}) == "expected a number of threads from 1 to 64 after --jobs, found ''");
    CHECK(usage_error({"check", "--jobs=2"}) == "option '--jobs' is for build and watch only");
  }

  TEST_CASE("'--' ends the options, and '-' alone is a folder's name") {
    CHECK(parsed({"build", "--", "-odd"}).options.corpus_dir == "-odd");
    CHECK(parsed({"check", "-"}).options.corpus_dir == "-");
  }

  TEST_CASE("help, --help and --version") {
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{{"help"},
                                                                                      {"help", "build"},
                                                                                      {"help", "check"},
                                                                                      {"help", "help"},
                                                                                      {"--help"},
                                                                                      {"-h"},
                                                                                      {"build", "-h"},
                                                                                      {"check", "x", "--help"}}) {
      CAPTURE(args.size());
      CHECK(parsed(args).action == CommandLine::Action::help);
    }
    CHECK(parsed({"--version"}).action == CommandLine::Action::version);
    CHECK(usage_error({"help", "nonsense"}) == "unknown command 'nonsense'");
    CHECK(usage_error({"help", "chekc"}) == "unknown command 'chekc'; did you mean 'check'?");
    CHECK(usage_error({"help", "build", "check"}) ==
          "expected at most one command after help, found a second: 'check'");
  }

  TEST_CASE("an unknown command or option names the nearest one when it is close") {
    CHECK(usage_error({}) == "expected a command");
    CHECK(usage_error({"biuld"}) == "unknown command 'biuld'; did you mean 'build'?");
    CHECK(usage_error({"compile"}) == "unknown command 'compile'");
    CHECK(usage_error({"build", "--fromat", "pdf"}) == "unknown option '--fromat'; did you mean '--format'?");
    CHECK(usage_error({"build", "--fromat=pdf"}) == "unknown option '--fromat'; did you mean '--format'?");
    CHECK(usage_error({"check", "--quite"}) == "unknown option '--quite'; did you mean '--quiet'?");
    CHECK(usage_error({"build", "-format", "pdf"}) == "unknown option '-format'; did you mean '--format'?");
    CHECK(usage_error({"build", "-output", "out"}) == "unknown option '-output'; did you mean '--output'?");
    CHECK(usage_error({"build", "--bogus"}) == "unknown option '--bogus'");
    CHECK(usage_error({"build", "-x"}) == "unknown option '-x'");
    CHECK(usage_error({"build", "--version"}) == "unknown option '--version'");
    CHECK(usage_error({"--verison"}) == "unknown option '--verison'; did you mean '--version'?");
    CHECK(usage_error({"--format", "pdf", "build"}) ==
          "expected a command (build, check, watch or help) before '--format'");
  }

  TEST_CASE("missing and bad values") {
    CHECK(usage_error({"build", "-o"}) == "expected a folder after -o");
    CHECK(usage_error({"build", "--output="}) == "expected a folder after --output");
    CHECK(usage_error({"build", "--format"}) == "expected epub, pdf or all after --format");
    CHECK(usage_error({"build", "--format", "docx"}) == "expected epub, pdf or all after --format, found 'docx'");
    CHECK(usage_error({"build", "--format=pfd"}) ==
          "expected epub, pdf or all after --format, found 'pfd'; did you mean 'pdf'?");
    CHECK(usage_error({"build", "--diagnostics=shrot"}) ==
          "expected full or short after --diagnostics, found 'shrot'; did you mean 'short'?");
    CHECK(usage_error({"build", "--diagnostics"}) == "expected full or short after --diagnostics");
    CHECK(usage_error({"build", "--stats=yes"}) == "expected no value for --stats, found 'yes'");
    CHECK(usage_error({"build", "a", "b"}) == "expected one corpus folder, found a second: 'b'");
  }

  TEST_CASE("watch takes build's options, with the same parser") {
    const CommandLine plain = parsed({"watch"});
    CHECK(plain.action == CommandLine::Action::watch);
    CHECK(plain.options.corpus_dir == ".");
    CHECK(plain.options.output_dir == "");
    CHECK_FALSE(plain.options.check_only);
    const CommandLine full =
        parsed({"watch", "books", "-oout", "--format=pdf", "--stats", "--strict", "-q", "--diagnostics", "short"});
    CHECK(full.action == CommandLine::Action::watch);
    CHECK(full.options.corpus_dir == "books");
    CHECK(full.options.output_dir == "out");
    CHECK(full.options.formats == Formats::pdf);
    CHECK(full.options.stats);
    CHECK(full.options.strict);
    CHECK(full.quiet);
    CHECK(full.diagnostics == DiagnosticForm::short_form);
    CHECK(parsed({"watch", "--", "-odd"}).options.corpus_dir == "-odd");
    CHECK(parsed({"watch", "--help"}).action == CommandLine::Action::help);
    CHECK(parsed({"help", "watch"}).action == CommandLine::Action::help);
    CHECK(usage_error({"wacth"}) == "unknown command 'wacth'; did you mean 'watch'?");
    CHECK(usage_error({"help", "wtach"}) == "unknown command 'wtach'; did you mean 'watch'?");
    CHECK(usage_error({"watch", "--fromat=pdf"}) == "unknown option '--fromat'; did you mean '--format'?");
    CHECK(usage_error({"watch", "a", "b"}) == "expected one corpus folder, found a second: 'b'");
    CHECK(usage_error({"watch", "-o"}) == "expected a folder after -o");
  }

  TEST_CASE("options that only build takes are refused by check") {
    CHECK(usage_error({"check", "--format=pdf"}) == "option '--format' is for build and watch only");
    CHECK(usage_error({"check", "-oout"}) == "option '-o' is for build and watch only");
    CHECK(usage_error({"check", "--stats"}) == "option '--stats' is for build and watch only");
  }

  TEST_CASE("the help names every option and form the parser takes") {
    const std::string text = std::string(octavo::usage_text()) + std::string(octavo::help_text());
    for (const char* spelling :
         {"help [COMMAND]", "watch [CORPUS_DIR]", "-o, --output OUT_DIR", "--format epub|pdf|all", "--stats",
          "-j, --jobs N", "-j2", "--strict", "-q, --quiet", "--diagnostics full|short", "-h, --help", "--version",
          "--format=pdf", "--output=OUT_DIR", "-oOUT_DIR", "--diagnostics=short"}) {
      CAPTURE(spelling);
      CHECK(text.find(spelling) != std::string::npos);
    }
  }
}
