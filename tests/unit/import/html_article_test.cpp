#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "core/diagnostics.hpp"
#include "import/choose_titles.hpp"
#include "import/html_article.hpp"
#include "model/dump.hpp"

using namespace octavo;

namespace {

struct Read {
  model::Article article;
  std::string blocks;
  std::string diagnostics;
};

Read page(std::string_view bytes) {
  core::DiagnosticList diagnostics;
  Read read{import::read_html_article("page.html", bytes, diagnostics), "", ""};
  read.blocks = model::dump_blocks(read.article.blocks, "page.html");
  read.diagnostics = diagnostics.to_string();
  return read;
}

// The page read, then its title chosen as the corpus chooses it (import/choose_titles.hpp), with
// `listed_title` as book.toml's.
Read titled_page(std::string_view bytes, const std::string& listed_title = "") {
  core::DiagnosticList diagnostics;
  model::Book book;
  book.articles.push_back(import::read_html_article("page.html", bytes, diagnostics));
  import::TitleSources sources;
  sources.articles.push_back({listed_title, {"book.toml", 2, 9}});
  import::choose_titles(book, sources, diagnostics);
  Read read{std::move(book.articles.front()), "", ""};
  read.blocks = model::dump_blocks(read.article.blocks, "page.html");
  read.diagnostics = diagnostics.to_string();
  return read;
}

// A page as SingleFile saves it: its header comment, a head full of resources, navigation around the article.
constexpr const char* saved_page = R"(<!DOCTYPE html> <html lang="en-GB"><!--
 Page saved with SingleFile 
 url: https://blog.example.org/posts/tides?utm=x 
 saved date: Tue Oct 17 2023 13:55:34 GMT+0300 (Eastern European Summer Time)
--><head>
<meta charset="utf-8">
<title>Tides and the Moon | Example Blog</title>
<meta property="og:title" content="Tides and the Moon">
<meta name="author" content="Ada Example">
<link rel="canonical" href="https://blog.example.org/posts/tides">
<link rel="stylesheet" href="https://cdn.example.org/site.css">
<style>body { color: black }</style>
<script src="https://cdn.example.org/app.js"></script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<main>
<article>
<h1>Tides and the Moon</h1>
<p class="lead">Twice a day the sea rises.</p>
<h2 id="why">Why</h2>
<p>The Moon pulls the water.</p>
</article>
<aside class="related"><article><p>Short.</p></article></aside>
</main>
<footer>© Example</footer>
</body>
</html>
)";

}  // namespace

