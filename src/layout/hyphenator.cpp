#include "layout/hyphenator.hpp"

#include <hyphen.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_set>

#include "core/sha256.hpp"
#include "core/thread_memo.hpp"
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

Charset charset_named(std::string_view cset) {
  if (cset == "UTF-8") return Charset::utf8;  // as libhyphen tells
  if (cset == "ISO8859-1" || cset == "ISO-8859-1") return Charset::latin1;
  // Other single-byte charsets (ISO8859-2, KOI8-R, …) would each need a table: ASCII words only.
  return Charset::ascii;
}

Charset charset_of(const HyphenDict& dict) { return dict.utf8 != 0 ? Charset::utf8 : charset_named(dict.cset); }

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

// One character of a word as the patterns see it, read at `pos` (moved past it and the combining
// marks after it): a letter in lower case, its marks composed with it ("e" + U+0301 is "é": the
// patterns know NFC). 0 for anything else: not a letter (invalid UTF-8 is U+FFFD, not one), a letter
// with no one lower-case form, or a mark that does not compose. `capital` says whether it was one.
char32_t pattern_character(std::string_view text, std::size_t& pos, bool& capital) {
  char32_t c = core::decode_utf8(text, pos);
  capital = false;
  if (!is_letter(c)) return 0;
  capital = is_capital(c);
  c = lower_letter(c);
  for (std::size_t next = pos; next < text.size(); pos = next) {
    const char32_t mark = core::decode_utf8(text, next);
    if (!is_mark(mark)) break;
    if (c != 0) c = core::canonical_composition(c, mark);
  }
  return c;
}

std::optional<PatternWord> pattern_word(std::string_view letters, Charset charset) {
  PatternWord word;
  for (std::size_t pos = 0; pos < letters.size();) {
    bool capital = false;
    const char32_t c = pattern_character(letters, pos, capital);
    // A capital after the first letter: an acronym (GABA, NASA) or a name like McCoy.
    if (c == 0 || (capital && !word.ends.empty()) || !append_in(word.text, c, charset)) return std::nullopt;
    word.ends.push_back(pos);
    if (word.ends.size() > max_word_characters) return std::nullopt;
  }
  return word;
}

// The words of `text` as pattern_word sees any word in them: each maximal run of letters (each with
// its combining marks composed), in lower case and `charset`, once. A run ends at anything else,
// and at a letter that has no one lower-case form, does not compose with its mark, or is not in
// the charset, as pattern_word refuses a word there. Capitals are lowered wherever they stand
// (pattern_word refuses a word with one after its first letter: more words than needed do no harm).
std::unordered_set<std::string> pattern_words_of(std::string_view text, Charset charset) {
  std::unordered_set<std::string> words;
  std::string word;
  const auto end_word = [&] {
    if (!word.empty()) words.insert(std::move(word));
    word.clear();
  };
  for (std::size_t pos = 0; pos < text.size();) {
    bool capital = false;  // lowered wherever it stands
    const char32_t c = pattern_character(text, pos, capital);
    if (c == 0 || !append_in(word, c, charset)) end_word();
  }
  end_word();
  return words;
}

// libhyphen's keywords, each at a line's start; '%' starts a comment. Any other line is a pattern.
bool is_pattern_line(std::string_view line) {
  for (const std::string_view keyword : {"LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN",
                                         "COMPOUNDRIGHTHYPHENMIN", "NOHYPHEN", "NEXTLEVEL", "%"}) {
    if (line.starts_with(keyword)) return false;
  }
  return true;
}

// A line libhyphen reads in pieces, each as a line of its own: one longer than its 100-byte buffer
// holds (98 characters and the line break), or a charset line longer than its 20-byte name.
bool read_in_pieces(std::string_view line, bool charset_line) {
  const std::size_t longest_read = charset_line ? 18 : 98;
  return line.size() - (line.ends_with('\n') ? 1 : 0) > longest_read;
}

// The characters of a pattern line's automaton state, as libhyphen reads the line: up to the first
// white space or '/' (a replacement follows), without the digits (hyphenation values). Dots, a
// word's ends, stay.
std::string pattern_state(std::string_view line) {
  std::string state;
  for (const char c : line) {
    if (static_cast<unsigned char>(c) <= ' ' || c == '/') break;
    if (c < '0' || c > '9') state += c;
  }
  return state;
}

