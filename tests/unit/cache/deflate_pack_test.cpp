#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "cache/deflate_pack.hpp"
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
  explicit CacheFolder(const std::string& name) : TemporaryFolder("deflate-pack-" + name) {}
  fs::path folder() const { return root / "deflated"; }
  fs::path pack() const { return folder() / "pdf.pack"; }
  cache::DeflatePack open(const std::string& fingerprint = "program 1") const {
    return cache::DeflatePack(root.string(), folder().string(), "pdf.pack", fingerprint);
  }
};

core::StreamDigest digest_of(const std::string& input) { return core::sha256(input); }

// Streams as a deflater would keep them: "page N" → some bytes of their own.
std::string stream(int n) { return "compressed bytes of page " + std::to_string(n) + std::string(50 + n, 'x'); }

void keep_pages(cache::DeflatePack& pack, int from, int to) {
  for (int n = from; n < to; ++n) pack.keep(digest_of("page " + std::to_string(n)), stream(n));
}

// An earlier build's pack: pages [0, count) kept and committed.
void earlier_build(const CacheFolder& cache, int count, const std::string& fingerprint = "program 1") {
  cache::DeflatePack earlier = cache.open(fingerprint);
  keep_pages(earlier, 0, count);
  REQUIRE(earlier.commit());
}

void recall_pages(cache::DeflatePack& pack, int from, int to) {
  for (int n = from; n < to; ++n) CHECK(pack.recall(digest_of("page " + std::to_string(n))) == stream(n));
}

}  // namespace

