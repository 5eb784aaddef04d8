#include "layout/hyphenator.hpp"

#include <hyphen.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/sha256.hpp"
#include "core/unicode.hpp"
#include "core/utf8.hpp"

namespace octavo::layout {
namespace {

// Longer letter runs are not words a reader expects hyphenated (and libhyphen's buffers are
// sized for words).
constexpr std::size_t max_word_characters = 64;

// Punctuation that may stand before a word: ( [ { " ' “ ‘ « — and German „ ‚.
constexpr std::array<std::string_view, 11> opening{"(",      "[",      "{",      "\"",     "'",     "\u201C",
                                                   "\u2018", "\u00AB", "\u2014", "\u201E", "\u201A"};
// Punctuation that may follow it: . , ; : ! ? ) ] } " ' ” ’ » … — and German “ ‘ (which close „ ‚).
constexpr std::array<std::string_view, 18> closing{".",      ",",      ";",      ":",      "!",      "?",
                                                   ")",      "]",      "}",      "\"",     "'",      "\u201D",
                                                   "\u2019", "\u00BB", "\u2026", "\u2014", "\u201C", "\u2018"};

bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Letters are the general categories L* (Lu, Ll, Lt, Lm, Lo); marks M* combine with the letter
// before them. ASCII is answered without asking ICU: most words of most books are ASCII.
bool is_letter(char32_t c) { return c < 0x80 ? is_ascii_letter(c) : core::general_category(c).starts_with('L'); }
bool is_mark(char32_t c) { return c >= 0x80 && core::general_category(c).starts_with('M'); }
bool is_capital(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  const std::string_view category = core::general_category(c);
  return category == "Lu" || category == "Lt";
}

// The lower case of one letter, or 0 when it is more than one character ("İ" → "i̇").
char32_t lower_letter(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
  std::string letter;
  core::append_utf8(letter, c);
  const std::string lower = core::lower_case(letter);
  std::size_t pos = 0;
  const char32_t result = core::decode_utf8(lower, pos);
  return pos == lower.size() ? result : 0;
}

template <std::size_t N>
std::size_t strip_prefix(std::string_view text, const std::array<std::string_view, N>& marks) {
  std::size_t pos = 0;
  for (bool found = true; found;) {
    found = false;
    for (std::string_view mark : marks) {
      if (text.substr(pos).starts_with(mark)) {
        pos += mark.size();
        found = true;
        break;
      }
    }
  }
  return pos;
}

template <std::size_t N>
std::size_t strip_suffix(std::string_view text, const std::array<std::string_view, N>& marks) {
  std::size_t end = text.size();
  for (bool found = true; found;) {
    found = false;
    for (std::string_view mark : marks) {
      if (text.substr(0, end).ends_with(mark)) {
        end -= mark.size();
        found = true;
        break;
      }
    }
  }
  return end;
}

// The letters of "kratom’s" or "don't" before the apostrophe; the whole of other text.
std::string_view before_ending(std::string_view text) {
  for (std::string_view apostrophe : {std::string_view("'"), std::string_view("\u2019")}) {
    const std::size_t at = text.rfind(apostrophe);
    if (at == std::string_view::npos || at == 0) continue;
    bool letters = at + apostrophe.size() < text.size();
    for (std::size_t i = at + apostrophe.size(); letters && i < text.size();) {
      const char32_t c = core::decode_utf8(text, i);
      letters = is_letter(c) || is_mark(c);
    }
    if (letters) return text.substr(0, at);
  }
  return text;
}

// The word after an elided article or pronoun of one or two letters and an apostrophe (French
// "l’administration", "qu’aujourd’hui", Italian "un’altra", Catalan "l’home"): the word the
// patterns know, so that it hyphenates as it would alone, the elision kept whole before it. The
// whole of other text; "it’s" and "we’re" keep their stem before the apostrophe (before_ending),
// their part after being too short to hyphenate anyway.
std::string_view after_elision(std::string_view text) {
  for (std::string_view apostrophe : {std::string_view("'"), std::string_view("\u2019")}) {
    const std::size_t at = text.find(apostrophe);
    if (at == std::string_view::npos || at == 0) continue;
    std::size_t letters = 0;
    bool elision = true;
    for (std::size_t i = 0; elision && i < at;) {
      const char32_t c = core::decode_utf8(text, i);
      elision = is_letter(c) && ++letters <= 2;
    }
    if (elision) return text.substr(at + apostrophe.size());
  }
  return text;
}

// How the pattern file spells its letters (its first line): libhyphen matches bytes, so a word
// must be put in the same encoding. Debian's en and fr files are UTF-8, de is ISO8859-1.
enum class Charset { utf8, latin1, ascii };

Charset charset_of(const HyphenDict& dict) {
  if (dict.utf8 != 0) return Charset::utf8;
  const std::string_view cset(dict.cset);
  if (cset == "ISO8859-1" || cset == "ISO-8859-1") return Charset::latin1;
  // Other single-byte charsets (ISO8859-2, KOI8-R, …) would each need a table: ASCII words only.
  return Charset::ascii;
}

// Appends `c` in `charset`; false when the charset has no such character.
bool append_in(std::string& out, char32_t c, Charset charset) {
  if (charset == Charset::utf8) {
    core::append_utf8(out, c);
    return true;
  }
  if (c >= (charset == Charset::latin1 ? 0x100U : 0x80U)) return false;
  out += static_cast<char>(static_cast<unsigned char>(c));
  return true;
}

// A word as the patterns see it: one lower-case character per character of the word, and where
// each of those ends in the word's bytes. Nullopt for a word that is not made of letters only.
struct PatternWord {
  std::string text;               // in the pattern file's charset
  std::vector<std::size_t> ends;  // byte offset in the word after each character, marks included
};

std::optional<PatternWord> pattern_word(std::string_view letters, Charset charset) {
  PatternWord word;
  for (std::size_t pos = 0; pos < letters.size();) {
    char32_t c = core::decode_utf8(letters, pos);  // invalid UTF-8 is U+FFFD, not a letter
    if (!is_letter(c)) return std::nullopt;
    // A capital after the first letter: an acronym (GABA, NASA) or a name like McCoy.
    if (!word.ends.empty() && is_capital(c)) return std::nullopt;
    c = lower_letter(c);
    if (c == 0) return std::nullopt;
    // Combining marks stay with their letter ("e" + U+0301): the patterns know the composed
    // "é" (NFC), so compose them; a mark that does not compose leaves the word whole.
    for (std::size_t next = pos; next < letters.size(); pos = next) {
      const char32_t mark = core::decode_utf8(letters, next);
      if (!is_mark(mark)) break;
      c = core::canonical_composition(c, mark);
      if (c == 0) return std::nullopt;
    }
    if (!append_in(word.text, c, charset)) return std::nullopt;
    word.ends.push_back(pos);
    if (word.ends.size() > max_word_characters) return std::nullopt;
  }
  return word;
}

// --- Loading the patterns -------------------------------------------------------------------
//
// libhyphen's own loader (hnj_hyphen_load_file, hyphen.c) takes about 7 ms for the 11,000 en-US
// patterns, the longest step before layout of a small book: a string hash table of 31,627
// buckets and a malloc for every state, key, match and transition, then a hash lookup of every
// suffix of every state for its fallback. The automaton below is the one it builds, made with one
// table of transitions and Aho–Corasick's breadth-first failure links, and handed to
// hnj_hyphen_hyphenate3 as the same HyphenDict structures:
// - a state for every prefix of every pattern's letters ("" is state 0), a transition from each
//   prefix to the prefix one byte longer;
// - a pattern's digits, leading zeros dropped, as its state's `match` (a later pattern with the
//   same letters replaces it), with its replacement ("/" …) as libhyphen reads it;
// - each state's fallback: the longest proper suffix of its string that is a state (0 for one
//   letter; state 0 has none, -1) — what hyphen.c finds by hash lookups and BFS finds by links;
// - the keywords LEFTHYPHENMIN, RIGHTHYPHENMIN, COMPOUNDLEFTHYPHENMIN, COMPOUNDRIGHTHYPHENMIN and
//   NOHYPHEN; NEXTLEVEL and, without it, libhyphen's default first level (hyphen and apostrophe).
// Lines are read as fgets reads them into libhyphen's 100-byte buffer (libhyphen 2.8.8 reads the
// rest of a longer line as a line of its own). State numbers differ, which nothing depends on;
// testing::libhyphen_difference compares the two automata.

// libhyphen's buffers (hyphen.h): a pattern line, and the charset name on the first line.
constexpr std::size_t max_line = MAX_CHARS;
constexpr std::size_t max_name = MAX_NAME;

// A HyphenDict and the storage it points into.
struct DictionaryLevel {
  HyphenDict dict{};
  std::vector<HyphenState> states;
  std::vector<HyphenTrans> transitions;
  std::vector<char> strings;   // every match and replacement, each ending in a NUL
  std::vector<char> nohyphen;  // libhyphen's NOHYPHEN buffer
};

// The bytes of a pattern file, taken as libhyphen's loader takes them from its FILE*.
class PatternLines {
 public:
  explicit PatternLines(std::string_view bytes) : bytes_(bytes) {}

