#include <doctest/doctest.h>

#include "book_builder.hpp"
#include "core/diagnostics.hpp"
#include "transform/assign_ids.hpp"

using namespace octavo;

TEST_SUITE("transform.assign_ids") {
  TEST_CASE("articles are numbered in book order with a slug of the title") {
    model::Book book;
    book.articles = {test::article("Kratom's Role", {}), test::article("Sleep", {})};
    core::DiagnosticList sink;
    transform::assign_ids(book, sink);
    CHECK(book.articles[0].id == "a01-kratoms-role");
    CHECK(book.articles[1].id == "a02-sleep");
  }

  TEST_CASE("the number is padded to the width of the article count") {
    model::Book book;
    for (int i = 0; i < 120; ++i) book.articles.push_back(test::article("T", {}));
    core::DiagnosticList sink;
    transform::assign_ids(book, sink);
    CHECK(book.articles[0].id == "a001-t");
    CHECK(book.articles[119].id == "a120-t");
  }

  TEST_CASE("heading ids are unique, valid XML names, and links follow renamed ids") {
    model::Book book;
    book.articles = {
        test::article("T", {test::paragraph_with_link("#2024-plans", "see plans"), test::heading(1, "Intro"),
                            test::heading(1, "Intro"), test::heading(1, "2024 plans", "2024-plans")})};
    core::DiagnosticList sink;
    transform::assign_ids(book, sink);
    const auto& blocks = book.articles[0].blocks;
    CHECK(blocks[1].id == "intro");
    CHECK(blocks[2].id == "intro-2");
    CHECK(blocks[3].id == "s-2024-plans");
    CHECK(blocks[0].inlines[0].target == "#s-2024-plans");
    CHECK(sink.all().empty());
  }

  TEST_CASE("a heading cannot take the id of the article or its source note") {
    model::Book book;
    book.articles = {test::article("T", {test::heading(1, "a01 t note")})};
    core::DiagnosticList sink;
    transform::assign_ids(book, sink);
    CHECK(book.articles[0].blocks[0].id == "a01-t-note-2");
  }

  TEST_CASE("a link to no heading is unwrapped into its text with a warning") {
    model::Book book;
    book.articles = {test::article("T", {test::paragraph_with_link("#nowhere", "dangling")})};
    core::DiagnosticList sink;
    transform::assign_ids(book, sink);
    const auto& inlines = book.articles[0].blocks[0].inlines;
    REQUIRE(inlines.size() == 1);
    CHECK(inlines[0].kind == model::InlineKind::text);
    CHECK(inlines[0].text == "dangling");
    CHECK(sink.to_string() ==
          "a.txt:4:1: warning: link to '#nowhere' points at no heading in this article; kept as text\n");
  }
}
