#include <doctest/doctest.h>

#include "book_builder.hpp"
#include "transform/assign_ids.hpp"

using namespace octavo;

TEST_SUITE("transform.assign_ids") {
  TEST_CASE("articles are numbered in book order with a slug of the title") {
    model::Book book;
    book.articles = {test::article("Kratom's Role", {}), test::article("Sleep", {})};
    transform::assign_ids(book);
    CHECK(book.articles[0].id == "a01-kratoms-role");
    CHECK(book.articles[1].id == "a02-sleep");
  }

  TEST_CASE("the number is padded to the width of the article count") {
    model::Book book;
    for (int i = 0; i < 120; ++i) book.articles.push_back(test::article("T", {}));
    transform::assign_ids(book);
    CHECK(book.articles[0].id == "a001-t");
    CHECK(book.articles[119].id == "a120-t");
  }

  TEST_CASE("parts are numbered apart, 'p' first; a title with no Latin letter gives 'part'") {
    model::Book book;
    book.articles = {test::article("A", {})};
    book.parts.resize(2);
    book.parts[0].title = "Getting Started";
    book.parts[1].title = "Привет";
    transform::assign_ids(book);
    CHECK(book.parts[0].id == "p01-getting-started");
    CHECK(book.parts[1].id == "p02-part");
    CHECK(book.articles[0].id == "a01-a");
  }
}