TEST_SUITE("import.html_article") {
  TEST_CASE("a saved page: the article's text, og:title, canonical URL, author, saved date and language") {
    const Read read = titled_page(saved_page);
    CHECK(read.article.title == "Tides and the Moon");
    CHECK(read.article.language == "en-GB");
    CHECK(read.article.provenance.source == "https://blog.example.org/posts/tides");
    CHECK(read.article.provenance.retrieved == "2023-10-17");
    CHECK(read.article.provenance.author == "Ada Example");
    CHECK(read.article.provenance.file == "page.html");
    CHECK(read.blocks ==
          "paragraph @20:1\n"
          "  text \"Twice a day the sea rises.\"\n"
          "heading level=1 id=\"why\" @21:1\n"
          "  text \"Why\"\n"
          "paragraph @22:1\n"
          "  text \"The Moon pulls the water.\"\n");
    CHECK(read.diagnostics == "");  // head resources and the page around the article are not read
  }

  TEST_CASE("title: og:title, else <title>; else the corpus chooses: book.toml, the opening <h1>, the file name") {
    CHECK(page("<title> A  &amp; B </title><p>x</p>").article.title == "A & B");
    CHECK(page("<h1>H</h1><p>x</p>").article.title == "");
    CHECK(titled_page("<p>x</p>", "Listed").article.title == "Listed");
    const Read from_heading = titled_page("<body><div><h1>Heading <i>one</i></h1><p>x</p></div>");
    CHECK(from_heading.article.title == "Heading one");
    const Read none = titled_page("<p>Only text.</p>");
    CHECK(none.article.title == "page");
    CHECK(none.diagnostics ==
          "page.html: warning: no title in front matter, book.toml or an opening heading; using the file name\n");
  }

  TEST_CASE("a leading <h1> that says the title goes, and the other headings move up; another stays") {
    CHECK(titled_page("<title>T</title><h1>T</h1><h2>S</h2>").blocks == "heading level=1 @1:27\n  text \"S\"\n");
    CHECK(titled_page("<title>T</title><h1>Other</h1>").blocks == "heading level=1 @1:17\n  text \"Other\"\n");
  }

  TEST_CASE("the text: the <article> with the most text, else <main>, else <body>") {
    CHECK(page("<title>T</title><article><p>a</p></article><article><p>longer</p></article>").blocks ==
          "paragraph @1:53\n  text \"longer\"\n");
    CHECK(page("<title>T</title><p>nav</p><main><p>main</p></main>").blocks == "paragraph @1:33\n  text \"main\"\n");
    CHECK(page("<title>T</title><p>body</p>").blocks == "paragraph @1:17\n  text \"body\"\n");
  }

  TEST_CASE("bars of links between a site's pages are left out with one warning: DocBook's, Texinfo's, pagers") {
    // DocBook (shared-mime-info's spec) and Texinfo 6 (GNU time's manual), as they write them.
    const std::string docbook =
        "<DIV CLASS=\"NAVHEADER\"><TABLE><TR><TH>Shared MIME-info Database</TH></TR><TR><TD><A HREF=\"index.html\" "
        "ACCESSKEY=\"P\">Prev</A></TD></TR></TABLE></DIV>";
    const std::string texinfo =
        "<div class=\"header\"><p>Next: <a href=\"#R\" rel=\"next\">Measuring</a> &nbsp; [<a href=\"#C\" "
        "rel=\"contents\">Contents</a>][<a href=\"#I\" rel=\"index\">Index</a>]</p></div>";
    const Read read = page("<title>T</title><body><p>text</p>" + docbook + texinfo +
                           "<div class=\"nav-panel\"><p>Up: <a href=\"#Top\">Top</a></p></div></body>");
    CHECK(read.blocks == "paragraph @1:23\n  text \"text\"\n");
    CHECK(read.diagnostics ==
          "page.html:1:34: warning: left out the page's 3 navigation bars (links to the next and previous pages, "
          "contents, index); this is the first\n");
    CHECK(page("<title>T</title><p>x</p><p>Up: <a href=\"#Top\" rel=\"up\">Top</a></p>").diagnostics ==
          "page.html:1:25: warning: left out the page's navigation bar (links to the next and previous pages, "
          "contents, index)\n");
  }

  TEST_CASE("<nav> and role=navigation are read: they may hold the page's contents or the site's index") {
    CHECK(page("<title>T</title><nav><a href=\"#a\">A</a></nav><div role=\"navigation\">Site map</div>").blocks ==
          "paragraph @1:22\n  link \"#a\"\n    text \"A\"\nparagraph @1:69\n  text \"Site map\"\n");
  }

  TEST_CASE("a block with a link of another kind, or words other than a pager's, is read") {
    // A "next" link in a sentence is the sentence's; an ordinary link is no navigation.
    CHECK(page("<title>T</title><p>The story goes on in <a href=\"b.html\" rel=\"next\">the next chapter</a>, where "
               "much more happens.</p>")
              .blocks ==
          "paragraph @1:17\n  text \"The story goes on in \"\n  link \"b.html\"\n    text \"the next chapter\"\n"
          "  text \", where much more happens.\"\n");
    // A pager is small: a block of 130 sequence links (261 nodes) is read.
    std::string many = "<title>T</title><div>";
    for (int i = 0; i < 130; ++i) many += "<a href=\"#x\" rel=\"next\">n</a>";
    const Read long_bar = page(many + "</div>");
    CHECK(long_bar.diagnostics.empty());
    CHECK(long_bar.blocks.find("link \"#x\"") != std::string::npos);
    // Its text is short too: 300 bytes of "Next" beside a next link are read.
    std::string long_text = "<title>T</title><p>";
    for (int i = 0; i < 60; ++i) long_text += "Next ";
    CHECK(page(long_text + "<a href=\"#x\" rel=\"next\">n</a></p>").blocks.find("link \"#x\"") != std::string::npos);
    CHECK(page("<title>T</title><p>Next: <a href=\"b.html\">b</a></p>").blocks ==
          "paragraph @1:17\n  text \"Next: \"\n  link \"b.html\"\n    text \"b\"\n");
  }

  TEST_CASE("the source falls back to og:url, then the SingleFile URL; only web URLs count") {
    CHECK(page("<link rel=canonical href=/relative><meta property=og:url content=https://a.org/x><p>x</p>")
              .article.provenance.source == "https://a.org/x");
    CHECK(page("<!--\n Page saved with SingleFile \n url: https://b.org/y \n saved date: x\n--><p>x</p>")
              .article.provenance.source == "https://b.org/y");
  }

  TEST_CASE("a malformed <html lang> is ignored with a warning; an empty page is reported") {
    const Read read = page("<html lang=\"en_US\"><title>T</title>");
    CHECK(read.article.language == "");
    CHECK(read.diagnostics ==
          "page.html:1:1: warning: expected a BCP 47 language tag in <html lang>, found 'en_US'; it is ignored\n"
          "page.html: warning: article is empty\n");
  }

  TEST_CASE("scripts in the body are reported; invalid UTF-8 and a byte-order mark are handled as in other readers") {
    const Read read = page("\xEF\xBB\xBF<title>T</title><p>a\xFF b<script>x()</script></p>");
    CHECK(read.blocks == "paragraph @1:17\n  text \"a\xEF\xBF\xBD b\"\n");
    CHECK(read.diagnostics ==
          "page.html:1:21: warning: invalid UTF-8 replaced by U+FFFD\n"
          "page.html:1:24: warning: HTML element <script> cannot be shown in a book and is left out\n");
  }

  TEST_CASE("single_file_saved_date reads JavaScript's date format, and nothing else") {
    CHECK(
        import::single_file_saved_date("\n Page saved with SingleFile \n url: https://x.org \n saved date: Tue Oct 17 "
                                       "2023 13:55:34 GMT+0300 (Москва, стандартное время)\n") == "2023-10-17");
    CHECK(import::single_file_saved_date(" Page saved with SingleFile\n saved date: Sat Jan 06 2024 09:00:00 GMT\n") ==
          "2024-01-06");
    CHECK(import::single_file_saved_date(" Archive processed by SingleFile \n saved date: Mon Dec 1 2025 1:2:3 \n") ==
          "2025-12-01");
    CHECK(import::single_file_saved_date(" Some other comment \n saved date: Tue Oct 17 2023\n") == "");
    CHECK(import::single_file_saved_date(" Page saved with SingleFile \n saved date: 2023-10-17\n") == "");
    CHECK(import::single_file_saved_date(" Page saved with SingleFile \n saved date: Tue Foo 17 2023\n") == "");
    CHECK(import::single_file_saved_date(" Page saved with SingleFile \n saved date: Tue Oct 32 2023\n") == "");
    CHECK(import::single_file_saved_date(" Page saved with SingleFile \n url: x\n") == "");
  }
}
