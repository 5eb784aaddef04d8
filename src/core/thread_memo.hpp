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
  // One source's answers, by text: open addressing in a table of a power of two entries, at most
  // half of them used, probed one after the other from the text's hash. A look-up masks the hash
  // (no division) and mostly reads one entry; a profile of a first build found std::unordered_map's
  // look-ups here at 7 % of the PDF's time, half of it dividing by a prime bucket count and the rest
  // following nodes.
  class Answers {
   public:
    const Answer* find(std::string_view text, std::size_t hash) const {
      if (entries_.empty()) return nullptr;
      const std::size_t tag = tag_of(hash);
      const std::size_t mask = entries_.size() - 1;
      for (std::size_t at = tag & mask;; at = (at + 1) & mask) {
        const Entry& entry = entries_[at];
        if (entry.tag == 0) return nullptr;
        if (entry.tag == tag && entry.text == text) return &entry.answer;
      }
    }
    // `text` must not be in the table yet. The answer as placed, good until the next insert.
    const Answer& insert(std::string_view text, std::size_t hash, Answer answer) {
      if ((size_ + 1) * 2 > entries_.size()) grow();
      ++size_;
      return place({tag_of(hash), std::string(text), std::move(answer)}).answer;
    }
    std::size_t size() const { return size_; }

   private:
    struct Entry {
      std::size_t tag = 0;  // the text's hash with its highest bit set; 0: an empty entry
      std::string text;
      Answer answer{};
    };
    // The highest bit, which no table's mask reaches: where a text's probing starts is its hash's.
    static std::size_t tag_of(std::size_t hash) { return hash | ~(~std::size_t{0} >> 1); }
    Entry& place(Entry entry) {
      const std::size_t mask = entries_.size() - 1;
      std::size_t at = entry.tag & mask;
      while (entries_[at].tag != 0) at = (at + 1) & mask;
      entries_[at] = std::move(entry);
      return entries_[at];
    }
    void grow() {
      std::vector<Entry> old = std::exchange(entries_, std::vector<Entry>(entries_.empty() ? 16 : entries_.size() * 2));
      for (Entry& entry : old) {
        if (entry.tag != 0) place(std::move(entry));
      }
    }
    std::vector<Entry> entries_;
    std::size_t size_ = 0;
  };

  struct Slot {
    std::uint64_t source = 0;  // 0: free
    std::uint64_t last_used = 0;
    Answers answers;
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
