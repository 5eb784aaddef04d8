#include <doctest/doctest.h>

#include <string>

#include "core/diagnostics.hpp"
#include "import/manifest.hpp"

using namespace octavo;

namespace {

struct Read {
  import::Manifest manifest;
  std::string diagnostics;
};

Read manifest(std::string_view text) {
  core::DiagnosticList diagnostics;
  Read read{import::read_manifest(text, diagnostics), ""};
  read.diagnostics = diagnostics.to_string();
  return read;
}

}  // namespace

TEST_SUITE("import.manifest") {
  TEST_CASE("the style choice is kept as written, with places, for the style reader to check") {
    const Read named = manifest("style = \"a4\"\n");
    CHECK(named.diagnostics == "");
    CHECK(named.manifest.style.given);
    CHECK_FALSE(named.manifest.style.table);
    CHECK(named.manifest.style.value.type == import::StyleValue::Type::string);
    CHECK(named.manifest.style.value.text == "a4");
    CHECK(named.manifest.style.value.location.column == 9);

    const Read table = manifest("[style]\nbase = \"a4\"\nbody_size = 11\nleading = \"14pt\"\nrule = true\n");
    CHECK(table.diagnostics == "");
    REQUIRE(table.manifest.style.table);
    std::string settings;
    for (const import::StyleSetting& s : table.manifest.style.settings) {
      settings += s.key + "@" + std::to_string(s.key_location.line) + ":" + std::to_string(s.value.location.column) +
                  " " + s.value.type_name + "\n";
    }
    CHECK(settings ==
          "base@2:8 a string\n"
          "body_size@3:13 an integer\n"
          "leading@4:11 a string\n"
          "rule@5:8 a boolean\n");
    CHECK(table.manifest.style.settings[1].value.integer == 11);

    CHECK_FALSE(manifest("title = \"T\"\n").manifest.style.given);
    CHECK_FALSE(manifest("style = \n").manifest.style.given);  // a syntax error: nothing chosen
  }

  TEST_CASE("every key of a complete manifest, with locations") {
    const Read read = manifest(
        "title = \"The Book\"\n"
        "subtitle = \"Sub\"\n"
        "authors = [\"A\", \"B\"]\n"
        "editor = \"Ed\"\n"
        "language = \"de\"\n"
        "publisher = \"Pub\"\n"
        "date = \"2026-11-23\"\n"
        "identifier = \"urn:isbn:123\"\n"
        "slug = \"the-book\"\n"
        "disclaimer = \"\"\"\nNot reviewed.\n\"\"\"\n"
        "\n"
        "[[articles]]\n"
        "file = \"000_x.txt\"\n"
        "title = \"  X  \"\n"
        "source = \"https://example.org/x\"\n"
        "retrieved = \"2025-01-31\"\n"
        "author = \"Someone\"\n"
        "\n"
        "[[articles]]\n"
        "file = \"001_y.md\"\n");
    CHECK(read.diagnostics == "");
    const import::Manifest& m = read.manifest;
    CHECK(m.parsed);
    CHECK(m.title->value == "The Book");
    CHECK(m.title->location.path == "book.toml");
    CHECK(m.title->location.line == 1);
    CHECK(m.title->location.column == 9);
    CHECK(m.subtitle->value == "Sub");
    CHECK(m.authors == std::vector<std::string>{"A", "B"});
    CHECK(m.editor->value == "Ed");
    CHECK(m.language->value == "de");
    CHECK(m.publisher->value == "Pub");
    CHECK(m.date->value == "2026-11-23");
    CHECK(m.identifier->value == "urn:isbn:123");
    CHECK(m.slug->value == "the-book");
    CHECK(m.disclaimer->value == "Not reviewed.\n");
    CHECK(m.lists_articles);
    REQUIRE(m.articles.size() == 2);
    CHECK(m.articles[0].file == "000_x.txt");
    CHECK(m.articles[0].fields.title == "X");
    CHECK(m.articles[0].fields.source == "https://example.org/x");
    CHECK(m.articles[0].fields.retrieved == "2025-01-31");
    CHECK(m.articles[0].fields.author == "Someone");
    CHECK(m.articles[0].location.line == 15);
    CHECK(m.articles[0].location.column == 8);
    CHECK(m.articles[1].file == "001_y.md");
    CHECK(m.articles[1].fields.title.empty());
  }

  TEST_CASE("a single author string counts as one author; a bare TOML date is accepted") {
    const Read read = manifest("author = \"Solo\"\ndate = 2026-11-23\n");
    CHECK(read.diagnostics == "");
    CHECK(read.manifest.authors == std::vector<std::string>{"Solo"});
    CHECK(read.manifest.date->value == "2026-11-23");
    CHECK_FALSE(read.manifest.lists_articles);
    CHECK_FALSE(read.manifest.disclaimer.has_value());
  }

  TEST_CASE("a TOML syntax error is reported with toml++'s description and position") {
    const Read read = manifest("title = \"ok\"\nsubtitle = \"unterminated\n");
    CHECK_FALSE(read.manifest.parsed);
    CHECK_FALSE(read.manifest.title.has_value());
    CHECK(read.diagnostics ==
          "book.toml:2:25: error: toml syntax error: Error while parsing string: unescaped control characters other "
          "than TAB (U+0009) are explicitly "
          "prohibited\n");
  }

  TEST_CASE("unknown keys are errors naming the key at its line and column, in file order") {
    const Read read = manifest("zeta = 1\ntitle = \"T\"\nalpha = 2\n[[articles]]\nfile = \"a.txt\"\n  note = \"x\"\n");
    CHECK(read.diagnostics ==
          "book.toml:1:1: error: unknown key 'zeta'\n"
          "  hint: known keys: title, subtitle, author, authors, editor, language, publisher, date, identifier, slug, "
          "disclaimer, style, articles, parts, exclude\n"
          "book.toml:3:1: error: unknown key 'alpha'\n"
          "  hint: known keys: title, subtitle, author, authors, editor, language, publisher, date, identifier, slug, "
          "disclaimer, style, articles, parts, exclude\n"
          "book.toml:6:3: error: unknown key 'note' in an [[articles]] entry\n"
          "  hint: known keys: file, title, source, retrieved, author, encoding\n");
    CHECK(read.manifest.articles.size() == 1);
    CHECK(read.manifest.title->value == "T");
  }

  TEST_CASE("an article's encoding is read in any case; utf-8 when not given") {
    const Read read = manifest(
        "[[articles]]\nfile = \"a.txt\"\nencoding = \"CP1252\"\n"
        "[[articles]]\nfile = \"b.txt\"\nencoding = \" latin-1 \"\n"
        "[[articles]]\nfile = \"c.txt\"\n");
    CHECK(read.diagnostics == "");
    REQUIRE(read.manifest.articles.size() == 3);
    CHECK(read.manifest.articles[0].encoding == core::TextEncoding::windows_1252);
    CHECK(read.manifest.articles[1].encoding == core::TextEncoding::latin_1);
    CHECK(read.manifest.articles[2].encoding == core::TextEncoding::utf8);
  }

  TEST_CASE("the articles list remembers where it starts, for errors about the whole list") {
    CHECK(manifest("title = \"T\"\n\n[[articles]]\nfile = \"a.txt\"\n").manifest.articles_location.line == 3);
    CHECK(manifest("articles = []\n").manifest.articles_location.line == 1);
  }

  TEST_CASE("the page style is left to the style reader: no warning for 'style' or a [style] table") {
    CHECK(manifest("style = \"a4\"\n").diagnostics == "");
    CHECK(manifest("title = \"T\"\n[style]\nbase = \"a4\"\nbody_size = 11\n").diagnostics == "");
  }

  TEST_CASE("values of the wrong type are errors") {
    const Read read = manifest(
        "title = 3\n"
        "authors = \"Not a list\"\n"
        "subtitle = [\"x\"]\n"
        "editor = true\n"
        "articles = { file = \"a.txt\" }\n");
    CHECK(read.diagnostics ==
          "book.toml:1:9: error: expected a string for 'title', found an integer\n"
          "book.toml:2:11: error: expected an array of strings for 'authors', found a string\n"
          "book.toml:3:12: error: expected a string for 'subtitle', found an array\n"
          "book.toml:4:10: error: expected a string for 'editor', found a boolean\n"
          "book.toml:5:12: error: expected an array of tables for 'articles', found a table\n");
    CHECK_FALSE(read.manifest.title.has_value());
  }

  TEST_CASE("wrong types inside arrays and article entries") {
    const Read read = manifest(
        "authors = [\"A\", 2]\n"
        "articles = [\"a.txt\", { file = 7 }, { file = \"b.txt\", title = 1.5 }]\n");
    CHECK(read.diagnostics ==
          "book.toml:1:17: error: expected a string for 'authors', found an integer\n"
          "book.toml:2:13: error: expected a table for each entry of 'articles', found a string\n"
          "book.toml:2:31: error: expected a string for 'file', found an integer\n"
          "book.toml:2:62: error: expected a string for 'title', found a floating-point number\n");
    CHECK(read.manifest.authors == std::vector<std::string>{"A"});
    REQUIRE(read.manifest.articles.size() == 1);
    CHECK(read.manifest.articles[0].file == "b.txt");
  }

  TEST_CASE("dates must be YYYY-MM-DD calendar dates") {
    const Read read = manifest(
        "date = \"2026-02-30\"\n"
        "[[articles]]\nfile = \"a.txt\"\nretrieved = \"2025-01-31T10:00:00Z\"\n"
        "[[articles]]\nfile = \"b.txt\"\nretrieved = \"yesterday\"\n");
    CHECK(read.diagnostics ==
          "book.toml:1:8: error: expected a date (YYYY-MM-DD) for 'date', found '2026-02-30'\n"
          "book.toml:4:13: error: expected a date (YYYY-MM-DD) for 'retrieved', found '2025-01-31T10:00:00Z'\n"
          "book.toml:7:13: error: expected a date (YYYY-MM-DD) for 'retrieved', found 'yesterday'\n");
    CHECK_FALSE(read.manifest.date.has_value());
    CHECK(read.manifest.articles.size() == 2);
  }

  TEST_CASE("an empty or blank disclaimer is an error at its line") {
    const Read empty = manifest("title = \"T\"\ndisclaimer = \"\"\n");
    CHECK(empty.diagnostics ==
          "book.toml:2:14: error: disclaimer must not be empty: the book has to say its content is unreviewed\n");
    CHECK_FALSE(empty.manifest.disclaimer.has_value());
    const Read blank = manifest("disclaimer = \"\"\"\n   \n\t\n\"\"\"\n");
    CHECK(blank.diagnostics ==
          "book.toml:1:14: error: disclaimer must not be empty: the book has to say its content is unreviewed\n");
  }

  TEST_CASE("an article entry with no file is an error and is left out") {
    const Read read = manifest("[[articles]]\ntitle = \"No file\"\n[[articles]]\nfile = \"a.txt\"\n");
    CHECK(read.diagnostics == "book.toml:1:1: error: expected a 'file' key in this [[articles]] entry\n");
    REQUIRE(read.manifest.articles.size() == 1);
    CHECK(read.manifest.articles[0].file == "a.txt");
  }

  TEST_CASE("a second entry for the same file is an error and is left out") {
    const Read read = manifest(
        "[[articles]]\nfile = \"a.txt\"\ntitle = \"First\"\n[[articles]]\nfile = \"a.txt\"\ntitle = \"Again\"\n");
    CHECK(read.diagnostics == "book.toml:5:8: error: duplicate entry for 'a.txt' (first listed at line 2)\n");
    REQUIRE(read.manifest.articles.size() == 1);
    CHECK(read.manifest.articles[0].fields.title == "First");
  }

  TEST_CASE("a file may lie in a folder of the corpus, never outside it") {
    const Read read = manifest(
        "articles = [{ file = \"sub/a.txt\" }, { file = \"..\\\\a.txt\" }, { file = \".\" }, { file = \"../a.md\" },"
        " { file = \"\" }, { file = \"/etc/a.md\" }, { file = \"a//b.md\" }, { file = \"a/./b.md\" }]\n");
    const std::string hint =
        "  hint: paths are relative to the corpus folder, with '/' between folders, and stay inside it\n";
    CHECK(read.diagnostics ==
          "book.toml:1:46: error: expected a file path inside the corpus folder, found '..\\a.txt'\n" + hint +
              "book.toml:1:70: error: expected a file path inside the corpus folder, found '.'\n" + hint +
              "book.toml:1:86: error: expected a file path inside the corpus folder, found '../a.md'\n" + hint +
              "book.toml:1:108: error: expected a file path inside the corpus folder, found ''\n" + hint +
              "book.toml:1:123: error: expected a file path inside the corpus folder, found '/etc/a.md'\n" + hint +
              "book.toml:1:147: error: expected a file path inside the corpus folder, found 'a//b.md'\n" + hint +
              "book.toml:1:169: error: expected a file path inside the corpus folder, found 'a/./b.md'\n" + hint);
    REQUIRE(read.manifest.articles.size() == 1);
    CHECK(read.manifest.articles[0].file == "sub/a.txt");
  }

  TEST_CASE("[[parts]] give folders their titles; a missing key, an unknown one or a repeated folder is an error") {
    const Read read = manifest(
        "[[parts]]\nfolder = \"part-1/\"\ntitle = \"One\"\n"
        "[[parts]]\nfolder = \"a/b\"\ntitle = \"Two\"\n"
        "[[parts]]\nfolder = \"part-1\"\ntitle = \"Again\"\n"
        "[[parts]]\ntitle = \"No folder\"\n"
        "[[parts]]\nfolder = \"c\"\n"
        "[[parts]]\nfolder = \"../up\"\ntitle = \"Up\"\n"
        "[[parts]]\nfolder = \"d\"\ntitle = \"\"\ncolour = \"red\"\n");
    CHECK(read.diagnostics ==
          "book.toml:8:10: error: duplicate entry for the folder 'part-1' (first listed at line 2)\n"
          "book.toml:10:1: error: expected a 'folder' key in this [[parts]] entry\n"
          "book.toml:13:10: error: expected a 'title' key in this [[parts]] entry\n"
          "book.toml:15:10: error: expected a folder path inside the corpus folder, found '../up'\n"
          "  hint: paths are relative to the corpus folder, with '/' between folders, and stay inside it\n"
          "book.toml:19:9: error: expected a non-empty string for 'title', found \"\"\n"
          "book.toml:20:1: error: unknown key 'colour' in a [[parts]] entry\n"
          "  hint: known keys: folder, title\n"
          "book.toml:18:10: error: expected a 'title' key in this [[parts]] entry\n");
    REQUIRE(read.manifest.parts.size() == 2);
    CHECK(read.manifest.parts[0].folder == "part-1");
    CHECK(read.manifest.parts[0].title == "One");
    CHECK(read.manifest.parts[0].location.line == 2);
    CHECK(read.manifest.parts[1].folder == "a/b");
  }

  TEST_CASE("exclude: glob patterns, a final '/' for a whole folder; empty and absolute patterns are errors") {
    const Read read = manifest("exclude = [\"*/README.md\", \"drafts/\", \"\", \"/abs/*\", 3]\n");
    CHECK(read.diagnostics ==
          "book.toml:1:38: error: expected a pattern relative to the corpus folder, found ''\n"
          "  hint: for example \"drafts/**\" or \"*/README.md\"\n"
          "book.toml:1:42: error: expected a pattern relative to the corpus folder, found '/abs/*'\n"
          "  hint: for example \"drafts/**\" or \"*/README.md\"\n"
          "book.toml:1:52: error: expected a string for 'exclude', found an integer\n");
    REQUIRE(read.manifest.exclude.size() == 2);
    CHECK(read.manifest.exclude[0].value == "*/README.md");
    CHECK(read.manifest.exclude[1].value == "drafts/**");
    CHECK(read.manifest.exclude[1].location.column == 27);
  }

  TEST_CASE("an empty or blank string is an error at its value, and counts as not given") {
    const Read read = manifest(
        "title = \"\"\nsubtitle = \"  \"\nauthor = \"\"\nauthors = [\"Ann\", \"\"]\neditor = \"\"\n"
        "language = \" \"\npublisher = \"\"\nidentifier = '''\n'''\nslug = \"\"\n");
    CHECK(read.diagnostics ==
          "book.toml:1:9: error: expected text for 'title', found an empty string\n"
          "  hint: give a value, or leave 'title' out\n"
          "book.toml:2:12: error: expected text for 'subtitle', found only white space\n"
          "  hint: give a value, or leave 'subtitle' out\n"
          "book.toml:3:10: error: expected text for 'author', found an empty string\n"
          "  hint: give a value, or leave 'author' out\n"
          "book.toml:4:19: error: expected text for 'authors', found an empty string\n"
          "  hint: give a value, or leave 'authors' out\n"
          "book.toml:5:10: error: expected text for 'editor', found an empty string\n"
          "  hint: give a value, or leave 'editor' out\n"
          "book.toml:6:12: error: expected text for 'language', found only white space\n"
          "  hint: give a value, or leave 'language' out\n"
          "book.toml:7:13: error: expected text for 'publisher', found an empty string\n"
          "  hint: give a value, or leave 'publisher' out\n"
          "book.toml:8:14: error: expected text for 'identifier', found an empty string\n"
          "  hint: give a value, or leave 'identifier' out\n"
          "book.toml:10:8: error: expected text for 'slug', found an empty string\n"
          "  hint: give a value, or leave 'slug' out\n");
    const import::Manifest& m = read.manifest;
    CHECK_FALSE(m.title.has_value());
    CHECK_FALSE(m.subtitle.has_value());
    CHECK(m.authors == std::vector<std::string>{"Ann"});
    CHECK_FALSE(m.editor.has_value());
    CHECK_FALSE(m.language.has_value());
    CHECK_FALSE(m.publisher.has_value());
    CHECK_FALSE(m.identifier.has_value());
    CHECK_FALSE(m.slug.has_value());
  }

  TEST_CASE("characters XML forbids are removed with a warning at the value; a value left empty is not given") {
    const Read read = manifest(
        "title = \"A\\u0001B\\u0002\"\n"
        "subtitle = \"\\u0001\"\n"
        "authors = [\"\\u0007\", \"Ann\"]\n"
        "publisher = \"\\uFFFE\"\n"
        "editor = \" \\u001F Ed\"\n"
        "disclaimer = \"Mine.\\u0000\"\n"
        "[[articles]]\nfile = \"a.txt\"\nauthor = \"\\uFFFF\"\nsource = \"https://x.org/\\u0008\"\n");
    CHECK(read.diagnostics ==
          "book.toml:1:9: warning: removed 2 characters that XML does not allow (first U+0001)\n"
          "book.toml:2:12: warning: removed a character that XML does not allow (U+0001)\n"
          "book.toml:3:12: warning: removed a character that XML does not allow (U+0007)\n"
          "book.toml:4:13: warning: removed a character that XML does not allow (U+FFFE)\n"
          "book.toml:5:10: warning: removed a character that XML does not allow (U+001F)\n"
          "book.toml:6:14: warning: removed a character that XML does not allow (U+0000)\n"
          "book.toml:9:10: warning: removed a character that XML does not allow (U+FFFF)\n"
          "book.toml:10:10: warning: removed a character that XML does not allow (U+0008)\n");
    const import::Manifest& m = read.manifest;
    CHECK(m.title->value == "AB");
    CHECK_FALSE(m.subtitle.has_value());
    CHECK(m.authors == std::vector<std::string>{"Ann"});
    CHECK_FALSE(m.publisher.has_value());
    CHECK(m.editor->value == "Ed");
    CHECK(m.disclaimer->value == "Mine.");
    REQUIRE(m.articles.size() == 1);
    CHECK(m.articles[0].fields.author.empty());
    CHECK(m.articles[0].fields.source == "https://x.org/");
  }

  TEST_CASE("a disclaimer of nothing but forbidden characters is empty") {
    const Read read = manifest("disclaimer = \"\\u0001\"\n");
    CHECK(read.diagnostics ==
          "book.toml:1:14: warning: removed a character that XML does not allow (U+0001)\n"
          "book.toml:1:14: error: disclaimer must not be empty: the book has to say its content is unreviewed\n");
    CHECK_FALSE(read.manifest.disclaimer.has_value());
  }

  TEST_CASE("the language must be a well-formed BCP 47 tag, checked where it is written") {
    const Read good = manifest("language = \"sr-Latn-RS\"\n");
    CHECK(good.diagnostics == "");
    CHECK(good.manifest.language->value == "sr-Latn-RS");
    const Read underscore = manifest("title = \"T\"\nlanguage = \"en_US\"\n");
    CHECK(underscore.diagnostics ==
          "book.toml:2:12: error: expected a BCP 47 language tag such as 'en' or 'en-GB', found 'en_US'\n"
          "  hint: did you mean 'en-US'?\n");
    CHECK_FALSE(underscore.manifest.language.has_value());
    const Read words = manifest("language = \"English\\u0001 (UK)\"\n");
    CHECK(words.diagnostics ==
          "book.toml:1:12: warning: removed a character that XML does not allow (U+0001)\n"
          "book.toml:1:12: error: expected a BCP 47 language tag such as 'en' or 'en-GB', found 'English (UK)'\n");
  }

  TEST_CASE("dates need a digit at every digit position, and come back in one form") {
    const Read read = manifest(
        "date = \" 999-01-01\"\n"
        "[[articles]]\nfile = \"a.txt\"\nretrieved = \"+024-01-01\"\n"
        "[[articles]]\nfile = \"b.txt\"\nretrieved = \"2024-01- 1\"\n"
        "[[articles]]\nfile = \"c.txt\"\nretrieved = 0999-02-03\n");
    CHECK(read.diagnostics ==
          "book.toml:1:8: error: expected a date (YYYY-MM-DD) for 'date', found ' 999-01-01'\n"
          "book.toml:4:13: error: expected a date (YYYY-MM-DD) for 'retrieved', found '+024-01-01'\n"
          "book.toml:7:13: error: expected a date (YYYY-MM-DD) for 'retrieved', found '2024-01- 1'\n");
    CHECK_FALSE(read.manifest.date.has_value());
    REQUIRE(read.manifest.articles.size() == 3);
    CHECK(read.manifest.articles[0].fields.retrieved.empty());
    CHECK(read.manifest.articles[2].fields.retrieved == "0999-02-03");
  }

  TEST_CASE("an explicitly empty articles list is still a list") {
    const Read read = manifest("articles = []\n");
    CHECK(read.manifest.lists_articles);
    CHECK(read.manifest.articles.empty());
  }
}
