#include "core/file_identity.hpp"

#include <doctest/doctest.h>

using namespace octavo;

namespace {

struct stat status_of(off_t size, long modified, long changed, ino_t inode) {
  struct stat status {};
  status.st_size = size;
  status.st_mtim = {modified, 5};
  status.st_ctim = {changed, 7};
  status.st_ino = inode;
  return status;
}

}  // namespace

TEST_SUITE("core.file_identity") {
  TEST_CASE("size, both times to the nanosecond, and inode") {
    CHECK(core::file_identity(status_of(611904, 1700000000, 1700000001, 42)) == "611904 1700000000.5 1700000001.7 42");
  }

  TEST_CASE("each of them alone tells two files apart") {
    const std::string base = core::file_identity(status_of(10, 100, 200, 3));
    CHECK(core::file_identity(status_of(11, 100, 200, 3)) != base);  // another size
    CHECK(core::file_identity(status_of(10, 101, 200, 3)) != base);  // written, or touched
    CHECK(core::file_identity(status_of(10, 100, 201, 3)) != base);  // written, its time set back
    CHECK(core::file_identity(status_of(10, 100, 200, 4)) != base);  // another file renamed over it
  }
}
