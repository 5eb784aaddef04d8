#include <doctest/doctest.h>

#include "core/file_system.hpp"

using namespace octavo::core;

TEST_SUITE("core.file_system") {
  TEST_CASE("in memory: a folder exists but cannot be read; a missing path does not exist") {
    const MemoryFileSystem files({{"a.txt", "A"}, {"book.toml/x", ""}, {"sub/deeper/b.txt", "B"}});
    CHECK(files.exists("a.txt"));
    CHECK(files.read_file("a.txt") == "A");
    CHECK(files.exists("book.toml"));
    CHECK(files.read_file("book.toml") == std::nullopt);
    CHECK(files.exists("sub"));
    CHECK(files.exists("sub/deeper"));
    CHECK_FALSE(files.exists("su"));
    CHECK_FALSE(files.exists("missing.txt"));
    CHECK(files.list_files() == std::vector<std::string>{"a.txt"});
  }

  TEST_CASE("on disk: a folder exists but cannot be read; a missing path does not exist") {
    const DiskFileSystem files(OCTAVO_SOURCE_DIR);
    CHECK(files.exists("CMakeLists.txt"));
    CHECK(files.read_file("CMakeLists.txt").has_value());
    CHECK(files.exists("src"));
    CHECK(files.read_file("src") == std::nullopt);
    CHECK_FALSE(files.exists("no-such-file.txt"));
  }
}
