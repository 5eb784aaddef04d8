#include <doctest/doctest.h>

#include <map>
#include <string>

#include "core/diagnostics.hpp"
#include "core/file_system.hpp"
#include "import/corpus.hpp"
#include "test_images.hpp"

using namespace octavo;

namespace {

struct Read {
  model::Book book;
  std::string diagnostics;
};

Read corpus(std::map<std::string, std::string> files, std::map<std::string, std::string> links = {}) {
  core::MemoryFileSystem file_system(std::move(files), "book");
  for (auto& [from, to] : links) file_system.add_link(from, to);
  core::DiagnosticList diagnostics;
  Read read{import::read_corpus(file_system, diagnostics).book, ""};
  read.diagnostics = diagnostics.to_string();
  return read;
}

// "file=title@part;" for each article, then "[folder=title parent first+count]" for each part.
std::string shape(const model::Book& book) {
  std::string out;
  for (const model::Article& article : book.articles) {
    // Appended piece by piece: "@" + std::to_string(…) trips GCC 12's -O3 -Wrestrict.
    out += article.provenance.file + "=" + article.title;
    if (article.part != model::no_part) {
      out += "@";
      out += std::to_string(article.part);
    }
    out += ";";
  }
  for (const model::Part& part : book.parts) {
    out += "[" + part.folder + "=" + part.title + " ";
    out += part.parent == model::no_part ? std::string("-") : std::to_string(part.parent);
    out += " ";
    out += std::to_string(part.first_article);
    out += "+";
    out += std::to_string(part.article_count);
    out += "]";
  }
  return out;
}

// "file: path path;" for each article holding figures, the corpus path of each image in order.
std::string image_paths(const model::Book& book) {
  std::string out;
  for (const model::Article& article : book.articles) {
    std::string paths;
    for (const model::Block& block : article.blocks) {
      for (const auto& image : block.images) paths += " " + image->path;
    }
    if (!paths.empty()) out += article.provenance.file + ":" + paths + ";";
  }
  return out;
}

}  // namespace

TEST_SUITE("import.corpus.folders") {
  TEST_CASE("images: relative to the article's own sub-folder, '/' from the corpus root, in Markdown and HTML") {
    const Read read = corpus(
        {{"part/ch1.md", "# One\n\n![a](fig.png) ![b](/assets/logo.png) ![c](../assets/logo.png)\n"},
         {"part/page.html", "<title>Page</title><p><img src=\"fig.png\" alt=\"f\"><img src=\"/assets/logo.png\"></p>"},
         {"part/README.md", "# Part\n"},
         {"part/fig.png", test::tiny_png()},
         {"assets/logo.png", test::tiny_png()}});
    CHECK(image_paths(read.book) ==
          "part/ch1.md: part/fig.png assets/logo.png assets/logo.png;part/page.html: part/fig.png assets/logo.png;");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("articles in sub-folders, a folder's files and sub-folders in one order; folders are parts") {
    const Read read = corpus({{"intro.md", "# Intro\n"},
                              {"a/README.md", "# Part A\n\nAbout A.\n"},
                              {"a/ch1.md", "# One\n"},
                              {"a/b/ch3.md", "# Three\n"},
                              {"a/ch2.md", "# Two\n"},
                              {"z.md", "# Last\n"},
                              {".drafts/x.md", "# Hidden\n"}});
    CHECK(shape(read.book) ==
          "a/b/ch3.md=Three@1;a/ch1.md=One@0;a/ch2.md=Two@0;a/README.md=Part A@0;intro.md=Intro;z.md=Last;"
          "[a=Part A - 0+4][a/b=B 0 0+1]");
    CHECK(read.diagnostics ==
          "a/b: warning: no title for this folder's part in book.toml, a README or a heading its articles share; "
          "using 'B', made from its name\n");
  }

  TEST_CASE("exclude: a folder's README gives the part its title but is no article; drafts are not read") {
    const Read read =
        corpus({{"book.toml", "exclude = [\"*/README.md\", \"drafts/**\", \"*.tmp.md\", \"nothing/*\"]\n"},
                {"part/README.md", "# The Part\n"},
                {"part/ch1.md", "# One\n"},
                {"drafts/wip.md", "# WIP\n"},
                {"drafts/deeper/more.md", "# More\n"},
                {"notes.tmp.md", "# Temp\n"},
                {"README.md", "# Root readme\n"}});
    CHECK(shape(read.book) == "part/ch1.md=One@0;README.md=Root readme;[part=The Part - 0+1]");
    CHECK(read.diagnostics == "book.toml:1:52: warning: exclude pattern 'nothing/*' matches no file\n");
  }

  TEST_CASE("with a manifest: files in sub-folders, excluded files need no entry, unlisted ones are errors") {
    const Read read = corpus({{"book.toml",
                               "exclude = [\"part/README.md\"]\n"
                               "[[parts]]\nfolder = \"part\"\ntitle = \"Listed Part\"\n"
                               "[[articles]]\nfile = \"part/ch1.md\"\n"
                               "[[articles]]\nfile = \"intro.md\"\n"},
                              {"intro.md", "# Intro\n"},
                              {"part/README.md", "# Readme title\n"},
                              {"part/ch1.md", "# One\n"},
                              {"part/ch2.md", "# Two\n"}});
    CHECK(shape(read.book) == "part/ch1.md=One@0;intro.md=Intro;[part=Listed Part - 0+1]");
    CHECK(read.diagnostics ==
          "book.toml:5:3: error: 'part/ch2.md' is in the corpus folder but not listed in book.toml\n"
          "  hint: list it under [[articles]], or leave it out with exclude = [\"part/ch2.md\"]\n");
  }

  TEST_CASE("a folder's articles listed apart in book.toml are an error: a part cannot be split") {
    const Read read = corpus({{"book.toml",
                               "[[articles]]\nfile = \"a/one.md\"\n[[articles]]\nfile = \"b.md\"\n"
                               "[[articles]]\nfile = \"a/two.md\"\n"},
                              {"a/one.md", "# One\n"},
                              {"a/two.md", "# Two\n"},
                              {"b.md", "# B\n"}});
    CHECK(read.diagnostics ==
          "book.toml:6:8: error: 'a/two.md' is listed apart from the other articles in 'a/'\n"
          "  hint: a folder is a part of the book: list its articles one after another\n"
          "a: warning: no title for this folder's part in book.toml, a README or a heading its articles share; "
          "using 'A', made from its name\n");
    CHECK(shape(read.book) == "a/one.md=One@0;b.md=B;[a=A - 0+1]");
  }

  TEST_CASE("a listed file reached through a link out of the corpus is an error; links out are never listed") {
    const Read read = corpus(
        {{"book.toml", "[[articles]]\nfile = \"in.md\"\n[[articles]]\nfile = \"out/x.md\"\n"}, {"in.md", "# In\n"}},
        {{"out", "/etc"}});
    CHECK(read.diagnostics ==
          "out: warning: symbolic link to outside the corpus; it is not followed\n"
          "book.toml:4:8: error: expected a file inside the corpus folder, found 'out/x.md', a symbolic link to "
          "outside it\n");
    CHECK(shape(read.book) == "in.md=In;");
  }
}
