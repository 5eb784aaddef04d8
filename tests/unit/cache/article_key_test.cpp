#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "cache/article_key.hpp"
#include "figure_block.hpp"
#include "layout/layout_test_support.hpp"

using namespace octavo;

namespace {

// Two articles: "a" links to "b"'s heading "method" and to "b" itself; "b" has the heading.
model::Book two_articles() {
  model::Block linking = test::paragraph("See ");
  model::Inline to_heading = model::link_inline("#method", {model::text_inline("the method")}, {"a.md", 2, 5});
  to_heading.target_article = "b";
  model::Inline to_article = model::link_inline("", {model::text_inline("b")}, {"a.md", 2, 30});
  to_article.target_article = "b";
  linking.inlines.push_back(std::move(to_heading));
  linking.inlines.push_back(std::move(to_article));
  linking.location = {"a.md", 2, 1};
  return test::book_of({test::article("a", "Alpha", {linking, test::paragraph("Plain text.", {"a.md", 4, 1})}),
                        test::article("b", "Beta", {test::heading(1, "Method", "method"), test::paragraph("Steps.")})});
}

struct Inputs {
  model::Book book = two_articles();
  layout::PageStyle style = test::small_style(20);
  layout::Hyphenator hyphenator;
  std::string fingerprint = "octavo 0.1.0\nfonts A\n";

  core::StreamDigest key(std::size_t article = 0) const {
    return cache::article_key({book.articles[article], book.anchors, style, hyphenator}, fingerprint,
                              model::ArticleDigests(book.articles));
  }
  core::StreamDigest sources_entry_key(std::size_t article = 0) const {
    return cache::sources_entry_key({book.articles[article], style, hyphenator}, fingerprint);
  }
};

// The key of article "a" after `change`.
core::StreamDigest key_after(const std::function<void(Inputs&)>& change) {
  Inputs inputs;
  change(inputs);
  return inputs.key();
}

}  // namespace

