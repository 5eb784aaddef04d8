#include <doctest/doctest.h>

#include "book_builder.hpp"
#include "transform/write_source_notes.hpp"

using namespace octavo;

namespace {

// The href of each article's Source field, one per line ("-" when the source is not linked).
std::string source_hrefs(std::vector<std::string> sources) {
  model::Book book;
  for (std::string& source : sources) {
    book.articles.push_back(test::article("T", {}));
    book.articles.back().provenance.source = std::move(source);
  }
  transform::write_source_notes(book);
  std::string out;
  for (const model::Article& article : book.articles) {
    const std::string& href = article.source_note.fields.at(0).href;
    out += (href.empty() ? "-" : href) + "\n";
  }
  return out;
}

}  // namespace

TEST_SUITE("transform.write_source_notes") {
  TEST_CASE("a source is linked exactly when the body's links would be: scheme in any case, mail too") {
    CHECK(source_hrefs({"HTTPS://Example.org/x", "Http://example.org", "mailto:ed@example.org", "ftp://example.org/x",
                        "https://example.org/a b", "example.org"}) ==
          "HTTPS://Example.org/x\n"
          "Http://example.org\n"
          "mailto:ed@example.org\n"
          "-\n"
          "-\n"
          "-\n");
  }
}
