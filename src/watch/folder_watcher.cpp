#include "watch/folder_watcher.hpp"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "watch/change_filter.hpp"

namespace octavo::watch {
namespace {

namespace fs = std::filesystem;

// The events that can change what a build reads. A write counts when the file is closed
// (IN_CLOSE_WRITE), not at each write (IN_MODIFY), so a build does not start on a half-written
// file; IN_ATTRIB is `touch` and chmod. IN_DELETE_SELF and IN_MOVE_SELF tell that the root is gone.
constexpr std::uint32_t watched_events = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                                         IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;

std::string absolute_normal(const std::string& path) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return canonical.lexically_normal().string();
}

}  // namespace

FolderWatcher::FolderWatcher(const std::string& root, const std::string& skipped, core::DiagnosticSink& sink)
    : root_(absolute_normal(root)), root_as_given_(root), skipped_(skipped.empty() ? "" : absolute_normal(skipped)) {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) {
    sink.error({root_as_given_, 0, 0}, std::string("cannot watch the corpus: ") + std::strerror(errno));
    return;
  }
  if (!add_watch(root_, true, sink)) return;
  ok_ = watch_tree(root_, sink);
}

FolderWatcher::~FolderWatcher() {
  if (fd_ >= 0) close(fd_);
}

bool FolderWatcher::watch_folder(const std::string& folder) {
  if (fd_ < 0) return false;
  const int watch = inotify_add_watch(fd_, folder.c_str(), watched_events);
  if (watch < 0) return false;
  folders_[watch] = absolute_normal(folder);
  return true;
}

bool FolderWatcher::add_watch(const std::string& folder, bool is_root, core::DiagnosticSink& sink) {
  // Below the root, a link to a folder is not followed: the corpus reader does not follow it either.
  const int watch = inotify_add_watch(fd_, folder.c_str(), watched_events | (is_root ? 0 : IN_DONT_FOLLOW));
  if (watch < 0) {
    if (!is_root && (errno == ENOENT || errno == ENOTDIR)) return true;  // gone again, or a link
    const std::string shown = is_root ? root_as_given_ : fs::path(folder).lexically_relative(root_).string();
    if (is_root && errno == ENOENT) {
      sink.error({shown, 0, 0}, "corpus folder not found");  // as compile() says it
    } else if (errno == ENOSPC) {
      sink.error({shown, 0, 0}, "cannot watch the folder: the limit of inotify watches is reached",
                 "raise the sysctl fs.inotify.max_user_watches");
    } else {
      sink.error({shown, 0, 0}, std::string("cannot watch the folder: ") + std::strerror(errno));
    }
    return false;
  }
  folders_[watch] = folder;
  if (is_root) root_watch_ = watch;
  return true;
}

bool FolderWatcher::watch_tree(const std::string& folder, core::DiagnosticSink& sink) {
  bool all = true;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    std::error_code status_ec;
    if (!entry.is_directory(status_ec) || entry.is_symlink(status_ec)) continue;
    const std::string path = entry.path().lexically_normal().string();
    if (is_ignored_name(entry.path().filename().string()) || is_inside_folder(path, skipped_)) {
      it.disable_recursion_pending();
      continue;
    }
    // inotify_add_watch on a folder already watched returns its descriptor again: a rescan is harmless.
    all = add_watch(path, false, sink) && all;
  }
  return all;
}

FolderWatcher::Changes FolderWatcher::read_changes(core::DiagnosticSink& sink) {
  Changes changes;
  bool new_folders = false;
  alignas(inotify_event) char buffer[16 * 1024];
  for (;;) {
    const ssize_t length = read(fd_, buffer, sizeof buffer);
    if (length <= 0) break;  // EAGAIN: nothing more waiting
    for (ssize_t offset = 0; offset < length;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + offset);
      offset += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      if (event->mask & IN_Q_OVERFLOW) {  // events were lost: rebuild, and look for new folders
        changes.rebuild = true;
        new_folders = true;
        continue;
      }
      if (event->wd == root_watch_ && (event->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED))) {
        changes.root_gone = true;
        continue;
      }
      if (event->mask & IN_IGNORED) {  // a folder below was removed: its watch is gone
        folders_.erase(event->wd);
        continue;
      }
      const auto folder = folders_.find(event->wd);
      if (folder == folders_.end() || event->len == 0) continue;  // a removed folder's own events
      const std::string name(event->name);                        // NUL-padded
      const std::string path = folder->second + "/" + name;
      if (is_ignored_name(name) || is_inside_folder(path, skipped_)) continue;
      changes.rebuild = true;
      if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO))) new_folders = true;
    }
  }
  // A folder's files may have been written before its watch was added: the rebuild that follows reads them.
  if (new_folders && !changes.root_gone) watch_tree(root_, sink);
  return changes;
}

}  // namespace octavo::watch
