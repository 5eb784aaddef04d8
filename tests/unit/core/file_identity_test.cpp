#include "core/file_identity.hpp"

#include <doctest/doctest.h>

#include <time.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "core/file_system.hpp"

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

  TEST_CASE("a status is settled from settle_seconds after its change, never before, never from the future") {
    const timespec changed{1700000000, 500};
    CHECK_FALSE(core::settled(changed, {1700000000, 500}));
    CHECK_FALSE(core::settled(changed, {1700000000 + core::settle_seconds, 499}));
    CHECK(core::settled(changed, {1700000000 + core::settle_seconds, 500}));
    CHECK(core::settled(changed, {1700000000 + core::settle_seconds + 1, 0}));
    CHECK_FALSE(core::settled(changed, {1699999990, 0}));  // a change time after now
  }

  TEST_CASE("a file's settled identity: none while it may still change, one that changes with its bytes") {
    namespace fs = std::filesystem;
    const fs::path folder = fs::temp_directory_path() / ("octavo-settled-identity-" + std::to_string(::getpid()));
    fs::create_directories(folder);
    const std::string path = (folder / "a.txt").string();
    REQUIRE(core::write_whole_file(path, "one") == std::nullopt);
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    const timespec later{now.tv_sec + core::settle_seconds + 1, now.tv_nsec};
    // Just written: a write of the same size in the same clock tick could not be told apart.
    CHECK(core::settled_file_identity(path, now) == std::nullopt);
    CHECK(core::DiskFileSystem(folder.string()).settled_identity("a.txt") == std::nullopt);
    const std::optional<std::string> first = core::settled_file_identity(path, later);
    REQUIRE(first.has_value());
    CHECK(core::settled_file_identity(path, later) == first);
    REQUIRE(core::write_whole_file(path, "two, longer") == std::nullopt);
    const std::optional<std::string> second = core::settled_file_identity(path, later);
    REQUIRE(second.has_value());
    CHECK(second != first);
    CHECK(core::settled_file_identity(folder.string(), later) == std::nullopt);  // a folder
    CHECK(core::settled_file_identity((folder / "missing.txt").string(), later) == std::nullopt);
    fs::remove_all(folder);
  }
}
