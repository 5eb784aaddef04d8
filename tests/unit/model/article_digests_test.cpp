#include <doctest/doctest.h>

#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "model/article_bytes.hpp"
#include "model/article_digests.hpp"

using namespace octavo;
using namespace octavo::model;

namespace {

// An article whose blocks hold a link inside emphasis and a quoted paragraph, and whose footnote
// holds a link of its own.
Article linking_article(const std::string& id, const std::string& text) {
  Article article;
  article.id = id;
  article.title = "On " + text;
  article.blocks.push_back(paragraph_block(
      {text_inline(text), span_inline(InlineKind::emphasis, {link_inline("#first", {text_inline("first")})})}));
  article.blocks.push_back(
      container_block(BlockKind::block_quote, {paragraph_block({link_inline("b.md", {text_inline("second")})})}));
  article.footnotes.push_back({"fn-1", "1", {paragraph_block({link_inline("https://example.org", {})})}, {}});
  return article;
}

std::vector<Article> three_articles() {
  return {linking_article("a", "Alpha"), linking_article("b", "Beta"), linking_article("c", "Gamma")};
}

}  // namespace

TEST_SUITE("model.article_digests") {
  TEST_CASE("an article's digest is that of its bytes, and any field changed changes it") {
    const Article article = linking_article("a", "Alpha");
    core::ByteWriter bytes;
    put_article(bytes, article);
    CHECK(article_digest(article) == core::sha256(bytes.bytes()));
    Article retitled = article;
    retitled.title = "Other";
    CHECK(article_digest(retitled) != article_digest(article));
    Article relinked = article;
    relinked.footnotes[0].blocks[0].inlines[0].target = "https://example.com";
    CHECK(article_digest(relinked) != article_digest(article));
  }

  TEST_CASE("each article's digest is made once, whichever thread asks first, and is the article's") {
    const std::vector<Article> articles = three_articles();
    const ArticleDigests digests(articles);
    std::vector<core::StreamDigest> seen_a(articles.size());
    std::vector<core::StreamDigest> seen_b(articles.size());
    std::thread other([&] {
      for (std::size_t i = articles.size(); i-- > 0;) seen_b[i] = digests.of(articles[i]);
    });
    for (std::size_t i = 0; i < articles.size(); ++i) seen_a[i] = digests.of(articles[i]);
    other.join();
    for (std::size_t i = 0; i < articles.size(); ++i) {
      CHECK(seen_a[i] == article_digest(articles[i]));
      CHECK(seen_b[i] == seen_a[i]);
    }
    CHECK(digests.made() == articles.size());
    CHECK(digests.of(articles[1]) == seen_a[1]);
    CHECK(digests.made() == articles.size());
  }

  TEST_CASE("threads asking for the same digests at once wait for the one making each, and all get it") {
    // Eight threads let go together through the same long articles in the same order: most find
    // another making the digest they ask for and wait for it (a slot's `making` state).
    std::vector<Article> articles;
    for (int i = 0; i < 64; ++i) {
      articles.push_back(
          linking_article("a" + std::to_string(i), std::string(2000 + i, static_cast<char>('a' + i % 26))));
    }
    const ArticleDigests digests(articles);
    constexpr std::size_t thread_count = 8;
    std::vector<std::vector<core::StreamDigest>> seen(thread_count, std::vector<core::StreamDigest>(articles.size()));
    std::latch start(thread_count);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < thread_count; ++t) {
      threads.emplace_back([&, t] {
        start.arrive_and_wait();
        for (std::size_t i = 0; i < articles.size(); ++i) seen[t][i] = digests.of(articles[i]);
      });
    }
    for (std::thread& thread : threads) thread.join();
    CHECK(digests.made() == articles.size());
    for (std::size_t i = 0; i < articles.size(); ++i) {
      const core::StreamDigest expected = article_digest(articles[i]);
      for (std::size_t t = 0; t < thread_count; ++t) CHECK(seen[t][i] == expected);
    }
  }

  TEST_CASE("an article not of the list is digested anew each time, as it is now") {
    const std::vector<Article> articles = three_articles();
    const ArticleDigests digests(articles);
    Article copy = articles[0];
    CHECK(digests.of(copy) == article_digest(articles[0]));
    copy.title = "Changed";
    CHECK(digests.of(copy) == article_digest(copy));
    CHECK(digests.made() == 0);
  }

  TEST_CASE("resolutions come for every inline in the order the article's bytes list them, footnotes last") {
    const Article article = linking_article("a", "Alpha");
    core::ByteWriter out;
    std::vector<std::string> order;
    put_resolutions(out, article, [&order](core::ByteWriter& to, const Inline& node) {
      order.push_back(node.kind == InlineKind::link ? "link " + node.target : node.text);
      if (node.kind == InlineKind::link) to.string(node.target);
    });
    CHECK(order == std::vector<std::string>{"Alpha", "", "link #first", "first", "link b.md", "second",
                                            "link https://example.org"});
    core::ByteWriter expected;
    for (const char* target : {"#first", "b.md", "https://example.org"}) expected.string(target);
    CHECK(out.bytes() == expected.bytes());
  }
}
