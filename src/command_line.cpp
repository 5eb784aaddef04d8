#include "command_line.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <span>

#include "core/ordered_pool.hpp"
#include "core/suggestion.hpp"

namespace octavo {

namespace {

constexpr std::string_view usage =
    "usage: octavo build [CORPUS_DIR] [-o OUT_DIR] [--format epub|pdf|all] [--stats]\n"
    "                    [--jobs N] [--no-cache] [--strict] [-q] [--diagnostics full|short]\n"
    "       octavo check [CORPUS_DIR] [--strict] [-q] [--diagnostics full|short]\n"
    "       octavo watch [CORPUS_DIR] [-o OUT_DIR] [--format epub|pdf|all] [--stats]\n"
    "                    [--jobs N] [--no-cache] [--strict] [-q] [--diagnostics full|short]\n"
    "       octavo help [COMMAND] | --help | --version\n";

constexpr std::string_view help =
    "Octavo compiles a folder of articles (a corpus) into one EPUB 3 and one PDF, each with a title\n"
    "page, a disclaimer that the content is unreviewed, a table of contents, a source note after every\n"
    "article and a Sources appendix.\n"
    "\n"
    "Commands:\n"
    "  build [CORPUS_DIR]   compile the corpus (default: the current folder) into <slug>.epub and\n"
    "                       <slug>.pdf; the slug comes from book.toml or the book's title\n"
    "  check [CORPUS_DIR]   read and validate the corpus, print every diagnostic, write nothing\n"
    "  watch [CORPUS_DIR]   build, then build again whenever a file of the corpus changes, with one\n"
    "                       line per build; a failed build keeps the last good books; Ctrl-C stops\n"
    "  help [COMMAND]       show this help\n"
    "\n"
    "Options:\n"
    "  -o, --output OUT_DIR       where the books go (default: ./out, or <corpus>-out beside the\n"
    "                             corpus when run from inside it; Octavo never writes into the corpus)\n"
    "  --format epub|pdf|all      which books to write (default: all)\n"
    "  --stats                    print figures on the PDF's layout to stdout: articles set anew (not\n"
    "                             taken from the cache), pages, lines, hyphenated lines and the\n"
    "                             longest run of them, mean and worst adjustment ratio of justified\n"
    "                             lines, overfull lines, widows, orphans, headings alone at a page's\n"
    "                             foot (the last four are 0 in a well-set book)\n"
    "  -j, --jobs N               read plain-text articles and lay out the PDF's articles on N\n"
    "                             threads (default: the number of cores, at most 8; 1: no extra\n"
    "                             thread); the books are the same whatever N is\n"
    "  --no-cache                 set every article anew; without it, each article's laid-out lines\n"
    "                             are kept in OUT_DIR/.octavo-cache and reused while nothing they\n"
    "                             depend on changes (the books are the same either way)\n"
    "  --strict                   treat warnings as errors\n"
    "  -q, --quiet                print errors only\n"
    "  --diagnostics full|short   full (the default): each diagnostic with its source line and a caret\n"
    "                             under the column; short: one line each, for tools\n"
    "  -h, --help                 show this help\n"
    "  --version                  show the version\n"
    "A value follows its option or an '=' (--format=pdf, --output=OUT_DIR), and -o's and -j's may be\n"
    "joined to it (-oOUT_DIR, -j2). '--' ends the options, for a corpus folder whose name starts with '-'.\n"
    "\n"
    "Diagnostics go to stderr, paths relative to the corpus:\n"
    "  book.toml:2:12: error: expected a BCP 47 language tag such as 'en' or 'en-GB', found 'en_US'\n"
    "    |\n"
    "  2 | language = \"en_US\"\n"
    "    |            ^\n"
    "    = hint: did you mean 'en-US'?\n"
    "With --diagnostics=short, only the first line and an indented 'hint:' line. A diagnostic with\n"
    "no line, or whose file is not in the corpus, is always one line.\n"
    "Exit codes: 0 built (warnings allowed), 1 the input has errors (no book replaced), 2 usage error.\n"
    "Dates come from book.toml, else SOURCE_DATE_EPOCH, else the latest retrieval date, else 1970-01-01.\n";

// More threads than cores only take turns; a typing slip (--jobs 1000) should not start a thousand.
constexpr std::size_t max_jobs = 64;

constexpr std::array<std::string_view, 4> command_names{"build", "check", "watch", "help"};

struct OptionSpec {
  std::string_view name;        // the long form
  std::string_view short_name;  // empty when there is none
  bool takes_value = false;
  bool build_only = false;  // for build and watch, not check
};

constexpr std::array<OptionSpec, 9> option_specs{{
    {"--output", "-o", true, true},
    {"--format", "", true, true},
    {"--stats", "", false, true},
    {"--jobs", "-j", true, true},
    {"--no-cache", "", false, true},
    {"--strict", "", false, false},
    {"--quiet", "-q", false, false},
    {"--diagnostics", "", true, false},
    {"--help", "-h", false, false},
}};

// Every spelling of every option, for suggestions; --version only counts before a command.
constexpr std::array<std::string_view, 14> option_spellings{
    "--output",      "--format", "--stats", "--jobs", "--no-cache", "--strict", "--quiet",
    "--diagnostics", "--help",   "-o",      "-j",     "-q",         "-h",       "--version"};

CommandLine asking(CommandLine::Action action) {
  CommandLine line;
  line.action = action;
  return line;
}

const OptionSpec* find_option(std::string_view spelling) {
  for (const OptionSpec& spec : option_specs) {
    if (spelling == spec.name || (!spec.short_name.empty() && spelling == spec.short_name)) return &spec;
  }
  return nullptr;
}

// `message`, and "; did you mean '…'?" when one of `candidates` is near `word`.
UsageError with_suggestion(std::string message, std::string_view word, std::span<const std::string_view> candidates) {
  if (std::optional<std::string> nearest = core::nearest_word(word, candidates)) {
    message += "; did you mean '" + *nearest + "'?";
  }
  return {std::move(message)};
}

// `octavo help [COMMAND]`: the help names every command, so any of them (or none) is fine.
std::variant<CommandLine, UsageError> parse_help(const std::vector<std::string>& args) {
  if (args.size() > 2) return UsageError{"expected at most one command after help, found a second: '" + args[2] + "'"};
  if (args.size() == 2 && std::find(command_names.begin(), command_names.end(), args[1]) == command_names.end()) {
    return with_suggestion("unknown command '" + args[1] + "'", args[1], command_names);
  }
  return asking(CommandLine::Action::help);
}

// Stores the value of a value-taking option; a UsageError when it is missing or not allowed.
std::optional<UsageError> apply_value(const OptionSpec& spec, const std::string& spelling,
                                      const std::optional<std::string>& value, CommandLine& line) {
  if (spec.name == "--output") {
    if (!value || value->empty()) return UsageError{"expected a folder after " + spelling};
    line.options.output_dir = *value;
    return std::nullopt;
  }
  if (spec.name == "--format") {
    constexpr std::array<std::string_view, 3> formats{"epub", "pdf", "all"};
    constexpr std::string_view expected = "expected epub, pdf or all after --format";
    if (!value) return UsageError{std::string(expected)};
    if (*value == "epub") {
      line.options.formats = Formats::epub;
    } else if (*value == "pdf") {
      line.options.formats = Formats::pdf;
    } else if (*value == "all") {
      line.options.formats = Formats::all;
    } else {
      return with_suggestion(std::string(expected) + ", found '" + *value + "'", *value, formats);
    }
    return std::nullopt;
  }
  if (spec.name == "--jobs") {
    const std::string expected =
        "expected a number of threads from 1 to " + std::to_string(max_jobs) + " after " + spelling;
    if (!value) return UsageError{expected};
    std::size_t jobs = 0;
    const char* end = value->data() + value->size();
    const auto [stop, error] = std::from_chars(value->data(), end, jobs);
    if (value->empty() || error != std::errc() || stop != end || jobs < 1 || jobs > max_jobs) {
      return UsageError{expected + ", found '" + *value + "'"};
    }
    line.options.jobs = jobs;
    return std::nullopt;
  }
  // --diagnostics
  constexpr std::array<std::string_view, 2> forms{"full", "short"};
  constexpr std::string_view expected = "expected full or short after --diagnostics";
  if (!value) return UsageError{std::string(expected)};
  if (*value == "full") {
    line.diagnostics = DiagnosticForm::full;
  } else if (*value == "short") {
    line.diagnostics = DiagnosticForm::short_form;
  } else {
    return with_suggestion(std::string(expected) + ", found '" + *value + "'", *value, forms);
  }
  return std::nullopt;
}

}  // namespace

std::string_view usage_text() { return usage; }
std::string_view help_text() { return help; }

std::variant<CommandLine, UsageError> parse_command_line(const std::vector<std::string>& args) {
  if (args.empty()) return UsageError{"expected a command"};
  const std::string& command = args[0];
  if (command == "-h" || command == "--help") return asking(CommandLine::Action::help);
  if (command == "--version") return asking(CommandLine::Action::version);
  if (command.size() > 1 && command[0] == '-') {
    if (find_option(command.substr(0, command.find('='))) != nullptr) {
      return UsageError{"expected a command (build, check, watch or help) before '" + command + "'"};
    }
    return with_suggestion("unknown option '" + command + "'", command, option_spellings);
  }
  if (command == "help") return parse_help(args);
  if (command != "build" && command != "check" && command != "watch") {
    return with_suggestion("unknown command '" + command + "'", command, command_names);
  }

  // watch takes build's options: it runs the same build, again and again.
  CommandLine line;
  line.options.check_only = command == "check";
  line.options.jobs = core::default_jobs();
  if (command == "watch") line.action = CommandLine::Action::watch;
  bool corpus_given = false;
  bool options_ended = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_ended || arg.size() < 2 || arg[0] != '-') {  // "-" alone is a folder's name
      if (corpus_given) return UsageError{"expected one corpus folder, found a second: '" + arg + "'"};
      line.options.corpus_dir = arg;
      corpus_given = true;
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    // The option's spelling, and a value given in the same argument: --name=value, -oDIR.
    std::string spelling = arg;
    std::optional<std::string> value;
    if (arg.starts_with("--")) {
      if (const std::size_t equals = arg.find('='); equals != std::string::npos) {
        spelling = arg.substr(0, equals);
        value = arg.substr(equals + 1);
      }
    } else if ((arg.starts_with("-o") || arg.starts_with("-j")) && arg.size() > 2 &&
               find_option("-" + arg) == nullptr) {
      // "-output" is a slip for "--output", not -o with the folder "utput"; -j2 is make's spelling.
      spelling = arg.substr(0, 2);
      value = arg.substr(2);
    }
    const OptionSpec* spec = find_option(spelling);
    if (spec == nullptr) {
      return with_suggestion("unknown option '" + spelling + "'", spelling,
                             std::span(option_spellings).first(option_spellings.size() - 1));
    }
    if (spec->build_only && line.options.check_only)
      return UsageError{"option '" + spelling + "' is for build and watch only"};
    if (!spec->takes_value) {
      if (value) return UsageError{"expected no value for " + spelling + ", found '" + *value + "'"};
      if (spec->name == "--help") return asking(CommandLine::Action::help);
      if (spec->name == "--quiet") line.quiet = true;
      if (spec->name == "--stats") line.options.stats = true;
      if (spec->name == "--no-cache") line.options.cache = false;
      if (spec->name == "--strict") line.options.strict = true;
      continue;
    }
    if (!value && i + 1 < args.size()) value = args[++i];
    if (std::optional<UsageError> error = apply_value(*spec, spelling, value, line)) return *error;
  }
  return line;
}

}  // namespace octavo
