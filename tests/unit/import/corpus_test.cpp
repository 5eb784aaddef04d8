#include <doctest/doctest.h>

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/file_system.hpp"
#include "core/sha256.hpp"
#include "import/corpus.hpp"
#include "model/dump.hpp"
#include "recording_progress.hpp"
#include "watched_file_system.hpp"

using namespace octavo;

namespace {

struct Read {
  model::Book book;
  std::string diagnostics;
  std::size_t errors = 0;
};

Read corpus(std::map<std::string, std::string> files, std::string name = "my-corpus") {
  const core::MemoryFileSystem file_system(std::move(files), std::move(name));
  core::DiagnosticList diagnostics;
  Read read{import::read_corpus(file_system, diagnostics).book, "", 0};
  read.diagnostics = diagnostics.to_string();
  read.errors = diagnostics.error_count();
  return read;
}

std::string titles(const model::Book& book) {
  std::string out;
  for (const model::Article& article : book.articles) out += article.provenance.file + "=" + article.title + ";";
  return out;
}

}  // namespace

TEST_SUITE("import.corpus") {
  TEST_CASE("book.toml's style choice comes back beside the book, so that nothing reads book.toml again") {
    const core::MemoryFileSystem files(
        std::map<std::string, std::string>{{"book.toml", "title = \"T\"\nstyle = \"a4\"\n"}, {"a.txt", "A\n"}});
    core::DiagnosticList diagnostics;
    const import::Corpus read = import::read_corpus(files, diagnostics);
    CHECK(read.style.given);
    CHECK(read.style.value.text == "a4");
    CHECK(read.style.value.location.line == 2);
    const core::MemoryFileSystem bare(std::map<std::string, std::string>{{"a.txt", "A\n"}});
    CHECK_FALSE(import::read_corpus(bare, diagnostics).style.given);
  }

  TEST_CASE("without a manifest: every .txt and .md file in natural name order, the folder as title") {
    const Read read = corpus({{"b.md", "# Bee\n\nText.\n"},
                              {"a.txt", "Lead.\n- A\nA\n"},
                              {"B.txt", "Lead.\n- Upper\nUpper\n"},
                              {"notes.pdf", "%PDF"},
                              {".hidden.txt", "x"}});
    CHECK(titles(read.book) == "a.txt=a;b.md=Bee;B.txt=B;");
    CHECK(read.book.metadata.title == "my-corpus");
    CHECK(read.book.metadata.corpus_name == "my-corpus");
    CHECK(read.book.metadata.language == "en");
    CHECK(read.book.disclaimer_text.empty());
    CHECK(read.diagnostics ==
          "a.txt: warning: no title in front matter, book.toml or an opening heading; using the file name\n"
          "B.txt: warning: no title in front matter, book.toml or an opening heading; using the file name\n");
  }

  TEST_CASE("without a manifest, numbers in file names are read as numbers: ch2 before ch10") {
    const Read read = corpus({{"ch10.md", "# Ten\n"},
                              {"ch2.md", "# Two\n"},
                              {"10-end.md", "# End\n"},
                              {"2-intro.md", "# Intro\n"},
                              {"Ch3.md", "# Three\n"}});
    CHECK(titles(read.book) == "2-intro.md=Intro;10-end.md=End;ch2.md=Two;Ch3.md=Three;ch10.md=Ten;");
  }

  TEST_CASE("each article read, or given up, is reported as progress") {
    const core::MemoryFileSystem files(std::map<std::string, std::string>{
        {"book.toml", "[[articles]]\nfile = \"a.md\"\n[[articles]]\nfile = \"gone.md\"\n"}, {"a.md", "# A\n"}});
    core::DiagnosticList diagnostics;
    test::RecordingProgress progress;
    import::read_corpus(files, diagnostics, progress);
    CHECK(diagnostics.error_count() == 1);
    CHECK(progress.log == "stage Reading 2 articles\n+1\n+1\n");
  }

  TEST_CASE("with a manifest: its order, its metadata and its provenance win") {
    const Read read = corpus({{"book.toml",
                               "title = \"The Book\"\nsubtitle = \"S\"\nauthor = \"Au\"\neditor = \"E\"\n"
                               "language = \"fr\"\npublisher = \"P\"\ndate = \"2026-11-23\"\nidentifier = \"urn:x\"\n"
                               "slug = \"book\"\ndisclaimer = \"Unreviewed.\"\n"
                               "[[articles]]\nfile = \"z.md\"\ntitle = \"Zed\"\nauthor = \"Listed\"\n"
                               "[[articles]]\nfile = \"a.txt\"\ntitle = \"Ay\"\nsource = \"https://a.org\"\n"
                               "retrieved = \"2025-01-31\"\n"},
                              {"a.txt", "Text."},
                              {"z.md", "+++\nauthor = \"Front\"\nsource = \"https://front.org\"\n+++\n# H\n"}});
    CHECK(read.diagnostics == "");
    CHECK(titles(read.book) == "z.md=Zed;a.txt=Ay;");
    const model::Metadata& m = read.book.metadata;
    CHECK(m.title == "The Book");
    CHECK(m.subtitle == "S");
    CHECK(m.authors == std::vector<std::string>{"Au"});
    CHECK(m.editor == "E");
    CHECK(m.language == "fr");
    CHECK(m.publisher == "P");
    CHECK(m.date == "2026-11-23");
    CHECK(m.identifier == "urn:x");
    CHECK(m.slug == "book");
    CHECK(m.corpus_name == "my-corpus");
    CHECK(read.book.disclaimer_text == "Unreviewed.");
    const model::Provenance& z = read.book.articles[0].provenance;
    CHECK(z.author == "Listed");
    CHECK(z.source == "https://front.org");
    const model::Provenance& a = read.book.articles[1].provenance;
    CHECK(a.file == "a.txt");
    CHECK(a.source == "https://a.org");
    CHECK(a.retrieved == "2025-01-31");
    CHECK(a.sha256 == core::sha256_hex("Text."));
    CHECK(read.book.articles[1].location.path == "a.txt");
    CHECK(read.book.articles[1].id.empty());
  }

  TEST_CASE("a listed file that does not exist is an error at its entry") {
    const Read read =
        corpus({{"book.toml", "[[articles]]\nfile = \"gone.txt\"\n[[articles]]\nfile = \"a.txt\"\n"}, {"a.txt", "x"}});
    CHECK(read.diagnostics ==
          "book.toml:2:8: error: 'gone.txt' is listed in book.toml but does not exist\n"
          "a.txt: warning: no title in front matter, book.toml or an opening heading; using the file name\n");
    CHECK(titles(read.book) == "a.txt=a;");
  }

  TEST_CASE("a listed file that is neither .txt, .md nor .markdown is an error") {
    const Read read = corpus({{"book.toml", "[[articles]]\nfile = \"a.pdf\"\ntitle = \"P\"\n"}, {"a.pdf", "%PDF"}});
    CHECK(read.diagnostics ==
          "book.toml:2:8: error: expected a .txt, .md, .markdown, .html, .htm or .xhtml file, found 'a.pdf'\n"
          "book.toml: error: expected at least one article, found none\n"
          "  hint: add .txt, .md, .markdown, .html, .htm or .xhtml files to the corpus folder, or list them in "
          "book.toml\n");
  }

  TEST_CASE("a .markdown file is a Markdown article") {
    const Read read = corpus({{"a.markdown", "# Long\n\n*Text*.\n"}});
    CHECK(read.diagnostics == "");
    CHECK(titles(read.book) == "a.markdown=Long;");
  }

  TEST_CASE("an .html, .htm or .xhtml file is an HTML article") {
    const Read read =
        corpus({{"a.html", "<title>Page</title><p>Text.</p>"},
                {"b.htm", "<h1>Old</h1><p>Text.</p>"},
                {"c.xhtml", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>X</title></head></html>"}});
    CHECK(read.diagnostics == "c.xhtml: warning: article is empty\n");
    CHECK(titles(read.book) == "a.html=Page;b.htm=Old;c.xhtml=X;");
  }

  TEST_CASE("an article extension in the wrong case is ignored with a warning and a new name") {
    const Read read = corpus({{"a.md", "# A\n\nText.\n"},
                              {"b.MD", "# B\n\nText.\n"},
                              {"c.Txt", "C"},
                              {"d.MARKDOWN", "# D\n"},
                              {".e.TXT", "hidden"},
                              {"f.pdf", ""}});
    CHECK(read.diagnostics ==
          "b.MD: warning: expected a lower-case .txt, .md, .markdown, .html, .htm or .xhtml extension, found 'b.MD'; "
          "the file is ignored\n"
          "  hint: rename it to 'b.md'\n"
          "c.Txt: warning: expected a lower-case .txt, .md, .markdown, .html, .htm or .xhtml extension, found 'c.Txt'; "
          "the file is "
          "ignored\n"
          "  hint: rename it to 'c.txt'\n"
          "d.MARKDOWN: warning: expected a lower-case .txt, .md, .markdown, .html, .htm or .xhtml extension, found "
          "'d.MARKDOWN'; the file "
          "is ignored\n"
          "  hint: rename it to 'd.markdown'\n");
    CHECK(titles(read.book) == "a.md=A;");
  }

  TEST_CASE("with a manifest, a wrong-case extension is a warning when unlisted and an error when listed") {
    const Read read = corpus({{"book.toml", "[[articles]]\nfile = \"a.TXT\"\n[[articles]]\nfile = \"c.md\"\n"},
                              {"a.TXT", "A"},
                              {"b.Md", "# B\n\nText.\n"},
                              {"c.md", "# C\n\nText.\n"}});
    CHECK(read.diagnostics ==
          "book.toml:2:8: error: expected a .txt, .md, .markdown, .html, .htm or .xhtml file, found 'a.TXT'\n"
          "  hint: rename it to 'a.txt'\n"
          "b.Md: warning: expected a lower-case .txt, .md, .markdown, .html, .htm or .xhtml extension, found 'b.Md'; "
          "the file is ignored\n"
          "  hint: rename it to 'b.md'\n");
    CHECK(titles(read.book) == "c.md=C;");
  }

  TEST_CASE("a book.toml that is there but cannot be read is an error, not a missing manifest") {
    const Read read = corpus({{"book.toml/inside", "x"}, {"a.md", "# A\n\nText.\n"}});
    CHECK(read.errors == 1);
    CHECK(read.diagnostics == "book.toml: error: cannot read book.toml\n  hint: it must be a readable file\n");
    CHECK(titles(read.book) == "a.md=A;");
  }

  TEST_CASE("a listed article that is there but cannot be read says so") {
    const Read read = corpus({{"book.toml", "[[articles]]\nfile = \"a.md\"\n[[articles]]\nfile = \"b.md\"\n"},
                              {"a.md/inside", "x"},
                              {"b.md", "# B\n\nText.\n"}});
    CHECK(read.diagnostics == "book.toml:2:8: error: cannot read 'a.md'\n");
    CHECK(titles(read.book) == "b.md=B;");
  }

  TEST_CASE("metadata that is nothing but forbidden characters counts as not given") {
    const Read read = corpus({{"book.toml", "title = \"\\u0001\"\nauthors = [\"\\u0007\"]\npublisher = \"\\uFFFE\"\n"},
                              {"a.md", "# A\n\nText.\n"}});
    CHECK(read.errors == 0);
    CHECK(read.book.metadata.title == "my-corpus");
    CHECK(read.book.metadata.authors.empty());
    CHECK(read.book.metadata.publisher.empty());
  }

  TEST_CASE("an article the manifest leaves out is an error at the articles list; other files are not") {
    const Read read = corpus({{"book.toml", "title = \"T\"\n\n[[articles]]\nfile = \"a.txt\"\ntitle = \"A\"\n"},
                              {"a.txt", "x"},
                              {"extra.md", "# E\n"},
                              {".hidden.txt", "x"},
                              {"image.png", ""}});
    CHECK(read.diagnostics ==
          "book.toml:3:3: error: 'extra.md' is in the corpus folder but not listed in book.toml\n"
          "  hint: list it under [[articles]], or leave it out with exclude = [\"extra.md\"]\n");
    CHECK(titles(read.book) == "a.txt=A;");
  }

  TEST_CASE("a manifest without an articles list leaves the order to the folder") {
    const Read read = corpus({{"book.toml", "title = \"Only metadata\"\n"}, {"a.md", "# A\n\nText.\n"}});
    CHECK(read.diagnostics == "");
    CHECK(titles(read.book) == "a.md=A;");
    CHECK(read.book.metadata.title == "Only metadata");
  }

  TEST_CASE("a manifest with a syntax error still reads the folder, so every problem is reported") {
    const Read read = corpus({{"book.toml", "title = \n"}, {"a.md", "# A\n[x](file:///etc/passwd)\n"}});
    CHECK(read.errors == 1);
    CHECK(read.diagnostics ==
          "book.toml:1:9: error: toml syntax error: Error while parsing key-value pair: expected value, saw '\\n'\n"
          "a.md:2:1: warning: expected an http, https, mailto, #anchor or relative link, found 'file:///etc/passwd'; "
          "the link "
          "text is kept without the link\n");
    CHECK(titles(read.book) == "a.md=A;");
    CHECK(read.book.metadata.title == "my-corpus");
  }

  TEST_CASE("the manifest's disclaimer goes to the book; an empty one is an error") {
    CHECK(corpus({{"book.toml", "disclaimer = \"Mine.\"\n"}, {"a.md", "# A\n\nText.\n"}}).book.disclaimer_text ==
          "Mine.");
    const Read empty = corpus({{"book.toml", "disclaimer = \" \"\n"}, {"a.md", "# A\n\nText.\n"}});
    CHECK(empty.book.disclaimer_text.empty());
    CHECK(empty.diagnostics ==
          "book.toml:1:14: error: disclaimer must not be empty: the book has to say its content is unreviewed\n");
  }

  TEST_CASE("an empty corpus is an error") {
    const Read read = corpus({{"readme.pdf", ""}});
    CHECK(read.book.articles.empty());
    CHECK(read.diagnostics ==
          "error: expected at least one article, found none\n"
          "  hint: add .txt, .md, .markdown, .html, .htm or .xhtml files to the corpus folder, or list them in "
          "book.toml\n");
  }

  TEST_CASE("empty articles are kept, with a warning") {
    const Read read = corpus({{"book.toml", "[[articles]]\nfile = \"e.txt\"\ntitle = \"Empty\"\n"}, {"e.txt", ""}});
    CHECK(read.errors == 0);
    CHECK(read.diagnostics == "e.txt: warning: article is empty\n");
    REQUIRE(read.book.articles.size() == 1);
    CHECK(read.book.articles[0].blocks.empty());
  }

  TEST_CASE("a front matter key no field uses is reported once for the whole book, with its first place") {
    const Read read = corpus({{"a.md", "---\ntitle: A\ntags: [x]\ndraft: true\n---\nText.\n"},
                              {"b.md", "+++\ntitle = \"B\"\ntags = [\"y\"]\n+++\nText.\n"},
                              {"c.md", "---\ntags: z\ntitle: C\ntags: again\n---\nText.\n"},
                              {"d.md", "---\ntitle: D\n---\nText.\n"}});
    CHECK(titles(read.book) == "a.md=A;b.md=B;c.md=C;d.md=D;");
    CHECK(read.diagnostics ==
          "a.md:3:1: warning: front matter key 'tags' is not used (in 3 files)\n"
          "  hint: known keys: title, author, authors, date, source, canonical_url, url, retrieved, lang, language, "
          "description\n"
          "a.md:4:1: warning: front matter key 'draft' is not used (in 1 file)\n"
          "  hint: known keys: title, author, authors, date, source, canonical_url, url, retrieved, lang, language, "
          "description\n");
  }

  TEST_CASE("front matter provenance yields to the manifest's; its date, language and summary are kept") {
    const Read read = corpus({{"book.toml", "[[articles]]\nfile = \"a.md\"\nsource = \"Listed source\"\n"},
                              {"a.md",
                               "---\ntitle: A\nurl: https://x.org/a\nauthor: Front\nlang: fr\n"
                               "description: About.\ndate: 2020-02-02\n---\nText.\n"}});
    REQUIRE(read.book.articles.size() == 1);
    const model::Article& article = read.book.articles[0];
    CHECK(article.provenance.source == "Listed source");
    CHECK(article.provenance.author == "Front");
    CHECK(article.provenance.date == "2020-02-02");
    CHECK(article.provenance.description == "About.");
    CHECK(article.language == "fr");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("ten thousand listed articles are read in order, quickly") {
    std::map<std::string, std::string> files;
    std::string manifest;
    for (int i = 9999; i >= 0; --i) {
      const std::string number = std::to_string(i);
      const std::string name = "a" + number + ".txt";
      manifest += "[[articles]]\nfile = \"" + name + "\"\ntitle = \"T" + number + "\"\n";
      files[name] = "Lead.\n- Part\nPart\nBody.\n";
    }
    files["book.toml"] = manifest;
    const Read read = corpus(std::move(files));
    CHECK(read.diagnostics == "");
    REQUIRE(read.book.articles.size() == 10000);
    CHECK(read.book.articles.front().title == "T9999");
    CHECK(read.book.articles.back().title == "T0");
  }

  TEST_CASE("a windows-1252 article is decoded, undefined bytes reported at line:col of the file") {
    const std::string bytes =
        "Lead\r\n\x93Quoted\x94 caf\xE9 \x80"
        "5\r\nbad \x81 and \x8D\rok \x9D\n";
    const Read read =
        corpus({{"book.toml", "[[articles]]\nfile = \"w.txt\"\ntitle = \"W\"\nencoding = \"Windows-1252\"\n"},
                {"w.txt", bytes}});
    CHECK(read.diagnostics ==
          "w.txt:3:5: warning: byte 0x81 is not defined in windows-1252; replaced by U+FFFD\n"
          "w.txt:4:4: warning: byte 0x9D is not defined in windows-1252; replaced by U+FFFD\n");
    REQUIRE(read.book.articles.size() == 1);
    const model::Article& article = read.book.articles[0];
    // Four short lines with no blank line between: one hard-wrapped paragraph.
    REQUIRE(article.blocks.size() == 1);
    CHECK(model::plain_text(article.blocks[0].inlines) == "Lead “Quoted” café €5 bad \uFFFD and \uFFFD ok \uFFFD");
    CHECK(article.blocks[0].inlines.back().location.line == 4);
    // Provenance names the file as it is: its checksum is of the undecoded bytes.
    CHECK(article.provenance.sha256 == core::sha256_hex(bytes));
  }

  TEST_CASE("a latin-1 Markdown article is decoded, front matter and all") {
    const Read read = corpus({{"book.toml", "[[articles]]\nfile = \"l.md\"\nencoding = \"iso-8859-1\"\n"},
                              {"l.md", "+++\ntitle = \"Na\xEFve caf\xE9\"\n+++\n\n\xC0 la cr\xE8me, \xA9 \xDF.\n"}});
    CHECK(read.diagnostics == "");
    REQUIRE(read.book.articles.size() == 1);
    CHECK(read.book.articles[0].title == "Naïve café");
    CHECK(model::plain_text(read.book.articles[0].blocks[0].inlines) == "À la crème, © ß.");
  }

  TEST_CASE("without a declared encoding the same bytes are invalid UTF-8, repaired with a warning") {
    const Read read = corpus({{"book.toml", "[[articles]]\nfile = \"l.txt\"\ntitle = \"L\"\nencoding = \"utf-8\"\n"},
                              {"l.txt", "caf\xE9\n"}});
    CHECK(read.diagnostics == "l.txt:1:4: warning: invalid UTF-8 replaced by U+FFFD\n");
  }

  TEST_CASE("an encoding Octavo cannot decode is an error at its value in book.toml") {
    const Read read = corpus({{"book.toml",
                               "[[articles]]\nfile = \"a.txt\"\ntitle = \"A\"\nencoding = \"koi8-r\"\n"
                               "[[articles]]\nfile = \"b.txt\"\ntitle = \"B\"\nencoding = 1252\n"},
                              {"a.txt", "x"},
                              {"b.txt", "y"}});
    CHECK(read.diagnostics ==
          "book.toml:4:12: error: expected 'utf-8', 'windows-1252' or 'latin-1' for 'encoding', found 'koi8-r'\n"
          "  hint: convert the file to UTF-8 (for example with iconv) and leave 'encoding' out\n"
          "book.toml:8:12: error: expected a string for 'encoding', found an integer\n");
  }

  TEST_CASE("a binary file named .txt is an error and is left out; a few stray bytes are not") {
    // 15 NULs in 16 bytes are too few to call a file binary.
    CHECK(corpus({{"short.txt", std::string(15, '\0') + "x"}}).errors == 0);
    std::string binary("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\x01\0", 20);
    binary += std::string(20, '\0');
    const Read read = corpus({{"image.txt", binary}, {"text.txt", std::string("A NUL\0 and \x01 here.\n", 19)}});
    CHECK(read.diagnostics ==
          "image.txt: error: expected text, found binary data (29 of 40 bytes are control characters or invalid "
          "UTF-8); the file is left out\n"
          "  hint: remove it from the corpus; if it is text in another encoding, convert it to UTF-8 or declare its "
          "encoding in book.toml\n"
          "text.txt:1:6: warning: removed 2 characters that XML does not allow (first U+0000)\n"
          "text.txt: warning: no title in front matter, book.toml or an opening heading; using the file name\n");
    CHECK(titles(read.book) == "text.txt=text;");
  }

  TEST_CASE("plain-text articles read on several threads give the book, diagnostics and progress of one") {
    // Plain text read ahead on the threads, Markdown and HTML in order between them, with
    // diagnostics from both sides: files that are missing, binary files, bytes that windows-1252
    // leaves undefined, and a front-matter key no article uses (reported after the articles).
    std::map<std::string, std::string> files;
    std::string manifest = "title = \"T\"\n";
    for (int i = 0; i < 60; ++i) {
      const std::string n = std::to_string(100 + i);
      std::string file;
      if (i % 7 == 3) {
        file = "m" + n + ".md";
        files[file] = "---\nmood: " + n + "\n---\n# Mark " + n + "\n\nSome *text* " + n + ".\n";
      } else if (i % 11 == 5) {
        file = "h" + n + ".html";
        files[file] = "<h1>Page " + n + "</h1><p>Text " + n + ".</p>";
      } else {
        file = "t" + n + ".txt";
        files[file] = "Lead " + n + ".\n- Part " + n + "\nPart " + n + "\nText \"quoted\" " + n + "...\n";
        if (i % 13 == 6) files[file] = std::string(40, '\x01');
      }
      if (i % 17 == 8 || i == 24) files.erase(file);
      manifest += "[[articles]]\nfile = \"" + file + "\"\n";
      if (file.ends_with(".txt")) manifest += "title = \"Text " + n + "\"\n";
      if (i == 1 || i == 3) {
        manifest += "encoding = \"windows-1252\"\n";
        files[file] += "Odd \x81 byte.\n";
      }
    }
    files["book.toml"] = manifest;
    const core::MemoryFileSystem file_system(files, "threads");
    const auto read_with = [&](std::size_t jobs, std::string* diagnostics_only) {
      core::DiagnosticList diagnostics;
      test::RecordingProgress progress;
      const import::Corpus read = import::read_corpus(file_system, diagnostics, progress, jobs);
      if (diagnostics_only != nullptr) *diagnostics_only = diagnostics.to_string();
      return model::dump_book(read.book) + "diagnostics:\n" + diagnostics.to_string() + "progress:\n" + progress.log;
    };
    std::string diagnostics;
    const std::string alone = read_with(1, &diagnostics);
    const auto binary = [](const std::string& file) {
      return file +
             ": error: expected text, found binary data (40 of 40 bytes are control characters or invalid UTF-8); the "
             "file is left out\n  hint: remove it from the corpus; if it is text in another encoding, convert it to "
             "UTF-8 or declare its encoding in book.toml\n";
    };
    const auto missing = [](int line, const std::string& file) {
      return "book.toml:" + std::to_string(line) + ":8: error: '" + file +
             "' is listed in book.toml but does not exist\n";
    };
    const std::string undefined = ": warning: byte 0x81 is not defined in windows-1252; replaced by U+FFFD\n";
    // In the book's order, the held ones (plain text) among those given on the book's thread.
    CHECK(diagnostics == "t101.txt:5:5" + undefined + "m103.md:7:5" + undefined + binary("t106.txt") +
                             missing(27, "t108.txt") + binary("t119.txt") + missing(72, "m124.md") +
                             missing(74, "t125.txt") + binary("t132.txt") + missing(122, "t142.txt") +
                             binary("t158.txt") + missing(170, "m159.md") +
                             "m103.md:2:1: warning: front matter key 'mood' is not used (in 7 files)\n  hint: known "
                             "keys: title, author, authors, date, source, canonical_url, url, retrieved, lang, "
                             "language, description\n");
    CHECK(read_with(2, nullptr) == alone);
    CHECK(read_with(4, nullptr) == alone);
  }

  TEST_CASE("plain-text articles kept from an earlier read: the same book and diagnostics as reading anew") {
    std::map<std::string, std::string> files{
        {"book.toml",
         "[[articles]]\nfile = \"a.txt\"\ntitle = \"A\"\nsource = \"https://example.org/a\"\n"
         "[[articles]]\nfile = \"b.txt\"\n[[articles]]\nfile = \"c.txt\"\nencoding = \"windows-1252\"\n"
         "[[articles]]\nfile = \"e.txt\"\n[[articles]]\nfile = \"m.md\"\n"},
        {"a.txt", "Lead of a.\n- Part\nPart\nText of a.\n"},
        {"b.txt", "Lead of \"b\"...\n\nA paragraph of b,\nwrapped.\n"},
        {"c.txt", "Odd \x81 byte.\n"},
        {"e.txt", ""},
        {"m.md", "# M\n\nText.\n"}};
    import::KeptTextArticles kept;
    const auto read = [&](import::KeptTextArticles* with) {
      const core::MemoryFileSystem file_system(files, "kept");
      core::DiagnosticList diagnostics;
      const import::Corpus corpus = import::read_corpus(file_system, diagnostics, core::no_progress(), 2, with);
      return model::dump_book(corpus.book) + "diagnostics:\n" + diagnostics.to_string();
    };
    const std::string anew = read(nullptr);
    REQUIRE(anew.find("e.txt: warning: article is empty") != std::string::npos);
    REQUIRE(anew.find("c.txt:1:5: warning: byte 0x81") != std::string::npos);
    CHECK(read(&kept) == anew);
    // Plain text is kept by its text, Markdown not at all.
    CHECK(kept.find("a.txt", files["a.txt"]) != nullptr);
    CHECK(kept.find("e.txt", "") != nullptr);
    CHECK(kept.find("a.txt", "Lead of a.\n") == nullptr);
    CHECK(kept.find("m.md", files["m.md"]) == nullptr);
    // Found again: every article copied, the empty one's warning given again.
    CHECK(read(&kept) == anew);
    CHECK(read(&kept) == anew);
    // An edit, a title and a source changed in book.toml, a file gone: as read anew.
    files["b.txt"] = "Lead of b, edited.\n\nA paragraph.\n";
    files["book.toml"].replace(files["book.toml"].find("title = \"A\""), 11, "title = \"A2\"");
    files["book.toml"].replace(files["book.toml"].find("example.org"), 11, "example.net");
    const std::string e_text = files["e.txt"];
    files.erase("e.txt");
    const std::string edited = read(nullptr);
    REQUIRE(edited != anew);
    CHECK(read(&kept) == edited);
    CHECK(kept.find("b.txt", files["b.txt"]) != nullptr);
    CHECK(kept.find("b.txt", "Lead of \"b\"...\n\nA paragraph of b,\nwrapped.\n") == nullptr);
    CHECK(kept.find("e.txt", e_text) == nullptr);  // gone, forgotten
    CHECK(read(&kept) == edited);
  }

  TEST_CASE("a plain-text file whose settled identity is the one kept is not opened; book.toml still applies") {
    std::map<std::string, std::string> files{
        {"book.toml",
         "[[articles]]\nfile = \"a.txt\"\ntitle = \"A\"\nsource = \"https://example.org/a\"\n"
         "[[articles]]\nfile = \"b.txt\"\n[[articles]]\nfile = \"c.txt\"\nencoding = \"windows-1252\"\n"
         "[[articles]]\nfile = \"d.txt\"\n[[articles]]\nfile = \"e.txt\"\n"},
        {"a.txt", "Lead of a, odd \x81 byte.\n"},
        {"b.txt", "Lead of b.\n"},
        {"c.txt", "Lead of c.\n"},
        {"d.txt", "Lead of d.\n"},
        {"e.txt", "Caf\xe9 of e.\n"}};
    std::map<std::string, std::string> identities{
        {"a.txt", "id-a"}, {"b.txt", "id-b"}, {"c.txt", "id-c"}, {"e.txt", "id-e"}};
    import::KeptTextArticles kept;
    // The book's dump, then the diagnostics.
    const auto read = [&] {
      core::MemoryFileSystem file_system(files, "kept");
      for (const auto& [file, identity] : identities) file_system.set_identity(file, identity);
      core::DiagnosticList diagnostics;
      const import::Corpus corpus = import::read_corpus(file_system, diagnostics, core::no_progress(), 2, &kept);
      return std::pair{model::dump_book(corpus.book), diagnostics.to_string()};
    };
    const auto [first, first_diagnostics] = read();
    const std::string a_warning = "a.txt:1:16: warning: ";
    REQUIRE(first_diagnostics.find(a_warning) != std::string::npos);
    CHECK(kept.find_unchanged("a.txt", "id-a") != nullptr);
    CHECK(kept.find_unchanged("b.txt", "id-b") != nullptr);
    CHECK(kept.find_unchanged("c.txt", "id-c") == nullptr);  // another encoding: kept by its text only
    // Every file's bytes changed; a.txt's and e.txt's identities say they are unchanged (a
    // stand-in for a file no one wrote), so a.txt's kept article shows, with the warning reading
    // it gave, and book.toml's title and source for it now; e.txt's encoding declared now is
    // another, so it is read and decoded anew; b.txt's identity changed with its bytes; c.txt's
    // encoding is left to its text; d.txt has no settled identity.
    for (const char* file : {"a.txt", "b.txt", "c.txt", "d.txt"}) files[file] = std::string("Edited ") + file + ".\n";
    identities["b.txt"] = "id-b2";
    std::string& manifest = files["book.toml"];
    manifest.replace(manifest.find("title = \"A\""), 11, "title = \"A2\"");
    manifest.replace(manifest.find("example.org"), 11, "example.net");
    manifest += "encoding = \"windows-1252\"\n";  // e.txt's, the last entry's
    const auto [dump, diagnostics] = read();
    CHECK(dump.find("Lead of a, odd") != std::string::npos);
    CHECK(dump.find("Edited a.txt") == std::string::npos);
    CHECK(dump.find("title=\"A2\"") != std::string::npos);
    CHECK(dump.find("source=\"https://example.net/a\"") != std::string::npos);
    CHECK(dump.find("Caf\xc3\xa9 of e.") != std::string::npos);
    for (const char* edited : {"Edited b.txt", "Edited c.txt", "Edited d.txt"}) {
      CAPTURE(edited);
      CHECK(dump.find(edited) != std::string::npos);
    }
    // a.txt's warning given again, once.
    const std::size_t warned = diagnostics.find(a_warning);
    REQUIRE(warned != std::string::npos);
    CHECK(diagnostics.find(a_warning, warned + 1) == std::string::npos);
    CHECK(diagnostics.substr(warned, diagnostics.find('\n', warned) - warned) ==
          first_diagnostics.substr(
              first_diagnostics.find(a_warning),
              first_diagnostics.find('\n', first_diagnostics.find(a_warning)) - first_diagnostics.find(a_warning)));
    // Kept for the next build with the identities they have now.
    CHECK(kept.find_unchanged("a.txt", "id-a") != nullptr);
    CHECK(kept.find_unchanged("b.txt", "id-b2") != nullptr);
    CHECK(kept.find_unchanged("b.txt", "id-b") == nullptr);
    CHECK(kept.find_unchanged("e.txt", "id-e") == nullptr);
  }

  TEST_CASE("a listed file the folder's listing found is not looked at again for a link out of the corpus") {
    // A memory file system that counts resolve_inside's calls by path.
    class CountingLooks final : public test::WatchedFileSystem {
     public:
      CountingLooks(std::map<std::string, std::string> files, std::map<std::string, std::string> links)
          : WatchedFileSystem(std::move(files), "counted") {
        for (const auto& [link, target] : links) this->files().add_link(link, target);
      }
      std::optional<std::string> resolve_inside(const std::string& path) const override {
        const std::lock_guard lock(mutex_);
        ++looks_[path];
        return WatchedFileSystem::resolve_inside(path);
      }
      int looks(const std::string& path) const {
        const std::lock_guard lock(mutex_);
        const auto found = looks_.find(path);
        return found == looks_.end() ? 0 : found->second;
      }

     private:
      mutable std::mutex mutex_;  // FileSystem's const members may be called from several threads
      mutable std::map<std::string, int> looks_;
    };
    const CountingLooks file_system({{"book.toml",
                                      "[[articles]]\nfile = \"a.txt\"\n[[articles]]\nfile = \"part/b.txt\"\n"
                                      "[[articles]]\nfile = \"out/c.txt\"\n"},
                                     {"a.txt", "Lead of a.\n"},
                                     {"part/b.txt", "Lead of b.\n"}},
                                    {{"out", "/etc"}});
    core::DiagnosticList diagnostics;
    const import::Corpus corpus = import::read_corpus(file_system, diagnostics, core::no_progress(), 1);
    CHECK(corpus.book.articles.size() == 2);
    CHECK(file_system.looks("a.txt") == 0);
    CHECK(file_system.looks("part/b.txt") == 0);
    // A file the listing did not find (behind the link, never followed) is looked at, and refused.
    CHECK(file_system.looks("out/c.txt") == 1);
    CHECK(diagnostics.to_string().find("found 'out/c.txt', a symbolic link to outside it") != std::string::npos);
  }

  TEST_CASE("a file whose identity changes while it is read is kept by its text alone") {
    // A file system whose files each change between the first look at their identity and the next.
    class ChangingIdentities final : public test::WatchedFileSystem {
     public:
      using WatchedFileSystem::WatchedFileSystem;
      std::optional<std::string> settled_identity(const std::string& path) const override {
        const std::lock_guard lock(mutex_);
        return path + " look " + std::to_string(++looks_[path]);
      }

     private:
      mutable std::mutex mutex_;  // FileSystem's const members may be called from several threads
      mutable std::map<std::string, int> looks_;
    };
    const ChangingIdentities file_system(std::map<std::string, std::string>{{"a.txt", "Lead of a.\n"}});
    import::KeptTextArticles kept;
    core::DiagnosticList diagnostics;
    import::read_corpus(file_system, diagnostics, core::no_progress(), 1, &kept);
    CHECK(kept.find("a.txt", "Lead of a.\n") != nullptr);
    CHECK(kept.find_unchanged("a.txt", "a.txt look 1") == nullptr);
    CHECK(kept.find_unchanged("a.txt", "a.txt look 2") == nullptr);
    CHECK(kept.find("a.txt", "Lead of a.\n")->identity == std::nullopt);
  }

  TEST_CASE("an article kept for the very same text is taken as kept, not read again, whatever the threads") {
    const std::map<std::string, std::string> files{{"a.txt", "Lead of a.\n"}, {"b.txt", "Lead of b.\n"}};
    for (const std::size_t jobs : {1, 2}) {
      CAPTURE(jobs);
      import::KeptTextArticles kept;
      // What an earlier build read, made up here so that reading anew would show: a.txt's text as
      // it is, b.txt's as it was before an edit.
      for (const auto& [file, text] :
           {std::pair<std::string, std::string>{"a.txt", "Lead of a.\n"}, {"b.txt", "Lead of b, before.\n"}}) {
        import::KeptTextArticles::Read read{text, {}, {}, std::nullopt};
        read.article.provenance.file = file;
        read.article.location = {file, 1, 1};
        read.article.blocks.push_back(model::paragraph_block({model::text_inline("Kept, not read.")}));
        read.diagnostics.warning({file, 1, 1}, "kept");
        kept.keep(file, std::move(read));
      }
      kept.finish_build();
      const core::MemoryFileSystem file_system(files, "kept");
      core::DiagnosticList diagnostics;
      const import::Corpus corpus = import::read_corpus(file_system, diagnostics, core::no_progress(), jobs, &kept);
      REQUIRE(corpus.book.articles.size() == 2);
      CHECK(model::dump_article(corpus.book.articles[0]).find("Kept, not read.") != std::string::npos);
      CHECK(model::dump_article(corpus.book.articles[1]).find("Lead of b.") != std::string::npos);
      CHECK(diagnostics.to_string().starts_with("a.txt:1:1: warning: kept\na.txt: warning: no title"));
      // Both are kept for the next build: a.txt as found, b.txt as read now.
      CHECK(kept.find("a.txt", "Lead of a.\n") != nullptr);
      CHECK(kept.find("b.txt", "Lead of b.\n") != nullptr);
      CHECK(kept.find("b.txt", "Lead of b, before.\n") == nullptr);
    }
  }
}
