#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/sha256.hpp"
#include "pdf/embed_image.hpp"
#include "pdf/haru_document.hpp"
#include "pdf/pdf_writer.hpp"
#include "pdf/text_trace.hpp"
#include "sample_book.hpp"
#include "test_images.hpp"

using namespace octavo;

namespace {

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t found = 0;
  for (std::size_t pos = text.find(part); pos != std::string::npos; pos = text.find(part, pos + 1)) ++found;
  return found;
}

layout::ImageBox box(const std::string& name, const std::string& bytes, double y) {
  layout::ImageBox image;
  image.key = core::sha256_hex(bytes);
  image.name = name;
  if (core::looks_like_markup(bytes)) {
    image.info.format = core::ImageFormat::svg;
    image.info.width = 100;
    image.info.height = 60;
  } else {
    image.info = *core::sniff_image(bytes).info;
  }
  image.bytes = std::make_shared<const std::string>(bytes);
  image.location = {"a.md", 4, 2};
  image.x = core::Pt(50);
  image.y = core::Pt(y);
  image.width = core::Pt(100);
  image.height = core::Pt(60);
  return image;
}

layout::LaidOutBook pages_with(std::vector<std::vector<layout::ImageBox>> images) {
  layout::LaidOutBook book;
  for (auto& on_page : images) {
    layout::Page page;
    page.width = core::Pt(420);
    page.height = core::Pt(595.28);
    page.images = std::move(on_page);
    book.pages.push_back(std::move(page));
  }
  return book;
}

// The dictionary of object `number` ("12 0 obj <<…>>"), up to its stream or its end.
std::string object_dictionary(const std::string& pdf, const std::string& number) {
  const std::size_t start = pdf.find("\n" + number + " 0 obj");
  if (start == std::string::npos) return {};
  const std::size_t end = pdf.find_first_of("s", pdf.find(">>", start));  // "stream" or "endobj"
  return pdf.substr(start + 1, end - start - 1);
}

// The object numbers of every /SMask reference.
std::vector<std::string> soft_masks(const std::string& pdf) {
  std::vector<std::string> numbers;
  for (std::size_t pos = pdf.find("/SMask "); pos != std::string::npos; pos = pdf.find("/SMask ", pos + 1)) {
    const std::size_t start = pos + 7;
    numbers.push_back(pdf.substr(start, pdf.find(' ', start) - start));
  }
  return numbers;
}

// The page objects' numbers in the order of the page tree (each /Kids array of pages, in the
// order the arrays appear: one for a book this small).
std::vector<std::string> page_objects(const std::string& pdf) {
  std::vector<std::string> numbers;
  for (std::size_t pos = pdf.find("/Kids ["); pos != std::string::npos; pos = pdf.find("/Kids [", pos + 1)) {
    std::istringstream kids(pdf.substr(pos + 7, pdf.find(']', pos) - pos - 7));
    std::string number, generation, reference;
    while (kids >> number >> generation >> reference) {
      std::string dictionary = object_dictionary(pdf, number);
      dictionary.resize(std::min(dictionary.size(), dictionary.find("endobj")));  // a /Pages node has no stream
      if (dictionary.find("/Type /Page\n") != std::string::npos) numbers.push_back(number);
    }
  }
  return numbers;
}

// The pages' widths in the order of the page tree, as whole points.
std::vector<int> page_widths(const std::string& pdf) {
  std::vector<int> widths;
  for (const std::string& number : page_objects(pdf)) {
    const std::string dictionary = object_dictionary(pdf, number);
    const std::size_t box = dictionary.find("/MediaBox [ 0 0 ");
    if (box != std::string::npos) widths.push_back(std::stoi(dictionary.substr(box + 16)));
  }
  return widths;
}

const fonts::FontSet& font_set() {
  static core::DiagnosticList load_diagnostics;
  static const fonts::FontSet loaded(pdf::testing::fonts_dir(), load_diagnostics);
  REQUIRE(loaded.ok());
  return loaded;
}

}  // namespace

