#include "core/file_identity.hpp"

namespace octavo::core {
namespace {

std::string time_text(const timespec& time) { return std::to_string(time.tv_sec) + "." + std::to_string(time.tv_nsec); }

}  // namespace

std::string file_identity(const struct stat& status) {
  return std::to_string(status.st_size) + " " + time_text(status.st_mtim) + " " + time_text(status.st_ctim) + " " +
         std::to_string(status.st_ino);
}

}  // namespace octavo::core
