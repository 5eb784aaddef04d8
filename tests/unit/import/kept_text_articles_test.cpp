#include "import/kept_text_articles.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace octavo;

namespace {

using Read = import::KeptTextArticles::Read;

// What reading `text` at `path` might give: an article with that title and one warning.
Read read_of(const std::string& path, const std::string& text) {
  Read read;
  read.text = text;
  read.article.title = "from " + text;
  read.diagnostics.warning({path, 1, 1}, "a warning for " + text);
  return read;
}

}  // namespace

TEST_SUITE("import.kept_text_articles") {
  TEST_CASE("what a build keeps is found by the next, for the very same text only") {
    import::KeptTextArticles kept;
    kept.keep("a.txt", read_of("a.txt", "one"));
    CHECK(kept.find("a.txt", "one") == nullptr);  // not before the build's reading ends
    kept.finish_build();
    const import::KeptTextArticles::Read* found = kept.find("a.txt", "one");
    REQUIRE(found != nullptr);
    CHECK(found->article.title == "from one");
    CHECK(found->diagnostics.to_string() == "a.txt:1:1: warning: a warning for one\n");
    CHECK(kept.find("a.txt", "one ") == nullptr);
    CHECK(kept.find("b.txt", "one") == nullptr);
  }

  TEST_CASE("a build forgets what it neither kept anew nor found") {
    import::KeptTextArticles kept;
    kept.keep("a.txt", read_of("a.txt", "a"));
    kept.keep("b.txt", read_of("b.txt", "b"));
    kept.keep("c.txt", read_of("c.txt", "c"));
    kept.finish_build();
    // The next build: a found, b read anew (edited), c gone.
    REQUIRE(kept.find("a.txt", "a") != nullptr);
    kept.keep_found("a.txt", std::nullopt);
    kept.keep("b.txt", read_of("b.txt", "b2"));
    kept.finish_build();
    CHECK(kept.find("a.txt", "a") != nullptr);
    CHECK(kept.find("b.txt", "b") == nullptr);
    CHECK(kept.find("b.txt", "b2") != nullptr);
    CHECK(kept.find("c.txt", "c") == nullptr);
    // A build that finds nothing and keeps nothing leaves nothing.
    kept.finish_build();
    CHECK(kept.find("a.txt", "a") == nullptr);
  }

  TEST_CASE("found unchanged by the settled identity it was read with, which a found entry takes anew") {
    import::KeptTextArticles kept;
    Read a = read_of("a.txt", "a");
    a.identity = "id-a";
    kept.keep("a.txt", std::move(a));
    kept.keep("b.txt", read_of("b.txt", "b"));  // read while unsettled: no identity
    kept.keep("c.txt", read_of("c.txt", "c"));
    CHECK(kept.find_unchanged("a.txt", "id-a") == nullptr);  // not before the build's reading ends
    kept.finish_build();
    REQUIRE(kept.find_unchanged("a.txt", "id-a") != nullptr);
    CHECK(kept.find_unchanged("a.txt", "id-a")->article.title == "from a");
    CHECK(kept.find_unchanged("a.txt", "id-other") == nullptr);
    CHECK(kept.find_unchanged("b.txt", "") == nullptr);
    CHECK(kept.find_unchanged("z.txt", "id-a") == nullptr);
    // The next build: a found unchanged, b found by its text and settled since, c found by its
    // text but changed in place meanwhile, unsettled.
    kept.keep_found("a.txt", "id-a");
    kept.keep_found("b.txt", "id-b");
    kept.keep_found("c.txt", std::nullopt);
    kept.finish_build();
    CHECK(kept.find_unchanged("a.txt", "id-a") != nullptr);
    CHECK(kept.find_unchanged("b.txt", "id-b") != nullptr);
    CHECK(kept.find("b.txt", "b") != nullptr);
    CHECK(kept.find("c.txt", "c") != nullptr);
    CHECK(kept.find("c.txt", "c")->identity == std::nullopt);
    // a read anew while unsettled: kept without the identity it had.
    kept.keep("a.txt", read_of("a.txt", "a2"));
    kept.keep_found("b.txt", "id-b");
    kept.finish_build();
    CHECK(kept.find_unchanged("a.txt", "id-a") == nullptr);
    CHECK(kept.find("a.txt", "a2") != nullptr);
  }
}
