// A file's identity without reading its bytes: what the build cache's keys name the program, its
// libraries and the fonts by, and `octavo watch` its unchanged articles (once settled), since
// reading and hashing every file on every build would cost more than it saves.
#pragma once

#include <sys/stat.h>
#include <time.h>

#include <optional>
#include <string>

namespace octavo::core {

/// "SIZE MTIME CTIME INODE" from a file's status, the times in seconds and nanoseconds. Writing
/// the file changes both times, another file renamed into its place changes the inode, and no
/// tool sets a status-change time back (`touch -d` and `cp -p` set only the modification time).
/// The times move with the kernel's clock tick (a few milliseconds): two writes of the same size
/// within one tick of the status being read are the one change it can miss.
std::string file_identity(const struct stat& status);

/// How long a file's status must have gone unchanged before its identity is trusted to name its
/// bytes (settled_file_identity): at least the coarsest time stamps a Linux file system keeps
/// (FAT's two seconds, rounded down), so that a later write cannot fall in the tick of the one seen.
inline constexpr long settle_seconds = 2;

/// True if a status changed at `changed` had gone unchanged for settle_seconds or more at `now`;
/// false for a change time later than `now` (a clock set back, or another machine's).
bool status_settled(const timespec& changed, const timespec& now);

/// file_identity of the regular file at `path`, with its device, if its status last changed
/// settle_seconds or more before `now`: on a local Linux file system a later write, a rename over
/// it or its removal then gives another identity, so an equal one names the same bytes, as git
/// trusts its index. Nullopt if it is missing, not a regular file (links are followed), or changed
/// too recently. Departures: a network file system answering from its attribute cache or whose
/// server's clock runs behind ours, a system clock set back by more than settle_seconds, and stores
/// through a shared memory mapping, which move the times only when the kernel next notes the page
/// written. A change made while a reader reads is seen by taking the identity again after it.
std::optional<std::string> settled_file_identity(const std::string& path, const timespec& now);

}  // namespace octavo::core
