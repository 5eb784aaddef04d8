#include <doctest/doctest.h>

#include <array>
#include <functional>

#include "epub/book_page_keys.hpp"
#include "epub/contents_xhtml.hpp"
#include "epub/ncx_document.hpp"
#include "epub_test_book.hpp"

using namespace octavo;

namespace {

// The two keys of test::book() after `change`: the navigation's, the contents page's.
std::array<core::StreamDigest, 2> keys_after(const std::function<void(model::Book&)>& change) {
  model::Book book = test::book();
  change(book);
  const core::StreamDigest toc = epub::toc_digest(epub::toc_items(book));
  return {epub::navigation_key(epub::navigation_inputs(book), toc), epub::contents_key(book.metadata.language, toc)};
}

const std::array<core::StreamDigest, 2> unchanged = keys_after([](model::Book&) {});

// Which of the two keys `change` changes: "nav", "contents", in that order.
std::string changed_by(const std::function<void(model::Book&)>& change) {
  const std::array<core::StreamDigest, 2> keys = keys_after(change);
  std::string changed;
  const char* names[] = {"nav", "contents"};
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] != unchanged[i]) changed += std::string(changed.empty() ? "" : " ") + names[i];
  }
  return changed;
}

}  // namespace

TEST_SUITE("epub.book_page_keys") {
  TEST_CASE("the same book gives the same keys, and the two pages two keys") {
    CHECK(keys_after([](model::Book&) {}) == unchanged);
    CHECK(unchanged[0] != unchanged[1]);
  }

  TEST_CASE("an article's text changes no key: the pages show only the contents tree") {
    CHECK(changed_by([](model::Book& book) { book.articles[1].blocks.push_back(test::paragraph("More.")); }) == "");
    CHECK(changed_by([](model::Book& book) { book.articles[0].source_note.fields.clear(); }) == "");
  }

  TEST_CASE("the contents tree changes every key: a title, a section, an entry's place") {
    for (const auto& change : std::vector<std::function<void(model::Book&)>>{
             [](model::Book& book) { book.contents[1].title = "Cocoa"; },
             [](model::Book& book) { book.contents[0].children[0].title = "Steeping"; },
             [](model::Book& book) { book.contents[0].children.clear(); },
             // the same entries, one level down: only the nesting differs
             [](model::Book& book) {
               book.contents[0].children.push_back(book.contents[1]);
               book.contents.pop_back();
             },
             [](model::Book& book) { book.disclaimer.title = "Caveat"; }}) {
      CHECK(changed_by(change) == "nav contents");
    }
  }

  TEST_CASE("each key changes with the metadata its page shows, and only with that") {
    CHECK(changed_by([](model::Book& book) { book.metadata.language = "fr"; }) == "nav contents");
    CHECK(changed_by([](model::Book& book) { book.metadata.title = "Other leaves"; }) == "nav");
    // The identifier, which an edit changes unless book.toml gives it, is on neither page.
    CHECK(changed_by([](model::Book& book) { book.metadata.identifier = "urn:uuid:other"; }) == "");
    CHECK(changed_by([](model::Book& book) { book.metadata.subtitle = "Another reader"; }) == "");
    // The bodymatter landmark: the title page of a part that opens with the first article, the
    // contents as they were.
    CHECK(changed_by([](model::Book& book) {
            book.parts = {{"p01-drinks", "Drinks", "drinks", model::no_part, 0, 2, {}}};
          }) == "nav");
    CHECK(epub::navigation_inputs(test::book()).body_start == "text/a01-tea.xhtml");
    model::Book no_articles = test::book();
    no_articles.articles.clear();
    CHECK_FALSE(epub::navigation_inputs(no_articles).body_start.has_value());
  }

  TEST_CASE("the pages made from the inputs the keys hash are the pages made from the book") {
    const model::Book book = test::book();
    const std::vector<epub::TocItem> toc = epub::toc_items(book);
    CHECK(epub::navigation_document(epub::navigation_inputs(book), toc) == epub::navigation_document(book));
    CHECK(epub::ncx_document(epub::ncx_inputs(book), toc) == epub::ncx_document(book));
    CHECK(epub::contents_xhtml(book.metadata.language, toc) == epub::contents_xhtml(book));
  }
}
