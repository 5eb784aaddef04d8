// The pipeline: corpus folder → import → transforms → EPUB writer, and layout → PDF writer.
// One call per stage, each commented; main.cpp only turns flags into CompileOptions.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/progress.hpp"

namespace octavo {

enum class Formats { all, epub, pdf };

struct CompileOptions {
  std::string corpus_dir = ".";
  std::string output_dir;  ///< where the books go; must not be inside the corpus
  Formats formats = Formats::all;
  bool check_only = false;  ///< read and validate, write nothing
  bool strict = false;      ///< warnings count as errors
  bool stats = false;       ///< report the PDF's layout figures in CompileResult::stats
  std::size_t jobs = 1;     ///< threads that read plain-text articles and lay out the PDF's; 1: this one alone
  /// Keep each article's set lines in <output_dir>/.octavo-cache between builds, and use them
  /// when nothing they depend on changed (the books are the same either way).
  bool cache = true;
  std::string source_date_epoch;  ///< the SOURCE_DATE_EPOCH variable's text; empty when unset
  std::string data_dir;           ///< the folder holding fonts/ and styles/
  std::string version;            ///< Octavo's version, for the books' generator metadata
  /// The process ends when compile returns (`octavo build`, not `watch`): the book's model, and
  /// the PDF's writing once the PDF is saved, are left to the system then, not freed one by one
  /// (core::keep_until_exit).
  bool exits_after = false;
};

struct CompileResult {
  int exit_code = 0;                 ///< 0 built or checked, 1 the input has errors (nothing replaced)
  std::vector<std::string> written;  ///< paths of the books written, in order
  std::string stats;                 ///< layout::format_stats of the PDF; empty unless asked and laid out
};

/// Runs the whole pipeline. Never throws for bad input: everything goes to `sink`. The stages
/// report to `progress`, which is hidden before each diagnostic and when compile returns.
CompileResult compile(const CompileOptions& options, core::DiagnosticSink& sink,
                      core::Progress& progress = core::no_progress());

/// The default output folder: "out" in the working directory, or "<corpus>-out" beside the
/// corpus when the working directory is inside the corpus (Octavo never writes into a corpus).
std::string default_output_dir(const std::string& corpus_dir);

}  // namespace octavo
