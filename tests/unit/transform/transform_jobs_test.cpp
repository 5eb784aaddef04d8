#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "book_builder.hpp"
#include "core/diagnostics.hpp"
#include "model/dump.hpp"
#include "transform/apply_transforms.hpp"

using namespace octavo;

namespace {

// A book of `count` articles, each linking forward, backward and nowhere, with headings that
// repeat: links to resolve, ids to number and warnings to give, in every article.
model::Book linked_book(int count) {
  model::Book book;
  book.metadata.title = "Threads";
  for (int i = 0; i < count; ++i) {
    const std::string file = "article-" + std::to_string(i) + ".md";
    const std::string next = "article-" + std::to_string((i + 1) % count) + ".md";
    const std::string previous = "article-" + std::to_string((i + count - 1) % count) + ".md";
    std::vector<model::Block> blocks = {test::heading(2, "Scope"),
                                        test::paragraph("Words in article " + std::to_string(i) + ", well-being."),
                                        test::heading(2, "Scope"),
                                        test::paragraph_with_link(next + "#scope-1", "the next one"),
                                        test::paragraph_with_link(previous + "#nowhere", "the one before"),
                                        test::paragraph_with_link("#missing-" + std::to_string(i), "nothing")};
    book.articles.push_back(test::article("Article " + std::to_string(i), std::move(blocks), file));
  }
  return book;
}

struct Transformed {
  std::string dump;
  std::string diagnostics;
};

Transformed transformed(std::size_t jobs) {
  model::Book book = linked_book(150);
  core::DiagnosticList sink;
  transform::apply_transforms(book, {}, sink, jobs);
  return {model::dump_book(book), sink.to_string()};
}

}  // namespace

TEST_SUITE("transform.jobs") {
  TEST_CASE("the book and its diagnostics are the same on one thread or several") {
    const Transformed one = transformed(1);
    // Every article warned twice, in the book's order: the first article's warnings come first.
    CHECK(one.diagnostics.find("'#missing-0'") < one.diagnostics.find("'#missing-1'"));
    CHECK(one.diagnostics.find("'#missing-148'") < one.diagnostics.find("'#missing-149'"));
    // Links resolved forward and back, and words counted.
    CHECK(one.dump.find("link \"#scope-1\" article=\"a002-article-1\"") != std::string::npos);
    CHECK(one.dump.find("link \"\" article=\"a150-article-149\"") != std::string::npos);
    CHECK(one.dump.find("field \"Words\" \"14\"") != std::string::npos);
    for (const std::size_t jobs : {2, 3, 8}) {
      CAPTURE(jobs);
      const Transformed many = transformed(jobs);
      CHECK(many.dump == one.dump);
      CHECK(many.diagnostics == one.diagnostics);
    }
  }
}
