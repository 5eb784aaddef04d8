#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "core/diagnostics.hpp"
#include "import/front_matter.hpp"
#include "import/source_lines.hpp"

using namespace octavo;

namespace {

constexpr const char* known_keys_hint =
    "  hint: known keys: title, author, authors, date, source, canonical_url, url, retrieved, lang, language, "
    "description\n";

// Reads the front matter of "a.md" and reports its unused keys, as read_corpus would at the end.
import::FrontMatter front(std::string_view bytes,
                          core::DiagnosticList& diagnostics){import::UnusedFrontMatterKeys unused;
import::FrontMatter read =
    import::read_front_matter(import::read_source_lines("a.md", bytes, diagnostics), "a.md", unused, diagnostics);
unused.report(diagnostics);
return read;
}  // namespace

std::string fields(const import::ArticleFields& f) {
  return "title=" + f.title + "|author=" + f.author + "|date=" + f.date + "|source=" + f.source +
         "|retrieved=" + f.retrieved + "|language=" + f.language + "|description=" + f.description;
}

}  // namespace

TEST_SUITE("import.front_matter") {
  TEST_CASE("toml: the fields and the first body line") {
    core::DiagnosticList diagnostics;
    const import::FrontMatter read =
        front("+++\r\ntitle = \"T\"\r\nauthor = \"A\"\r\n+++  \r\n# Body\r\n", diagnostics);
    CHECK(diagnostics.to_string() == "");
    CHECK(read.fields.title == "T");
    CHECK(read.fields.author == "A");
    CHECK(read.body_begin == 4);
  }

  TEST_CASE("toml: every key, with a list of authors and a bare date") {
    core::DiagnosticList diagnostics;
    const import::FrontMatter read = front(
        "+++\ntitle = \"T\"\nauthors = [\"A\", \"B\"]\ndate = 2024-01-02\ncanonical_url = \"https://x.org/a\"\n"
        "retrieved = 2025-01-31\nlanguage = \"fr\"\ndescription = \"\"\"\nTwo\n  lines.\n\"\"\"\n+++\n",
        diagnostics);
    CHECK(diagnostics.to_string() == "");
    CHECK(fields(read.fields) ==
          "title=T|author=A, B|date=2024-01-02|source=https://x.org/a|retrieved=2025-01-31|language=fr|"
          "description=Two lines.");
  }

  TEST_CASE("no front matter unless the very first line is +++ or ---") {
    core::DiagnosticList diagnostics;
    CHECK(front("\n+++\ntitle = \"T\"\n+++\n", diagnostics).body_begin == 0);
    CHECK(front("\n---\ntitle: T\n---\n", diagnostics).body_begin == 0);
    CHECK(front("+++x\n+++\n", diagnostics).fields.title.empty());
    CHECK(front("----\ntitle: T\n----\n", diagnostics).fields.title.empty());
    CHECK(front("", diagnostics).body_begin == 0);
    CHECK(diagnostics.to_string() == "");
  }

  TEST_CASE("an empty front matter is allowed") {
    core::DiagnosticList diagnostics;
    CHECK(front("+++\n+++\nText\n", diagnostics).body_begin == 2);
    CHECK(front("---\n---\nText\n", diagnostics).body_begin == 2);
    CHECK(front("---\n\n# only a comment\n...\nText\n", diagnostics).body_begin == 4);
    CHECK(diagnostics.to_string() == "");
  }

  TEST_CASE("an unclosed +++ is a warning and counts as body; an unclosed --- is a thematic break") {
    core::DiagnosticList diagnostics;
    const import::FrontMatter read = front("+++\ntitle = \"T\"\n", diagnostics);
    CHECK(read.body_begin == 0);
    CHECK(read.fields.title.empty());
    CHECK(diagnostics.to_string() ==
          "a.md:1:1: warning: expected a closing '+++' line for the front matter; reading it as text\n");
    core::DiagnosticList yaml;
    CHECK(front("---\ntitle: T\n", yaml).body_begin == 0);
    CHECK(yaml.to_string() == "");
  }

  TEST_CASE("the front matter is no manifest: other keys are reported once each, as not used") {
    core::DiagnosticList diagnostics;
    front("+++\nfile = \"x.txt\"\n+++\n", diagnostics);
    CHECK(diagnostics.to_string() ==
          "a.md:2:1: warning: front matter key 'file' is not used (in 1 file)\n" + std::string(known_keys_hint));
  }

  TEST_CASE("toml: escapes that make characters XML forbids are removed, with a warning at the value") {
    core::DiagnosticList diagnostics;
    const import::FrontMatter read = front("+++\ntitle = \"\\u0001\"\nauthor = \"A\\uFFFEB\"\n+++\n", diagnostics);
    CHECK(read.fields.title.empty());
    CHECK(read.fields.author == "AB");
    CHECK(diagnostics.to_string() ==
          "a.md:2:9: warning: removed a character that XML does not allow (U+0001)\n"
          "a.md:3:10: warning: removed a character that XML does not allow (U+FFFE)\n");
  }

  TEST_CASE("toml: wrong types are warnings at the value, and the key is left out") {
    core::DiagnosticList diagnostics;
    const import::FrontMatter read =
        front("+++\ntitle = 3\nauthors = [\"A\", 2]\nretrieved = 2025-01-31T10:00:00Z\n+++\n", diagnostics);
    CHECK(fields(read.fields) == "title=|author=|date=|source=|retrieved=2025-01-31|language=|description=");
    CHECK(diagnostics.to_string() ==
          "a.md:2:9: warning: expected a string for 'title', found an integer; the key is left out\n"
          "a.md:3:11: warning: expected a string or a list of strings for 'authors', found an array holding an "
          "integer; the key is left out\n");
  }

  TEST_CASE("a person written as a mapping stands for its name, as Jekyll and Hugo themes write authors") {
    core::DiagnosticList diagnostics;
    CHECK(front("---\nauthor:\n  name: Ada\n  email: ada@example.org\n---\n", diagnostics).fields.author == "Ada");
    CHECK(front("---\nauthors:\n  - name: A\n  - B\n---\n", diagnostics).fields.author == "A, B");
    CHECK(front("+++\nauthor = { name = \"Ada\", url = \"https://x.org\" }\n+++\n", diagnostics).fields.author ==
          "Ada");
    CHECK(front("+++\n[[authors]]\nname = \"A\"\n[[authors]]\nname = \"B\"\n+++\n", diagnostics).fields.author ==
          "A, B");
    CHECK(diagnostics.to_string() == "");
    core::DiagnosticList nameless;
    CHECK(front("---\nauthor: {email: a@b.org}\n---\n", nameless).fields.author.empty());
    CHECK(nameless.to_string() ==
          "a.md:2:9: warning: expected a string or a list of strings for 'author', found a mapping; the key is left "
          "out\n");
  }

  TEST_CASE("a date and time, as sites and SingleFile write them, gives its date") {
    core::DiagnosticList diagnostics;
    CHECK(front("---\nretrieved: 2025-01-31 10:00:00 +0100\n---\n", diagnostics).fields.retrieved == "2025-01-31");
    CHECK(front("---\nretrieved: 2025-01-31T10:00\n---\n", diagnostics).fields.retrieved == "2025-01-31");
    CHECK(diagnostics.to_string() == "");
    core::DiagnosticList bad;
    CHECK(front("---\nretrieved: 2025-02-30T10:00\n---\n", bad).fields.retrieved.empty());
    CHECK(front("---\nretrieved: 2025-01-31x\n---\n", bad).fields.retrieved.empty());
    CHECK(bad.to_string() ==
          "a.md:2:12: warning: expected a date (YYYY-MM-DD) for 'retrieved', found '2025-02-30T10:00'; the key is "
          "left out\n"
          "a.md:2:12: warning: expected a date (YYYY-MM-DD) for 'retrieved', found '2025-01-31x'; the key is left "
          "out\n");
  }

  TEST_CASE("yaml: every key; 'author' before 'authors', 'source' before 'canonical_url' before 'url'") {
    core::DiagnosticList diagnostics;
    const import::FrontMatter read = front(
        "---\n"
        "title: \"Über: a title\"\n"
        "authors:\n"
        "  - A. One\n"
        "  - B. Two\n"
        "date: 2019-01-02 10:00:00 +0100\n"
        "canonical_url: https://example.org/a\n"
        "url: /a/\n"
        "retrieved: 2025-01-31\n"
        "lang: de-CH\n"
        "description: >\n"
        "  A long\n"
        "  summary.\n"
        "...\n"
        "# Body\n",
        diagnostics);
    CHECK(fields(read.fields) ==
          "title=Über: a title|author=A. One, B. Two|date=2019-01-02 10:00:00 +0100|source=https://example.org/a|"
          "retrieved=2025-01-31|language=de-CH|description=A long summary.");
    CHECK(read.body_begin == 14);
    CHECK(diagnostics.to_string() ==
          "a.md:8:1: warning: front matter key 'url' is not used (in 1 file)\n" + std::string(known_keys_hint));
    core::DiagnosticList both;
    CHECK(front("---\nauthor: Solo\nauthors: [X, Y]\nlanguage: en\n---\n", both).fields.author == "Solo");
    CHECK(both.to_string() ==
          "a.md:3:1: warning: front matter key 'authors' is not used (in 1 file)\n" + std::string(known_keys_hint));
  }

  TEST_CASE("yaml: empty values count as not given, and leave the next key its turn") {
    core::DiagnosticList diagnostics;
    const import::FrontMatter read =
        front("---\ntitle:\nsource: ~\nurl: https://x.org\nauthors: [A, ~]\n---\n", diagnostics);
    CHECK(fields(read.fields) == "title=|author=A|date=|source=https://x.org|retrieved=|language=|description=");
    CHECK(diagnostics.to_string() == "");
  }

  TEST_CASE("yaml: a syntax error is an error at its line and column, counted in characters") {
    core::DiagnosticList diagnostics;
    const import::FrontMatter read = front("---\ntitle: T\nééé: x: y\n---\nText\n", diagnostics);
    // yaml-cpp's mark is line 2, byte 9 (0-based): the file's line 3, character 7.
    CHECK(diagnostics.to_string() == "a.md:3:7: error: yaml syntax error: illegal map value\n");
    CHECK(read.fields.title.empty());
    CHECK(read.body_begin == 4);  // never text, even when it cannot be read
  }

  TEST_CASE("yaml: values of the wrong shape are warnings at the value, as is a bad language tag") {
    core::DiagnosticList diagnostics;
    const import::FrontMatter read = front(
        "---\ntitle: [a, b]\nauthors: {mail: A}\nretrieved: 31/01/2025\nlang: en_GB\ndate: [2024]\n---\n", diagnostics);
    CHECK(fields(read.fields) == "title=|author=|date=|source=|retrieved=|language=|description=");
    CHECK(diagnostics.to_string() ==
          "a.md:2:8: warning: expected a string for 'title', found a list; the key is left out\n"
          "a.md:3:10: warning: expected a string or a list of strings for 'authors', found a mapping; the key is left "
          "out\n"
          "a.md:6:7: warning: expected a string for 'date', found a list; the key is left out\n"
          "a.md:4:12: warning: expected a date (YYYY-MM-DD) for 'retrieved', found '31/01/2025'; the key is left "
          "out\n"
          "a.md:5:7: warning: expected a BCP 47 language tag for 'lang', found 'en_GB'; the article is in the "
          "book's language\n");
  }

  TEST_CASE("yaml: a repeated key keeps its first value, with a warning") {
    core::DiagnosticList diagnostics;
    CHECK(front("---\ntitle: One\ntitle: Two\ntags: a\ntags: b\n---\n", diagnostics).fields.title == "One");
    CHECK(diagnostics.to_string() ==
          "a.md:3:1: warning: expected each key once in the front matter, found 'title' again; the first is used\n"
          "a.md:4:1: warning: front matter key 'tags' is not used (in 1 file)\n" +
              std::string(known_keys_hint));
  }

  TEST_CASE("yaml: a document that is not a mapping is Markdown after all, with a warning") {
    core::DiagnosticList diagnostics;
    const import::FrontMatter read = front("---\nSome text\n---\n", diagnostics);
    CHECK(read.body_begin == 0);
    CHECK(diagnostics.to_string() ==
          "a.md:1:1: warning: expected 'key: value' lines between the '---' lines, found text; reading them as "
          "Markdown\n");
  }

  TEST_CASE("yaml: characters XML forbids are removed and white space collapsed") {
    core::DiagnosticList diagnostics;
    const import::FrontMatter read = front("---\ntitle: \"A\\x01 \\t B\\n\"\n---\n", diagnostics);
    CHECK(read.fields.title == "A B");
    CHECK(diagnostics.to_string() == "a.md:2:8: warning: removed a character that XML does not allow (U+0001)\n");
  }

  TEST_CASE("yaml: a billion laughs is never expanded: only known keys are read, and only one level deep") {
    std::string yaml = "---\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int i = 1; i < 10; ++i) {
      yaml += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
      for (int j = 0; j < 9; ++j) yaml += std::string(j ? ", " : "") + "*l" + std::to_string(i - 1);
      yaml += "]\n";
    }
    yaml += "authors: *l9\ntitle: *l9\n---\n";
    core::DiagnosticList diagnostics;
    const auto start = std::chrono::steady_clock::now();
    front(yaml, diagnostics);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
    CHECK(diagnostics.error_count() == 0);
    CHECK(
        diagnostics.to_string().find("a.md:13:1: warning: expected a string for 'title', found a list holding a list; "
                                     "the key is left out\n"
                                     "a.md:12:1: warning: expected a string or a list of strings for 'authors', "
                                     "found a list holding a list; the key is left out\n") == 0);
    CHECK(diagnostics.to_string().find("front matter key 'l9' is not used") != std::string::npos);
  }

  TEST_CASE("yaml: aliases cannot multiply a value's length past the bound") {
    std::string yaml = "---\nx: &x " + std::string(30000, 'a') + "\nauthors: [*x, *x, *x]\n---\n";
    core::DiagnosticList diagnostics;
    const import::FrontMatter read = front(yaml, diagnostics);
    CHECK(read.fields.author.empty());
    CHECK(diagnostics.to_string().find("a.md:3:10: warning: expected a string or a list of strings for 'authors', "
                                       "found a value longer than 65536 bytes; the key is left out\n") == 0);
  }

  TEST_CASE("yaml: nesting deeper than the parser allows is an error, not a crash") {
    core::DiagnosticList diagnostics;
    const import::FrontMatter read =
        front("---\ntitle: T\nx: " + std::string(20000, '[') + std::string(20000, ']') + "\n---\nText\n", diagnostics);
    CHECK(read.body_begin == 4);
    CHECK(diagnostics.error_count() == 1);
    CHECK(diagnostics.to_string().find("a.md:3:") == 0);
    CHECK(diagnostics.to_string().find("error: expected front matter nested less than") != std::string::npos);
  }

  TEST_CASE("a front matter longer than the bound is an error and is not read") {
    core::DiagnosticList diagnostics;
    const std::string long_line = "# " + std::string(100, 'x') + "\n";
    std::string yaml = "---\ntitle: T\n";
    for (int i = 0; i < 700; ++i) yaml += long_line;
    const import::FrontMatter read = front(yaml + "---\nText\n", diagnostics);
    CHECK(read.fields.title.empty());
    CHECK(read.body_begin == 703);
    CHECK(diagnostics.to_string() ==
          "a.md:1:1: error: expected front matter of at most 65536 bytes, found 72109; it is not read\n");
  }
}
