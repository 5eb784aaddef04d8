// The Linux adapter of `octavo watch`: inotify on the corpus folder and every folder below it (new
// ones as they appear), and on single folders such as the styles. The only user of <sys/inotify.h>.
#pragma once

#include <map>
#include <string>

#include "core/diagnostics.hpp"

namespace octavo::watch {

class FolderWatcher {
 public:
  /// Watches `root` and every folder below it but hidden ones and `skipped` (the output folder;
  /// empty for none). When inotify or a watch cannot be had, an error goes to `sink` and ok() is
  /// false.
  FolderWatcher(const std::string& root, const std::string& skipped, core::DiagnosticSink& sink);
  ~FolderWatcher();
  FolderWatcher(const FolderWatcher&) = delete;
  FolderWatcher& operator=(const FolderWatcher&) = delete;

  bool ok() const { return ok_; }
  /// Also watches the files of `folder`, not its subfolders; false (and nothing said) when it
  /// cannot be watched, as when it does not exist.
  bool watch_folder(const std::string& folder);
  /// The descriptor to poll for reading; -1 when !ok().
  int descriptor() const { return fd_; }

  struct Changes {
    bool rebuild = false;    ///< a change that may matter to a build
    bool root_gone = false;  ///< the root folder was removed or moved away
  };
  /// Reads every event waiting, without blocking, and watches the folders that have appeared.
  /// Errors (the limit of watches reached) go to `sink`; the other folders stay watched.
  Changes read_changes(core::DiagnosticSink& sink);

 private:
  /// Watches `folder` and the folders below it; false when a watch failed (said on `sink`).
  bool watch_tree(const std::string& folder, core::DiagnosticSink& sink);
  bool add_watch(const std::string& folder, bool is_root, core::DiagnosticSink& sink);

  int fd_ = -1;
  bool ok_ = false;
  std::string root_;           ///< absolute and normal
  std::string root_as_given_;  ///< for diagnostics
  std::string skipped_;        ///< absolute and normal; empty for none
  int root_watch_ = -1;
  std::map<int, std::string> folders_;  ///< watch descriptor → absolute folder
};

}  // namespace octavo::watch
