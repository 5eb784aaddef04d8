#include <doctest/doctest.h>

#include <string>

#include "core/diagnostics.hpp"
#include "import/image_reference.hpp"
#include "test_images.hpp"

using namespace octavo;

TEST_SUITE("import.image_reference") {
  TEST_CASE("bytes from anywhere (a data: URL) are examined as a file's are, without reading any file") {
    const import::ExaminedImage gif = import::examine_image(test::gif_file(3, 2, {0}, {{0, 0, 1, 1, {0}}}));
    REQUIRE(gif.info);
    CHECK(gif.info->format == core::ImageFormat::gif);
    CHECK(gif.bytes == test::gif_file(3, 2, {0}, {{0, 0, 1, 1, {0}}}));
    const import::ExaminedImage webp = import::examine_image(std::string("RIFF\x10\x00\x00\x00WEBPVP8 ", 16));
    CHECK_FALSE(webp.info);
    CHECK(webp.found == "a WebP image");
    CHECK(webp.bytes.empty());
  }

  TEST_CASE("an SVG comes back cleaned, sized, with what was dropped for report_svg_changes") {
    const import::ExaminedImage svg =
        import::examine_image("<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"/etc/passwd\"/><script/></svg>");
    REQUIRE(svg.info);
    CHECK(svg.info->format == core::ImageFormat::svg);
    CHECK(svg.info->width == 300);
    CHECK(svg.bytes ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><image/></svg>");
    core::DiagnosticList diagnostics;
    import::report_svg_changes(svg, "data:image/svg+xml,…", {"page.html", 7, 3}, diagnostics);
    CHECK(diagnostics.to_string() ==
          "page.html:7:3: warning: dropped from the SVG 'data:image/svg+xml,…': its scripts; references to outside it: "
          "'/etc/passwd'\n"
          "  hint: both books keep the rest of the picture; Octavo runs no scripts and reads nothing outside the "
          "corpus, so put pictures inside the SVG as data: URLs\n"
          "page.html:7:3: warning: the SVG 'data:image/svg+xml,…' gives no width, height or viewBox; it is drawn at "
          "300 x 150 pixels, as browsers draw it\n"
          "  hint: give its <svg> element a viewBox\n");
  }
}
