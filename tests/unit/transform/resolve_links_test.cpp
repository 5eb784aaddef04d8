#include <doctest/doctest.h>

#include "book_builder.hpp"
#include "core/diagnostics.hpp"
#include "transform/assign_ids.hpp"
#include "transform/resolve_links.hpp"

using namespace octavo;

namespace {

struct Resolved {
  model::Book book;
  std::string diagnostics;
};

Resolved resolve(std::vector<model::Article> articles) {
  Resolved out;
  out.book.articles = std::move(articles);
  transform::assign_ids(out.book);
  core::DiagnosticList sink;
  transform::resolve_links(out.book, sink);
  out.diagnostics = sink.to_string();
  return out;
}

// "text → article#target" for each link of the first paragraph, or the plain text it became.
std::string links(const model::Block& paragraph) {
  std::string out;
  for (const model::Inline& run : paragraph.inlines) {
    if (run.kind == model::InlineKind::link) {
      out += "[" + model::plain_text(run.children) + " → " + run.target_article + run.target + "]";
    } else {
      out += run.text;
    }
  }
  return out;
}

model::Block links_to(std::vector<std::string> targets) {
  std::vector<model::Inline> inlines;
  int column = 1;
  for (std::string& target : targets) {
    const std::string text = target;
    inlines.push_back(model::link_inline(std::move(target), {model::text_inline(text)}, {"a.md", 9, column}));
    column += 10;
  }
  return model::paragraph_block(std::move(inlines));
}

std::vector<std::string> heading_ids(const model::Article& article) {
  std::vector<std::string> ids;
  for (const model::Block& block : article.blocks) {
    if (block.kind == model::BlockKind::heading) ids.push_back(block.id);
  }
  return ids;
}

}  // namespace

