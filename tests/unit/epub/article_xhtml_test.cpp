#include <doctest/doctest.h>

#include "epub/article_xhtml.hpp"
#include "epub_test_book.hpp"

using namespace octavo;

TEST_SUITE("epub.article_xhtml") {
  TEST_CASE("the page frame: namespaces, language, title, stylesheet") {
    const std::string page = test::article_page(test::full_article(), "en-GB");
    CHECK(page.substr(0, page.find("<body>")) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<!DOCTYPE html>\n"
          "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"en-GB\" "
          "xml:lang=\"en-GB\">\n"
          "<head>\n"
          "<meta charset=\"utf-8\"/>\n"
          "<title>Tea</title>\n"
          "<link rel=\"stylesheet\" type=\"text/css\" href=\"../styles/book.css\"/>\n"
          "</head>\n");
  }

  TEST_CASE("summary, outline, heading, paragraph, list, quote, code, rule and source note") {
    CHECK(test::body(test::article_page(test::full_article(), "en")) ==
          "<body>\n"
          "<section id=\"a01-tea\" class=\"article\" epub:type=\"chapter\" role=\"doc-chapter\">\n"
          "<h1>Tea</h1>\n"
          "<p class=\"summary\">All about tea.</p>\n"
          "<nav class=\"outline\">\n"
          "<h2 class=\"outline-title\">In this article</h2>\n"
          "<ul>\n<li>\n<p><a href=\"#brewing\">Brewing</a></p>\n</li>\n</ul>\n"
          "</nav>\n"
          "<h2 id=\"brewing\">Brewing</h2>\n"
          "<p>Use <em>hot</em> water; see <a href=\"https://example.com/tea\">the guide</a> or "
          "<code>steep()</code>.</p>\n"
          "<ol>\n<li>\n<p>Boil</p>\n</li>\n<li>\n<p>Pour</p>\n</li>\n</ol>\n"
          "<blockquote>\n<p>Tea is good.</p>\n</blockquote>\n"
          "<pre><code>if (a &lt; b)\n  brew();</code></pre>\n"
          "<hr/>\n"
          "<section id=\"a01-tea-note\" class=\"source-note\">\n"
          "<h2>Source note</h2>\n"
          "<dl>\n"
          "<dt>Source</dt>\n"
          "<dd><a href=\"https://example.com/tea\">https://example.com/tea</a></dd>\n"
          "<dt>SHA-256</dt>\n"
          "<dd>00ff</dd>\n"
          "</dl>\n"
          "<p class=\"sources-link\"><a href=\"sources.xhtml#source-a01-tea\">Full provenance in Sources</a></p>\n"
          "</section>\n"
          "</section>\n"
          "</body>");
  }

  TEST_CASE("heading levels 1-5 become h2-h6; deeper ones stay h6") {
    const model::Article article = test::plain_article(
        "a01-x", "X",
        {test::heading(1, "One", "one"), test::heading(5, "Five", "five"), test::heading(6, "Six", "six")});
    const std::string page = test::article_page(article, "en");
    CHECK(page.find("<h2 id=\"one\">One</h2>\n<h6 id=\"five\">Five</h6>\n<h6 id=\"six\">Six</h6>") !=
          std::string::npos);
  }

  TEST_CASE("an ordered list keeps its start number; a hard break is a br") {
    model::Block list = test::container(model::BlockKind::ordered_list, {test::item({model::text_inline("c")})});
    list.start = 3;
    model::Inline hard_break;
    hard_break.kind = model::InlineKind::hard_break;
    model::Inline soft_break;
    soft_break.kind = model::InlineKind::soft_break;
    const model::Article article = test::plain_article(
        "a01-x", "X",
        {list, model::paragraph_block({model::text_inline("a"), hard_break, model::text_inline("b"), soft_break,
                                       test::styled(model::InlineKind::strong, {model::text_inline("c")})})});
    const std::string page = test::article_page(article, "en");
    CHECK(page.find("<ol start=\"3\">\n<li>\n<p>c</p>\n</li>\n</ol>\n<p>a<br/>b <strong>c</strong></p>") !=
          std::string::npos);
  }

  TEST_CASE("an ordered list numbered with letters or roman numerals has HTML's type") {
    model::Block alpha = test::container(model::BlockKind::ordered_list, {test::item({model::text_inline("a")})});
    alpha.numbering = model::ListNumbering::lower_alpha;
    model::Block roman = test::container(model::BlockKind::ordered_list, {test::item({model::text_inline("b")})});
    roman.numbering = model::ListNumbering::upper_roman;
    roman.start = 4;
    const model::Article article = test::plain_article("a01-x", "X", {alpha, roman});
    const std::string page = test::article_page(article, "en");
    CHECK(page.find("<ol type=\"a\">") != std::string::npos);
    CHECK(page.find("<ol start=\"4\" type=\"I\">") != std::string::npos);
  }

  TEST_CASE("links to no id of the page and to other schemes keep only their text") {
    const model::Article article = test::plain_article(
        "a01-x", "X",
        {model::paragraph_block({model::link_inline("#nowhere", {model::text_inline("a")}),
                                 model::link_inline("javascript:alert(1)", {model::text_inline("b")}),
                                 model::link_inline("notes.md", {model::text_inline("c")}),
                                 model::link_inline("#a01-x-note", {model::text_inline("d")})})});
    CHECK(test::article_page(article, "en").find("<p>abc<a href=\"#a01-x-note\">d</a></p>") != std::string::npos);
  }

  TEST_CASE("in-book links lead to '#id' here or to another article's file; an id the table lacks keeps the text") {
    auto in_book = [](std::string article, std::string target, std::string text) {
      model::Inline link = model::link_inline(std::move(target), {model::text_inline(std::move(text))});
      link.target_article = std::move(article);
      return link;
    };
    const model::Article article =
        test::plain_article("a01-x", "X",
                            {model::paragraph_block({in_book("a01-x", "#one", "a"), in_book("a02-y", "#beans", "b"),
                                                     in_book("a02-y", "", "c"), in_book("a02-y", "#gone", "d"),
                                                     in_book("a09-none", "", "e")}),
                             test::heading(1, "One", "one")});
    model::Book book;
    book.articles = {article, test::plain_article("a02-y", "Y", {test::heading(1, "Beans", "beans")})};
    for (const model::Article& each : book.articles) test::add_anchors(book.anchors, each);
    CHECK(
        epub::article_xhtml(book.articles[0], "en", epub::BookLinks(book))
            .find("<p><a href=\"#one\">a</a><a href=\"a02-y.xhtml#beans\">b</a><a href=\"a02-y.xhtml\">c</a>de</p>") !=
        std::string::npos);
  }

  TEST_CASE("a block's own id goes on its element; an anchor is an empty span with its id") {
    model::Block quote = test::container(model::BlockKind::block_quote, {test::paragraph("Q")});
    quote.id = "quoted";
    model::Inline anchor;
    anchor.kind = model::InlineKind::anchor;
    anchor.id = "here";
    const model::Article article =
        test::plain_article("a01-x", "X", {quote, model::paragraph_block({anchor, model::text_inline("text")})});
    const std::string page = test::article_page(article, "en");
    CHECK(page.find("<blockquote id=\"quoted\">\n<p>Q</p>\n</blockquote>\n<p><span id=\"here\"/>text</p>") !=
          std::string::npos);
  }

  TEST_CASE("an id is written once: a heading may not take the article's or the note's id, or repeat one") {
    const model::Article article =
        test::plain_article("a01-x", "X",
                            {test::heading(1, "A", "a01-x-note"), test::heading(1, "B", "b"),
                             test::heading(1, "C", "b"), test::heading(1, "D", "has space")});
    const std::string page = test::article_page(article, "en");
    CHECK(page.find("<h2>A</h2>\n<h2 id=\"b\">B</h2>\n<h2>C</h2>\n<h2>D</h2>") != std::string::npos);
  }

  TEST_CASE("hostile text is escaped in the title, the body, the code and the note, and in attributes") {
    model::Article article = test::plain_article(
        "a01-x", test::hostile,
        {model::paragraph_block(
            {test::code(test::hostile),
             model::link_inline("https://example.com/?q=<\"" + test::hostile, {model::text_inline(test::hostile)})})});
    article.source_note.fields = {{"Source", test::hostile, "https://example.com/" + test::hostile}};
    const std::string page = test::article_page(article, "en");
    const std::string clean = "&lt;script&gt;x&lt;/script&gt; &amp; ]]&gt;  .";
    CHECK(page.find("<title>" + clean + "</title>") != std::string::npos);
    CHECK(page.find("<h1>" + clean + "</h1>") != std::string::npos);
    CHECK(page.find("<p><code>" + clean +
                    "</code><a href=\"https://example.com/?q=%3C%22%3Cscript%3Ex%3C/"
                    "script%3E%20&amp;%20%5D%5D%3E%20%01%20%EF%BF%BE.\">" +
                    clean + "</a></p>") != std::string::npos);
    CHECK(page.find("<dd><a href=\"https://example.com/%3Cscript%3Ex%3C/script%3E%20&amp;%20%5D%5D%3E%20%01%20%EF%BF%"
                    "BE.\">" +
                    clean + "</a></dd>") != std::string::npos);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find('\x01') == std::string::npos);
    CHECK(page.find("\xef\xbf\xbe") == std::string::npos);
  }

  TEST_CASE("a title that shows nothing falls back to Untitled article") {
    const std::string page = test::article_page(test::plain_article("a01-x", "\x01 "), "en");
    CHECK(page.find("<title>Untitled article</title>") != std::string::npos);
    CHECK(page.find("<h1>Untitled article</h1>") != std::string::npos);
  }

  TEST_CASE("deeply nested quotes do not exhaust the stack") {
    model::Block root = test::paragraph("core");
    for (int i = 0; i < 50000; ++i) {
      model::Block quote;  // built by moves: an initializer list would copy the whole chain each time
      quote.kind = model::BlockKind::block_quote;
      quote.children.push_back(std::move(root));
      root = std::move(quote);
    }
    model::Article article = test::plain_article("a01-x", "X");
    article.blocks.push_back(std::move(root));
    const std::string page = test::article_page(std::move(article), "en");
    CHECK(page.find("<blockquote>\n<blockquote>\n<p>core</p>") != std::string::npos);
  }  // the model and the XML tree are destroyed here, 50,000 levels deep, without recursion
}
