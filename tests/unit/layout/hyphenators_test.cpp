#include <doctest/doctest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "layout/hyphenators.hpp"
#include "layout/lay_out_book.hpp"
#include "layout/layout_test_support.hpp"

using namespace octavo;
using namespace octavo::layout;

namespace {

// Debian's hyphen-en-us; the test that needs it says so and passes without it.
const std::string en_us_path = "/usr/share/hyphen/hyph_en_US.dic";

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Lines in the book ending in a hyphen after a letter.
int hyphenated_lines(const LaidOutBook& book) {
  int count = 0;
  for (const Page& page : book.pages) {
    for (const TextRun& run : page.runs) {
      const std::string& text = run.text;
      if (text.size() >= 2 && text.back() == '-' && std::isalpha(static_cast<unsigned char>(text[text.size() - 2]))) {
        ++count;
      }
    }
  }
  return count;
}

// One justified article of long words, written in `language` ("" for the book's), laid out with
// `hyphenators`.
LaidOutBook one_article_in(const std::string& language, const Hyphenators& hyphenators) {
  std::string text;
  for (int i = 0; i < 6; ++i) {
    text +=
        "Characteristically incomprehensible institutionalization notwithstanding, "
        "considerable typesetting improvements demonstrate extraordinary responsibility. ";
  }
  model::Article article = test::article("a", "Words", {test::paragraph(text)});
  article.language = language;
  const test::FakeMetrics metrics;
  core::DiagnosticList diagnostics;
  return lay_out_book(test::book_of({article}), metrics, test::small_style(40), hyphenators, diagnostics);
}

}  // namespace

TEST_SUITE("layout.hyphenators") {
  TEST_CASE("the book's patterns for its own language, a set language's for that one, none for others") {
    const auto book = std::make_shared<const Hyphenator>("UTF-8\na1b\n");
    const auto other = std::make_shared<const Hyphenator>("UTF-8\nb1a\n");
    Hyphenators hyphenators(book);
    hyphenators.set("de", other);
    CHECK(&hyphenators.book() == book.get());
    CHECK(&hyphenators.for_language("") == book.get());
    CHECK(&hyphenators.for_language("de") == other.get());
    CHECK(hyphenators.for_language("ja").empty());
    CHECK(hyphenators.for_language("de-AT").empty());  // tags are set as articles name them
    CHECK(Hyphenators().book().empty());
    CHECK(Hyphenators().for_language("").empty());
  }

  TEST_CASE("an article is hyphenated with the patterns of its own language, not the book's") {
    if (!std::filesystem::exists(en_us_path)) {
      MESSAGE("skipped: " << en_us_path << " is absent (Debian package hyphen-en-us)");
      return;
    }
    const auto english = std::make_shared<const Hyphenator>(file_bytes(en_us_path));
    Hyphenators english_book(english);
    CHECK(hyphenated_lines(one_article_in("", english_book)) > 0);
    // The same article in a language without patterns: English patterns would be wrong for it.
    CHECK(hyphenated_lines(one_article_in("ja", english_book)) == 0);
    // A book without patterns, and an article in a language that has some.
    Hyphenators other_book;
    other_book.set("en-x-test", english);
    CHECK(hyphenated_lines(one_article_in("", other_book)) == 0);
    CHECK(hyphenated_lines(one_article_in("en-x-test", other_book)) ==
          hyphenated_lines(one_article_in("", english_book)));
  }
}