  // fgets(buffer, size, file): the bytes up to and including the first '\n', at most size - 1 of
  // them (the rest of a longer line comes next, as a line of its own); nullopt at the end.
  std::optional<std::string_view> next(std::size_t size) {
    if (at_ >= bytes_.size()) return std::nullopt;
    const std::size_t limit = std::min(bytes_.size() - at_, size - 1);
    const std::size_t newline = bytes_.substr(at_, limit).find('\n');
    const std::size_t length = newline == std::string_view::npos ? limit : newline + 1;
    const std::string_view line = bytes_.substr(at_, length);
    at_ += length;
    return line;
  }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

// A C string's view of a buffer: up to its first NUL.
std::string_view c_string(std::string_view buffer) { return buffer.substr(0, buffer.find('\0')); }

// C's atoi: leading white space, a sign, digits; 0 for none.
int c_atoi(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size() && (text[at] == ' ' || (text[at] >= '\t' && text[at] <= '\r'))) ++at;
  bool negative = false;
  if (at < text.size() && (text[at] == '+' || text[at] == '-')) negative = text[at++] == '-';
  long value = 0;
  for (; at < text.size() && text[at] >= '0' && text[at] <= '9' && value < 1000000000; ++at) {
    value = value * 10 + (text[at] - '0');
  }
  return static_cast<int>(negative ? -value : value);
}

// The trie's transitions: (state, byte) → state, in one open-addressed table (linear probing)
// of 8-byte entries, the key in the high half and the state in the low: a node-based map spent
// most of the loading time allocating and chasing its nodes, and the lookups miss the cache, so
// the table is kept small. States stay below max_states (a pattern file of some 50 MB).
class TransitionTable {
 public:
  static constexpr std::size_t max_states = (1 << 24) - 1;