TEST_SUITE("pdf.images") {
  TEST_CASE("each distinct image is embedded once however often it is drawn; JPEG passes through") {
    const layout::LaidOutBook book =
        pages_with({{box("a.png", test::tiny_png(), 100), box("b.jpg", test::tiny_jpeg(), 200)},
                    {box("again.png", test::tiny_png(), 100)}});
    core::DiagnosticList diagnostics;
    const std::optional<std::string> bytes = pdf::render_pdf(font_set(), book, diagnostics);
    REQUIRE(bytes);
    CHECK(diagnostics.to_string() == "");
    CHECK(count(*bytes, "/Subtype /Image") == 2);
    CHECK(count(*bytes, "/DCTDecode") == 1);
    CHECK(bytes->starts_with("%PDF-1.3"));                           // no soft mask, nothing of PDF 1.4
    CHECK(pdf::render_pdf(font_set(), book, diagnostics) == bytes);  // deterministic
  }

  TEST_CASE("an image drawn after text closes the text object first: Do is not allowed inside BT … ET") {
    pdf::HaruDocument haru;
    haru.set_compression(false);  // so that the content stream can be read in the bytes
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
    const std::size_t page = haru.add_page(200, 100);
    const std::optional<std::size_t> image = haru.load_jpeg(test::tiny_jpeg());
    REQUIRE(image);
    haru.show_text(page, fonts::FontFace::serif, 10, 10, 50, "H");
    haru.draw_image(page, *image, 10, 10, 20, 20);
    haru.show_text(page, fonts::FontFace::serif, 10, 10, 80, "i");
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(count(*bytes, std::string("(\0H)Tj\nET\nq\n", 12)) == 1);  // H is CID 0x0048, two bytes
    CHECK(count(*bytes, " Do\nQ\nBT\n") == 1);
  }

  TEST_CASE("interlaced and 16-bit PNGs are drawn (libharu's own loader could not)") {
    std::vector<unsigned> grey;
    for (unsigned i = 0; i < 64; ++i) grey.push_back(i * 4);
    const layout::LaidOutBook book =
        pages_with({{box("i.png", test::png_file(8, 8, 8, 0, grey, true), 100),
                     box("deep.png", test::png_file(2, 1, 16, 2, {0xFFFF, 0, 0, 0, 0, 0xFFFF}), 200)}});
    core::DiagnosticList diagnostics;
    const std::optional<std::string> bytes = pdf::render_pdf(font_set(), book, diagnostics);
    REQUIRE(bytes);
    CHECK(diagnostics.to_string() == "");
    CHECK(count(*bytes, "/Subtype /Image") == 2);
    CHECK(count(*bytes, "/BitsPerComponent 16") == 0);
  }

  TEST_CASE("an alpha channel becomes a soft mask, compressed like the image itself") {
    std::vector<unsigned> rgba;
    for (unsigned i = 0; i < 32 * 32; ++i) {
      for (const unsigned sample : {200u, 100u, 50u, i % 32 < 16 ? 255u : 0u}) rgba.push_back(sample);
    }
    const layout::LaidOutBook book = pages_with({{box("alpha.png", test::png_file(32, 32, 8, 6, rgba), 100)}});
    core::DiagnosticList diagnostics;
    const std::optional<std::string> bytes = pdf::render_pdf(font_set(), book, diagnostics);
    REQUIRE(bytes);
    CHECK(diagnostics.to_string() == "");
    const std::vector<std::string> masks = soft_masks(*bytes);
    REQUIRE(masks.size() == 1);
    const std::string mask = object_dictionary(*bytes, masks[0]);
    CAPTURE(mask);
    CHECK(mask.find("/ColorSpace /DeviceGray") != std::string::npos);
    CHECK(mask.find("/Filter [ /FlateDecode ]") != std::string::npos);
    CHECK(mask.find("/DecodeParms [ <<\n/Predictor 15\n/Colors 1\n/BitsPerComponent 8\n/Columns 32\n>> ]") !=
          std::string::npos);
    CHECK(bytes->starts_with("%PDF-1.4"));
  }

  TEST_CASE("a palette stays indexed, its transparency a soft mask") {
    const std::string plte = test::png_chunk("PLTE", std::string("\xFF\x00\x00\x00\x00\xFF", 6));
    const std::string trns = test::png_chunk("tRNS", std::string("\x00", 1));
    const layout::LaidOutBook book =
        pages_with({{box("p.png", test::png_file(4, 1, 1, 3, {0, 1, 1, 0}, false, plte + trns), 100)}});
    core::DiagnosticList diagnostics;
    const std::optional<std::string> bytes = pdf::render_pdf(font_set(), book, diagnostics);
    REQUIRE(bytes);
    const std::size_t space = bytes->find("/ColorSpace [");
    REQUIRE(space != std::string::npos);
    CHECK(bytes->substr(space, bytes->find(']', space) + 1 - space) ==
          "/ColorSpace [ /Indexed /DeviceRGB 1 <FF00000000FF> ]");
    CHECK(soft_masks(*bytes).size() == 1);
  }

  TEST_CASE("a GIF's first frame is embedded; an animation says only that frame is printed") {
    const std::string animated =
        test::gif_file(3, 2, {0xFF0000, 0x00FF00}, {{0, 0, 3, 2, std::vector<unsigned>(6, 0)}, {0, 0, 1, 1, {1}}});
    const layout::LaidOutBook book = pages_with({{box("a.gif", animated, 100)}});
    core::DiagnosticList diagnostics;
    const std::optional<std::string> bytes = pdf::render_pdf(font_set(), book, diagnostics);
    REQUIRE(bytes);
    CHECK(diagnostics.to_string() ==
          "a.md:4:2: warning: the PDF shows only the first of the 2 frames of the animated GIF 'a.gif'\n");
    CHECK(count(*bytes, "/Width 3\n/Height 2\n") == 1);
    CHECK(count(*bytes, "/Subtype /Image") == 1);
  }

  TEST_CASE("an SVG is drawn at 300 dpi of the largest size it is printed at") {
    const std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 6\"><rect width=\"10\" height=\"6\" "
        "fill=\"#123456\"/></svg>";
    layout::ImageBox small = box("s.svg", svg, 100);
    layout::ImageBox large = box("s.svg", svg, 200);
    large.width = core::Pt(144);    // 2 in: 600 pixels
    large.height = core::Pt(86.4);  // 1.2 in: 360 pixels, the viewBox's proportions
    const layout::LaidOutBook book = pages_with({{small}, {large}});
    core::DiagnosticList diagnostics;
    const std::optional<std::string> bytes = pdf::render_pdf(font_set(), book, diagnostics);
    REQUIRE(bytes);
    CHECK(diagnostics.to_string() == "");
    CHECK(count(*bytes, "/Subtype /Image") == 1);
    CHECK(count(*bytes, "/Width 600") == 1);
    CHECK(count(*bytes, "/Height 360") == 1);
    CHECK(soft_masks(*bytes).empty());                               // opaque: no mask
    CHECK(pdf::render_pdf(font_set(), book, diagnostics) == bytes);  // deterministic
  }

  TEST_CASE("a page kept back for its SVG and the front matter, drawn last, still stand in the book's order") {
    const std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 6\"/>";
    layout::LaidOutBook book = pages_with({{}, {}, {}, {box("s.svg", svg, 100)}, {box("t.png", test::tiny_png(), 90)}});
    book.front_matter_pages = 2;
    for (std::size_t i = 0; i < book.pages.size(); ++i) book.pages[i].width = core::Pt(301 + static_cast<double>(i));
    core::DiagnosticList diagnostics;
    const std::optional<std::string> bytes = pdf::render_pdf(font_set(), book, diagnostics);
    REQUIRE(bytes);
    CHECK(diagnostics.to_string() == "");
    CHECK(page_widths(*bytes) == std::vector<int>{301, 302, 303, 304, 305});
  }

  TEST_CASE("a name on a page kept back for its SVG and on a later page: links go to the first in the book") {
    const std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 6\"/>";
    layout::LaidOutBook book = pages_with({{box("s.svg", svg, 100)}, {}});
    book.pages[0].anchors.push_back({"twice", core::Pt(50)});
    book.pages[1].anchors.push_back({"twice", core::Pt(50)});
    book.pages[1].links.push_back({core::Pt(72), core::Pt(90), core::Pt(100), core::Pt(102), "twice", ""});
    core::DiagnosticList diagnostics;
    const std::optional<std::string> bytes = pdf::render_pdf(font_set(), book, diagnostics);
    REQUIRE(bytes);
    CHECK(diagnostics.to_string() == "");
    const std::vector<std::string> pages = page_objects(*bytes);
    REQUIRE(pages.size() == 2);
    CHECK(count(*bytes, "[ " + pages[0] + " 0 R /XYZ") == 1);  // the link's destination
    CHECK(count(*bytes, "[ " + pages[1] + " 0 R /XYZ") == 0);
  }

  TEST_CASE("pictures over the pixel limit: a PNG is reduced, an interlaced one and a GIF left out") {
    CHECK(pdf::max_decoded_pixels == 24'000'000);
    // No real image data: the limit is checked before any is decoded.
    std::string big_png = test::png_header(6000, 5000, 8, 0, 1);
    big_png.insert(33, test::png_chunk("IDAT", "\x78\x01"));
    const layout::LaidOutBook book = pages_with(
        {{box("big.png", big_png, 100), box("big.gif", test::gif_file(6000, 5000, {0}, {{0, 0, 1, 1, {0}}}), 200)}});
    core::DiagnosticList diagnostics;
    const std::optional<std::string> bytes = pdf::render_pdf(font_set(), book, diagnostics);
    REQUIRE(bytes);
    CHECK(diagnostics.to_string() ==
          "a.md:4:2: warning: the PDF cannot show 'big.png', an interlaced PNG of 6000 x 5000 pixels, more than the "
          "24000000 pixels Octavo decodes at once; an empty frame and the caption stand in\n"
          "  hint: save it without interlacing, or with fewer pixels\n"
          "a.md:4:2: warning: the PDF cannot show 'big.gif', a GIF of 6000 x 5000 pixels, more than the 24000000 "
          "pixels Octavo decodes at once; an empty frame and the caption stand in\n"
          "  hint: save it as a PNG, or with fewer pixels\n");
    CHECK(count(*bytes, "/Subtype /Image") == 0);
  }

  TEST_CASE("PNG data that libpng rejects is an error at the image, and an empty frame") {
    std::string damaged = test::tiny_png();
    damaged.replace(41, 10, std::string(10, '\x55'));  // inside the IDAT chunk's zlib stream
    const layout::LaidOutBook book = pages_with({{box("bad.png", damaged, 100)}});
    core::DiagnosticList diagnostics;
    const std::optional<std::string> bytes = pdf::render_pdf(font_set(), book, diagnostics);
    REQUIRE(bytes);  // write_pdf fails on the error
    CHECK(count(*bytes, "/Subtype /Image") == 0);
    CHECK(diagnostics.to_string() ==
          "a.md:4:2: error: expected valid PNG image data in 'bad.png', found IDAT: incorrect header check\n");
  }

  TEST_CASE("the text trace lists image boxes") {
    const layout::LaidOutBook book = pages_with({{box("a.png", test::tiny_png(), 100)}});
    CHECK(pdf::trace_pages(book) == "page 1 [1] 420 x 595.28\n  image a.png at 50,100 size 100,60\n");
  }
}
