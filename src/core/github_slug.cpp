#include "core/github_slug.hpp"

#include "core/unicode.hpp"
#include "core/utf8.hpp"

namespace octavo::core {
namespace {

// The general categories github-slugger strips (its script/generate-regex.mjs): other numbers, all
// punctuation but connectors ('_'), symbols, separators, controls, format and private-use
// characters, and unassigned code points. It reads Unicode 13.0 and ICU here a later version, so
// a character assigned since then may be kept here and dropped there; no heading seen so far has one.
bool stripped_category(std::string_view category) {
  if (category.size() != 2) return true;
  switch (category[0]) {
    case 'L':
    case 'M': return false;
    case 'N': return category[1] == 'o';
    case 'P': return category[1] != 'c';
    case 'S':
    case 'Z': return true;
    case 'C': return category[1] != 's';
    default: return true;
  }
}

// An ASCII heading's slug without ICU: lower case is A–Z to a–z there, and of ASCII only letters,
// digits (L*, Nd), '_' (Pc) and '-' are kept (every other character is punctuation, a symbol or a
// control). Most headings are ASCII, and ICU's look-ups of each character's category were most of
// collecting a book's anchors.
std::string ascii_github_slug(std::string_view heading_text) {
  std::string slug;
  slug.reserve(heading_text.size());
  for (char c : heading_text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == ' ') {
      slug += '-';
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
      slug += c;
    }
  }
  return slug;
}

}  // namespace

std::string github_slug(std::string_view heading_text) {
  if (ascii_prefix_length(heading_text) == heading_text.size()) return ascii_github_slug(heading_text);
  const std::string lower = lower_case(heading_text);
  std::string slug;
  slug.reserve(lower.size());
  std::size_t pos = 0;
  while (pos < lower.size()) {
    const std::size_t start = pos;
    const char32_t c = decode_utf8(lower, pos);
    if (c == ' ') {
      slug += '-';
    } else if (c == '-' || !stripped_category(general_category(c)) || is_alphabetic(c)) {
      slug.append(lower, start, pos - start);
    }
  }
  return slug;
}

// github-slugger's BananaSlug.slug: count the repeats of the original slug until a free id turns
// up, and mark the id it returns as taken, so that "echo-1" written later cannot collide.
std::string GithubSlugger::slug(std::string_view heading_text) {
  const std::string original = github_slug(heading_text);
  std::string result = original;
  while (occurrences_.contains(result)) {
    const int count = ++occurrences_[original];
    result = original + "-" + std::to_string(count);
  }
  occurrences_.emplace(result, 0);
  return result;
}

}  // namespace octavo::core
