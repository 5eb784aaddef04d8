#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/diagnostics.hpp"
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
  }

  TEST_CASE("in memory: a file has the settled identity a test gives it, while it exists") {
    MemoryFileSystem files(std::map<std::string, std::string>{{"a.txt", "A"}, {"b.txt", "B"}});
    files.set_identity("a.txt", "id-1");
    files.set_identity("gone.txt", "id-2");
    CHECK(files.settled_identity("a.txt") == "id-1");
    CHECK(files.settled_identity("b.txt") == std::nullopt);
    CHECK(files.settled_identity("gone.txt") == std::nullopt);
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

namespace {

std::string listed(const FileSystem& files, const ListOptions& options = {}) {
  DiagnosticList sink;
  std::string out;
  for (const std::string& path : files.list_files(sink, options)) out += path + "\n";
  return out + sink.to_string();
}

// Longer names first, to show that the order is the caller's.
bool by_length(std::string_view a, std::string_view b) { return a.size() != b.size() ? a.size() > b.size() : a < b; }

}  // namespace

TEST_SUITE("core.file_system.list_files") {
  TEST_CASE("in memory: every file at any depth, a folder's files and sub-folders sorted together") {
    const MemoryFileSystem files({{"b.md", ""},
                                  {"a/z.md", ""},
                                  {"a/b/c.md", ""},
                                  {"a-b.md", ""},
                                  {"c/d.md", ""},
                                  {"a.md", ""},
                                  {".git/config", ""},
                                  {"a/.hidden.md", ""},
                                  {".hidden/x.md", ""}});
    CHECK(listed(files) == "a/b/c.md\na/z.md\na-b.md\na.md\nb.md\nc/d.md\n");
  }

  TEST_CASE("in memory: the files are listed in natural order, a folder where its name falls") {
    const MemoryFileSystem files({{"ch10.md", ""}, {"ch2.md", ""}, {"B.md", ""}, {"a.md", ""}, {"ch2/x.md", ""}});
    CHECK(listed(files) == "a.md\nB.md\nch2/x.md\nch2.md\nch10.md\n");
  }

  TEST_CASE("on disk: the files are listed in natural order, an empty folder adds nothing") {
    namespace fs = std::filesystem;
    const fs::path root = fs::temp_directory_path() / ("octavo-list-files-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "ch3");
    for (const char* name : {"ch10.md", "ch2.md", "B.md", "a.md", "ch01.md", "ch1.md"}) std::ofstream(root / name);
    CHECK(listed(DiskFileSystem(root.string())) == "a.md\nB.md\nch1.md\nch01.md\nch2.md\nch10.md\n");
    fs::remove_all(root);
  }

  TEST_CASE("the order of one folder's entries is the caller's; a folder may be skipped whole") {
    const MemoryFileSystem files({{"a.md", ""}, {"long/x.md", ""}, {"long/yy.md", ""}, {"bb.md", ""}, {"no/x.md", ""}});
    ListOptions options;
    options.order = by_length;
    options.skip_folder = [](const std::string& folder) { return folder == "no"; };
    CHECK(listed(files, options) == "bb.md\na.md\nlong/yy.md\nlong/x.md\n");
  }

  TEST_CASE("in memory: links out of the root and to folders are not followed, with a warning each") {
    MemoryFileSystem files(std::map<std::string, std::string>{{"a.md", ""}, {"sub/b.md", ""}});
    files.add_link("in.md", "sub/b.md");
    files.add_link("out.md", "/etc/passwd");
    files.add_link("sub2", "sub");
    CHECK(listed(files) ==
          "a.md\nin.md\nsub/b.md\n"
          "out.md: warning: symbolic link to outside the corpus; it is not followed\n"
          "sub2: warning: symbolic link to a folder; it is not followed\n"
          "  hint: the folder's own files are read where they are\n");
  }

  TEST_CASE("a folder deeper than the limit is left out with an error") {
    std::string deep;
    for (int level = 0; level <= max_folder_depth; ++level) deep += "d/";
    const MemoryFileSystem files({{"a.md", ""}, {deep + "x.md", ""}});
    std::string too_deep;
    for (int level = 0; level <= max_folder_depth; ++level) too_deep += level == 0 ? "d" : "/d";
    CHECK(listed(files) ==
          "a.md\n" + too_deep + ": error: folder nested more than 32 levels deep; its files are left out\n");
  }

  TEST_CASE("on disk: sub-folders, hidden entries and links out") {
    namespace fs = std::filesystem;
    const fs::path root = fs::temp_directory_path() / ("octavo-list-files-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "corpus" / "part" / "deeper");
    fs::create_directories(root / "corpus" / ".git");
    std::ofstream(root / "corpus" / "b.md") << "B";
    std::ofstream(root / "corpus" / "part" / "a.md") << "A";
    std::ofstream(root / "corpus" / "part" / "deeper" / "c.md") << "C";
    std::ofstream(root / "corpus" / ".git" / "HEAD") << "H";
    std::ofstream(root / "outside.md") << "O";
    fs::create_symlink("../outside.md", root / "corpus" / "out.md");
    fs::create_directory_symlink("..", root / "corpus" / "parent");
    fs::create_directory_symlink("part", root / "corpus" / "same");
    const DiskFileSystem files((root / "corpus").string());
    CHECK(listed(files) ==
          "b.md\npart/a.md\npart/deeper/c.md\n"
          "out.md: warning: symbolic link to outside the corpus; it is not followed\n"
          "parent: warning: symbolic link to outside the corpus; it is not followed\n"
          "same: warning: symbolic link to a folder; it is not followed\n"
          "  hint: the folder's own files are read where they are\n");
    fs::remove_all(root);
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
    CHECK(files.resolve_inside("img/../in.png") == "img/a.png");
    CHECK(files.resolve_inside("parent/corpus/img/a.png") == "img/a.png");  // out and back in
    CHECK(files.resolve_inside("img/") == "img");
    // A corpus named through a link: its paths resolve inside the folder the link leads to.
    fs::create_directory_symlink("corpus", root / "corpus-link");
    const DiskFileSystem linked((root / "corpus-link").string());
    CHECK(linked.resolve_inside("in.png") == "img/a.png");
    CHECK(linked.resolve_inside("img/a.png") == "img/a.png");
    CHECK(linked.resolve_inside("out.png") == std::nullopt);
    // The link retargeted after the corpus was opened: what is checked and what is read are still
    // the folder it led to then, never the new target's link out.
    fs::create_directories(root / "other");
    std::ofstream(root / "other" / "b.txt") << "other";
    fs::create_symlink("../outside.png", root / "other" / "in.png");
    std::ofstream(root / "corpus" / "b.txt") << "corpus";
    fs::remove(root / "corpus-link");
    fs::create_directory_symlink("other", root / "corpus-link");
    CHECK(linked.resolve_inside("in.png") == "img/a.png");
    CHECK(linked.read_file("in.png") == "A");
    CHECK(linked.read_file("b.txt") == "corpus");
    CHECK(linked.exists("img/a.png"));
    // A corpus that is not there holds nothing.
    const DiskFileSystem missing((root / "no-such-corpus").string());
    CHECK(missing.resolve_inside("img/a.png") == std::nullopt);
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

  TEST_CASE("a file read whole gives back its exact bytes, at any size; a folder or nothing gives nullopt") {
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("octavo-read-whole-file-" + std::to_string(::getpid()));
    // Empty, one byte, either side of the reading's 64 KiB blocks, and larger, with NULs and high bytes.
    for (const std::size_t size : {0, 1, 65535, 65536, 65537, 300001}) {
      std::string bytes(size, '\0');
      for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 7919) % 251);
      REQUIRE(write_whole_file(path.string(), bytes) == std::nullopt);
      CHECK(read_whole_file(path.string()) == bytes);
      CHECK(DiskFileSystem(path.parent_path().string()).read_file(path.filename().string()) == bytes);
    }
    std::filesystem::remove(path);
    CHECK(read_whole_file(path.string()) == std::nullopt);
    CHECK(read_whole_file(path.parent_path().string()) == std::nullopt);
  }

  TEST_CASE("a FIFO is not read whole, and refusing it does not wait for a writer") {
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("octavo-read-whole-fifo-" + std::to_string(::getpid()));
    REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
    // Opened for reading, a FIFO with no writer blocks: the test would hang.
    CHECK(read_whole_file(path.string()) == std::nullopt);
    std::filesystem::remove(path);
  }

  TEST_CASE("a file whose size the system does not tell in advance is read to its end") {
    // /proc files say 0 bytes and hold more.
    const std::optional<std::string> status = read_whole_file("/proc/self/status");
    REQUIRE(status);
    CHECK(status->find("Name:") == 0);
  }
}

TEST_SUITE("core.OutputFile") {
  TEST_CASE("seek goes back over written bytes, and the next write overwrites them") {
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("octavo-output-file-" + std::to_string(::getpid()));
    octavo::core::OutputFile file(path.string());
    CHECK(file.ok());
    CHECK(file.write("header:??|data"));
    CHECK(file.seek(7));
    CHECK(file.write("42"));
    CHECK(file.seek(14));
    CHECK(file.write("|end"));
    CHECK(file.close() == std::nullopt);
    std::ifstream in(path, std::ios::binary);
    CHECK(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()) == "header:42|data|end");
    std::filesystem::remove(path);
  }

  TEST_CASE("small writes are gathered: nothing reaches the file before output_buffer_size bytes") {
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("octavo-output-buffer-" + std::to_string(::getpid()));
    octavo::core::OutputFile file(path.string());
    std::string written;
    for (int i = 0; written.size() + 3000 < octavo::core::output_buffer_size; ++i) {
      const std::string piece(3000, static_cast<char>('a' + i % 26));
      CHECK(file.write(piece));
      written += piece;
    }
    CHECK(std::filesystem::file_size(path) == 0);  // stdio's own 4 KiB buffer would have written most
    const std::string past(6000, 'z');
    CHECK(file.write(past));
    written += past;
    CHECK(std::filesystem::file_size(path) > 0);
    CHECK(file.seek(1));  // a seek writes what is gathered first
    CHECK(file.write("B"));
    written[1] = 'B';
    CHECK(file.close() == std::nullopt);
    std::ifstream in(path, std::ios::binary);
    CHECK(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()) == written);
    std::filesystem::remove(path);
  }

  TEST_CASE("a seek back into bytes not yet written, and forward again, writes nothing yet") {
    // As libzip writes an entry: its local header, its data, the header again with its sizes.
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("octavo-output-rewrite-" + std::to_string(::getpid()));
    octavo::core::OutputFile file(path.string());
    std::string expected;
    for (int entry = 0; entry < 3; ++entry) {
      const std::size_t header = expected.size();
      CHECK(file.write("H?"));
      const std::string data(1000, static_cast<char>('a' + entry));
      CHECK(file.write(data));
      CHECK(file.seek(header + 1));
      CHECK(file.write("!"));
      CHECK(file.seek(header + 2 + data.size()));
      expected += "H!" + data;
    }
    CHECK(std::filesystem::file_size(path) == 0);
    // A piece larger than the buffer goes straight to the file, after what was gathered, and a
    // seek back into it (written already) rewrites it there.
    const std::string large(octavo::core::output_buffer_size + 10, 'L');
    CHECK(file.write(large));
    expected += large;
    CHECK(std::filesystem::file_size(path) == expected.size());
    CHECK(file.seek(expected.size() - 5));
    CHECK(file.write("xy"));
    expected.replace(expected.size() - 5, 2, "xy");
    CHECK(file.seek(expected.size()));
    CHECK(file.write("end"));
    expected += "end";
    CHECK(file.close() == std::nullopt);
    std::ifstream in(path, std::ios::binary);
    CHECK(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()) == expected);
    std::filesystem::remove(path);
  }

  TEST_CASE("after close, writes and seeks are refused and the file stays as closed") {
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("octavo-output-closed-" + std::to_string(::getpid()));
    octavo::core::OutputFile file(path.string());
    CHECK(file.write("kept"));
    CHECK(file.close() == std::nullopt);
    CHECK_FALSE(file.write("lost"));
    CHECK_FALSE(file.seek(0));
    CHECK(file.close() == std::nullopt);
    CHECK(std::filesystem::file_size(path) == 4);
    std::filesystem::remove(path);
  }

  TEST_CASE("after a failed open, nothing is ok and close says why") {
    octavo::core::OutputFile file("/nonexistent-octavo-dir/x");
    CHECK_FALSE(file.ok());
    CHECK_FALSE(file.write("bytes"));
    CHECK_FALSE(file.seek(0));
    CHECK(file.close() == std::optional<std::string>("No such file or directory"));
  }
}

