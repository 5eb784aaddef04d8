#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "cache/entry_pack.hpp"
#include "core/sha256.hpp"
#include "pack_test_files.hpp"

using namespace octavo;
using test::file_bytes;
using test::inode_of;
using test::write_bytes;
namespace fs = std::filesystem;

namespace {

// A fresh cache folder of its own for each test, removed afterwards.
struct CacheFolder : test::TemporaryFolder {
  explicit CacheFolder(const std::string& name) : TemporaryFolder("entry-pack-" + name) {}
  fs::path pack() const { return root / "layout.pack"; }
  cache::EntryPack open(const std::string& fingerprint = "program 1") const {
    return cache::EntryPack(root.string(), "layout.pack", fingerprint);
  }
};

core::StreamDigest name_of(int n) { return core::sha256("article " + std::to_string(n)); }

// An article's entry: bytes of its own, of lengths that differ.
std::string entry(int n, const std::string& version = "") {
  return "set lines of article " + std::to_string(n) + version + std::string(40 + 3 * n, 'l');
}

void write_entries(cache::EntryPack& pack, int from, int to) {
  for (int n = from; n < to; ++n) CHECK(pack.write(name_of(n), entry(n)));
}

void read_entries(cache::EntryPack& pack, int from, int to) {
  for (int n = from; n < to; ++n) CHECK(pack.read(name_of(n)) == entry(n));
}

// An earlier build's pack: entries [0, count) written and committed.
void earlier_build(const CacheFolder& cache, int count, const std::string& fingerprint = "program 1") {
  cache::EntryPack earlier = cache.open(fingerprint);
  write_entries(earlier, 0, count);
  REQUIRE(earlier.commit());
}

std::vector<std::string> files_in(const fs::path& folder) {
  std::vector<std::string> names;
  for (const fs::directory_entry& file : fs::directory_iterator(folder))
    names.push_back(file.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_SUITE("cache.entry_pack") {
  TEST_CASE("entries written by one build are read by the next, byte for byte, in one file") {
    const CacheFolder cache("round-trip");
    {
      cache::EntryPack first = cache.open();
      CHECK_FALSE(first.read(name_of(0)));
      write_entries(first, 0, 5);
      CHECK(first.written_count() == 5);
      REQUIRE(first.commit());
    }
    CHECK(files_in(cache.root) == std::vector<std::string>{"CACHEDIR.TAG", "layout.pack"});
    cache::EntryPack second = cache.open();
    read_entries(second, 0, 5);
    CHECK_FALSE(second.read(name_of(5)));
    CHECK(second.read_count() == 5);
    CHECK(second.written_count() == 0);
  }

  TEST_CASE("an entry kept unread stays for the next build, in a pack appended to or written anew") {
    // Most entries kept: the one written is appended in place; few kept: a pack is written anew.
    for (const std::vector<int>& kept : {std::vector<int>{0, 1, 2, 3, 6, 7, 8}, std::vector<int>{2, 3, 7}}) {
      const bool appended = kept.size() > 3;
      CAPTURE(appended);
      const CacheFolder cache("kept");
      earlier_build(cache, 10);
      const auto inode_before = inode_of(cache.pack());
      {
        cache::EntryPack build = cache.open();
        for (const int n : kept) CHECK(build.keep(name_of(n)));
        CHECK(build.read(name_of(5)) == entry(5));
        CHECK_FALSE(build.keep(name_of(99)));  // none such
        CHECK(build.read_count() == kept.size() + 1);
        write_entries(build, 20, 21);
        REQUIRE(build.commit());
      }
      CHECK((inode_of(cache.pack()) == inode_before) == appended);
      cache::EntryPack next = cache.open();
      for (int n = 0; n < 10; ++n) {
        const bool named = n == 5 || std::find(kept.begin(), kept.end(), n) != kept.end();
        CHECK(next.read(name_of(n)) == (named ? std::optional(entry(n)) : std::nullopt));
      }
      read_entries(next, 20, 21);
    }
  }

  TEST_CASE("an entry kept unread keeps its checksum when copied: its damage is found when it is read") {
    const CacheFolder cache("kept-damaged");
    earlier_build(cache, 10);
    // A byte of entry 2 changed in the pack, where no build reads it before the copy.
    test::damage_in_file(cache.pack(), entry(2));
    const auto inode_before = inode_of(cache.pack());
    {
      cache::EntryPack build = cache.open();
      CHECK(build.keep(name_of(2)));  // kept unread: not checked
      for (const int n : {0, 1}) CHECK(build.read(name_of(n)) == entry(n));
      write_entries(build, 20, 21);
      REQUIRE(build.commit());  // more unnamed than named: a pack written anew, entry 2 copied
    }
    REQUIRE(inode_of(cache.pack()) != inode_before);
    cache::EntryPack next = cache.open();
    CHECK_FALSE(next.read(name_of(2)));
    for (const int n : {0, 1, 20}) CHECK(next.read(name_of(n)) == entry(n));
  }

  TEST_CASE("the next pack holds exactly the entries this build read or wrote") {
    const CacheFolder cache("exact");
    earlier_build(cache, 10);
    {
      // Read out of order and with gaps, as worker threads ask: 7, 1, 2, 3, 9 read; 0, 4–6 and 8
      // are articles since edited or gone.
      cache::EntryPack build = cache.open();
      for (const int n : {7, 1, 2, 3, 9}) CHECK(build.read(name_of(n)) == entry(n));
      write_entries(build, 20, 23);
      REQUIRE(build.commit());
    }
    cache::EntryPack next = cache.open();
    for (const int n : {1, 2, 3, 7, 9, 20, 21, 22}) CHECK(next.read(name_of(n)) == entry(n));
    for (const int n : {0, 4, 5, 6, 8}) CHECK_FALSE(next.read(name_of(n)));
  }

  TEST_CASE("a build that read some entries and wrote none keeps those, in a pack written anew") {
    const CacheFolder cache("some-read");
    earlier_build(cache, 6);
    const ino_t inode = inode_of(cache.pack());
    {
      // Articles 0, 3 and 5 left the book; nothing was edited.
      cache::EntryPack build = cache.open();
      for (const int n : {4, 1, 2}) CHECK(build.read(name_of(n)) == entry(n));
      REQUIRE(build.commit());
    }
    CHECK(inode_of(cache.pack()) != inode);
    cache::EntryPack next = cache.open();
    read_entries(next, 1, 3);
    CHECK(next.read(name_of(4)) == entry(4));
    for (const int n : {0, 3, 5}) CHECK_FALSE(next.read(name_of(n)));
  }

  TEST_CASE("an entry read and then written anew is kept as written") {
    const CacheFolder cache("replaced");
    earlier_build(cache, 3);
    {
      cache::EntryPack build = cache.open();
      read_entries(build, 0, 3);
      // Its bytes did not decode (say), so the article was set again and written under its name.
      CHECK(build.write(name_of(1), entry(1, " again")));
      CHECK(build.write(name_of(1), "a second write of a name changes nothing"));
      REQUIRE(build.commit());
    }
    cache::EntryPack next = cache.open();
    CHECK(next.read(name_of(1)) == entry(1, " again"));
    CHECK(next.read(name_of(0)) == entry(0));
    CHECK(next.read(name_of(2)) == entry(2));
  }

  TEST_CASE("a few entries written are appended to the pack in place; the next build reads every entry") {
    const CacheFolder cache("appended");
    earlier_build(cache, 20);
    const ino_t inode = inode_of(cache.pack());
    const std::string before = file_bytes(cache.pack());
    {
      // Article 5 edited, article 20 new, the rest read.
      cache::EntryPack build = cache.open();
      for (int n = 0; n < 20; ++n) {
        if (n != 5) CHECK(build.read(name_of(n)) == entry(n));
      }
      CHECK(build.write(name_of(5), entry(5, " edited")));
      CHECK(build.write(name_of(20), entry(20)));
      REQUIRE(build.commit());
    }
    CHECK(inode_of(cache.pack()) == inode);
    const std::string after = file_bytes(cache.pack());
    CHECK(after.substr(0, before.size()) == before);  // nothing before the old end is written over
    CHECK(after.size() - before.size() < before.size());
    CHECK(files_in(cache.root) == std::vector<std::string>{"CACHEDIR.TAG", "layout.pack"});
    cache::EntryPack next = cache.open();
    for (int n = 0; n < 21; ++n) CHECK(next.read(name_of(n)) == (n == 5 ? entry(5, " edited") : entry(n)));
    CHECK(next.read_count() == 21);
  }

  TEST_CASE("appended to again and again, a pack is written anew once what no entry names outweighs the rest") {
    const CacheFolder cache("grown");
    // Entries of 2 KB, as an article's are many times its index entry.
    const auto sized = [](int n, const std::string& version) { return entry(n, version) + std::string(2000, 'x'); };
    {
      cache::EntryPack earlier = cache.open();
      for (int n = 0; n < 10; ++n) CHECK(earlier.write(name_of(n), sized(n, "")));
      REQUIRE(earlier.commit());
    }
    const std::uintmax_t first_size = fs::file_size(cache.pack());
    ino_t inode = inode_of(cache.pack());
    int appends = 0;
    int rewrites = 0;
    for (int edit = 1; edit <= 40; ++edit) {
      const std::string version = " version " + std::to_string(edit);
      {
        cache::EntryPack build = cache.open();
        for (int n = 1; n < 10; ++n) CHECK(build.read(name_of(n)) == sized(n, ""));
        CHECK(build.write(name_of(0), sized(0, version)));
        REQUIRE(build.commit());
      }
      (inode_of(cache.pack()) == inode ? appends : rewrites) += 1;
      inode = inode_of(cache.pack());
      CHECK(fs::file_size(cache.pack()) < 2 * first_size + 4096);
      cache::EntryPack check = cache.open();
      CHECK(check.read(name_of(0)) == sized(0, version));
      for (int n = 1; n < 10; ++n) CHECK(check.read(name_of(n)) == sized(n, ""));
    }
    CHECK(appends > 4 * rewrites);
    CHECK(rewrites > 0);
  }

  TEST_CASE("a build that dropped most entries writes a new pack rather than appending") {
    const CacheFolder cache("dropped");
    earlier_build(cache, 20);
    const ino_t inode = inode_of(cache.pack());
    {
      cache::EntryPack build = cache.open();
      read_entries(build, 0, 3);
      write_entries(build, 20, 21);
      REQUIRE(build.commit());
    }
    CHECK(inode_of(cache.pack()) != inode);
    cache::EntryPack next = cache.open();
    read_entries(next, 0, 3);
    CHECK(next.read(name_of(20)) == entry(20));
    CHECK_FALSE(next.read(name_of(3)));
  }

  TEST_CASE(
      "a pack changed or locked since it was read is not appended to: a new one is written from the entries read") {
    for (const bool locked : {false, true}) {
      CAPTURE(locked);
      const CacheFolder cache(locked ? "locked" : "changed");
      earlier_build(cache, 10);
      const ino_t inode = inode_of(cache.pack());
      {
        cache::EntryPack build = cache.open();
        read_entries(build, 0, 10);
        CHECK(build.write(name_of(10), entry(10)));
        // Another build into the folder appends to the pack meanwhile, or holds its lock.
        const int other = ::open(cache.pack().c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
        REQUIRE(other >= 0);
        if (locked) {
          REQUIRE(::flock(other, LOCK_EX) == 0);
        } else {
          REQUIRE(::write(other, "x", 1) == 1);
        }
        REQUIRE(build.commit());
        ::close(other);
      }
      CHECK(inode_of(cache.pack()) != inode);
      cache::EntryPack next = cache.open();
      read_entries(next, 0, 11);
    }
  }

  TEST_CASE("an append cut short leaves the entries before it readable, and the next build writes the pack anew") {
    const CacheFolder cache("torn");
    earlier_build(cache, 10);
    {
      cache::EntryPack build = cache.open();
      read_entries(build, 0, 10);
      CHECK(build.write(name_of(10), entry(10)));
      REQUIRE(build.commit());
    }
    // A build killed within its one write: the start of its strings, and no trailer.
    const std::string whole = file_bytes(cache.pack());
    write_bytes(cache.pack(), whole + entry(11).substr(0, 30));
    const ino_t inode = inode_of(cache.pack());
    {
      cache::EntryPack build = cache.open();
      read_entries(build, 0, 11);
      CHECK(build.write(name_of(11), entry(11)));
      REQUIRE(build.commit());
    }
    CHECK(inode_of(cache.pack()) != inode);  // its size is not its end: not appended to
    cache::EntryPack next = cache.open();
    read_entries(next, 0, 12);
  }

  TEST_CASE("a pack put in place by another build, or with another name, is not appended to") {
    for (const bool linked : {false, true}) {
      CAPTURE(linked);
      const CacheFolder cache(linked ? "linked" : "renamed");
      earlier_build(cache, 10);
      const fs::path other = cache.root / "other";
      cache::EntryPack build = cache.open();
      read_entries(build, 0, 10);
      CHECK(build.write(name_of(10), entry(10)));
      if (linked) {
        // A snapshot of the folder made with hard links.
        fs::create_hard_link(cache.pack(), other);
      } else {
        // The same bytes in another file, renamed onto the pack: its size alone does not tell.
        write_bytes(other, file_bytes(cache.pack()));
        fs::rename(other, cache.pack());
      }
      const ino_t inode = inode_of(cache.pack());
      const std::string before = file_bytes(cache.pack());
      REQUIRE(build.commit());
      CHECK(inode_of(cache.pack()) != inode);
      if (linked) CHECK(file_bytes(other) == before);  // the snapshot is as it was
      cache::EntryPack next = cache.open();
      read_entries(next, 0, 11);
    }
  }

  TEST_CASE("a build that read every entry, in any order, and wrote none leaves the pack unwritten") {
    const CacheFolder cache("unwritten");
    earlier_build(cache, 6);
    const std::string bytes = file_bytes(cache.pack());
    const ino_t inode = inode_of(cache.pack());
    {
      cache::EntryPack build = cache.open();
      for (const int n : {5, 0, 4, 1, 3, 2}) CHECK(build.read(name_of(n)) == entry(n));
      REQUIRE(build.commit());
    }
    CHECK(inode_of(cache.pack()) == inode);
    CHECK(file_bytes(cache.pack()) == bytes);
    CHECK(files_in(cache.root) == std::vector<std::string>{"CACHEDIR.TAG", "layout.pack"});
  }

  TEST_CASE("a build that read and wrote nothing removes the pack") {
    const CacheFolder cache("emptied");
    earlier_build(cache, 2);
    cache::EntryPack build = cache.open();
    REQUIRE(build.commit());
    CHECK_FALSE(fs::exists(cache.pack()));
  }

  TEST_CASE("the folder of one file per article that builds before the pack kept is removed") {
    const CacheFolder cache("older");
    fs::create_directories(cache.root / "layout");
    write_bytes(cache.root / "layout" / std::string(64, 'a'), "an entry of an older build");
    cache::EntryPack build = cache.open();
    write_entries(build, 0, 2);
    REQUIRE(build.commit());
    CHECK_FALSE(fs::exists(cache.root / "layout"));
    CHECK(fs::exists(cache.pack()));
  }

  TEST_CASE("a pack of another program has no entries") {
    const CacheFolder cache("fingerprint");
    earlier_build(cache, 3, "program 1");
    cache::EntryPack other = cache.open("program 2");
    CHECK_FALSE(other.read(name_of(1)));
    cache::EntryPack same = cache.open("program 1");
    CHECK(same.read(name_of(1)) == entry(1));
  }

  TEST_CASE("a damaged pack gives no entry it cannot read whole, and never fails") {
    const CacheFolder cache("damaged");
    earlier_build(cache, 5);
    const std::string good = file_bytes(cache.pack());
    const std::size_t entry_at = good.find(entry(2));
    REQUIRE(entry_at != std::string::npos);

    SUBCASE("a byte of an entry changed: that entry alone is not read") {
      std::string bytes = good;
      bytes[entry_at + 3] ^= 0x20;
      write_bytes(cache.pack(), bytes);
      cache::EntryPack pack = cache.open();
      CHECK_FALSE(pack.read(name_of(2)));
      CHECK(pack.read(name_of(1)) == entry(1));
      CHECK(pack.read(name_of(3)) == entry(3));
    }
    SUBCASE("cut short, at every length: nothing is read") {
      for (std::size_t length = 0; length < good.size(); length += 7) {
        write_bytes(cache.pack(), good.substr(0, length));
        cache::EntryPack pack = cache.open();
        CHECK_FALSE(pack.read(name_of(4)));
      }
    }
    SUBCASE("not a pack at all") {
      write_bytes(cache.pack(), "hello");
      cache::EntryPack pack = cache.open();
      CHECK_FALSE(pack.read(name_of(0)));
    }
  }

  TEST_CASE("an uncommitted build leaves the previous pack and no stray file") {
    const CacheFolder cache("uncommitted");
    earlier_build(cache, 3);
    {
      cache::EntryPack abandoned = cache.open();
      read_entries(abandoned, 0, 1);
      write_entries(abandoned, 3, 6);
    }
    CHECK(files_in(cache.root) == std::vector<std::string>{"CACHEDIR.TAG", "layout.pack"});
    cache::EntryPack pack = cache.open();
    read_entries(pack, 0, 3);
    CHECK_FALSE(pack.read(name_of(4)));
  }

  TEST_CASE("next packs of builds that ended are removed; a running build's is left") {
    const CacheFolder cache("abandoned");
    earlier_build(cache, 2);
    const fs::path ended = cache.root / "layout.pack.next-999999999";  // above any pid_max
    const fs::path running = cache.root / ("layout.pack.next-" + std::to_string(::getppid()));
    for (const fs::path& path : {ended, running}) write_bytes(path, "unfinished");
    cache::EntryPack pack = cache.open();
    CHECK_FALSE(fs::exists(ended));
    CHECK(fs::exists(running));
    read_entries(pack, 0, 2);
  }

  TEST_CASE("a folder that cannot be made: nothing written, commit says so, the build goes on") {
    const CacheFolder cache("blocked");
    fs::create_directories(cache.root.parent_path());
    write_bytes(cache.root, "a file where the folder should be");
    cache::EntryPack pack = cache.open();
    CHECK_FALSE(pack.write(name_of(0), entry(0)));
    CHECK_FALSE(pack.commit());
  }

  TEST_CASE("threads read and write at once") {
    const CacheFolder cache("threads");
    earlier_build(cache, 200);
    {
      cache::EntryPack pack = cache.open();
      std::vector<std::thread> threads;
      for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&pack, t] {
          for (int n = t; n < 400; n += 4) {
            if (n < 200) {
              CHECK(pack.read(name_of(n)) == entry(n));
            } else {
              CHECK(pack.write(name_of(n), entry(n)));
            }
          }
        });
      }
      for (std::thread& thread : threads) thread.join();
      CHECK(pack.read_count() == 200);
      CHECK(pack.written_count() == 200);
      REQUIRE(pack.commit());
    }
    cache::EntryPack next = cache.open();
    read_entries(next, 0, 400);
  }
}
