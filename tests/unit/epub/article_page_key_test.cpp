#include <doctest/doctest.h>

#include <functional>

#include "epub/article_page_key.hpp"
#include "epub_test_book.hpp"

using namespace octavo;

namespace {

// test::book() with a paragraph in "Tea" that links to "Coffee"'s heading "beans".
model::Book linked_book() {
  model::Book book = test::book();
  model::Inline link = model::link_inline("#beans", {model::text_inline("the beans")});
  link.target_article = "a02-coffee";
  book.articles[0].blocks.push_back(model::paragraph_block({model::text_inline("See "), link}));
  return book;
}

// The key of "Tea"'s page after `change` to the book.
core::StreamDigest key_after(const std::function<void(model::Book&)>& change) {
  model::Book book = linked_book();
  change(book);
  return epub::article_page_key(book.articles[0], book.metadata.language, epub::BookLinks(book),
                                model::ArticleDigests(book.articles));
}

const core::StreamDigest unchanged = key_after([](model::Book&) {});

}  // namespace

TEST_SUITE("epub.article_page_key") {
  TEST_CASE("the same article in the same book gives the same key; another article another") {
    const model::Book book = linked_book();
    const epub::BookLinks links(book);
    const model::ArticleDigests digests(book.articles);
    CHECK(epub::article_page_key(book.articles[0], "en-GB", links, digests) == unchanged);
    CHECK(epub::article_page_key(book.articles[1], "en-GB", links, digests) != unchanged);
  }

  TEST_CASE("what the page shows of the article changes the key") {
    CHECK(key_after([](model::Book& book) { book.articles[0].title = "Green tea"; }) != unchanged);
    CHECK(key_after([](model::Book& book) { book.articles[0].blocks[2].id = "steeping"; }) != unchanged);
    CHECK(key_after([](model::Book& book) { book.articles[0].blocks[3].inlines[0].text = "Take "; }) != unchanged);
    CHECK(key_after([](model::Book& book) { book.articles[0].source_note.fields[1].value = "11ee"; }) != unchanged);
    CHECK(key_after([](model::Book& book) { book.articles[0].language = "fr"; }) != unchanged);
    CHECK(key_after([](model::Book& book) {
            book.articles[0].footnotes.push_back({"fn-1", "1", {test::paragraph("A note.")}, {}});
          }) != unchanged);
  }

  TEST_CASE("the book's language changes the key: it marks the page's own wording") {
    CHECK(key_after([](model::Book& book) { book.metadata.language = "de"; }) != unchanged);
  }

  TEST_CASE("a linked heading gone from another article changes the key: the link loses its href") {
    CHECK(key_after([](model::Book& book) { book.anchors.articles["a02-coffee"].ids.erase("beans"); }) != unchanged);
    CHECK(key_after([](model::Book& book) { book.articles.pop_back(); }) != unchanged);
  }

  TEST_CASE("another article's text, and the rest of the book, leave the key as it was") {
    CHECK(key_after([](model::Book& book) { book.articles[1].title = "Espresso"; }) == unchanged);
    CHECK(key_after([](model::Book& book) { book.articles[1].blocks.push_back(test::paragraph("Roast.")); }) ==
          unchanged);
    CHECK(key_after([](model::Book& book) { book.metadata.title = "Drinks"; }) == unchanged);
    CHECK(key_after([](model::Book& book) { book.contents.pop_back(); }) == unchanged);
  }
}