  TransitionTable() : entries_(initial_size, 0) {}

  // The state reached from `state` by `ch`; -1 if none.
  int find(int state, char ch) const {
    const std::uint32_t key = key_of(state, ch);
    for (std::size_t at = slot(key);; at = (at + 1) & (entries_.size() - 1)) {
      const std::uint64_t entry = entries_[at];
      if (entry == 0) return -1;
      if (static_cast<std::uint32_t>(entry >> 32) == key) return static_cast<int>(entry & 0xFFFFFFFF);
    }
  }

  // The state reached from `state` by `ch`, made `next` if there was none (then `added`).
  int find_or_add(int state, char ch, int next, bool& added) {
    if (2 * (count_ + 1) > entries_.size()) grow();
    const std::uint32_t key = key_of(state, ch);
    std::size_t at = slot(key);
    for (; entries_[at] != 0; at = (at + 1) & (entries_.size() - 1)) {
      if (static_cast<std::uint32_t>(entries_[at] >> 32) == key) {
        added = false;
        return static_cast<int>(entries_[at] & 0xFFFFFFFF);
      }
    }
    entries_[at] = (static_cast<std::uint64_t>(key) << 32) | static_cast<std::uint32_t>(next);
    ++count_;
    added = true;
    return next;
  }

 private:
  static constexpr std::size_t initial_size = 1024;  // a power of two
  std::vector<std::uint64_t> entries_;               // 0: empty (no key is 0)
  std::size_t count_ = 0;

