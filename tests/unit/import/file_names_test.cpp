#include <doctest/doctest.h>

#include "import/file_names.hpp"

using namespace octavo::import;

TEST_SUITE("import.file_names") {
  TEST_CASE("the extension picks the reader; only lower-case .txt, .md, .markdown, .html, .htm, .xhtml are articles") {
    CHECK(article_format("000_a.txt") == ArticleFormat::text);
    CHECK(article_format("page.html") == ArticleFormat::html);
    CHECK(article_format("page.htm") == ArticleFormat::html);
    CHECK(article_format("page.xhtml") == ArticleFormat::html);
    CHECK(article_format("page.HTML") == ArticleFormat::other);
    CHECK(article_format("b.md") == ArticleFormat::markdown);
    CHECK(article_format("b.markdown") == ArticleFormat::markdown);
    CHECK(article_format("b.MD") == ArticleFormat::other);
    CHECK(article_format("c.TXT") == ArticleFormat::other);
    CHECK(article_format("book.toml") == ArticleFormat::other);
    CHECK(article_format("txt") == ArticleFormat::other);
  }

  TEST_CASE("a name that is an article's but for the case of its extension, and the name it should have") {
    CHECK(article_name_for("b.MD") == "b.md");
    CHECK(article_name_for("c.Txt") == "c.txt");
    CHECK(article_name_for("D.MarkDown") == "D.markdown");
    CHECK(article_name_for("page.HTML") == "page.html");
    CHECK(article_name_for("page.Htm") == "page.htm");
    CHECK(article_name_for("b.md") == std::nullopt);
    CHECK(article_name_for("b.markdown") == std::nullopt);
    CHECK(article_name_for("b.mdx") == std::nullopt);
    CHECK(article_name_for("notes.pdf") == std::nullopt);
    CHECK(article_name_for(".TXT") == std::nullopt);
  }

  TEST_CASE("corpus paths are relative, '/'-separated, with no empty, '.' or '..' component") {
    CHECK(is_corpus_path("a.txt"));
    CHECK(is_corpus_path("..a.txt"));
    CHECK(is_corpus_path("part 1/sub/a.md"));
    CHECK_FALSE(is_corpus_path(""));
    CHECK_FALSE(is_corpus_path("."));
    CHECK_FALSE(is_corpus_path(".."));
    CHECK_FALSE(is_corpus_path("../a.txt"));
    CHECK_FALSE(is_corpus_path("a/../b.txt"));
    CHECK_FALSE(is_corpus_path("/a.txt"));
    CHECK_FALSE(is_corpus_path("a//b.txt"));
    CHECK_FALSE(is_corpus_path("a/"));
    CHECK_FALSE(is_corpus_path("sub\\a.txt"));
  }

  TEST_CASE("a folder's name made a title: the ordering number and the dashes go") {
    CHECK(title_from_folder_name("02-getting-started") == "Getting started");
    CHECK(title_from_folder_name("book/3_deep_dive") == "Deep dive");
    CHECK(title_from_folder_name("10. appendix") == "Appendix");
    CHECK(title_from_folder_name("2024") == "2024");
    CHECK(title_from_folder_name("01-") == "01-");
    CHECK(title_from_folder_name("Über uns") == "Über uns");
    CHECK(title_from_folder_name("v2-api") == "V2 api");
  }

  TEST_CASE("file_stem drops only the last extension") {
    CHECK(file_stem("a.b.txt") == "a.b");
    CHECK(file_stem("noext") == "noext");
    CHECK(file_stem(".hidden") == ".hidden");
    CHECK(file_stem("dir/x.md") == "x");
  }
}
