#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "import/source_lines.hpp"

using namespace octavo;
using import::read_source_lines;

namespace {

// "number:text" per line, for readable expectations.
std::string show(const std::vector<import::SourceLine>& lines) {
  std::string out;
  for (const import::SourceLine& line : lines) out += std::to_string(line.number) + ":" + line.text + "\n";
  return out;
}

}  // namespace

TEST_SUITE("import.source_lines") {
  TEST_CASE("LF, CRLF and lone CR all end a line; a final newline adds no line") {
    core::DiagnosticList diagnostics;
    CHECK(show(read_source_lines("a.txt", "one\ntwo\r\nthree\rfour\n", diagnostics)) ==
          "1:one\n2:two\n3:three\n4:four\n");
    CHECK(show(read_source_lines("a.txt", "no final newline", diagnostics)) == "1:no final newline\n");
    CHECK(show(read_source_lines("a.txt", "a\n\nb\r\n\r\n", diagnostics)) == "1:a\n2:\n3:b\n4:\n");
    CHECK(read_source_lines("a.txt", "", diagnostics).empty());
    CHECK(diagnostics.all().empty());
  }

  TEST_CASE("a line of form feeds and blanks is an empty line, without a warning; a form feed in text is removed") {
    core::DiagnosticList diagnostics;
    // /usr/share/common-licenses/LGPL-2.1 separates its sections so.
    CHECK(show(read_source_lines("a.txt", "end.\n\f\nNext\n \f\f\t\nx\fy\n", diagnostics)) ==
          "1:end.\n2:\n3:Next\n4:\n5:xy\n");
    CHECK(diagnostics.to_string() == "a.txt:5:2: warning: removed a character that XML does not allow (U+000C)\n");
  }

  TEST_CASE("a byte-order mark is dropped") {
    core::DiagnosticList diagnostics;
    CHECK(show(read_source_lines("a.txt", "\xEF\xBB\xBFhello\n", diagnostics)) == "1:hello\n");
  }

  TEST_CASE("invalid UTF-8 becomes U+FFFD with one warning per line at the first bad byte") {
    core::DiagnosticList diagnostics;
    const auto lines = read_source_lines("a.txt", "ok\ncaf\xC3\xA9 \xFF\xFE x\n\x80", diagnostics);
    CHECK(show(lines) == "1:ok\n2:café \xEF\xBF\xBD\xEF\xBF\xBD x\n3:\xEF\xBF\xBD\n");
    CHECK(diagnostics.to_string() ==
          "a.txt:2:6: warning: invalid UTF-8 replaced by U+FFFD\n"
          "a.txt:3:1: warning: invalid UTF-8 replaced by U+FFFD\n");
  }

  TEST_CASE("characters XML forbids are removed with a warning at the first one; tabs stay") {
    core::DiagnosticList diagnostics;
    const std::string input = std::string(
        "a\x01"
        "b\tc\n\x00\x1F z\xEF\xBF\xBE\n",
        14);
    CHECK(show(read_source_lines("a.txt", input, diagnostics)) == "1:ab\tc\n2: z\n");
    CHECK(diagnostics.to_string() ==
          "a.txt:1:2: warning: removed a character that XML does not allow (U+0001)\n"
          "a.txt:2:1: warning: removed 3 characters that XML does not allow (first U+0000)\n");
  }
}