  // Never 0, and no overflow below max_states.
  static std::uint32_t key_of(int state, char ch) {
    return ((static_cast<std::uint32_t>(state) << 8) | static_cast<unsigned char>(ch)) + 1;
  }
  std::size_t slot(std::uint32_t key) const {
    // Fibonacci hashing: the top bits of the key times 2^32 / φ.
    const int bits = std::countr_zero(entries_.size());
    return static_cast<std::size_t>((key * 0x9E3779B9U) >> (32 - bits));
  }
  void grow() {
    std::vector<std::uint64_t> entries(entries_.size() * 2, 0);
    std::swap(entries, entries_);
    for (const std::uint64_t entry : entries) {
      if (entry == 0) continue;
      std::size_t at = slot(static_cast<std::uint32_t>(entry >> 32));
      while (entries_[at] != 0) at = (at + 1) & (entries_.size() - 1);
      entries_[at] = entry;
    }
  }
};

// One level of patterns (a HyphenDict) while it is read.
class LevelBuilder {
 public:
  LevelBuilder() { states_.emplace_back(); }

  char lhmin = 0, rhmin = 0, clhmin = 0, crhmin = 0;
  std::optional<std::string> nohyphen;  // libhyphen's buffer: the elements separated by NULs
  int nohyphen_count = 0;
  bool too_many_states = false;  // then the level is not usable

  // hnj_hyphen_load_line: one line (a C string, its newline included) of `utf8` patterns.
  void add_line(std::string_view line, bool utf8) {
    line = c_string(line);
    const auto keyword = [&line](std::string_view name) { return line.starts_with(name); };
    if (keyword("LEFTHYPHENMIN")) {
      lhmin = static_cast<char>(c_atoi(line.substr(13)));
    } else if (keyword("RIGHTHYPHENMIN")) {
      rhmin = static_cast<char>(c_atoi(line.substr(14)));
    } else if (keyword("COMPOUNDLEFTHYPHENMIN")) {
      clhmin = static_cast<char>(c_atoi(line.substr(21)));
    } else if (keyword("COMPOUNDRIGHTHYPHENMIN")) {
      crhmin = static_cast<char>(c_atoi(line.substr(22)));
    } else if (keyword("NOHYPHEN")) {
      add_nohyphen(line.substr(8));
    } else {
      add_pattern(line, utf8);
    }
  }

  // The finished level, its storage owned by `level`.
  void finish(DictionaryLevel& level, std::string_view cset, bool utf8) const;

 private:
  // A piece of text_: where it starts, -1 for none.
  struct Text {
    std::ptrdiff_t at = -1;
    std::size_t size = 0;
  };
  struct State {
    int parent = -1;
    char ch = 0;
    Text match;
    Text repl;
    signed char replindex = 0;
    signed char replcut = 0;
  };
  std::vector<State> states_;  // state 0 is ""
  TransitionTable children_;
  std::string text_;  // every match and replacement read (a later one may replace an earlier)

  Text keep(std::string_view text) {
    const Text kept{static_cast<std::ptrdiff_t>(text_.size()), text.size()};
    text_ += text;
    return kept;
  }

  int state_for(std::string_view letters) {
    int state = 0;
    for (const char ch : letters) {
      if (states_.size() >= TransitionTable::max_states) {
        too_many_states = true;
        return 0;
      }
      bool added = false;
      const int child = children_.find_or_add(state, ch, static_cast<int>(states_.size()), added);
      if (added) {
        states_.emplace_back();
        states_.back().parent = state;
        states_.back().ch = ch;
      }
      state = child;
    }
    return state;
  }

  void add_nohyphen(std::string_view rest) {
    const std::size_t skip = rest.find_first_not_of(" \t");
    rest = skip == std::string_view::npos ? std::string_view() : rest.substr(skip);
    nohyphen.reset();
    nohyphen_count = 0;
    if (rest.empty()) return;
    // The last byte (the newline) is cut, then each ',' after the first byte ends an element.
    std::string list(rest);
    list.back() = '\0';
    for (std::size_t at = list.size() - 1; at-- > 1;) {
      if (list[at] == ',') {
        ++nohyphen_count;
        list[at] = '\0';
      }
    }
    nohyphen = std::move(list);
  }