// The pattern file `patterns` cut down to what hyphenates `words` as all of it does. libhyphen
// runs an automaton whose states are the patterns and their prefixes: at each character of a word
// (between dots) it moves to the longest state ending there and applies that state's pattern, if
// it is one (a prefix that is no pattern applies nothing, even over a shorter pattern ending there:
// measured, "Aires" has no hyphen with all of German's patterns, "Ai-res" with those it contains).
// So the word meets only states that occur in it: kept are the patterns that occur in a word
// (dots aside: a compound's parts are hyphenated between dots of their own), and for every other
// pattern, its longest prefix that occurs, as a pattern of zeros (which applies nothing, as a bare
// prefix does). Keywords, comments and the charset line stay; NEXTLEVEL starts a second automaton.
// Nullopt when the whole file is needed (a replacement in the first of two levels, a line read in
// pieces).
std::optional<std::string> patterns_for(std::string_view patterns, const std::unordered_set<std::string>& words) {
  std::vector<std::string_view> lines;
  std::size_t longest = 0;
  for (std::size_t start = 0; start < patterns.size();) {
    std::size_t end = patterns.find('\n', start);
    end = end == std::string_view::npos ? patterns.size() : end + 1;
    const std::string_view line = patterns.substr(start, end - start);
    lines.push_back(line);
    start = end;
    // Lines read in pieces are rare enough (none in Debian's files) to take all the patterns for.
    if (read_in_pieces(line, lines.size() == 1)) return std::nullopt;
    if (lines.size() > 1 && is_pattern_line(line)) longest = std::max(longest, pattern_state(line).size());
  }
  // Every piece of every word, up to the longest pattern's length.
  std::unordered_set<std::string_view> pieces;
  for (const std::string& word : words) {
    for (std::size_t from = 0; from < word.size(); ++from) {
      for (std::size_t length = 1; length <= longest && from + length <= word.size(); ++length) {
        pieces.insert(std::string_view(word).substr(from, length));
      }
    }
  }
  const auto occurs = [&](std::string_view state) {
    if (state.starts_with('.')) state.remove_prefix(1);
    if (state.ends_with('.')) state.remove_suffix(1);
    return state.empty() || pieces.contains(state);
  };
  std::string kept;
  std::set<std::string> level_patterns;  // the states of the patterns kept in this automaton
  std::set<std::string> level_prefixes;  // the longest prefixes that occur of the others
  const auto add_prefixes = [&] {
    if (!kept.empty() && kept.back() != '\n') kept += '\n';
    for (const std::string& prefix : level_prefixes) {
      // Written after the patterns, a prefix that is a pattern too would replace its values.
      if (!level_patterns.contains(prefix)) kept += prefix + '\n';
    }
    level_patterns.clear();
    level_prefixes.clear();
  };
  bool first_level = true;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (i == 0 || !is_pattern_line(line)) {
      if (line.starts_with("NEXTLEVEL")) {
        add_prefixes();
        first_level = false;
      }
      kept += line;
      continue;
    }
    std::string state = pattern_state(line);
    if (occurs(state)) {
      // A replacement ('/', anywhere on the line for libhyphen) at a compound's break
      // ("zuc1ker/k=k") puts its letters into the parts the next level hyphenates, letters no word
      // of the text need have: then all the patterns serve.
      if (first_level && line.find('/') != std::string_view::npos) return std::nullopt;
      kept += line;
      level_patterns.insert(std::move(state));
      continue;
    }
    for (std::size_t length = state.size() - 1; length > 0; --length) {
      if (occurs(std::string_view(state).substr(0, length))) {
        level_prefixes.insert(state.substr(0, length));
        break;
      }
    }
  }
  add_prefixes();
  return kept;
}

}  // namespace

struct Hyphenator::Dictionary {
  HyphenDict* dict = nullptr;
  Charset charset = Charset::ascii;
  ~Dictionary() { hnj_hyphen_free(dict); }

  // libhyphen's dictionary of `patterns`; nullptr when it cannot load them.
  static std::unique_ptr<Dictionary> load(std::string_view patterns) {
    // libhyphen reads patterns from a path or a FILE*: fmemopen (POSIX 2008) makes a read-only
    // FILE* over a copy of the bytes, so no temporary file is written and no path is needed.
    std::string bytes(patterns);
    FILE* file = fmemopen(bytes.data(), bytes.size(), "r");
    if (file == nullptr) return nullptr;
    HyphenDict* dict = hnj_hyphen_load_file(file);
    std::fclose(file);
    if (dict == nullptr) return nullptr;
    auto dictionary = std::make_unique<Dictionary>();
    dictionary->dict = dict;
    dictionary->charset = charset_of(*dict);
    return dictionary;
  }
};

