// Answers a thread keeps for itself, so that asking again costs a look-up and takes no lock: for
// answers that depend only on their source (a Hyphenator's patterns, a font) and a text (a word),
// which stay true however often they are recalled. Declared thread_local where it is used. A
// source is named by a serial (new_memo_source) that no other source of the process shares, so a
// source made later at a dropped one's address never takes its answers.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text_hash.hpp"
#include "core/text_table.hpp"

namespace octavo::core {

/// A serial for a new source of answers: never 0, never given before in this process.
std::uint64_t new_memo_source();

/// Holds the answers of the `sources` sources used most recently, each up to `max_keys` texts: a
/// source's answers are all forgotten when it is full, and those of the source used least recently
/// when another source's first answer is kept. Memory stays bounded whatever the book's vocabulary:
/// at most `sources` × `max_keys` answers and their texts a thread. `Hash` is TextHash but in
/// tests, which give every text one hash to make the texts collide.
template <typename Answer, std::size_t sources = 4, typename Hash = TextHash>
class ThreadMemo {
 public:
  explicit ThreadMemo(std::size_t max_keys) : max_keys_(max_keys) {}

  /// The answer kept for `text` from `source`; null if there is none. A miss forgets nothing. The
  /// pointer is good until the next keep().
  const Answer* find(std::uint64_t source, std::string_view text) {
    Slot* slot = slot_of(source);
    return slot == nullptr ? nullptr : slot->answers.find(text, Hash{}(text));
  }
  /// Keeps `answer` for `text` from `source`, unless an answer is kept for it already, and returns
  /// the answer kept for `text`: `answer`, or the one kept before it. The reference is good until
  /// the next keep().
  const Answer& keep(std::uint64_t source, std::string_view text, Answer answer) {
    Slot* slot = slot_of(source);
    if (slot == nullptr) slot = &take_least_recent(source);
    const std::size_t hash = Hash{}(text);
    if (const Answer* kept = slot->answers.find(text, hash)) return *kept;
    if (slot->answers.size() >= max_keys_) slot->answers = {};
    return slot->answers.insert(text, hash, std::move(answer));
  }

 private:
  struct Slot {
    std::uint64_t source = 0;  // 0: free
    std::uint64_t last_used = 0;
    TextTable<Answer> answers;
  };
  // The slot holding `source`'s answers, marked as just used; null if it has none.
  Slot* slot_of(std::uint64_t source) {
    for (Slot& slot : slots_) {
      if (slot.source == source) {
        slot.last_used = ++clock_;
        return &slot;
      }
    }
    return nullptr;
  }
  // The slot used least recently (a free one first), emptied (its memory given back) for `source`.
  Slot& take_least_recent(std::uint64_t source) {
    Slot* oldest = &slots_.front();
    for (Slot& slot : slots_) {
      if (slot.last_used < oldest->last_used) oldest = &slot;
    }
    oldest->source = source;
    oldest->last_used = ++clock_;
    oldest->answers = {};
    return *oldest;
  }

  std::size_t max_keys_;
  std::array<Slot, sources> slots_{};
  std::uint64_t clock_ = 0;
};

}  // namespace octavo::core
