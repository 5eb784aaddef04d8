// Where code and URLs may break (build_items: code_break_between, url_breaks) and which break a
// line of code takes (break_code_lines). Fake metrics: 5 pt a character at 10 pt.
#include <doctest/doctest.h>

#include "layout/break_lines.hpp"
#include "layout/build_items.hpp"
#include "layout/layout_test_support.hpp"

using namespace octavo;
using namespace octavo::layout;

namespace {

// The lines' texts, each ended by '|'.
std::string bars(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "|";
  return out;
}

struct Fixture : test::LayoutFixture {
  // A line of code set `columns` characters wide.
  std::string code_lines(const std::string& line, int columns) {
    const core::Pt measure(5.0 * columns);
    ItemBuilder builder(context, measure, false);
    builder.set_literal(true);
    builder.add_text(line, TextStyle{false, false, true, core::Pt(10)}, {"c.md", 4, 1});
    const ItemList list = builder.finish();
    return bars(test::line_texts(list.items, break_code_lines(list.items, {measure, measure})));
  }

  // `before`, then `code` as inline code, then `after`, set first-fit `columns` characters wide
  // (fake metrics: the mono face is as wide as the others).
  std::string inline_code_lines(const std::string& before, const std::string& code, const std::string& after,
                                int columns) {
    const core::Pt measure(5.0 * columns);
    ItemBuilder builder(context, measure);
    builder.add_text(before, TextStyle{false, false, false, core::Pt(10)}, {"w.md", 3, 1});
    builder.add_text(code, TextStyle{false, false, true, core::Pt(10)}, {"w.md", 3, 5});
    builder.add_text(after, TextStyle{false, false, false, core::Pt(10)}, {"w.md", 3, 9});
    const ItemList list = builder.finish();
    return bars(test::line_texts(list.items, break_lines(list.items, {measure, measure})));
  }

  // Running text set first-fit, `columns` characters wide.
  std::string text_lines(const std::string& text, int columns) {
    const core::Pt measure(5.0 * columns);
    const ItemList list = items(text, measure);
    return bars(test::line_texts(list.items, break_lines(list.items, {measure, measure})));
  }
};

}  // namespace

