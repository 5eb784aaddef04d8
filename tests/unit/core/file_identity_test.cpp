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
    CHECK_FALSE(core::status_settled(changed, {1700000000, 500}));
    CHECK_FALSE(core::status_settled(changed, {1700000000 + core::settle_seconds, 499}));
    CHECK(core::status_settled(changed, {1700000000 + core::settle_seconds, 500}));
    CHECK(core::status_settled(changed, {1700000000 + core::settle_seconds + 1, 0}));
    CHECK_FALSE(core::status_settled(changed, {1699999990, 0}));  // a change time after now
  }

  TEST_CASE("a file's settled identity: none while it may still change, one that changes with the file") {
    namespace fs = std::filesystem;
    const struct Folder {
      fs::path path = fs::temp_directory_path() / ("octavo-settled-identity-" + std::to_string(::getpid()));
      Folder() { fs::create_directories(path); }
      ~Folder() { fs::remove_all(path); }
    } folder;
    const std::string path = (folder.path / "a.txt").string();
    REQUIRE(core::write_whole_file(path, "one") == std::nullopt);
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    const timespec later{now.tv_sec + core::settle_seconds + 1, now.tv_nsec};
    // Just written: a write of the same size in the same clock tick could not be told apart.
    CHECK(core::settled_file_identity(path, now) == std::nullopt);
    CHECK(core::DiskFileSystem(folder.path.string()).settled_identity("a.txt") == std::nullopt);
    const std::optional<std::string> first = core::settled_file_identity(path, later);
    REQUIRE(first.has_value());
    CHECK(core::settled_file_identity(path, later) == first);
    // Another file of the same size renamed over it.
    const std::string other = (folder.path / "b.txt").string();
    REQUIRE(core::write_whole_file(other, "two") == std::nullopt);
    fs::rename(other, path);
    const std::optional<std::string> renamed = core::settled_file_identity(path, later);
    REQUIRE(renamed.has_value());
    CHECK(renamed != first);
    // A link is followed: it names what it leads to.
    fs::create_symlink(path, folder.path / "link.txt");
    CHECK(core::settled_file_identity((folder.path / "link.txt").string(), later) == renamed);
    fs::create_directory_symlink(folder.path, folder.path / "folder-link");
    CHECK(core::settled_file_identity((folder.path / "folder-link").string(), later) == std::nullopt);
    CHECK(core::settled_file_identity(folder.path.string(), later) == std::nullopt);  // a folder
    CHECK(core::settled_file_identity((folder.path / "missing.txt").string(), later) == std::nullopt);
  }

  TEST_CASE("on disk, a file unchanged since long before has the settled identity of its path under the root") {
    // The source tree was written minutes before its tests run (checked out, then built).
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    const std::optional<std::string> identity =
        core::DiskFileSystem(OCTAVO_SOURCE_DIR).settled_identity("CMakeLists.txt");
    REQUIRE(identity.has_value());
    CHECK(identity == core::settled_file_identity(std::string(OCTAVO_SOURCE_DIR) + "/CMakeLists.txt", now));
    CHECK(identity != core::DiskFileSystem(OCTAVO_SOURCE_DIR).settled_identity("README.md"));
  }
}
