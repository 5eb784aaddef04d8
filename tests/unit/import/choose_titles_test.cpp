#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"
#include "import/choose_titles.hpp"
#include "import/folder_parts.hpp"
#include "import/markdown_article.hpp"
#include "model/inline.hpp"

using namespace octavo;

namespace {

struct Chosen {
  model::Book book;
  std::string diagnostics;
};

// Reads each (path, Markdown) as an article, makes the parts, and chooses the titles.
Chosen choose(std::vector<std::pair<std::string, std::string>> files, import::TitleSources sources = {}) {
  Chosen out;
  core::DiagnosticList sink;
  for (const auto& [path, text] : files) out.book.articles.push_back(import::read_markdown_article(path, text, sink));
  out.book.parts = import::parts_from_folders(out.book.articles);
  import::choose_titles(out.book, sources, sink);
  out.diagnostics = sink.to_string();
  return out;
}

// "title: heading level 1 'x', …" for one article.
std::string outline(const model::Article& article) {
  std::string out = article.title + ":";
  for (const model::Block& block : article.blocks) {
    if (block.kind == model::BlockKind::heading) {
      out += " h" + std::to_string(block.level) + " " + model::plain_text(block.inlines) + ";";
    }
  }
  return out;
}

}  // namespace

TEST_SUITE("import.choose_titles") {
  TEST_CASE("front matter, then book.toml, then the opening heading, then the file name") {
    import::TitleSources sources;
    sources.articles = {{"Listed", {"book.toml", 2, 9}}, {"Listed B", {"book.toml", 5, 9}}, {}, {}};
    const Chosen c = choose({{"a.md", "+++\ntitle = \"Front\"\n+++\n# Heading\n\nText.\n"},
                             {"b.md", "# Heading B\n\nText.\n"},
                             {"c.md", "# Heading C\n\nText.\n"},
                             {"d.md", "Text first.\n\n# Later\n"}},
                            sources);
    CHECK(outline(c.book.articles[0]) == "Front: h1 Heading;");
    CHECK(outline(c.book.articles[1]) == "Listed B: h1 Heading B;");
    CHECK(outline(c.book.articles[2]) == "Heading C:");
    CHECK(outline(c.book.articles[3]) == "d: h1 Later;");
    CHECK(c.diagnostics ==
          "book.toml:2:9: warning: the title in book.toml is not used: the front matter of 'a.md' gives 'Front'\n"
          "d.md: warning: no title in front matter, book.toml or an opening heading; using the file name\n");
    CHECK(c.book.articles[2].taken_headings == std::vector<std::string>{"Heading C"});
  }

  TEST_CASE("a given title removes an opening heading that repeats it") {
    import::TitleSources sources;
    sources.articles = {{"Same Title", {"book.toml", 2, 9}}};
    const Chosen c = choose({{"a.md", "# Same title\n\nText.\n\n## Section\n"}}, sources);
    CHECK(outline(c.book.articles[0]) == "Same Title: h1 Section;");
  }

  TEST_CASE("badges, pictures and a line of links may stand above the title; text may not") {
    const Chosen c =
        choose({{"a.md",
                 "[![build](https://ci.example.org/b.svg)](https://ci.example.org) [docs](https://d.org)\n\n# Title\n"},
                {"b.md", "[Home](https://x.org) | [About](https://x.org/a)\n\n# Title B\n\nText.\n"},
                {"c.md", "Some words.\n\n# Not a title\n"}});
    CHECK(outline(c.book.articles[0]) == "Title:");
    CHECK(outline(c.book.articles[1]) == "Title B:");
    CHECK(outline(c.book.articles[2]) == "c: h1 Not a title;");
  }

  TEST_CASE("an opening heading below level 1 titles the article only when no later heading reaches its level") {
    const Chosen c = choose({{"a.md", "## Title\n\n### Section\n"}, {"b.md", "## One\n\nText.\n\n## Two\n"}});
    CHECK(outline(c.book.articles[0]) == "Title: h1 Section;");
    CHECK(outline(c.book.articles[1]) == "b: h1 One; h1 Two;");
  }

  TEST_CASE("heading levels never skip one") {
    const Chosen c = choose({{"a.md", "# T\n\n### Three\n\n###### Six\n\n## Two\n\n#### Four\n\n# One\n"}});
    CHECK(outline(c.book.articles[0]) == "T: h1 Three; h2 Six; h1 Two; h2 Four; h1 One;");
  }

  TEST_CASE("a heading every article of a folder opens with titles the part; each article takes its next heading") {
    const Chosen c = choose({{"book/ch1.md", "# The Series\n\n## Chapter One\n\nText.\n\n### Detail\n"},
                             {"book/ch2.md", "# The Series\n\n## Chapter Two\n\nText.\n\n## Second section\n"},
                             {"other.md", "# Other\n"}});
    CHECK(outline(c.book.articles[0]) == "Chapter One: h1 Detail;");
    CHECK(outline(c.book.articles[1]) == "Chapter Two: h1 Second section;");
    CHECK(c.book.articles[0].taken_headings == std::vector<std::string>{"The Series", "Chapter One"});
    REQUIRE(c.book.parts.size() == 1);
    CHECK(c.book.parts[0].title == "The Series");
    CHECK(c.book.parts[0].location.path == "book/ch1.md");
    CHECK(c.diagnostics == "");
  }

  TEST_CASE("no series without two articles that each have a heading after the shared one") {
    const Chosen alone = choose({{"book/ch1.md", "# The Series\n\n## Chapter One\n"}});
    CHECK(outline(alone.book.articles[0]) == "The Series: h1 Chapter One;");
    const Chosen bare = choose({{"book/a.md", "# Intro\n\nText.\n"}, {"book/b.md", "# Intro\n\n## Next\n"}});
    CHECK(outline(bare.book.articles[0]) == "Intro:");
    CHECK(outline(bare.book.articles[1]) == "Intro: h1 Next;");
  }

  TEST_CASE("the root's shared heading names the book unless book.toml does") {
    const std::vector<std::pair<std::string, std::string>> files = {{"a.md", "# Guide\n\n## A\n"},
                                                                    {"b.md", "# Guide\n\n## B\n"}};
    CHECK(choose(files).book.metadata.title == "Guide");
    import::TitleSources named;
    named.book_title_given = true;
    Chosen c = choose(files, named);
    CHECK(c.book.metadata.title == "");
    CHECK(outline(c.book.articles[1]) == "B:");
  }

  TEST_CASE("a part's title: book.toml's, else its README's, else the series', else its folder's name") {
    import::TitleSources sources;
    sources.parts = {{"a", {"From TOML", {"book.toml", 3, 10}}}};
    sources.readmes = {{"b", {"From README", {"b/README.md", 1, 1}}}, {"c", {"README C", {"c/README.md", 1, 1}}}};
    const Chosen c = choose({{"a/x.md", "# X\n"},
                             {"b/x.md", "# X\n"},
                             {"c/x.md", "# S\n\n## X\n"},
                             {"c/y.md", "# S\n\n## Y\n"},
                             {"d/x.md", "# S\n\n## X\n"},
                             {"d/y.md", "# S\n\n## Y\n"},
                             {"02-the-end/x.md", "# X\n"}},
                            sources);
    std::string titles;
    for (const model::Part& part : c.book.parts) titles += part.folder + "=" + part.title + ";";
    CHECK(titles == "a=From TOML;b=From README;c=README C;d=S;02-the-end=The end;");
    CHECK(c.book.parts[0].location.line == 3);
    CHECK(c.diagnostics ==
          "02-the-end: warning: no title for this folder's part in book.toml, a README or a heading its articles "
          "share; using 'The end', made from its name\n");
  }

  TEST_CASE("a [[parts]] entry for a folder that holds no article is an error") {
    import::TitleSources sources;
    sources.parts = {{"nowhere", {"Lost", {"book.toml", 7, 10}}}};
    const Chosen c = choose({{"a.md", "# A\n"}}, sources);
    CHECK(c.diagnostics == "book.toml:7:10: error: expected a folder holding articles of the book, found 'nowhere'\n");
  }

  TEST_CASE("an opening heading that refers to a note stays a heading, so the note keeps its reference") {
    const Chosen c = choose({{"a.md", "# Title[^1]\n\nText.\n\n[^1]: Note.\n"}});
    CHECK(outline(c.book.articles[0]) == "a: h1 Title1;");
    CHECK(c.book.articles[0].footnotes.size() == 1);
    CHECK(c.diagnostics ==
          "a.md: warning: no title in front matter, book.toml or an opening heading; using the file name\n");
  }
}
