#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

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

  TEST_CASE("in memory: the files are listed in natural order") {
    const MemoryFileSystem files({{"ch10.md", ""}, {"ch2.md", ""}, {"B.md", ""}, {"a.md", ""}, {"ch2/x.md", ""}});
    CHECK(files.list_files() == std::vector<std::string>{"a.md", "B.md", "ch2.md", "ch10.md"});
  }

  TEST_CASE("on disk: the files are listed in natural order, folders left out") {
    namespace fs = std::filesystem;
    const fs::path root = fs::temp_directory_path() / ("octavo-list-files-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "ch3");
    for (const char* name : {"ch10.md", "ch2.md", "B.md", "a.md", "ch01.md", "ch1.md"}) std::ofstream(root / name);
    CHECK(DiskFileSystem(root.string()).list_files() ==
          std::vector<std::string>{"a.md", "B.md", "ch1.md", "ch01.md", "ch2.md", "ch10.md"});
    fs::remove_all(root);
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

TEST_SUITE("core.file_system.resolve_inside") {
  TEST_CASE("lexically: . and .. resolve; absolute paths and climbs above the root do not") {
    CHECK(lexically_inside("img/a.png") == "img/a.png");
    CHECK(lexically_inside("./img/../a.png") == "a.png");
    CHECK(lexically_inside("../a.png") == std::nullopt);
    CHECK(lexically_inside("img/../../a.png") == std::nullopt);
    CHECK(lexically_inside("/etc/passwd") == std::nullopt);
    CHECK(lexically_inside("img/..") == std::nullopt);
  }

  TEST_CASE("in memory: links are followed, and one that leads outside resolves to nothing") {
    MemoryFileSystem files(std::map<std::string, std::string>{{"img/a.png", "A"}});
    files.add_link("in.png", "img/a.png");
    files.add_link("out.png", "/tmp/x.png");
    files.add_link("up.png", "../x.png");
    CHECK(files.resolve_inside("in.png") == "img/a.png");
    CHECK(files.resolve_inside("./img/a.png") == "img/a.png");
    CHECK(files.resolve_inside("missing.png") == "missing.png");
    CHECK(files.resolve_inside("out.png") == std::nullopt);
    CHECK(files.resolve_inside("up.png") == std::nullopt);
  }

  TEST_CASE("on disk: symbolic links are followed, inside and out") {
    namespace fs = std::filesystem;
    const fs::path root = fs::temp_directory_path() / ("octavo-resolve-inside-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "corpus" / "img");
    std::ofstream(root / "corpus" / "img" / "a.png") << "A";
    std::ofstream(root / "outside.png") << "B";
    fs::create_symlink("img/a.png", root / "corpus" / "in.png");
    fs::create_symlink("../outside.png", root / "corpus" / "out.png");
    fs::create_directory_symlink("..", root / "corpus" / "parent");
    const DiskFileSystem files((root / "corpus").string());
    CHECK(files.resolve_inside("in.png") == "img/a.png");
    CHECK(files.resolve_inside("img/a.png") == "img/a.png");
    CHECK(files.resolve_inside("missing/x.png") == "missing/x.png");
    CHECK(files.resolve_inside("out.png") == std::nullopt);
    CHECK(files.resolve_inside("parent/outside.png") == std::nullopt);
    CHECK(files.resolve_inside("../outside.png") == std::nullopt);
    fs::remove_all(root);
  }
}

TEST_SUITE("core.write_whole_file") {
  TEST_CASE("the reason for a failure is returned") {
    CHECK(octavo::core::write_whole_file("/nonexistent-octavo-dir/x", "bytes") ==
          std::optional<std::string>("No such file or directory"));
    if (std::filesystem::exists("/dev/full")) {  // Linux's always-full device: the failure shows at flush
      CHECK(octavo::core::write_whole_file("/dev/full", std::string(100000, 'x')) ==
            std::optional<std::string>("No space left on device"));
    }
  }

  TEST_CASE("a written file holds exactly the bytes") {
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("octavo-write-whole-file-" + std::to_string(::getpid()));
    const std::string bytes("a\0b\xff", 4);
    CHECK(octavo::core::write_whole_file(path.string(), bytes) == std::nullopt);
    std::ifstream in(path, std::ios::binary);
    CHECK(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()) == bytes);
    std::filesystem::remove(path);
  }
}
