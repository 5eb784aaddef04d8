#include <doctest/doctest.h>

#include <string>

#include "figure_block.hpp"
#include "layout/lay_out_book.hpp"
#include "layout/set_figure.hpp"
#include "layout_test_support.hpp"
#include "test_images.hpp"

using namespace octavo;
using namespace octavo::layout;

namespace {

core::ImageInfo pixels(int width, int height) {
  core::ImageInfo info;
  info.width = width;
  info.height = height;
  return info;
}

// The page that shows `key`'s image, and the box; nullptr if no page does.
const ImageBox* find_image(const LaidOutBook& book, const std::string& name, std::size_t* page_index = nullptr) {
  for (std::size_t i = 0; i < book.pages.size(); ++i) {
    for (const ImageBox& box : book.pages[i].images) {
      if (box.name != name) continue;
      if (page_index != nullptr) *page_index = i;
      return &box;
    }
  }
  return nullptr;
}

}  // namespace

TEST_SUITE("layout.figure") {
  TEST_CASE("fit_figure: CSS pixels, scaled down to the width or height allowed, never up") {
    const FigureSize natural = fit_figure(pixels(40, 20), core::Pt(300), core::Pt(300));
    CHECK(natural.width.value == doctest::Approx(30));
    CHECK(natural.height.value == doctest::Approx(15));
    const FigureSize wide = fit_figure(pixels(4000, 1000), core::Pt(300), core::Pt(300));
    CHECK(wide.width.value == doctest::Approx(300));
    CHECK(wide.height.value == doctest::Approx(75));
    const FigureSize tall = fit_figure(pixels(100, 2000), core::Pt(300), core::Pt(150));
    CHECK(tall.width.value == doctest::Approx(7.5));
    CHECK(tall.height.value == doctest::Approx(150));
  }

  TEST_CASE("a figure is centred on the measure with its alt text as an italic caption below, on one page") {
    const model::Book book = test::book_of({test::article(
        "a01-pics", "Pictures",
        {test::paragraph("Before."), test::figure("img/wide.png", test::tiny_png(), "A wide one", 4000, 1000),
         test::paragraph("After.")})});
    test::FakeMetrics metrics;
    const PageStyle style = test::small_style(30);
    core::DiagnosticList diagnostics;
    const LaidOutBook laid = lay_out_book(book, metrics, style, layout::Hyphenators(), diagnostics);
    CHECK(diagnostics.to_string() == "");
    std::size_t page_index = 0;
    const ImageBox* box = find_image(laid, "img/wide.png", &page_index);
    REQUIRE(box != nullptr);
    CHECK(box->width.value == doctest::Approx(style.measure().value));
    CHECK(box->height.value == doctest::Approx(style.measure().value / 4));
    const Page& page = laid.pages[page_index];
    // Images are placed in the body, from the text block's left edge.
    CHECK(box->x == core::Pt(0));
    const bool recto = page.text_left == style.margin_inner;
    CHECK((recto || page.text_left == style.margin_outer));
    CHECK(*box->bytes == test::tiny_png());
    CHECK(box->location.line == 3);
    const TextRun* caption = nullptr;
    const TextRun* after = nullptr;
    for (const TextRun& run : page.runs) {
      if (run.text.find("wide") != std::string::npos) caption = &run;
      if (run.text == "After.") after = &run;
    }
    REQUIRE(caption != nullptr);
    CHECK(caption->face == fonts::FontFace::serif_italic);
    CHECK(caption->size == style.small_size);
    CHECK(caption->baseline > box->y + box->height);
    REQUIRE(after != nullptr);
    CHECK(after->baseline > caption->baseline);
  }

  TEST_CASE("a figure that does not fit below the text moves to the next page with its caption") {
    std::vector<model::Block> blocks;
    for (int i = 0; i < 25; ++i) blocks.push_back(test::paragraph("Line."));
    blocks.push_back(test::figure("tall.jpg", test::tiny_jpeg(), "Tall", 100, 2000));
    const model::Book book = test::book_of({test::article("a01-tall", "Tall", std::move(blocks))});
    test::FakeMetrics metrics;
    const PageStyle style = test::small_style(30);
    core::DiagnosticList diagnostics;
    const LaidOutBook laid = lay_out_book(book, metrics, style, layout::Hyphenators(), diagnostics);
    std::size_t page_index = 0;
    const ImageBox* box = find_image(laid, "tall.jpg", &page_index);
    REQUIRE(box != nullptr);
    CHECK(box->height.value == doctest::Approx(style.body_height.value * max_figure_height_share));
    CHECK(box->y == style.margin_top);  // at the top of the next page
    bool caption_here = false;
    for (const TextRun& run : laid.pages[page_index].runs) caption_here = caption_here || run.text == "Tall";
    CHECK(caption_here);
    CHECK(box->y + box->height <= style.margin_top + style.body_height);
  }
}
