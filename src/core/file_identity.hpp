// A file's identity without reading its bytes: what the build cache's keys name the program, its
// libraries and the fonts by, since hashing megabytes on every build would cost more than it saves.
#pragma once

#include <sys/stat.h>

#include <string>

namespace octavo::core {

/// "SIZE MTIME CTIME INODE" from a file's status, the times in seconds and nanoseconds. Writing
/// the file changes both times, another file renamed into its place changes the inode, and no
/// tool sets a status-change time back (`touch -d` and `cp -p` set only the modification time).
/// The times move with the kernel's clock tick (a few milliseconds): two writes of the same size
/// within one tick of the status being read are the one change it can miss.
std::string file_identity(const struct stat& status);

}  // namespace octavo::core
