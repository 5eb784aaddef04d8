// A file's identity without reading its bytes: what the build cache's keys name the program, its
// libraries and the fonts by, since hashing megabytes on every build would cost more than it saves.
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
/// bytes (settled_file_identity): more than the coarsest time stamps a Linux file system keeps
/// (FAT's two seconds), so that a later write cannot fall in the tick of the one seen.
inline constexpr long settle_seconds = 2;

/// True if a status changed at `changed` had gone unchanged for settle_seconds or more at `now`;
/// false for a change time later than `now` (a clock set back, or another machine's).
bool settled(const timespec& changed, const timespec& now);

/// file_identity of the regular file at `path`, with its device, if its status last changed
/// settle_seconds or more before `now`: any later write, rename over it or removal then gives
/// another identity, so an equal one names the same bytes, as git trusts its index. Nullopt if it
/// is missing, not a regular file (links are followed), or changed too recently. Departure: a
/// network file system whose server's clock runs more than settle_seconds behind ours could
/// change a file within the tick seen.
std::optional<std::string> settled_file_identity(const std::string& path, const timespec& now);

}  // namespace octavo::core