TEST_SUITE("core.InputFile") {
  TEST_CASE("reads any range of the file, in any order, and refuses one past its end") {
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("octavo-input-file-" + std::to_string(::getpid()));
    REQUIRE(write_whole_file(path.string(), "0123456789abcdef") == std::nullopt);
    InputFile file(path.string());
    REQUIRE(file.is_open());
    CHECK(file.size() == std::optional<std::uint64_t>(16));
    CHECK(file.read_at(10, 6) == std::optional<std::string>("abcdef"));
    CHECK(file.read_at(0, 3) == std::optional<std::string>("012"));
    CHECK(file.read_at(16, 0) == std::optional<std::string>(""));
    CHECK(file.read_at(12, 5) == std::nullopt);
    CHECK(file.read_at(UINT64_MAX - 2, 4) == std::nullopt);
    // A moved file reads on; the one moved from reads nothing.
    InputFile moved = std::move(file);
    CHECK(moved.read_at(3, 2) == std::optional<std::string>("34"));
    CHECK_FALSE(file.is_open());  // NOLINT(bugprone-use-after-move): its state after a move is promised
    CHECK(file.read_at(0, 1) == std::nullopt);
    std::filesystem::remove(path);
  }

  TEST_CASE("read_into reads into the string given, in the memory it holds, longer or shorter") {
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("octavo-read-into-" + std::to_string(::getpid()));
    std::string text;
    for (int i = 0; i < 64; ++i) text += static_cast<char>('A' + i % 26);
    REQUIRE(write_whole_file(path.string(), text) == std::nullopt);
    const InputFile file(path.string());
    std::string bytes;
    REQUIRE(file.read_into(4, 40, bytes));  // past the string's own small buffer: on the heap
    CHECK(bytes == text.substr(4, 40));
    const char* const held = bytes.data();
    REQUIRE(file.read_into(0, 20, bytes));  // shorter: the same memory, nothing of the last read left
    CHECK(bytes == text.substr(0, 20));
    CHECK(bytes.data() == held);
    REQUIRE(file.read_into(24, 40, bytes));  // as long as the first: still the same memory
    CHECK(bytes == text.substr(24, 40));
    CHECK(bytes.data() == held);
    CHECK_FALSE(file.read_into(60, 5, bytes));  // past the end
    CHECK_FALSE(InputFile().read_into(0, 1, bytes));
    std::filesystem::remove(path);
  }

  TEST_CASE("a file that cannot be opened reads nothing and has no size") {
    const InputFile file("/nonexistent-octavo-dir/x");
    CHECK_FALSE(file.is_open());
    CHECK(file.size() == std::nullopt);
    CHECK(file.read_at(0, 0) == std::nullopt);
  }
}

