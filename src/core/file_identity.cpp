#include "core/file_identity.hpp"

namespace octavo::core {
namespace {

std::string time_text(const timespec& time) { return std::to_string(time.tv_sec) + "." + std::to_string(time.tv_nsec); }

}  // namespace

std::string file_identity(const struct stat& status) {
  return std::to_string(status.st_size) + " " + time_text(status.st_mtim) + " " + time_text(status.st_ctim) + " " +
         std::to_string(status.st_ino);
}

bool status_settled(const timespec& changed, const timespec& now) {
  if (now.tv_sec - changed.tv_sec != settle_seconds) return now.tv_sec - changed.tv_sec > settle_seconds;
  return now.tv_nsec >= changed.tv_nsec;
}

std::optional<std::string> settled_file_identity(const std::string& path, const timespec& now) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) return std::nullopt;
  // The status-change time, not the modification time: every write, rename and `touch -d` sets it
  // to the kernel's clock, and no tool sets it back.
  if (!status_settled(status.st_ctim, now)) return std::nullopt;
  return file_identity(status) + " " + std::to_string(status.st_dev);
}

}  // namespace octavo::core