namespace {

// The hyphenation points of the words a thread has asked recent Hyphenators for. Text repeats its
// words (a handful of them make up half of any page), and asking libhyphen for a word costs more
// than ten times a look-up here: libhyphen and the lower-casing before it took about 7 % of the
// time of a book's first build. The points depend only on the patterns and the word, so the books
// are the same. Four Hyphenators are remembered (a book in several languages); full, they hold
// about 10 MB a thread (measured with 16,384 words of 4 to 11 letters each).
constexpr std::size_t remembered_words_each = 16384;
thread_local core::ThreadMemo<std::vector<std::size_t>> remembered_words(remembered_words_each);

}  // namespace

// A Hyphenator loaded for a text: the words it was loaded for, and all the patterns, loaded the
// first time a word outside them is hyphenated (from any thread).
struct Hyphenator::Whole {
  std::unordered_set<std::string> words;
  std::string patterns;
  std::once_flag once;
  std::unique_ptr<Dictionary> dictionary;
  std::atomic<bool> loaded = false;  ///< set once `dictionary` is, for loaded_whole() on any thread
};

Hyphenator::Hyphenator() = default;

Hyphenator::Hyphenator(std::string_view patterns) : Hyphenator(patterns, {}, 0) {}

Hyphenator::Hyphenator(std::string_view patterns, std::string_view text, std::size_t filter_from) {
  if (patterns.empty()) return;
  if (text.empty() || patterns.size() < filter_from) {
    dictionary_ = Dictionary::load(patterns);
  } else {
    const std::string_view first_line = patterns.substr(0, patterns.find_first_of("\r\n"));
    whole_ = std::make_unique<Whole>();
    whole_->words = pattern_words_of(text, charset_named(first_line));
    whole_->patterns = patterns;
    if (const std::optional<std::string> part = patterns_for(patterns, whole_->words)) {
      dictionary_ = Dictionary::load(*part);
    } else {
      dictionary_ = Dictionary::load(patterns);
      whole_.reset();
    }
  }
  if (dictionary_ == nullptr) {
    whole_.reset();
    return;
  }
  patterns_digest_ = core::sha256_hex(patterns);
  serial_ = core::new_memo_source();
}

bool Hyphenator::loaded_whole() const { return whole_ == nullptr || whole_->loaded; }

const Hyphenator::Dictionary& Hyphenator::dictionary_for(const std::string& letters) const {
  if (whole_ == nullptr || whole_->words.contains(letters)) return *dictionary_;
  std::call_once(whole_->once, [this] {
    whole_->dictionary = Dictionary::load(whole_->patterns);
    whole_->loaded = true;
  });
  // Should libhyphen fail on all the patterns after loading a part of them, the part serves.
  return whole_->dictionary != nullptr ? *whole_->dictionary : *dictionary_;
}

Hyphenator::~Hyphenator() = default;
Hyphenator::Hyphenator(Hyphenator&&) noexcept = default;
Hyphenator& Hyphenator::operator=(Hyphenator&&) noexcept = default;

std::vector<std::size_t> Hyphenator::hyphenation_points(std::string_view word) const {
  return hyphenation_points_here(word);
}

const std::vector<std::size_t>& Hyphenator::hyphenation_points_here(std::string_view word) const {
  static const std::vector<std::size_t> none;
  if (empty()) return none;
  if (const std::vector<std::size_t>* points = remembered_words.find(serial_, word)) return *points;
  return remembered_words.keep(serial_, word, points_from_patterns(word));
}

std::vector<std::size_t> Hyphenator::points_from_patterns(std::string_view word) const {
  std::vector<std::size_t> points;
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
  if (hnj_hyphen_hyphenate3(dictionary_for(lower->text).dict, lower->text.c_str(), size, hyphens.data(), nullptr, &rep,
                            &pos, &cut, static_cast<int>(left_hyphen_min), static_cast<int>(right_hyphen_min), 1,
                            1) != 0) {
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

}  // namespace octavo::layout
