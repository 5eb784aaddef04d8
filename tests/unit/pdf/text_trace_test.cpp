#include <doctest/doctest.h>

#include "pdf/text_trace.hpp"
#include "sample_book.hpp"

using namespace octavo;
using octavo::pdf::testing::run;

TEST_SUITE("pdf.text_trace") {
  TEST_CASE("the sample book traces page by page with its labels, runs, rules, links and anchors") {
    CHECK(pdf::trace_pages(pdf::testing::sample_book()) ==
          "page 1 [i] 420 x 595.28\n"
          "  run serif-bold 24 at 72,200 \"Octavo Sampler\"\n"
          "  run serif-italic 12 at 72,230 \"by Ada Lovelace\"\n"
          "  rule 72,250 to 348,250 width 0.5\n"
          "  anchor title at 72\n"
          "page 2 [ii] 420 x 595.28\n"
          "  run serif-bold 14 at 72,90 \"Contents\"\n"
          "  run serif 10 at 72,120 \"Café society – 1\"\n"
          "  link 72,110 to 348,123 -> #cafe\n"
          "  anchor contents at 72\n"
          "page 3 [1] 420 x 595.28\n"
          "  run serif-bold 14 at 72,90 \"Café society\"\n"
          "  run serif 10 at 72,120 \"“Curly quotes” — an em dash, 9–5 an en dash.\"\n"
          "  run mono 9 at 72,135.5 \"see https://example.org/café\"\n"
          "  link 72,127.25 to 240.13,138 -> https://example.org/café\n"
          "  anchor cafe at 72\n"
          "  anchor quotes at 110\n");
  }

  TEST_CASE("positions round to 0.01 pt without a negative zero; quotes, backslashes and controls are escaped") {
    layout::LaidOutBook book;
    layout::Page page;
    page.width = core::Pt(3.14159);
    page.height = core::Pt(2.5);
    page.runs.push_back(run(fonts::FontFace::serif, 10.004, -0.004, 99.996, "say \"hi\"\\\tnow"));
    book.pages.push_back(page);
    CHECK(pdf::trace_pages(book) ==
          "page 1 [1] 3.14 x 2.5\n"
          "  run serif 10 at 0,100 \"say \\\"hi\\\"\\\\\\x09now\"\n");
  }

  TEST_CASE("a kerned run lists its kerns as byte offset:amount after the text") {
    layout::LaidOutBook book;
    layout::Page page;
    page.width = core::Pt(100);
    page.height = core::Pt(50);
    page.runs.push_back(run(fonts::FontFace::serif, 10, 5, 20, "AVTo"));
    page.runs.back().kerns = {{1, core::Pt(-0.8)}, {3, core::Pt(-0.5)}};
    book.pages.push_back(page);
    CHECK(pdf::trace_pages(book) ==
          "page 1 [1] 100 x 50\n"
          "  run serif 10 at 5,20 \"AVTo\" kern 1:-0.8 3:-0.5\n");
  }

  TEST_CASE("a raised or lowered run gives its rise after the text") {
    layout::LaidOutBook book;
    layout::Page page;
    page.width = core::Pt(100);
    page.height = core::Pt(100);
    page.runs.push_back(run(fonts::FontFace::serif, 7, 10, 50, "2"));
    page.runs.back().rise = core::Pt(4.13);
    page.runs.push_back(run(fonts::FontFace::serif, 7, 20, 50, "2"));
    page.runs.back().rise = core::Pt(-1.5);
    book.pages.push_back(page);
    CHECK(pdf::trace_pages(book) ==
          "page 1 [1] 100 x 100\n"
          "  run serif 7 at 10,50 \"2\" rise 4.13\n"
          "  run serif 7 at 20,50 \"2\" rise -1.5\n");
  }

  TEST_CASE("an empty book has an empty trace") { CHECK(pdf::trace_pages(layout::LaidOutBook{}) == ""); }

  TEST_CASE("page labels count roman through the front matter, then decimal from 1") {
    layout::LaidOutBook book;
    book.pages.resize(12);
    book.front_matter_pages = 9;
    CHECK(pdf::page_label(book, 0) == "i");
    CHECK(pdf::page_label(book, 3) == "iv");
    CHECK(pdf::page_label(book, 8) == "ix");
    CHECK(pdf::page_label(book, 9) == "1");
    CHECK(pdf::page_label(book, 11) == "3");
  }
}
