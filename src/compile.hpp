// The pipeline: corpus folder → import → transforms → EPUB writer, and layout → PDF writer.
// One call per stage, each commented; main.cpp only turns flags into CompileOptions.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/progress.hpp"
#include "import/kept_text_articles.hpp"
#include "style/loaded_patterns.hpp"

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
};

struct CompileResult {
  int exit_code = 0;                 ///< 0 built or checked, 1 the input has errors (nothing replaced)
  std::vector<std::string> written;  ///< paths of the books written, in order
  std::string stats;                 ///< layout::format_stats of the PDF; empty unless asked and laid out
  /// What the build is done with but has not freed: the book's model, the PDF's writing (fonts,
  /// libharu's document, the cache's packs) and the books it replaced, held open. Freeing them
  /// took some 30 ms of a rebuild of 1,000 articles (the kernel frees a replaced book's pages when
  /// its last descriptor closes), so the caller lets them go when that delays nothing: `octavo
  /// build` never, its heap going back to the system at its exit; `octavo watch` after its
  /// status line.
  std::vector<std::shared_ptr<const void>> left_over;
};

/// What `octavo watch` keeps from one build of its process to the next: only what a build would
/// make again the very same from the same files, checked against them before it is used.
struct KeptBetweenBuilds {
  style::LoadedPatterns patterns;          ///< the hyphenation patterns loaded, by their file's bytes
  import::KeptTextArticles text_articles;  ///< the plain-text articles read, by their text or file's identity
};

/// Runs the whole pipeline. Never throws for bad input: everything goes to `sink`. The stages
/// report to `progress`, which is hidden before each diagnostic and when compile returns. With
/// `kept`, the build uses what earlier builds kept there and keeps what it makes for the next;
/// its books are the same either way. One build at a time may use it.
CompileResult compile(const CompileOptions& options, core::DiagnosticSink& sink,
                      core::Progress& progress = core::no_progress(), KeptBetweenBuilds* kept = nullptr);

/// The default output folder: "out" in the working directory, or "<corpus>-out" beside the
/// corpus when the working directory is inside the corpus (Octavo never writes into a corpus).
std::string default_output_dir(const std::string& corpus_dir);

}  // namespace octavo
