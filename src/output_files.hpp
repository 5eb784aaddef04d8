// Atomic replacement of the output books: each is written to a temporary file beside its
// target and renamed into place only when every book is complete, so a failure, a full disk or
// Ctrl-C leaves the previous books as they were and no temporary file behind.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace octavo {

class OutputFiles {
 public:
  OutputFiles();
  ~OutputFiles();  ///< removes every temporary file not yet committed
  OutputFiles(const OutputFiles&) = delete;
  OutputFiles& operator=(const OutputFiles&) = delete;

  /// Registers `target` and returns the temporary path to write it to (".<name>.<pid>.octavo-tmp" in the same folder,
  /// so the final rename never crosses file systems).
  std::string temporary_for(const std::string& target);
  /// Renames every temporary file onto its target. Returns false, with an error on `sink`, if a rename
  /// fails; the remaining temporaries are then removed. With `replaced`, each file a rename replaces
  /// is held open there, so that the system frees its space when the caller lets it go rather than
  /// during the rename (some 10 ms for a book of 12 MB).
  bool commit(core::DiagnosticSink& sink, std::vector<std::shared_ptr<const void>>* replaced = nullptr);

 private:
  struct Pending {
    std::string temporary;
    std::string target;
  };
  std::vector<Pending> pending_;
};

/// Installs SIGINT/SIGTERM/SIGHUP handlers that remove the temporary files of live OutputFiles and
/// exit with 128 + signal. Safe to call more than once.
void remove_temporaries_on_signal();

}  // namespace octavo
