#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "core/sha256.hpp"
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
  image.info = *core::sniff_image(bytes).info;
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

pdf::PdfDocument& fonts() {
  static core::DiagnosticList load_diagnostics;
  static pdf::PdfDocument document(pdf::testing::fonts_dir(), load_diagnostics);
  REQUIRE(document.ok());
  return document;
}

}  // namespace

TEST_SUITE("pdf.images") {
  TEST_CASE("each distinct image is embedded once however often it is drawn; JPEG passes through") {
    const layout::LaidOutBook book =
        pages_with({{box("a.png", test::tiny_png(), 100), box("b.jpg", test::tiny_jpeg(), 200)},
                    {box("again.png", test::tiny_png(), 100)}});
    core::DiagnosticList diagnostics;
    const std::optional<std::string> bytes = pdf::render_pdf(fonts(), book, diagnostics);
    REQUIRE(bytes);
    CHECK(diagnostics.to_string() == "");
    CHECK(count(*bytes, "/Subtype /Image") == 2);
    CHECK(count(*bytes, "/DCTDecode") == 1);
    CHECK(bytes->starts_with("%PDF-1.4"));
    CHECK(pdf::render_pdf(fonts(), book, diagnostics) == bytes);  // deterministic
  }

  TEST_CASE("an image drawn after text closes the text object first: Do is not allowed inside BT … ET") {
    pdf::HaruDocument haru;
    haru.set_compression(false);  // so that the content stream can be read in the bytes
    REQUIRE(haru.load_font(layout::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
    const std::size_t page = haru.add_page(200, 100);
    const std::optional<std::size_t> image = haru.load_image(core::ImageFormat::jpeg, test::tiny_jpeg());
    REQUIRE(image);
    haru.show_text(page, layout::FontFace::serif, 10, 10, 50, "H");
    haru.draw_image(page, *image, 10, 10, 20, 20);
    haru.show_text(page, layout::FontFace::serif, 10, 10, 80, "i");
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(count(*bytes, std::string("(\0H)Tj\nET\nq\n", 12)) == 1);  // H is CID 0x0048, two bytes
    CHECK(count(*bytes, " Do\nQ\nBT\n") == 1);
  }

  TEST_CASE("an interlaced or 16-bit PNG is left out with a warning and a frame, never handed to libharu") {
    const layout::LaidOutBook book =
        pages_with({{box("i.png", test::png_header(8, 8, 8, 2, 1), 100),
                     box("deep.png", test::png_header(8, 8, 16, 2), 200), box("ok.png", test::tiny_png(), 300)}});
    core::DiagnosticList diagnostics;
    const std::optional<std::string> bytes = pdf::render_pdf(fonts(), book, diagnostics);
    REQUIRE(bytes);
    CHECK(diagnostics.to_string() ==
          "a.md:4:2: warning: the PDF cannot show 'i.png', an interlaced PNG (libharu 2.3.0); an empty frame and the "
          "caption stand in\n  hint: save it as a non-interlaced 8-bit PNG or as a JPEG\n"
          "a.md:4:2: warning: the PDF cannot show 'deep.png', a 16-bit PNG (libharu 2.3.0); an empty frame and the "
          "caption stand in\n  hint: save it as a non-interlaced 8-bit PNG or as a JPEG\n");
    CHECK(count(*bytes, "/Subtype /Image") == 1);
  }

  TEST_CASE("image data that libharu rejects is an error at the image, and no PDF") {
    std::string damaged = test::tiny_png();
    damaged.replace(41, 10, std::string(10, '\x55'));  // inside the IDAT chunk's zlib stream
    const layout::LaidOutBook book = pages_with({{box("bad.png", damaged, 100)}});
    core::DiagnosticList diagnostics;
    CHECK(pdf::render_pdf(fonts(), book, diagnostics) == std::nullopt);
    CHECK(
        diagnostics.to_string().starts_with("a.md:4:2: error: expected valid PNG image data in 'bad.png', found data "
                                            "libharu rejects: damaged PNG data (IDAT: incorrect header check)"));
  }

  TEST_CASE("the text trace lists image boxes") {
    const layout::LaidOutBook book = pages_with({{box("a.png", test::tiny_png(), 100)}});
    CHECK(pdf::trace_pages(book) == "page 1 [1] 420 x 595.28\n  image a.png at 50,100 size 100,60\n");
  }
}