TEST_SUITE("cache.deflate_pack") {
  TEST_CASE("streams kept by one build are recalled by the next, byte for byte") {
    const CacheFolder cache("round-trip");
    {
      cache::DeflatePack first = cache.open();
      CHECK_FALSE(first.recall(digest_of("page 1")));  // no pack yet
      keep_pages(first, 0, 20);
      first.keep(digest_of("page 3"), "another stream, for the same digest");  // the first one stays
      CHECK(first.kept() == 20);
      CHECK_FALSE(fs::exists(cache.pack()));  // only once committed
      CHECK(first.commit());
    }
    CHECK(fs::exists(cache.root / "CACHEDIR.TAG"));
    CHECK(fs::directory_iterator(cache.folder()) != fs::directory_iterator());
    cache::DeflatePack second = cache.open();
    for (int n = 0; n < 20; ++n) CHECK(second.recall(digest_of("page " + std::to_string(n))) == stream(n));
    CHECK_FALSE(second.recall(digest_of("page 20")));
    CHECK(second.recalled() == 20);
    CHECK(second.kept() == 20);  // what was recalled goes into the next pack
  }

  TEST_CASE("streams are recalled whole in any order: small ones, ones across pieces read ahead, large ones") {
    // Read ahead 256 KiB at a time: streams of 100 KB cross the pieces' ends, one of 600 KB is
    // larger than a piece, and the small ones between them are recalled forwards, backwards (more
    // than the 64 small streams kept when read again) and at random.
    const CacheFolder cache("read-ahead");
    std::vector<std::string> streams;
    constexpr int count = 150;
    for (int n = 0; n < count; ++n) {
      const std::size_t size = n % 10 == 3 ? 100000 : n == 17 ? 600000 : 200 + static_cast<std::size_t>(n);
      std::string bytes(size, '\0');
      for (std::size_t i = 0; i < size; ++i)
        bytes[i] = static_cast<char>('a' + (i * 7 + static_cast<std::size_t>(n)) % 26);
      streams.push_back(bytes);
    }
    {
      cache::DeflatePack earlier = cache.open();
      for (int n = 0; n < count; ++n) earlier.keep(digest_of("stream " + std::to_string(n)), streams[n]);
      REQUIRE(earlier.commit());
    }
    cache::DeflatePack later = cache.open();
    std::vector<int> order;
    for (int n = 0; n < count; ++n) order.push_back(n);
    for (int n = count - 1; n >= 0; --n) order.push_back(n);
    for (int n = 0; n < count; ++n) order.push_back(n * 17 % count);
    for (const int n : order) {
      CAPTURE(n);
      CHECK(later.recall(digest_of("stream " + std::to_string(n))) == streams[n]);
    }
    CHECK(later.recalled() == order.size());
  }

  TEST_CASE("the next pack holds exactly the streams this build used") {
    const CacheFolder cache("used");
    earlier_build(cache, 10);
    {
      cache::DeflatePack second = cache.open();
      CHECK(second.recall(digest_of("page 2")) == stream(2));
      keep_pages(second, 10, 12);
      REQUIRE(second.commit());
    }
    cache::DeflatePack third = cache.open();
    CHECK(third.recall(digest_of("page 2")) == stream(2));
    CHECK(third.recall(digest_of("page 11")) == stream(11));
    CHECK_FALSE(third.recall(digest_of("page 3")));  // unused by the second build: gone
    // A build that used no stream leaves no pack.
    REQUIRE(third.commit());
    CHECK(fs::exists(cache.pack()));
    cache::DeflatePack fourth = cache.open();
    CHECK(fourth.commit());
    CHECK_FALSE(fs::exists(cache.pack()));
  }

  TEST_CASE("a build that used the whole pack in its order leaves it as it is, unwritten") {
    const CacheFolder cache("unchanged");
    earlier_build(cache, 10);
    const ino_t before = inode_of(cache.pack());
    const std::string bytes = file_bytes(cache.pack());
    {
      cache::DeflatePack same = cache.open();
      recall_pages(same, 0, 10);
      same.keep(digest_of("page 4"), stream(4));             // kept already: changes nothing
      CHECK(same.recall(digest_of("page 3")) == stream(3));  // recalled again: nor does this
      CHECK(same.kept() == 10);
      CHECK_FALSE(fs::exists(cache.folder() / ("pdf.pack.next-" + std::to_string(::getpid()))));
      REQUIRE(same.commit());
    }
    CHECK(inode_of(cache.pack()) == before);
    CHECK(file_bytes(cache.pack()) == bytes);
  }

  TEST_CASE("streams read ahead count only when used, in that order") {
    const CacheFolder cache("read-ahead-order");
    earlier_build(cache, 10);
    const ino_t before = inode_of(cache.pack());
    const auto digest = [](int n) { return digest_of("page " + std::to_string(n)); };
    {
      // Read ahead backwards, beside recalls in order: the pack's order is the order of use.
      cache::DeflatePack pack = cache.open();
      for (int n = 9; n >= 5; --n) CHECK(pack.read_ahead(digest(n)) == stream(n));
      CHECK_FALSE(pack.read_ahead(digest(42)));
      CHECK(pack.recalled() == 0);
      CHECK(pack.kept() == 0);
      recall_pages(pack, 0, 5);
      for (int n = 5; n < 10; ++n) pack.use_read_ahead(digest(n), stream(n));
      CHECK(pack.recalled() == 10);
      REQUIRE(pack.commit());
    }
    CHECK(inode_of(cache.pack()) == before);  // used in its order: unwritten
    {
      // Read ahead but never used: not in the next pack.
      cache::DeflatePack pack = cache.open();
      recall_pages(pack, 0, 8);
      CHECK(pack.read_ahead(digest(9)) == stream(9));
      REQUIRE(pack.commit());
    }
    cache::DeflatePack next = cache.open();
    recall_pages(next, 0, 8);
    CHECK_FALSE(next.read_ahead(digest(9)));
    {
      // Said recalled out of the pack's order: the pack is written again, with it.
      REQUIRE(next.commit());
      cache::DeflatePack pack = cache.open();
      const std::optional<std::string> ahead = pack.read_ahead(digest(7));
      REQUIRE(ahead);
      pack.use_read_ahead(digest(7), *ahead);
      recall_pages(pack, 0, 7);
      REQUIRE(pack.commit());
    }
    cache::DeflatePack last = cache.open();
    recall_pages(last, 0, 8);
  }

  TEST_CASE("a stream damaged in the pack is not read ahead") {
    const CacheFolder cache("read-ahead-damaged");
    earlier_build(cache, 3);
    test::damage_in_file(cache.pack(), stream(1));
    cache::DeflatePack pack = cache.open();
    CHECK(pack.read_ahead(digest_of("page 0")) == stream(0));
    CHECK_FALSE(pack.read_ahead(digest_of("page 1")));
    CHECK(pack.read_ahead(digest_of("page 2")) == stream(2));
  }

  TEST_CASE("a build that departs a little from the pack appends to it in place, in the order of use") {
    const CacheFolder cache("departs");
    earlier_build(cache, 10);
    const ino_t before = inode_of(cache.pack());
    const std::string bytes_before = file_bytes(cache.pack());
    const auto unchanged_by_a_build_in_its_order = [&cache](const std::function<void(cache::DeflatePack&)>& use) {
      const ino_t inode = inode_of(cache.pack());
      const std::string bytes = file_bytes(cache.pack());
      cache::DeflatePack again = cache.open();
      use(again);
      REQUIRE(again.commit());
      CHECK(inode_of(cache.pack()) == inode);
      CHECK(file_bytes(cache.pack()) == bytes);
    };

    SUBCASE("a new stream in the middle: appended, the pack's bytes before it kept") {
      {
        cache::DeflatePack pack = cache.open();
        recall_pages(pack, 0, 5);
        pack.keep(digest_of("page 42"), stream(42));
        recall_pages(pack, 5, 10);
        CHECK(pack.kept() == 11);
        CHECK_FALSE(fs::exists(cache.folder() / ("pdf.pack.next-" + std::to_string(::getpid()))));
        REQUIRE(pack.commit());
      }
      CHECK(inode_of(cache.pack()) == before);
      const std::string after = file_bytes(cache.pack());
      CHECK(after.starts_with(bytes_before));
      CHECK(after.find(stream(42), bytes_before.size()) != std::string::npos);
      // The next build, using the streams in the same order, finds the pack in its order.
      unchanged_by_a_build_in_its_order([](cache::DeflatePack& pack) {
        recall_pages(pack, 0, 5);
        CHECK(pack.recall(digest_of("page 42")) == stream(42));
        recall_pages(pack, 5, 10);
      });
    }
    SUBCASE("recalled in another order: a new index only") {
      {
        cache::DeflatePack pack = cache.open();
        recall_pages(pack, 3, 4);
        recall_pages(pack, 0, 3);
        recall_pages(pack, 4, 10);
        REQUIRE(pack.commit());
      }
      CHECK(inode_of(cache.pack()) == before);
      CHECK(file_bytes(cache.pack()).starts_with(bytes_before));
      unchanged_by_a_build_in_its_order([](cache::DeflatePack& pack) {
        recall_pages(pack, 3, 4);
        recall_pages(pack, 0, 3);
        recall_pages(pack, 4, 10);
      });
    }
    SUBCASE("only the first streams used: the rest, more than those, is dropped by a pack written anew") {
      {
        cache::DeflatePack pack = cache.open();
        recall_pages(pack, 0, 4);
        REQUIRE(pack.commit());
      }
      CHECK(inode_of(cache.pack()) != before);
      CHECK(file_bytes(cache.pack()).size() < bytes_before.size());
      cache::DeflatePack next = cache.open();
      recall_pages(next, 0, 4);
      CHECK_FALSE(next.recall(digest_of("page 4")));
    }
    SUBCASE("more new bytes than max_appended: the next pack is written as the build goes") {
      const std::string large(cache::DeflatePack::max_appended, 'L');
      {
        cache::DeflatePack pack = cache.open();
        recall_pages(pack, 0, 5);
        pack.keep(digest_of("page 42"), stream(42));
        CHECK_FALSE(fs::exists(cache.folder() / ("pdf.pack.next-" + std::to_string(::getpid()))));
        pack.keep(digest_of("large"), large);
        CHECK(fs::exists(cache.folder() / ("pdf.pack.next-" + std::to_string(::getpid()))));
        recall_pages(pack, 5, 10);
        CHECK(pack.kept() == 12);
        REQUIRE(pack.commit());
      }
      CHECK(inode_of(cache.pack()) != before);
      unchanged_by_a_build_in_its_order([&large](cache::DeflatePack& pack) {
        recall_pages(pack, 0, 5);
        CHECK(pack.recall(digest_of("page 42")) == stream(42));
        CHECK(pack.recall(digest_of("large")) == large);
        recall_pages(pack, 5, 10);
      });
    }
  }

  TEST_CASE("a pack appended to build after build is written anew now and then, and stays bounded") {
    // Each build replaces one stream with a new one, as a rebuild after an edit does; the old
    // stream and the old index stay behind as bytes no entry names until they outweigh the rest.
    const CacheFolder cache("appended-often");
    earlier_build(cache, 10);
    const std::size_t written_whole = file_bytes(cache.pack()).size();
    std::size_t rewritten = 0;
    for (int build = 0; build < 20; ++build) {
      const ino_t inode = inode_of(cache.pack());
      {
        cache::DeflatePack pack = cache.open();
        recall_pages(pack, 0, 5);
        pack.keep(digest_of("edit " + std::to_string(build)), stream(100 + build));
        recall_pages(pack, 6, 10);
        REQUIRE(pack.commit());
      }
      if (inode_of(cache.pack()) != inode) ++rewritten;
      CHECK(file_bytes(cache.pack()).size() <= 3 * written_whole);
      cache::DeflatePack check = cache.open();
      CHECK(check.recall(digest_of("edit " + std::to_string(build))) == stream(100 + build));
      if (build > 0) CHECK_FALSE(check.recall(digest_of("edit " + std::to_string(build - 1))));
    }
    CHECK(rewritten > 0);
    CHECK(rewritten < 20);
  }

  TEST_CASE("a pack appended to, whose first streams used lie at its end, is still read a piece at a time") {
    // 400 streams of 2,000 bytes (some three pieces of 256 KiB); the next build replaces the first
    // with one appended at the end, and the one after uses it first, then the rest in order.
    const CacheFolder cache("appended-order");
    const auto large = [](int n) { return stream(n) + std::string(2000, static_cast<char>('a' + n % 26)); };
    {
      cache::DeflatePack earlier = cache.open();
      for (int n = 0; n < 400; ++n) earlier.keep(digest_of("page " + std::to_string(n)), large(n));
      REQUIRE(earlier.commit());
    }
    const ino_t before = inode_of(cache.pack());
    {
      cache::DeflatePack pack = cache.open();
      pack.keep(digest_of("new page 0"), large(1000));
      for (int n = 1; n < 400; ++n) CHECK(pack.recall(digest_of("page " + std::to_string(n))) == large(n));
      REQUIRE(pack.commit());
    }
    REQUIRE(inode_of(cache.pack()) == before);  // appended to
    cache::DeflatePack pack = cache.open();
    CHECK(pack.recall(digest_of("new page 0")) == large(1000));
    for (int n = 1; n < 400; ++n) CHECK(pack.recall(digest_of("page " + std::to_string(n))) == large(n));
    CHECK(pack.reads() <= 6);  // one read of the end, a few pieces of the rest: not one read a stream
  }

  TEST_CASE("a pack that cannot be appended to is written anew with the streams held for it") {
    const CacheFolder cache("append-refused");
    earlier_build(cache, 10);
    const auto rebuild = [&cache](const std::function<void()>& before_commit) {
      cache::DeflatePack pack = cache.open();
      recall_pages(pack, 0, 5);
      pack.keep(digest_of("page 42"), stream(42));
      recall_pages(pack, 5, 10);
      before_commit();
      REQUIRE(pack.commit());
    };
    const auto recalls_all = [&cache] {
      cache::DeflatePack next = cache.open();
      recall_pages(next, 0, 5);
      CHECK(next.recall(digest_of("page 42")) == stream(42));
      recall_pages(next, 5, 10);
    };
    SUBCASE("replaced since it was read, by another build's") {
      rebuild([&cache] {
        const fs::path copy = cache.folder() / "copy";
        fs::copy_file(cache.pack(), copy);
        fs::rename(copy, cache.pack());
      });
      recalls_all();
    }
    SUBCASE("torn by a build killed while appending: bytes after its last trailer") {
      write_bytes(cache.pack(), file_bytes(cache.pack()) + "torn bytes of an append");
      const ino_t torn = inode_of(cache.pack());
      rebuild([] {});
      CHECK(inode_of(cache.pack()) != torn);
      CHECK(file_bytes(cache.pack()).find("torn bytes") == std::string::npos);
      recalls_all();
    }
  }

  TEST_CASE("a pack of another program recalls nothing") {
    const CacheFolder cache("fingerprint");
    earlier_build(cache, 3, "program 1");
    cache::DeflatePack other = cache.open("program 2");
    CHECK_FALSE(other.recall(digest_of("page 1")));
    cache::DeflatePack same = cache.open("program 1");
    CHECK(same.recall(digest_of("page 1")) == stream(1));
  }

  TEST_CASE("a damaged pack recalls nothing it cannot read whole, and never fails") {
    const CacheFolder cache("damaged");
    earlier_build(cache, 5);
    const std::string good = file_bytes(cache.pack());
    const std::size_t stream_at = good.find(stream(2));
    REQUIRE(stream_at != std::string::npos);

    SUBCASE("a byte of a stream changed: that stream alone is not recalled") {
      std::string bytes = good;
      bytes[stream_at + 3] ^= 0x20;
      write_bytes(cache.pack(), bytes);
      cache::DeflatePack pack = cache.open();
      CHECK_FALSE(pack.recall(digest_of("page 2")));
      CHECK(pack.recall(digest_of("page 1")) == stream(1));
    }
    SUBCASE("cut short, at every length: nothing is recalled") {
      for (std::size_t length = 0; length < good.size(); length += 7) {
        write_bytes(cache.pack(), good.substr(0, length));
        cache::DeflatePack pack = cache.open();
        CHECK_FALSE(pack.recall(digest_of("page 4")));
      }
    }
    SUBCASE("a damaged offset of the index (its CRC no longer matches): nothing is recalled") {
      std::string bytes = good;
      bytes[bytes.size() - 20] ^= 0x01;  // the index's offset, now one byte off
      write_bytes(cache.pack(), bytes);
      cache::DeflatePack pack = cache.open();
      CHECK_FALSE(pack.recall(digest_of("page 0")));
    }
    SUBCASE("not a pack at all") {
      write_bytes(cache.pack(), "hello");
      cache::DeflatePack pack = cache.open();
      CHECK_FALSE(pack.recall(digest_of("page 0")));
    }
  }

  TEST_CASE("an uncommitted pack leaves the previous one and no stray file") {
    const CacheFolder cache("uncommitted");
    earlier_build(cache, 3);
    {
      cache::DeflatePack abandoned = cache.open();
      keep_pages(abandoned, 3, 6);
    }
    std::vector<std::string> names;
    for (const fs::directory_entry& entry : fs::directory_iterator(cache.folder()))
      names.push_back(entry.path().filename().string());
    CHECK(names == std::vector<std::string>{"pdf.pack"});
    cache::DeflatePack pack = cache.open();
    CHECK(pack.recall(digest_of("page 1")) == stream(1));
    CHECK_FALSE(pack.recall(digest_of("page 4")));
  }

  TEST_CASE("next packs of builds that ended are removed; a running build's is left") {
    const CacheFolder cache("abandoned");
    earlier_build(cache, 3);
    const fs::path ended = cache.folder() / "pdf.pack.next-999999999";  // above any pid_max
    const fs::path running = cache.folder() / ("pdf.pack.next-" + std::to_string(::getppid()));
    const fs::path other = cache.folder() / "epub.pack.next-999999999";  // another pack's
    for (const fs::path& path : {ended, running, other}) write_bytes(path, "unfinished");
    cache::DeflatePack pack = cache.open();
    CHECK_FALSE(fs::exists(ended));
    CHECK(fs::exists(running));
    CHECK(fs::exists(other));
    recall_pages(pack, 0, 3);
  }

  TEST_CASE("a folder that cannot be made: nothing kept, commit says so, the build goes on") {
    const CacheFolder cache("blocked");
    fs::create_directories(cache.root);
    write_bytes(cache.root / "deflated", "a file where the folder should be");
    cache::DeflatePack pack = cache.open();
    keep_pages(pack, 0, 3);
    CHECK_FALSE(pack.commit());
  }

  TEST_CASE("threads keep, recall and read ahead at once") {
    const CacheFolder cache("threads");
    earlier_build(cache, 200);
    cache::DeflatePack pack = cache.open();
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&pack, t] {
        for (int n = t; n < 400; n += 4) {
          const std::string name = "page " + std::to_string(n);
          if (n < 200) {
            CHECK(pack.recall(digest_of(name)) == stream(n));
          } else {
            pack.keep(digest_of(name), stream(n));
          }
        }
      });
    }
    // Readers ahead share one piece of the pack under a lock of their own, beside the recalls
    // (ThreadSanitizer builds of this test look for races between them).
    for (int t = 0; t < 2; ++t) {
      threads.emplace_back([&pack, t] {
        for (int n = t; n < 200; n += 2) CHECK(pack.read_ahead(digest_of("page " + std::to_string(n))) == stream(n));
        CHECK_FALSE(pack.read_ahead(digest_of("page 300")).has_value());
      });
    }
    for (std::thread& thread : threads) thread.join();
    REQUIRE(pack.commit());
    cache::DeflatePack next = cache.open();
    for (int n = 0; n < 400; n += 13) CHECK(next.recall(digest_of("page " + std::to_string(n))) == stream(n));
  }
}