TEST_SUITE("cache.article_key") {
  TEST_CASE("the same inputs give the same key, whatever copy of the book") {
    const Inputs one;
    const Inputs two;
    CHECK(one.key() == two.key());
    CHECK(one.key() != one.key(1));
  }

  TEST_CASE("changing any one input of an article changes its key") {
    const core::StreamDigest base = Inputs().key();
    // The article itself: a word, a location (diagnostics point there), a title, the source note.
    CHECK(key_after([](Inputs& in) { in.book.articles[0].blocks[1].inlines[0].text = "Plain texts."; }) != base);
    CHECK(key_after([](Inputs& in) { in.book.articles[0].blocks[1].inlines[0].location = {"a.md", 5, 1}; }) != base);
    CHECK(key_after([](Inputs& in) { in.book.articles[0].blocks[1].location.column = 2; }) != base);
    CHECK(key_after([](Inputs& in) { in.book.articles[0].title = "Alpha!"; }) != base);
    CHECK(key_after([](Inputs& in) { in.book.articles[0].source_note.fields[1].value = "other.md"; }) != base);
    CHECK(key_after([](Inputs& in) { in.book.articles[0].provenance.retrieved = "2024-01-01"; }) != base);
    CHECK(key_after([](Inputs& in) { in.book.articles[0].taken_headings = {"Alpha"}; }) != base);
    // Text moved from one block to the next: same characters, another shape.
    CHECK(key_after([](Inputs& in) {
            model::Block& plain = in.book.articles[0].blocks[1];
            plain.inlines.push_back(model::text_inline(" text."));
            plain.inlines[0].text = "Plain";
          }) != base);
    // A footnote.
    CHECK(key_after([](Inputs& in) {
            in.book.articles[0].footnotes.push_back({"fn-1", "1", {test::paragraph("Note.")}, {"a.md", 9, 1}});
          }) != base);
    // The page style (any one setting), the hyphenation patterns, the program or the fonts.
    CHECK(key_after([](Inputs& in) { in.style.imprint_baseline += core::Pt(0.001); }) != base);
    CHECK(key_after([](Inputs& in) { in.style.space_shrink += 0.01; }) != base);
    CHECK(key_after([](Inputs& in) { in.fingerprint = "octavo 0.1.1\nfonts A\n"; }) != base);
    CHECK(key_after([](Inputs& in) { in.fingerprint = "octavo 0.1.0\nfonts B\n"; }) != base);
  }

  TEST_CASE("a Sources entry's key changes with what the entry shows, and with nothing else of the article") {
    const auto entry_key_after = [](const std::function<void(Inputs&)>& change) {
      Inputs inputs;
      change(inputs);
      return inputs.sources_entry_key();
    };
    const core::StreamDigest base = Inputs().sources_entry_key();
    CHECK(base == Inputs().sources_entry_key());
    CHECK(base != Inputs().sources_entry_key(1));
    CHECK(base != Inputs().key());  // never an article's key, though the inputs are the same
    // What sources_entry_flow reads: the id (the entry's anchor and link), the title, its location
    // (diagnostics point there), each field of the source note.
    CHECK(entry_key_after([](Inputs& in) { in.book.articles[0].id = "a2"; }) != base);
    CHECK(entry_key_after([](Inputs& in) { in.book.articles[0].title = "Alpha!"; }) != base);
    CHECK(entry_key_after([](Inputs& in) { in.book.articles[0].location = {"a.md", 1, 2}; }) != base);
    CHECK(entry_key_after([](Inputs& in) { in.book.articles[0].source_note.fields[1].value = "other.md"; }) != base);
    CHECK(entry_key_after([](Inputs& in) { in.book.articles[0].source_note.fields[0].href = ""; }) != base);
    CHECK(entry_key_after([](Inputs& in) { in.book.articles[0].source_note.fields[0].label = "From"; }) != base);
    CHECK(entry_key_after([](Inputs& in) { in.book.articles[0].source_note.fields.pop_back(); }) != base);
    // The setting: style, patterns, program and fonts.
    CHECK(entry_key_after([](Inputs& in) { in.style.space_shrink += 0.01; }) != base);
    CHECK(entry_key_after([](Inputs& in) { in.hyphenator = layout::Hyphenator("UTF-8\n1na\n"); }) != base);
    CHECK(entry_key_after([](Inputs& in) { in.fingerprint = "octavo 0.1.0\nfonts B\n"; }) != base);
    // The article's text, language and links are not in its entry: an edited body keeps the key.
    CHECK(entry_key_after([](Inputs& in) { in.book.articles[0].blocks[1].inlines[0].text = "Other."; }) == base);
    CHECK(entry_key_after([](Inputs& in) { in.book.articles[0].language = "de"; }) == base);
    CHECK(entry_key_after([](Inputs& in) { in.book.anchors.articles.erase("b"); }) == base);
  }

  TEST_CASE("the contents' pages are keyed by each entry's title, destination, level, kind and page number") {
    struct Contents {
      std::vector<layout::ContentsItem> items = {{"Alpha", "a", 0, layout::ContentsKind::article},
                                                 {"Method", "b--method", 1, layout::ContentsKind::section}};
      std::vector<std::size_t> numbers = {1, 3};
      Inputs setting;
      core::StreamDigest key() const {
        return cache::contents_pages_key({{items, setting.style, setting.hyphenator}, numbers}, setting.fingerprint);
      }
    };
    const auto key_after = [](const std::function<void(Contents&)>& change) {
      Contents contents;
      change(contents);
      return contents.key();
    };
    const core::StreamDigest base = Contents().key();
    CHECK(base == Contents().key());
    const Contents one;
    CHECK(base !=
          cache::contents_titles_key({one.items, one.setting.style, one.setting.hyphenator}, one.setting.fingerprint));
    CHECK(key_after([](Contents& in) { in.items[1].title = "Methods"; }) != base);
    CHECK(key_after([](Contents& in) { in.items[1].destination = "b--methods"; }) != base);
    CHECK(key_after([](Contents& in) { in.items[1].level = 2; }) != base);
    CHECK(key_after([](Contents& in) { in.items[1].kind = layout::ContentsKind::part; }) != base);
    CHECK(key_after([](Contents& in) { in.numbers[1] = 4; }) != base);
    CHECK(key_after([](Contents& in) { in.numbers[1] = 0; }) != base);  // leads to no page
    CHECK(key_after([](Contents& in) {
            in.items.pop_back();
            in.numbers.pop_back();
          }) != base);
    CHECK(key_after([](Contents& in) { in.setting.style.body_size += core::Pt(0.5); }) != base);
    CHECK(key_after([](Contents& in) { in.setting.hyphenator = layout::Hyphenator("UTF-8\n1na\n"); }) != base);
    CHECK(key_after([](Contents& in) { in.setting.fingerprint = "octavo 0.1.0\nfonts B\n"; }) != base);
  }

  TEST_CASE("the hyphenation patterns are keyed by their bytes") {
    const layout::Hyphenator first("UTF-8\n1na\n");
    const layout::Hyphenator second("UTF-8\n1ta\n");
    REQUIRE_FALSE(first.empty());
    CHECK(first.patterns_digest().size() == 64);
    CHECK(first.patterns_digest() != second.patterns_digest());
    CHECK(layout::Hyphenator().patterns_digest() == "");
    const core::StreamDigest base = Inputs().key();
    CHECK(key_after([](Inputs& in) { in.hyphenator = layout::Hyphenator("UTF-8\n1na\n"); }) != base);
    CHECK(key_after([](Inputs& in) { in.hyphenator = layout::Hyphenator("UTF-8\n1na\n"); }) ==
          key_after([](Inputs& in) { in.hyphenator = layout::Hyphenator("UTF-8\n1na\n"); }));
  }

  TEST_CASE("a heading renamed in another article changes the key of the article that links to it") {
    const core::StreamDigest base = Inputs().key();
    // "b"'s heading becomes "Approach": "a"'s link to "#method" no longer resolves.
    const core::StreamDigest renamed = key_after([](Inputs& in) {
      in.book.articles[1].blocks[0] = test::heading(1, "Approach", "approach");
      in.book.anchors = test::anchors_of(in.book.articles);
    });
    CHECK(renamed != base);
    // "b" leaves the book: the link to its start no longer resolves either.
    CHECK(key_after([](Inputs& in) { in.book.anchors.articles.erase("b"); }) != base);
    // An article's own anchors (what "#id" inside it and its footnotes resolve against).
    CHECK(key_after([](Inputs& in) { in.book.anchors.articles["a"].ids.insert("extra"); }) != base);
  }

  TEST_CASE("a footnote's link is keyed by where it leads, as the body's are") {
    // "a" links to "b"'s heading from a footnote alone.
    const auto footnote_only = [](Inputs& in) {
      model::Inline link = model::link_inline("#method", {model::text_inline("the method")}, {"a.md", 9, 5});
      link.target_article = "b";
      in.book.articles[0].blocks = {test::paragraph("Plain text.", {"a.md", 2, 1})};
      in.book.articles[0].footnotes.push_back({"fn-1", "1", {model::paragraph_block({link})}, {"a.md", 9, 1}});
      in.book.anchors = test::anchors_of(in.book.articles);
    };
    const core::StreamDigest base = key_after(footnote_only);
    CHECK(key_after([&](Inputs& in) {
            footnote_only(in);
            in.book.articles[1].blocks[0] = test::heading(1, "Approach", "approach");
            in.book.anchors = test::anchors_of(in.book.articles);
          }) != base);
  }

  TEST_CASE("what another article says, where its links do not reach, leaves the key as it was") {
    const core::StreamDigest base = Inputs().key();
    CHECK(key_after([](Inputs& in) { in.book.articles[1].blocks[1] = test::paragraph("Other steps."); }) == base);
    // The anchor table is unordered: neither the order ids went in nor the table's size matters.
    const auto with_ids = [](bool reversed, std::size_t buckets) {
      return [=](Inputs& in) {
        std::unordered_set<std::string> ids(buckets);
        std::unordered_map<std::string, std::string> names(buckets);
        for (int i = 0; i < 40; ++i) {
          const std::string id = "id-" + std::to_string(reversed ? 39 - i : i);
          ids.insert(id);
          names.emplace("name-" + id, id);
        }
        in.book.anchors.articles["a"] = {std::move(names), std::move(ids)};
      };
    };
    CHECK(key_after(with_ids(false, 1)) == key_after(with_ids(true, 4096)));
  }

  TEST_CASE("an image is keyed by its digest and header, not by where its bytes are held") {
    const auto with_image = [](const std::string& bytes, int width) {
      return [bytes, width](Inputs& in) {
        in.book.articles[0].blocks.push_back(test::figure("p.svg", bytes, "A picture", width, 10));
      };
    };
    const std::string svg = "<svg xmlns='http://www.w3.org/2000/svg'/>";
    const core::StreamDigest base = key_after(with_image(svg, 10));
    CHECK(key_after(with_image(svg, 10)) == base);
    CHECK(key_after(with_image(svg + " ", 10)) != base);
    CHECK(key_after(with_image(svg, 11)) != base);
  }
}
