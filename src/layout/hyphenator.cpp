#include "layout/hyphenator.hpp"

#include <hyphen.h>

#include <array>
#include <cstdio>
#include <cstdlib>

namespace octavo::layout {
namespace {

// Longer letter runs are not words a reader expects hyphenated (and libhyphen's buffers are
// sized for words).
constexpr std::size_t max_word_bytes = 64;

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// Punctuation that may stand before a word: ( [ { " ' “ ‘ «.
constexpr std::array<std::string_view, 9> opening{"(", "[", "{", "\"", "'", "\u201C", "\u2018", "\u00AB", "\u2014"};
// Punctuation that may follow it: . , ; : ! ? ) ] } " ' ” ’ » … —.
constexpr std::array<std::string_view, 16> closing{".", ",",  ";", ":",      "!",      "?",      ")",      "]",
                                                   "}", "\"", "'", "\u201D", "\u2019", "\u00BB", "\u2026", "\u2014"};

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
    for (std::size_t i = at + apostrophe.size(); i < text.size(); ++i) letters = letters && is_ascii_letter(text[i]);
    if (letters) return text.substr(0, at);
  }
  return text;
}

}  // namespace

struct Hyphenator::Dictionary {
  HyphenDict* dict = nullptr;
  ~Dictionary() { hnj_hyphen_free(dict); }
};

Hyphenator::Hyphenator() = default;

Hyphenator::Hyphenator(std::string_view patterns) {
  if (patterns.empty()) return;
  // libhyphen reads patterns from a path or a FILE*: fmemopen (POSIX 2008) makes a read-only
  // FILE* over a copy of the bytes, so no temporary file is written and no path is needed.
  std::string bytes(patterns);
  FILE* file = fmemopen(bytes.data(), bytes.size(), "r");
  if (file == nullptr) return;
  HyphenDict* dict = hnj_hyphen_load_file(file);
  std::fclose(file);
  if (dict == nullptr) return;
  dictionary_ = std::make_unique<Dictionary>();
  dictionary_->dict = dict;
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
  const std::string_view letters = before_ending(word.substr(start, end - start));
  if (letters.size() < left_hyphen_min + right_hyphen_min || letters.size() > max_word_bytes) return points;
  std::string lower;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    const char c = letters[i];
    if (!is_ascii_letter(c)) return points;
    // A capital after the first letter: an acronym (GABA, NASA) or a name like McCoy.
    if (i > 0 && is_upper(c)) return points;
    lower += is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
  }
  // The patterns are lower case; hyphens[i] odd means a break after letter i.
  std::vector<char> hyphens(lower.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  const int size = static_cast<int>(lower.size());
  if (hnj_hyphen_hyphenate3(dictionary_->dict, lower.c_str(), size, hyphens.data(), nullptr, &rep, &pos, &cut,
                            static_cast<int>(left_hyphen_min), static_cast<int>(right_hyphen_min), 1, 1) != 0) {
    return points;
  }
  for (std::size_t i = 0; i + 1 < lower.size(); ++i) {
    const std::size_t before = i + 1;
    // Non-standard hyphenation (a spelling that changes at the break) is not for English.
    const bool replaced = rep != nullptr && rep[i] != nullptr;
    if ((hyphens[i] - '0') % 2 == 1 && !replaced && before >= left_hyphen_min &&
        lower.size() - before >= right_hyphen_min) {
      points.push_back(static_cast<std::size_t>(letters.data() - word.data()) + before);
    }
  }
  if (rep != nullptr) {
    for (std::size_t i = 0; i < lower.size(); ++i) std::free(rep[i]);
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
  return points;
}

}  // namespace octavo::layout
