#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/write_behind.hpp"

using namespace octavo::core;

namespace {

// Pieces of varied sizes (1 to 3,000 bytes), each of one letter, the letters in turn: their order
// and their bounds show in the bytes.
std::vector<std::string> varied_pieces(std::size_t count) {
  std::vector<std::string> pieces;
  for (std::size_t i = 0; i < count; ++i) pieces.emplace_back(1 + (i * 7919) % 3000, static_cast<char>('a' + i % 26));
  return pieces;
}

}  // namespace

TEST_SUITE("core.write_behind") {
  TEST_CASE("the bytes reach the writer whole and in order, in chunks of the size asked, on another thread") {
    std::string received;
    std::vector<std::size_t> chunks;
    const std::thread::id caller = std::this_thread::get_id();
    std::atomic<bool> elsewhere{true};
    std::string given;
    {
      WriteBehind behind(
          [&](std::string_view chunk) {
            if (std::this_thread::get_id() == caller) elsewhere = false;
            received.append(chunk);
            chunks.push_back(chunk.size());
            return true;
          },
          4096, 2);
      for (const std::string& piece : varied_pieces(500)) {
        CHECK(behind.write(piece));
        given += piece;
      }
      CHECK(behind.finish());
    }
    CHECK(received == given);
    REQUIRE(chunks.size() == (given.size() + 4095) / 4096);
    for (std::size_t i = 0; i + 1 < chunks.size(); ++i) CHECK(chunks[i] == 4096);
    CHECK(chunks.back() == given.size() - 4096 * (chunks.size() - 1));
    CHECK(elsewhere);
  }

  TEST_CASE("a failed write stops the writes after it; write and finish then say so") {
    int calls = 0;
    WriteBehind behind([&calls](std::string_view) { return ++calls < 3; }, 100, 4);
    bool refused = false;
    for (int i = 0; i < 50 && !refused; ++i) refused = !behind.write(std::string(100, 'x'));
    CHECK_FALSE(behind.finish());
    CHECK_FALSE(behind.write("more"));
    CHECK(calls == 3);  // the third failed; none was written after it
  }

  TEST_CASE("a write that throws counts as a failed one") {
    int calls = 0;
    WriteBehind behind(
        [&calls](std::string_view) {
          if (++calls == 2) throw std::runtime_error("disk gone");
          return true;
        },
        100, 4);
    for (int i = 0; i < 20; ++i) behind.write(std::string(100, 'x'));
    CHECK_FALSE(behind.finish());
    CHECK(calls == 2);
  }

  TEST_CASE("a writer slower than the caller holds the caller back: at most the chunks in flight wait") {
    constexpr std::size_t chunk = 1000, in_flight = 3;
    std::atomic<std::size_t> written{0};
    WriteBehind behind(
        [&written](std::string_view bytes) {
          std::this_thread::sleep_for(std::chrono::microseconds(300));
          written += bytes.size();
          return true;
        },
        chunk, in_flight);
    std::size_t given = 0;
    std::size_t most_ahead = 0;
    for (const std::string& piece : varied_pieces(300)) {
      REQUIRE(behind.write(piece));
      given += piece.size();
      most_ahead = std::max(most_ahead, given - written);
    }
    CHECK(behind.finish());
    CHECK(written == given);
    MESSAGE("the caller was at most " << most_ahead << " bytes ahead of the file");
    // The chunks in flight, the one gathering and the piece being split into it.
    CHECK(most_ahead <= (in_flight + 1) * chunk + 3000);
    CHECK(most_ahead >= chunk);  // the writer did fall behind
  }

  TEST_CASE("nothing written is nothing handed to the writer") {
    int calls = 0;
    WriteBehind behind([&calls](std::string_view) { return ++calls > 0; });
    CHECK(behind.write(""));
    CHECK(behind.finish());
    CHECK(calls == 0);
  }
}
