#include <doctest/doctest.h>

#include <map>
#include <string>

#include "core/diagnostics.hpp"
#include "core/file_system.hpp"
#include "import/corpus.hpp"
#include "import/text_article_memo.hpp"
#include "model/dump.hpp"

using namespace octavo;

namespace {

import::TextArticleMemo::Read read_of(const std::string& title){import::TextArticleMemo::Read read;
read.article.title = title;
read.diagnostics.warning({"a.txt", 2, 1}, "a warning of " + title);
return read;
}  // namespace

// A corpus of plain-text articles with a manifest that gives one a source and one a legacy
// encoding, one article that warns (a byte invalid in UTF-8) and a Markdown article, which the
// memo leaves alone.
std::map<std::string, std::string> corpus_files() {
  return {{"book.toml",
           "title = \"Memo\"\n[[articles]]\nfile = \"a.txt\"\nsource = \"https://example.org/a\"\n"
           "[[articles]]\nfile = \"b.txt\"\n[[articles]]\nfile = \"w.txt\"\nencoding = \"Windows-1252\"\n"
           "[[articles]]\nfile = \"m.md\"\n"},
          {"a.txt", "Alpha\n\nThe first article, with \"quotes\" -- and a dash.\n"},
          {"b.txt", "Beta\n\nA byte \xff that is not UTF-8.\n"},
          {"w.txt", "Windows\n\nCaf\xe9 au lait.\n"},
          {"m.md", "# Markdown\n\nText.\n"}};
}

struct Reading {
  std::string book;  // dump_book
  std::string diagnostics;
};

Reading read(const std::map<std::string, std::string>& files, import::TextArticleMemo* memo, std::size_t jobs) {
  const core::MemoryFileSystem file_system(files, "memo");
  core::DiagnosticList diagnostics;
  const import::Corpus corpus = import::read_corpus(file_system, diagnostics, core::no_progress(), jobs, memo);
  return {model::dump_book(corpus.book), diagnostics.to_string()};
}

}  // namespace

TEST_SUITE("import.text_article_memo") {
  TEST_CASE("an article is recalled for the same path, encoding and bytes only, as a copy") {
    import::TextArticleMemo memo;
    CHECK_FALSE(memo.recall("a.txt", core::TextEncoding::utf8, "bytes"));
    memo.keep("a.txt", core::TextEncoding::utf8, "bytes", read_of("A"));
    std::optional<import::TextArticleMemo::Read> recalled = memo.recall("a.txt", core::TextEncoding::utf8, "bytes");
    REQUIRE(recalled);
    CHECK(recalled->article.title == "A");
    CHECK(recalled->diagnostics.to_string() == read_of("A").diagnostics.to_string());
    recalled->article.title = "changed by a transform";
    CHECK(memo.recall("a.txt", core::TextEncoding::utf8, "bytes")->article.title == "A");
    CHECK_FALSE(memo.recall("a.txt", core::TextEncoding::utf8, "other bytes"));
    CHECK_FALSE(memo.recall("a.txt", core::TextEncoding::windows_1252, "bytes"));
    CHECK_FALSE(memo.recall("b.txt", core::TextEncoding::utf8, "bytes"));
    CHECK(memo.recalled() == 2);
    // Kept again for other bytes: the new article replaces the old.
    memo.keep("a.txt", core::TextEncoding::utf8, "new bytes", read_of("A2"));
    CHECK_FALSE(memo.recall("a.txt", core::TextEncoding::utf8, "bytes"));
    CHECK(memo.recall("a.txt", core::TextEncoding::utf8, "new bytes")->article.title == "A2");
  }

  TEST_CASE("a build's end drops the files it neither recalled nor kept") {
    import::TextArticleMemo memo;
    memo.keep("a.txt", core::TextEncoding::utf8, "a", read_of("A"));
    memo.keep("b.txt", core::TextEncoding::utf8, "b", read_of("B"));
    memo.end_build();
    CHECK(memo.files() == 2);
    CHECK(memo.recall("a.txt", core::TextEncoding::utf8, "a"));  // the next build reads a.txt only
    memo.end_build();
    CHECK(memo.files() == 1);
    CHECK_FALSE(memo.recall("b.txt", core::TextEncoding::utf8, "b"));
    memo.end_build();
    CHECK(memo.files() == 0);
  }

  TEST_CASE("a corpus read with the memo is the corpus read without it; unchanged files are not parsed again") {
    for (const std::size_t jobs : {1, 3}) {
      CAPTURE(jobs);
      std::map<std::string, std::string> files = corpus_files();
      const Reading plain = read(files, nullptr, jobs);
      REQUIRE(plain.diagnostics.find("warning") != std::string::npos);
      import::TextArticleMemo memo;
      const Reading first = read(files, &memo, jobs);
      CHECK(first.book == plain.book);
      CHECK(first.diagnostics == plain.diagnostics);
      CHECK(memo.recalled() == 0);
      CHECK(memo.files() == 3);  // the plain-text articles; the Markdown one is read as always
      memo.end_build();
      const Reading second = read(files, &memo, jobs);
      CHECK(second.book == plain.book);
      CHECK(second.diagnostics == plain.diagnostics);
      CHECK(memo.recalled() == 3);
      memo.end_build();
      // One file edited, and book.toml's source for an unchanged one: the edited one alone is parsed.
      files["b.txt"] = "Beta\n\nNow valid text.\n";
      files["book.toml"].replace(files["book.toml"].find("example.org/a"), 13, "example.org/elsewhere");
      const Reading edited = read(files, &memo, jobs);
      CHECK(edited.book == read(files, nullptr, jobs).book);
      CHECK(edited.diagnostics == read(files, nullptr, jobs).diagnostics);
      CHECK(edited.book.find("example.org/elsewhere") != std::string::npos);
      CHECK(memo.recalled() == 5);
    }
  }
}