namespace {

// How many of this process's open files are `path`, removed or replaced since ("<path> (deleted)").
int open_and_gone(const std::filesystem::path& path) {
  int found = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code ec;
    const std::filesystem::path target = std::filesystem::read_symlink(entry.path(), ec);
    if (!ec && target.string() == path.string() + " (deleted)") ++found;
  }
  return found;
}

}  // namespace

TEST_SUITE("core.hold_open") {
  TEST_CASE("a regular file held stays open after a rename replaces it, until the holder goes") {
    const std::filesystem::path folder =
        std::filesystem::temp_directory_path() / ("octavo-hold-open-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    const std::filesystem::path book = folder / "book.pdf";
    const std::filesystem::path next = folder / "next.pdf";
    std::ofstream(book) << "the old book";
    std::ofstream(next) << "the new book";
    std::shared_ptr<const void> held = hold_open(book.string());
    REQUIRE(held != nullptr);
    std::filesystem::rename(next, book);
    CHECK(read_whole_file(book.string()) == "the new book");
    CHECK(open_and_gone(book) == 1);
    held.reset();
    CHECK(open_and_gone(book) == 0);
    std::filesystem::remove_all(folder);
  }

  TEST_CASE("nothing is held for a missing file, a link, a folder or a FIFO, which is not waited for") {
    const std::filesystem::path folder =
        std::filesystem::temp_directory_path() / ("octavo-hold-none-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "file") << "x";
    std::filesystem::create_symlink(folder / "file", folder / "link");
    REQUIRE(::mkfifo((folder / "fifo").c_str(), 0600) == 0);
    CHECK(hold_open((folder / "missing").string()) == nullptr);
    CHECK(hold_open((folder / "link").string()) == nullptr);
    CHECK(hold_open(folder.string()) == nullptr);
    CHECK(hold_open((folder / "fifo").string()) == nullptr);
    CHECK(hold_open("/dev/null") == nullptr);
    CHECK(hold_open((folder / "file").string()) != nullptr);
    std::filesystem::remove_all(folder);
  }
}