TEST_SUITE("transform.resolve_links") {
  TEST_CASE("headings get GitHub's ids: lower case, Unicode letters kept, punctuation dropped, repeats numbered") {
    const Resolved r = resolve({test::article(
        "T", {test::heading(1, "Install on Debian!"), test::heading(1, "fsPromises.access(path[, mode])"),
              test::heading(1, "Привет мир"), test::heading(1, "Intro"), test::heading(1, "Intro"),
              test::heading(1, "Intro 1"), test::heading(1, "😄 emoji"), test::heading(1, "snake_case")})});
    CHECK(heading_ids(r.book.articles[0]) == std::vector<std::string>{"install-on-debian", "fspromisesaccesspath-mode",
                                                                      "привет-мир", "intro", "intro-1", "intro-1-1",
                                                                      "s--emoji", "snake_case"});
    CHECK(r.diagnostics == "");
  }

  TEST_CASE("an id that cannot start an XML name is written with 's-', and the GitHub id still leads to it") {
    const Resolved r =
        resolve({test::article("T", {links_to({"#1-intro", "#-emoji", "#section"}), test::heading(1, "1 Intro"),
                                     test::heading(1, "🎉 emoji"), test::heading(1, "!!!")})});
    const model::Article& a = r.book.articles[0];
    CHECK(heading_ids(a) == std::vector<std::string>{"s-1-intro", "s--emoji", "section"});
    CHECK(links(a.blocks[0]) == "[#1-intro → a01-t#s-1-intro][#-emoji → a01-t#s--emoji][#section → a01-t#section]");
  }

  TEST_CASE("a link finds its heading as written, percent-decoded or in lower case, and by the dashes typed") {
    const Resolved r = resolve(
        {test::article("T", {links_to({"#%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82", "#Setup", "#a----b", "#a--b"}),
                             test::heading(1, "Привет"), test::heading(1, "Setup"), test::heading(1, "A – b")})});
    CHECK(links(r.book.articles[0].blocks[0]) ==
          "[#%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82 → a01-t#привет][#Setup → a01-t#setup][#a----b → a01-t#a--b]"
          "[#a--b → a01-t#a--b]");
    CHECK(r.diagnostics == "");
  }

  TEST_CASE("explicit ids are kept, block and anchor alike; a heading's own id is written and GitHub's leads to it") {
    model::Block aside = test::paragraph("Boxed.");
    aside.id = "box";
    model::Inline anchor;
    anchor.kind = model::InlineKind::anchor;
    anchor.id = "here";
    model::Block with_anchor = model::paragraph_block({anchor, model::text_inline("Here.")});
    const Resolved r = resolve({test::article("T", {links_to({"#box", "#here", "#custom", "#named-heading"}), aside,
                                                    with_anchor, test::heading(1, "Named heading", "custom")})});
    const model::Article& a = r.book.articles[0];
    CHECK(a.blocks[1].id == "box");
    CHECK(a.blocks[2].inlines[0].id == "here");
    CHECK(a.blocks[3].id == "custom");
    CHECK(links(a.blocks[0]) ==
          "[#box → a01-t#box][#here → a01-t#here][#custom → a01-t#custom][#named-heading → a01-t#custom]");
  }

  TEST_CASE("ids never take the article's, its note's or its footnotes' ids") {
    model::Article article = test::article("T", {test::heading(1, "a01-t-note"), test::heading(1, "fn-1")});
    model::Footnote note;
    note.id = "fn-1";
    article.footnotes.push_back(note);
    const Resolved r = resolve({article});
    CHECK(heading_ids(r.book.articles[0]) == std::vector<std::string>{"a01-t-note-2", "fn-1-2"});
  }

  TEST_CASE("the table counts the notes' and their references' ids among the page's, under no name") {
    model::Inline reference;
    reference.kind = model::InlineKind::footnote_ref;
    reference.text = "1";
    reference.target = "fn-1";
    reference.id = "fnref-1";
    model::Article article = test::article("T", {model::paragraph_block({reference}), links_to({"#fn-1"})});
    model::Footnote note;
    note.id = "fn-1";
    article.footnotes.push_back(note);
    const Resolved r = resolve({article});
    CHECK(r.book.anchors.contains("a01-t", "fn-1"));
    CHECK(r.book.anchors.contains("a01-t", "fnref-1"));
    CHECK(r.book.anchors.find("a01-t", "fn-1") == nullptr);  // the writers link notes themselves
    CHECK(r.diagnostics == "a.md:9:1: warning: link to '#fn-1' points at no heading in this article; kept as text\n");
  }

  TEST_CASE("links between articles: a file, a file and fragment, a percent-encoded name") {
    const Resolved r = resolve(
        {test::article(
             "One", {links_to({"part/two words.md#scope", "part/two words.md", "one.md#top"}), test::heading(1, "Top")},
             "one.md"),
         test::article("Two", {test::heading(1, "Scope")}, "part/two words.md")});
    CHECK(links(r.book.articles[0].blocks[0]) ==
          "[part/two words.md#scope → a02-two#scope][part/two words.md → a02-two][one.md#top → a01-one#top]");
    CHECK(r.diagnostics == "");
  }

  TEST_CASE("a page named as documentation generators name it: without its extension, or as a folder's index") {
    const Resolved r =
        resolve({test::article(
                     "One", {links_to({"getting-started", "getting-started#usage", "guide/", "guide", "notes", "x/"})},
                     "index.md"),
                 test::article("Start", {test::heading(1, "Usage")}, "getting-started.md"),
                 test::article("Guide", {}, "guide/README.md"), test::article("Notes", {}, "notes.txt.md")});
    CHECK(links(r.book.articles[0].blocks[0]) ==
          "[getting-started → a02-start][getting-started#usage → a02-start#usage][guide/ → a03-guide]"
          "[guide → a03-guide]notesx/");
    CHECK(r.diagnostics ==
          "a.md:9:41: warning: link to 'notes' leads to no article of the book; kept as text\n"
          "a.md:9:51: warning: link to 'x/' leads to no article of the book; kept as text\n");
  }

  TEST_CASE("a heading taken for the title still leads to the article's start, and GitHub's numbering counts it") {
    model::Article article = test::article("Guide", {test::heading(1, "Guide"), links_to({"#guide", "#guide-1"})});
    article.taken_headings = {"Guide"};
    const Resolved r = resolve({article});
    CHECK(r.book.articles[0].blocks[0].id == "guide-1");
    CHECK(links(r.book.articles[0].blocks[1]) == "[#guide → a01-guide][#guide-1 → a01-guide#guide-1]");
  }

  TEST_CASE("dangling links: each named in a warning; the text stays, or the link leads to the article's start") {
    const Resolved r = resolve(
        {test::article("One", {links_to({"#nowhere", "missing.md", "two.md#nope", "https://example.org/"})}, "a.md"),
         test::article("Two", {}, "two.md")});
    CHECK(links(r.book.articles[0].blocks[0]) ==
          "#nowheremissing.md[two.md#nope → a02-two][https://example.org/ → https://example.org/]");
    CHECK(r.diagnostics ==
          "a.md:9:1: warning: link to '#nowhere' points at no heading in this article; kept as text\n"
          "a.md:9:11: warning: link to 'missing.md' leads to no article of the book; kept as text\n"
          "a.md:9:21: warning: link to 'two.md#nope' points at no heading in 'two.md'; it leads to the start of the "
          "article\n");
  }

  TEST_CASE("the anchor table holds every written id and every name") {
    const Resolved r = resolve({test::article("T", {test::heading(1, "1 Intro")})});
    CHECK(r.book.anchors.contains("a01-t", "s-1-intro"));
    CHECK(r.book.anchors.contains("a01-t", "a01-t"));
    CHECK(r.book.anchors.contains("a01-t", "a01-t-note"));
    CHECK_FALSE(r.book.anchors.contains("a01-t", "1-intro"));
    REQUIRE(r.book.anchors.find("a01-t", "1-intro") != nullptr);
    CHECK(*r.book.anchors.find("a01-t", "1-intro") == "s-1-intro");
    CHECK(r.book.anchors.find("a02-x", "1-intro") == nullptr);
  }
}
