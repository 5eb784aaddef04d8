#include <doctest/doctest.h>

#include <atomic>

#include <map>
#include <string>

#include "core/source_excerpt.hpp"
#include "watched_file_system.hpp"

using namespace octavo::core;

namespace {

// A MemoryFileSystem that counts its reads, to show that each file is read at most once.
class CountingFiles final : public test::WatchedFileSystem {
 public:
  using WatchedFileSystem::WatchedFileSystem;
  std::optional<std::string> read_file(const std::string& path) const override {
    ++reads;
    return WatchedFileSystem::read_file(path);
  }
  mutable std::atomic<int> reads = 0;  // FileSystem's const members may be called from several threads
};

std::string excerpt(const std::map<std::string, std::string>& files, const Diagnostic& diagnostic) {
  const MemoryFileSystem memory(files);
  SourceExcerpts excerpts(memory);
  return excerpts.format(diagnostic);
}

Diagnostic warning_at(std::string path, int line, int column, std::string hint = {}) {
  return {Severity::warning, {std::move(path), line, column}, "the message", std::move(hint)};
}

}  // namespace

TEST_SUITE("core.source_excerpt") {
  TEST_CASE("the source line and a caret under the column, then the hint") {
    // Built from warning_at(): GCC 12 at -O3 takes the braced form's path for uninitialized
    // (-Wmaybe-uninitialized, a false positive that fails the Release build).
    Diagnostic raw_html = warning_at("chapter.md", 3, 6, "write Markdown instead");
    raw_html.message = "raw HTML is shown as text, not interpreted";
    CHECK(excerpt({{"chapter.md", "# Title\n\nSome <b>bold</b> text\n"}}, raw_html) ==
          "chapter.md:3:6: warning: raw HTML is shown as text, not interpreted\n"
          "  |\n"
          "3 | Some <b>bold</b> text\n"
          "  |      ^\n"
          "  = hint: write Markdown instead");
  }

  TEST_CASE("the gutter is as wide as the line number") {
    std::string text;
    for (int i = 1; i <= 12; ++i) text += "line " + std::to_string(i) + "\n";
    CHECK(excerpt({{"a.txt", text}}, warning_at("a.txt", 10, 6, "h")) ==
          "a.txt:10:6: warning: the message\n"
          "   |\n"
          "10 | line 10\n"
          "   |      ^\n"
          "   = hint: h");
  }

  TEST_CASE("without a column the line is shown without a caret") {
    CHECK(excerpt({{"a.txt", "one\ntwo\n"}}, warning_at("a.txt", 2, 0)) ==
          "a.txt:2: warning: the message\n"
          "  |\n"
          "2 | two");
  }

  TEST_CASE("the column just past the line's end, and an empty line") {
    CHECK(excerpt({{"a.txt", "abc\n"}}, warning_at("a.txt", 1, 4)) ==
          "a.txt:1:4: warning: the message\n"
          "  |\n"
          "1 | abc\n"
          "  |    ^");
    CHECK(excerpt({{"a.txt", "abc\n\nd"}}, warning_at("a.txt", 2, 1)) ==
          "a.txt:2:1: warning: the message\n"
          "  |\n"
          "2 |\n"
          "  | ^");
    // The line after a final line ending exists, empty (where "unexpected end of file" points).
    CHECK(excerpt({{"a.txt", "abc\n"}}, warning_at("a.txt", 2, 1)) ==
          "a.txt:2:1: warning: the message\n"
          "  |\n"
          "2 |\n"
          "  | ^");
  }

  TEST_CASE("anything the excerpt cannot show falls back to the one-line form") {
    const std::map<std::string, std::string> files{{"a.txt", "abc\n"}, {"folder/b.txt", "b\n"}};
    for (const Diagnostic& d :
         {warning_at("", 1, 1, "h"), warning_at("a.txt", 0, 0, "h"), warning_at("missing.txt", 1, 1, "h"),
          warning_at("folder", 1, 1, "h"), warning_at("../a.txt", 1, 1, "h"), warning_at("/a.txt", 1, 1, "h"),
          warning_at("a.txt", 3, 1, "h"), warning_at("a.txt", 1, 5, "h"), warning_at("a.txt", -1, 1, "h"),
          warning_at("a.txt", 1, -1, "h")}) {
      CAPTURE(format_diagnostic(d));
      CHECK(excerpt(files, d) == format_diagnostic(d));
    }
    CHECK(excerpt(files, warning_at("missing.txt", 1, 1, "h")) ==
          "missing.txt:1:1: warning: the message\n"
          "  hint: h");
  }

  TEST_CASE("lines end at LF, CRLF or a lone CR; a byte-order mark is not a column") {
    const std::map<std::string, std::string> files{{"a.txt", "\xEF\xBB\xBFone\r\ntwo\rthree\nfour"}};
    CHECK(excerpt(files, warning_at("a.txt", 1, 2)) ==
          "a.txt:1:2: warning: the message\n"
          "  |\n"
          "1 | one\n"
          "  |  ^");
    CHECK(excerpt(files, warning_at("a.txt", 3, 5)) ==
          "a.txt:3:5: warning: the message\n"
          "  |\n"
          "3 | three\n"
          "  |     ^");
    CHECK(excerpt(files, warning_at("a.txt", 4, 1)) ==
          "a.txt:4:1: warning: the message\n"
          "  |\n"
          "4 | four\n"
          "  | ^");
  }

  TEST_CASE("tabs become four spaces on both lines, so the caret stays under its character") {
    CHECK(excerpt({{"a.md", "\tcode\tx\n"}}, warning_at("a.md", 1, 7)) ==
          "a.md:1:7: warning: the message\n"
          "  |\n"
          "1 |     code    x\n"
          "  |             ^");
  }

  TEST_CASE("columns count code points; wide characters take two terminal columns, combining marks none") {
    // 漢字 are two columns each; the caret is under '<'.
    CHECK(excerpt({{"a.md", "漢字 <b>\n"}}, warning_at("a.md", 1, 4)) ==
          "a.md:1:4: warning: the message\n"
          "  |\n"
          "1 | 漢字 <b>\n"
          "  |      ^");
    // "é" written as e + U+0301 is two code points but one column; the caret is under 'x'.
    CHECK(excerpt({{"a.md", "e\u0301x\n"}}, warning_at("a.md", 1, 3)) ==
          "a.md:1:3: warning: the message\n"
          "  |\n"
          "1 | e\u0301x\n"
          "  |  ^");
  }

  TEST_CASE("control characters, bidirectional overrides and invalid bytes are shown harmlessly") {
    CHECK(excerpt({{"a.txt", std::string("a\x01"
                                         "b\x1B[2Jc\x7F",
                                         9) +
                                 "\xFF"
                                 "d\u202Ee\n"}},
                  warning_at("a.txt", 1, 11)) ==
          "a.txt:1:11: warning: the message\n"
          "  |\n"
          "1 | a\u2401b\u241B[2Jc\u2421\uFFFDd\uFFFDe\n"
          "  |           ^");
    CHECK(excerpt({{"a.txt", std::string("x\0y", 3)}}, warning_at("a.txt", 1, 2)) ==
          "a.txt:1:2: warning: the message\n"
          "  |\n"
          "1 | x\u2400y\n"
          "  |  ^");
  }

  TEST_CASE("a long line is cut to a window around the caret") {
    const std::string line = std::string(199, 'a') + 'X' + std::string(100, 'b');
    CHECK(excerpt({{"a.txt", line}}, warning_at("a.txt", 1, 200)) ==
          "a.txt:1:200: warning: the message\n"
          "  |\n"
          "1 | …" +
              std::string(50, 'a') + 'X' + std::string(49, 'b') +
              "…\n"
              "  | " +
              std::string(51, ' ') + '^');
    // Near the end, the window reaches back a whole width.
    CHECK(excerpt({{"a.txt", line}}, warning_at("a.txt", 1, 301)) ==
          "a.txt:1:301: warning: the message\n"
          "  |\n"
          "1 | …" +
              std::string(100, 'b') +
              "\n"
              "  | " +
              std::string(101, ' ') + '^');
    // A line of a megabyte: only the window around the caret is decoded and shown.
    const std::string huge = std::string(500'000, 'a') + 'X' + std::string(500'000, 'b');
    CHECK(excerpt({{"a.txt", "first\n" + huge + "\nlast\n"}}, warning_at("a.txt", 2, 500'001)) ==
          "a.txt:2:500001: warning: the message\n"
          "  |\n"
          "2 | …" +
              std::string(50, 'a') + 'X' + std::string(49, 'b') +
              "…\n"
              "  | " +
              std::string(51, ' ') + '^');
    CHECK(excerpt({{"a.txt", huge}}, warning_at("a.txt", 1, 1'000'002)) ==
          "a.txt:1:1000002: warning: the message\n"
          "  |\n"
          "1 | …" +
              std::string(100, 'b') +
              "\n"
              "  | " +
              std::string(101, ' ') + '^');
    CHECK(excerpt({{"a.txt", huge}}, warning_at("a.txt", 1, 1'000'003)) ==
          format_diagnostic(warning_at("a.txt", 1, 1'000'003)));
    // Near the start, no cut on the left.
    CHECK(excerpt({{"a.txt", line}}, warning_at("a.txt", 1, 3)) ==
          "a.txt:1:3: warning: the message\n"
          "  |\n"
          "1 | " +
              std::string(100, 'a') +
              "…\n"
              "  |   ^");
  }

  TEST_CASE("each file is read once, even when it cannot be read") {
    const CountingFiles files(std::map<std::string, std::string>{{"a.txt", "one\ntwo\n"}});
    SourceExcerpts excerpts(files);
    excerpts.format(warning_at("a.txt", 1, 1));
    excerpts.format(warning_at("a.txt", 2, 1));
    excerpts.format(warning_at("missing.txt", 1, 1));
    excerpts.format(warning_at("missing.txt", 2, 1));
    CHECK(files.reads == 2);
  }
}
