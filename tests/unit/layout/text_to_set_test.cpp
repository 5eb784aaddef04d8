#include <doctest/doctest.h>

#include <memory>

#include "layout/text_to_set.hpp"
#include "model/book.hpp"

using namespace octavo;

TEST_SUITE("layout.text_to_set") {
  TEST_CASE("every text layout sets is gathered: metadata, disclaimer, parts, articles, notes, source notes") {
    model::Book book;
    book.metadata.title = "Bookish";
    book.metadata.authors = {"Writer"};
    book.disclaimer.title = "Disclaimer";
    book.disclaimer.blocks.push_back(model::paragraph_block({model::text_inline("Unreviewed words")}));
    model::Part part;
    part.title = "Partial";
    book.parts.push_back(part);
    model::Article article;
    article.title = "Articled";
    article.blocks.push_back(model::heading_block(2, {model::text_inline("Headed")}));
    article.blocks.push_back(
        model::paragraph_block({model::text_inline("Plain "),
                                model::span_inline(model::InlineKind::emphasis, {model::text_inline("stressed")}),
                                model::text_inline("ness")}));
    model::Block code;
    code.kind = model::BlockKind::code_block;
    code.text = "literal";
    article.blocks.push_back(code);
    model::Block figure;
    figure.kind = model::BlockKind::figure;
    model::Image image;
    image.alt = "Pictured";
    figure.images.push_back(std::make_shared<const model::Image>(image));
    article.blocks.push_back(figure);
    model::Footnote note;
    note.blocks.push_back(model::paragraph_block({model::text_inline("Noted")}));
    article.footnotes.push_back(note);
    article.source_note.fields.push_back({"Retrieved", "yesterday", ""});
    book.articles.push_back(article);
    const std::string text = layout::text_to_set(book);
    for (const char* word : {"Bookish", "Writer", "Disclaimer", "Unreviewed words", "Partial", "Articled", "Headed",
                             "Plain ", "stressed", "Plain stressedness", "literal", "Pictured", "Noted", "Retrieved",
                             "yesterday", model::contents_title, model::sources_title, model::unreviewed_mark}) {
      CHECK_MESSAGE(text.find(word) != std::string::npos, word);
    }
  }
}