  void add_pattern(std::string_view line, bool utf8);
};

void LevelBuilder::add_pattern(std::string_view line, bool utf8) {
  std::optional<std::string> repl;
  signed char replindex = 0;
  signed char replcut = 0;
  if (const std::size_t slash = line.find('/'); slash != std::string_view::npos) {
    std::string_view after = line.substr(slash + 1);
    line = line.substr(0, slash);
    if (const std::size_t comma = after.find(','); comma != std::string_view::npos) {
      // "/replacement,index,cut": index counts from 1.
      const std::string_view numbers = after.substr(comma + 1);
      repl = std::string(after.substr(0, comma));
      if (const std::size_t comma2 = numbers.find(','); comma2 != std::string_view::npos) {
        replindex = static_cast<signed char>(static_cast<signed char>(c_atoi(numbers.substr(0, comma2))) - 1);
        replcut = static_cast<signed char>(c_atoi(numbers.substr(comma2 + 1)));
      }
    } else {
      // hnj_strchomp: the last byte goes if it is CR or LF, and the one before it if it is CR.
      std::string chomped(after);
      const std::size_t length = chomped.size();
      if (length > 0 && (chomped[length - 1] == '\r' || chomped[length - 1] == '\n')) chomped[length - 1] = '\0';
      if (length > 1 && chomped[length - 2] == '\r') chomped[length - 2] = '\0';
      repl = std::string(c_string(chomped));
      replcut = static_cast<signed char>(line.size());
    }
  }
  std::string word;
  std::string pattern = "0";
  for (std::size_t i = 0; i < line.size() && static_cast<unsigned char>(line[i]) > ' ' && word.size() < max_line - 1;
       ++i) {
    if (line[i] >= '0' && line[i] <= '9') {
      pattern.back() = line[i];
    } else {
      word += line[i];
      pattern += '0';
    }
  }
  std::size_t skip = 0;
  if (!repl) {
    while (skip < pattern.size() && pattern[skip] == '0') ++skip;
  } else {
    const bool dot = !word.empty() && word[0] == '.';
    if (dot) skip = 1;
    if (utf8) {
      // Replacement positions count characters; libhyphen turns them into bytes.
      int character = -1, start = -1;
      for (std::size_t at = dot ? 1 : 0; at < word.size() + 1; ++at) {
        const unsigned char byte = at < word.size() ? static_cast<unsigned char>(word[at]) : 0;
        if ((byte >> 6) != 2) ++character;
        if (start < 0 && replindex == character) {
          start = replindex;
          replindex = static_cast<signed char>(at);
        }
        if (start >= 0 && character - start == replcut) {
          replcut = static_cast<signed char>(static_cast<int>(at) - replindex);
          break;
        }
      }
      if (dot) --replindex;
    }
  }
  State& state = states_[static_cast<std::size_t>(state_for(word))];
  state.match = keep(std::string_view(pattern).substr(std::min(skip, pattern.size())));
  state.repl = repl ? keep(*repl) : Text{};
  state.replindex = replindex;
  state.replcut = replcut != 0 ? replcut : static_cast<signed char>(word.size());
}

void LevelBuilder::finish(DictionaryLevel& level, std::string_view cset, bool utf8) const {
  const std::size_t count = states_.size();
  // Transitions grouped by state: counted, then placed.
  std::vector<int> first(count + 1, 0);
  for (std::size_t state = 1; state < count; ++state) ++first[static_cast<std::size_t>(states_[state].parent) + 1];
  for (std::size_t state = 0; state < count; ++state) first[state + 1] += first[state];
  level.transitions.assign(count - 1, HyphenTrans{});
  std::vector<int> filled(first.begin(), first.end() - 1);
  for (std::size_t state = 1; state < count; ++state) {
    const auto parent = static_cast<std::size_t>(states_[state].parent);
    level.transitions[static_cast<std::size_t>(filled[parent]++)] = {states_[state].ch, static_cast<int>(state)};
  }
  // Fallbacks breadth first (Aho–Corasick): the longest proper suffix of a state that is a state.
  std::vector<int> fallback(count, 0);
  fallback[0] = -1;
  std::vector<int> queue = {0};
  queue.reserve(count);
  for (std::size_t next = 0; next < queue.size(); ++next) {
    const auto state = static_cast<std::size_t>(queue[next]);
    for (int t = first[state]; t < first[state + 1]; ++t) {
      const HyphenTrans& transition = level.transitions[static_cast<std::size_t>(t)];
      int suffix = fallback[state];
      for (; suffix >= 0; suffix = fallback[static_cast<std::size_t>(suffix)]) {
        if (const int found = children_.find(suffix, transition.ch); found >= 0) {
          suffix = found;
          break;
        }
      }
      fallback[static_cast<std::size_t>(transition.new_state)] = suffix < 0 ? 0 : suffix;
      queue.push_back(transition.new_state);
    }
  }
  // The strings, then the states pointing into them.
  std::vector<std::pair<std::ptrdiff_t, std::ptrdiff_t>> at(count, {-1, -1});
  const auto add_string = [&level, this](Text text) {
    const auto start = static_cast<std::ptrdiff_t>(level.strings.size());
    level.strings.insert(level.strings.end(), text_.begin() + text.at,
                         text_.begin() + text.at + static_cast<std::ptrdiff_t>(text.size));
    level.strings.push_back('\0');
    return start;
  };
  level.strings.reserve(text_.size() + 2 * count);
  for (std::size_t state = 0; state < count; ++state) {
    const State& from = states_[state];
    if (from.match.at >= 0) at[state].first = add_string(from.match);
    if (from.repl.at >= 0) at[state].second = add_string(from.repl);
  }
  level.states.assign(count, HyphenState{});
  for (std::size_t state = 0; state < count; ++state) {
    HyphenState& to = level.states[state];
    const State& from = states_[state];
    to.match = at[state].first < 0 ? nullptr : level.strings.data() + at[state].first;
    to.repl = at[state].second < 0 ? nullptr : level.strings.data() + at[state].second;
    to.replindex = from.replindex;
    to.replcut = from.replcut;
    to.fallback_state = fallback[state];
    to.num_trans = first[state + 1] - first[state];
    to.trans = to.num_trans == 0 ? nullptr : level.transitions.data() + first[state];
  }
  if (nohyphen) level.nohyphen.assign(nohyphen->begin(), nohyphen->end());
  if (nohyphen) level.nohyphen.push_back('\0');
  HyphenDict& dict = level.dict;
  dict.lhmin = lhmin;
  dict.rhmin = rhmin;
  dict.clhmin = clhmin;
  dict.crhmin = crhmin;
  dict.nohyphen = nohyphen ? level.nohyphen.data() : nullptr;
  dict.nohyphenl = nohyphen_count;
  dict.num_states = static_cast<int>(count);
  cset.copy(dict.cset, std::min(cset.size(), sizeof dict.cset - 1));
  dict.utf8 = utf8 ? 1 : 0;
  dict.states = level.states.data();
  dict.nextlevel = nullptr;
}

// hnj_hyphen_load_file on `bytes`: the levels, the first the one hyphenation starts with; none
// if a level has too many states.
std::vector<std::unique_ptr<DictionaryLevel>> load_levels(std::string_view bytes) {
  PatternLines lines(bytes);
  // The charset: the first line, up to MAX_NAME - 1 bytes, cut at CR or LF.
  std::string cset;
  if (const std::optional<std::string_view> first = lines.next(max_name)) {
    cset = std::string(c_string(*first).substr(0, c_string(*first).find_first_of("\r\n")));
  }
  const bool utf8 = cset == "UTF-8";
  std::array<LevelBuilder, 2> builders;
  bool next_level = false;
  for (std::size_t k = 0; k < 2; ++k) {
    LevelBuilder& level = builders[k];
    if (k == 0 || next_level) {
      while (const std::optional<std::string_view> line = lines.next(max_line)) {
        if (line->starts_with("NEXTLEVEL")) {
          next_level = true;
          break;
        }
        if (!line->starts_with('%')) level.add_line(*line, utf8);
      }
    } else {
      // libhyphen's default first level: no break at a hyphen or an apostrophe.
      level.add_line(utf8 ? "NOHYPHEN ',\xe2\x80\x93,\xe2\x80\x99,-\n" : "NOHYPHEN ',-\n", utf8);
      level.add_line("1-1\n", utf8);
      level.add_line("1'1\n", utf8);
      if (utf8) {
        level.add_line(
            "1\xe2\x80\x93"
            "1\n",
            utf8);
        level.add_line(
            "1\xe2\x80\x99"
            "1\n",
            utf8);
      }
    }
  }
  std::vector<std::unique_ptr<DictionaryLevel>> levels;
  if (builders[0].too_many_states || builders[1].too_many_states) return levels;
  for (const LevelBuilder& builder : builders) {
    levels.push_back(std::make_unique<DictionaryLevel>());
    builder.finish(*levels.back(), cset, utf8);
  }
  HyphenDict& patterns = levels[0]->dict;
  HyphenDict& defaults = levels[1]->dict;
  if (next_level) {
    patterns.nextlevel = &defaults;
    return levels;
  }
  // Without NEXTLEVEL the default level comes first and the file's patterns second.
  defaults.nextlevel = &patterns;
  defaults.lhmin = patterns.lhmin;
  defaults.rhmin = patterns.rhmin;
  defaults.clhmin = patterns.clhmin != 0 ? patterns.clhmin : (patterns.lhmin != 0 ? patterns.lhmin : char{3});
  defaults.crhmin = patterns.crhmin != 0 ? patterns.crhmin : (patterns.rhmin != 0 ? patterns.rhmin : char{3});
  std::swap(levels[0], levels[1]);
  return levels;
}

}  // namespace

struct Hyphenator::Dictionary {
  std::vector<std::unique_ptr<DictionaryLevel>> levels;
  HyphenDict* dict = nullptr;
  Charset charset = Charset::ascii;
};

Hyphenator::Hyphenator() = default;

Hyphenator::Hyphenator(std::string_view patterns) {
  if (patterns.empty()) return;
  std::vector<std::unique_ptr<DictionaryLevel>> levels = load_levels(patterns);
  if (levels.empty()) return;
  dictionary_ = std::make_unique<Dictionary>();
  dictionary_->levels = std::move(levels);
  dictionary_->dict = &dictionary_->levels.front()->dict;
  dictionary_->charset = charset_of(*dictionary_->dict);
  patterns_digest_ = core::sha256_hex(patterns);
}

Hyphenator::~Hyphenator() = default;
Hyphenator::Hyphenator(Hyphenator&&) noexcept = default;
Hyphenator& Hyphenator::operator=(Hyphenator&&) noexcept = default;

std::vector<std::size_t> Hyphenator::hyphenation_points(std::string_view word) const {
  std::vector<std::size_t> points;
  if (empty()) return points;
  const std::size_t start = strip_prefix(word, opening);
  const std::size_t end = strip_suffix(word, closing);
  if (end <= start) return points;
  const std::string_view letters = before_ending(after_elision(word.substr(start, end - start)));
  if (letters.size() < left_hyphen_min + right_hyphen_min) return points;
  const std::optional<PatternWord> lower = pattern_word(letters, dictionary_->charset);
  if (!lower) return points;
  const std::size_t characters = lower->ends.size();
  if (characters < left_hyphen_min + right_hyphen_min) return points;
  // The patterns are lower case; hyphens[i] odd means a break after character i. libhyphen
  // counts characters, not bytes, in a UTF-8 dictionary (measured with libhyphen 2.8.8: it
  // packs hyphens[] to one entry per character), and a single-byte charset has one byte each.
  std::vector<char> hyphens(lower->text.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  const int size = static_cast<int>(lower->text.size());
  if (hnj_hyphen_hyphenate3(dictionary_->dict, lower->text.c_str(), size, hyphens.data(), nullptr, &rep, &pos, &cut,
                            static_cast<int>(left_hyphen_min), static_cast<int>(right_hyphen_min), 1, 1) != 0) {
    return points;
  }
  const std::size_t offset = static_cast<std::size_t>(letters.data() - word.data());
  for (std::size_t i = 0; i + 1 < characters; ++i) {
    const std::size_t before = i + 1;
    // Non-standard hyphenation (a spelling that changes at the break, German "Schiff-fahrt") is
    // left out: the break would have to change the letters too.
    const bool replaced = rep != nullptr && rep[i] != nullptr;
    if ((hyphens[i] - '0') % 2 == 1 && !replaced && before >= left_hyphen_min &&
        characters - before >= right_hyphen_min) {
      points.push_back(offset + lower->ends[i]);
    }
  }
  if (rep != nullptr) {
    for (std::size_t i = 0; i < lower->text.size(); ++i) std::free(rep[i]);
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
  return points;
}

namespace testing {

namespace {

std::string describe_level(int level) { return "level " + std::to_string(level) + ": "; }

// The NOHYPHEN elements of a level, as hnj_hyphen_hyphenate3 walks them.
std::vector<std::string> nohyphen_elements(const HyphenDict& dict) {
  std::vector<std::string> elements;
  if (dict.nohyphen == nullptr) return elements;
  const char* element = dict.nohyphen;
  for (int i = 0; i <= dict.nohyphenl; ++i) {
    elements.emplace_back(element);
    element += elements.back().size() + 1;
  }
  return elements;
}

bool same_text(const char* a, const char* b) {
  return (a == nullptr) == (b == nullptr) && (a == nullptr || std::string_view(a) == std::string_view(b));
}

// The first difference between two levels and those below them; empty when there is none.
std::string level_difference(const HyphenDict& theirs, const HyphenDict& ours, int level) {
  const std::string where = describe_level(level);
  if (theirs.lhmin != ours.lhmin || theirs.rhmin != ours.rhmin || theirs.clhmin != ours.clhmin ||
      theirs.crhmin != ours.crhmin)
    return where + "hyphen minima differ";
  if (std::string_view(theirs.cset) != std::string_view(ours.cset) || theirs.utf8 != ours.utf8)
    return where + "charset differs";
  if (nohyphen_elements(theirs) != nohyphen_elements(ours)) return where + "NOHYPHEN differs";
  if (theirs.num_states != ours.num_states) {
    return where + std::to_string(theirs.num_states) + " states against " + std::to_string(ours.num_states);
  }
  // Walk both tries from "" together, pairing their states by the bytes that lead to them.
  std::vector<int> paired(static_cast<std::size_t>(theirs.num_states), -1);
  paired[0] = 0;
  std::vector<int> queue = {0};
  for (std::size_t next = 0; next < queue.size(); ++next) {
    const int a = queue[next];
    const int b = paired[static_cast<std::size_t>(a)];
    const HyphenState& x = theirs.states[a];
    const HyphenState& y = ours.states[b];
    const std::string state = where + "state " + std::to_string(a) + ": ";
    if (!same_text(x.match, y.match)) return state + "matches differ";
    if (!same_text(x.repl, y.repl)) return state + "replacements differ";
    if (x.match != nullptr && (x.replindex != y.replindex || x.replcut != y.replcut))
      return state + "replacement positions differ";
    if (x.num_trans != y.num_trans) return state + "transitions differ";
    for (int t = 0; t < x.num_trans; ++t) {
      const HyphenTrans* found = std::find_if(y.trans, y.trans + y.num_trans, [&](const HyphenTrans& transition) {
        return transition.ch == x.trans[t].ch;
      });
      if (found == y.trans + y.num_trans) return state + "a transition is missing";
      int& pair = paired[static_cast<std::size_t>(x.trans[t].new_state)];
      if (pair >= 0) return state + "a state is reached twice";
      pair = found->new_state;
      queue.push_back(x.trans[t].new_state);
    }
  }
  if (queue.size() != static_cast<std::size_t>(theirs.num_states)) return where + "states are unreachable";
  for (int a = 0; a < theirs.num_states; ++a) {
    const int fallback = theirs.states[a].fallback_state;
    const int expected = fallback < 0 ? -1 : paired[static_cast<std::size_t>(fallback)];
    if (ours.states[paired[static_cast<std::size_t>(a)]].fallback_state != expected) {
      return where + "state " + std::to_string(a) + ": fallbacks differ";
    }
  }
  if ((theirs.nextlevel == nullptr) != (ours.nextlevel == nullptr)) return where + "levels differ";
  return theirs.nextlevel == nullptr ? std::string() : level_difference(*theirs.nextlevel, *ours.nextlevel, level + 1);
}

}  // namespace

std::string libhyphen_difference(std::string_view patterns) {
  std::string bytes(patterns);
  FILE* file = fmemopen(bytes.data(), bytes.size(), "r");
  if (file == nullptr) return "fmemopen failed";
  HyphenDict* theirs = hnj_hyphen_load_file(file);
  std::fclose(file);
  if (theirs == nullptr) return "libhyphen loads nothing";
  const std::vector<std::unique_ptr<DictionaryLevel>> ours = load_levels(patterns);
  std::string difference = ours.empty() ? "Hyphenator loads nothing" : level_difference(*theirs, ours.front()->dict, 0);
  hnj_hyphen_free(theirs);
  return difference;
}

}  // namespace testing

}  // namespace octavo::layout
