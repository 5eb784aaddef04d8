// A table of answers by text, for a thread's memo of them (core/thread_memo.hpp,
// layout/word_shapes.cpp): open addressing, with no lock and no division.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace octavo::core {

/// Answers by text: open addressing in a table of a power of two entries, at most half of them
/// used, probed one after the other from the text's hash. A look-up masks the hash
/// (no division) and mostly reads one entry; a profile of a first build found std::unordered_map's
/// look-ups here at 7 % of the PDF's time, half of it dividing by a prime bucket count and the rest
/// following nodes.
template <typename Answer>
class TextTable {
 public:
  /// The answer kept for `text`, whose hash is `hash`; null if none.
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
  /// Keeps `answer` for `text`, which must not be in the table yet; the answer as placed, good
  /// until the next insert.
  const Answer& insert(std::string_view text, std::size_t hash, Answer answer) {
    if ((size_ + 1) * 2 > entries_.size()) grow();
    ++size_;
    return place({tag_of(hash), std::string(text), std::move(answer)}).answer;
  }
  /// How many answers are kept.
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

}  // namespace octavo::core