TEST_SUITE("layout.code_and_url_breaks") {
  TEST_CASE("a line of code that fits is never broken") {
    Fixture f;
    CHECK(f.code_lines("x = call(a, b);", 15) == "x = call(a, b);|");
  }

  TEST_CASE("a long line of code breaks after spaces first, keeping them at the end of the line") {
    Fixture f;
    CHECK(f.code_lines("return first_value + second_value;", 24) == "return first_value + |second_value;|");
  }

  TEST_CASE("punctuation breaks when no space falls in the last third of the line") {
    Fixture f;
    // The only space is early: breaking there would leave most of the line empty.
    CHECK(f.code_lines("x = object.method(argument).other(value)", 30) == "x = object.method(argument).|other(value)|");
    // After '/', ',', ';', '(', '[', '{' and '=' when a token follows.
    CHECK(f.code_lines("path/to/some/file/name.txt", 14) == "path/to/some/|file/name.txt|");
    CHECK(f.code_lines("f(alpha,beta,gamma)", 12) == "f(alpha,|beta,gamma)|");
    CHECK(f.code_lines("list[index]=value", 12) == "list[index]=|value|");
  }

  TEST_CASE("code breaks before a hyphen, never after one, so no line ends in '-'") {
    Fixture f;
    CHECK(f.code_lines("counter-increment-value", 12) == "counter|-increment|-value|");
    CHECK(f.code_lines("pointer->member->field", 12) == "pointer|->member|->field|");
  }

  TEST_CASE("operators of several characters stay whole") {
    Fixture f;
    // No break inside "//", "=>" or "((": the line breaks after them, or before.
    CHECK(f.code_lines("https://example.org/x", 10) == "https://|example.|org/x|");
    CHECK(f.code_lines("if(a==b){c/*d*/}", 8) == "if(a==|b){|c/*d*/}|");
  }

  TEST_CASE("a token wider than the line breaks at the measure, the last resort") {
    Fixture f;
    CHECK(f.code_lines("abcdefghijklmnopqrstuvwxyz", 10) == "abcdefghij|klmnopqrst|uvwxyz|");
    // ...but a better break comes first: the token starts a line of its own.
    CHECK(f.code_lines("go abcdefghijklmnop", 10) == "go |abcdefghij|klmnop|");
  }

  TEST_CASE("indentation is no break: a broken line never leaves a line of spaces") {
    Fixture f;
    CHECK(f.code_lines("        verylongidentifier", 12) == "        very|longidentifi|er|");
  }

  TEST_CASE("a URL in running text breaks after '/', '.', '?' and '&', and before '-', with no hyphen") {
    Fixture f;
    CHECK(f.text_lines("see https://example.org/path/to/page?x=1&y=2 now", 16) ==
          "see https://|example.org/|path/to/page?|x=1&y=2 now|");
    CHECK(f.text_lines("at https://example.org/long-named-page here", 18) ==
          "at https://|example.org/long|-named-page here|");
    CHECK(f.text_lines("https://e.org/?alpha=1&beta=2", 14) == "https://e.|org/?alpha=1&|beta=2|");
    CHECK(f.diagnostics.to_string().empty());
  }

  TEST_CASE("a URL keeps its scheme's slashes together and breaks nowhere else in a word") {
    Fixture f;
    CHECK(f.text_lines("(www.example.org/a-b) and", 10) == "(www.|example.|org/a-b)|and|");
    // Words that hold no URL still break only at spaces.
    CHECK(f.text_lines("either/or and/or", 10) == "either/or|and/or|");
  }

  TEST_CASE("a URL is found in any case, after ftp too; www. inside a longer word starts none") {
    Fixture f;
    CHECK(f.text_lines("HTTPS://EXAMPLE.ORG/a-b and", 10) == "HTTPS://|EXAMPLE.|ORG/a-b|and|");
    CHECK(f.text_lines("(WWW.Example.org/a-b) and", 10) == "(WWW.|Example.|org/a-b)|and|");
    CHECK(f.text_lines("ftp://host.org/pub/file and", 10) == "ftp://|host.org/|pub/file|and|");
    // A token character before www.: no URL, so the word is cut at the measure, not after "awww.".
    CHECK(f.text_lines("awww.example.org/a-b and", 10) == "awww.examp|le.org/a-b|and|");
  }

  TEST_CASE("a long path or mail address in running text breaks after '/' and '@'; \"and/or\" does not") {
    Fixture f;
    // git's README: the line before "Documentation/gitcvs-migration.txt" was stretched to +18.
    CHECK(f.text_lines("to read Documentation/gitcvs.txt now", 30) == "to read Documentation/|gitcvs.txt now|");
    CHECK(f.text_lines("mail git-security@googlegroups.com", 20) == "mail git-security@|googlegroups.com|");
    // Short words keep their slash: "a b either/|or" would fit, yet the word goes whole.
    CHECK(f.text_lines("a b either/or", 10) == "a b|either/or|");
    CHECK(f.diagnostics.to_string().empty());
  }

  TEST_CASE("a URL part wider than the line breaks at the measure, with one warning") {
    Fixture f;
    CHECK(f.text_lines("https://example.org/abcdefghijklmnopqrstuvwxyz/abcdefghijklmnopqrstuvwxyz", 20) ==
          "https://example.org/|abcdefghijklmnopqrst|uvwxyz/|abcdefghijklmnopqrst|uvwxyz|");
    CHECK(f.diagnostics.to_string() == "w.md:3:1: warning: word too long for the line; broken at the measure\n");
  }

  TEST_CASE("inline code breaks where a line of code would, with no hyphen and no warning") {
    Fixture f;
    CHECK(f.inline_code_lines("see ", "std::chrono::steady_clock::now()", " here", 16) ==
          "see std::|chrono::|steady_clock::|now() here|");
    CHECK(f.inline_code_lines("in ", "/usr/share/doc/octavo/README", ".", 12) ==
          "in /usr/|share/doc/|octavo/|README.|");
    CHECK(f.diagnostics.to_string().empty());
  }

  TEST_CASE("inline code keeps a leading '.' or '/' with what follows, and a number whole") {
    Fixture f;
    // From zstd's README: ".zst, .gz, .xz" once broke as ".|xz", and "5.11.0-41" as "5.11.|0-41".
    CHECK(f.inline_code_lines("and ", ".xz", " files", 6) == "and|.xz|files|");
    CHECK(f.inline_code_lines("in ", "/usr", " now", 5) == "in|/usr|now|");
    CHECK(f.inline_code_lines("on ", "Linux 5.11.0-41-generic", "", 12) == "on Linux|5.11.0-41|-generic|");
    // Inside a path, a '/' after a token still breaks.
    CHECK(f.inline_code_lines("in ", "/usr/share", "", 6) == "in|/usr/|share|");
    CHECK(f.diagnostics.to_string().empty());
  }

  TEST_CASE("inline code keeps its operators whole, and the text around it breaks only at spaces") {
    Fixture f;
    // "::" and "//" stay whole; "either/or" outside the code is no place to break.
    CHECK(f.inline_code_lines("either/or ", "a::b//c", "either/or", 10) == "either/or|a::b//|ceither/or|");
    // A key is no code to break: it stays whole, split only at the measure.
    ItemBuilder builder(f.context, core::Pt(5.0 * 6));
    TextStyle key{false, false, true, core::Pt(10)};
    key.key = 0;
    builder.add_text("a/b/c/d/e", key, {"w.md", 3, 1});
    const ItemList list = builder.finish();
    CHECK(bars(test::line_texts(list.items, break_lines(list.items, {core::Pt(30), core::Pt(30)}))) == "a/b/c/|d/e|");
  }

  TEST_CASE("code breaks after '::' when a token follows") {
    Fixture f;
    CHECK(f.code_lines("value = std::chrono::steady_clock", 20) == "value = std::|chrono::steady_clock|");
  }

  TEST_CASE("a word wider than the line breaks at its punctuation before it is cut, with no warning") {
    Fixture f;
    CHECK(f.text_lines("type {string|Buffer|TypedArray|DataView} here", 16) ==
          "type {string||Buffer||TypedArray||DataView} here|");
    CHECK(f.diagnostics.to_string().empty());
    // A word that fits keeps its punctuation unbroken.
    CHECK(f.text_lines("one {a|b} two", 6) == "one|{a|b}|two|");
  }

  TEST_CASE("a part still wider than the line breaks as an identifier before it is cut, with no warning") {
    Fixture f;
    // Node's perf_hooks.constants.NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING, shorter.
    CHECK(f.inline_code_lines("see ", "perf_hooks.NODE_PERFORMANCE_GC_FLAGS", " here", 14) ==
          "see|perf_hooks.|NODE_|PERFORMANCE_|GC_FLAGS here|");
    CHECK(f.text_lines("call getAddressInfoForHost now", 12) == "call get|AddressInfo|ForHost now|");
    CHECK(f.diagnostics.to_string().empty());
    // A word that fits keeps its underscores and capitals unbroken.
    CHECK(f.text_lines("a NODE_FLAGS b", 10) == "a|NODE_FLAGS|b|");
  }

  TEST_CASE("an identifier part with no break left inside it is cut at the measure, with one warning") {
    Fixture f;
    CHECK(f.text_lines("FIRST_ABCDEFGHIJKLMNOP", 10) == "FIRST_|ABCDEFGHIJ|KLMNOP|");
    CHECK(f.diagnostics.to_string() == "w.md:3:1: warning: word too long for the line; broken at the measure\n");
  }
}
