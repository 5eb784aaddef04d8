#include <doctest/doctest.h>

#include <string>

#include "image/svg_document.hpp"

using namespace octavo;

namespace {

// "120x80" (or "300x150 unsized"), then "dropped: …" for each phrase; or "found …".
std::string read(const std::string& bytes) {
  const image::SvgRead read = image::read_svg(bytes);
  if (!read.svg) return "found " + read.found;
  char size[64];
  std::snprintf(size, sizeof size, "%gx%g", read.svg->width, read.svg->height);
  std::string out = size;
  if (!read.svg->sized) out += " unsized";
  for (const std::string& phrase : read.svg->dropped) out += "; dropped " + phrase;
  return out;
}

std::string cleaned(const std::string& bytes) {
  const image::SvgRead read = image::read_svg(bytes);
  return read.svg ? read.svg->bytes : "found " + read.found;
}

const std::string xmlns = " xmlns=\"http://www.w3.org/2000/svg\"";

std::string svg(const std::string& attributes, const std::string& content = "<rect width=\"1\" height=\"1\"/>") {
  return "<svg" + xmlns + attributes + ">" + content + "</svg>";
}

}  // namespace

TEST_SUITE("image.svg_document") {
  TEST_CASE("a clean SVG keeps its own bytes") {
    const std::string file = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- drawn by hand -->\n" +
                             svg(" width=\"120\" height=\"80\"", "<text x=\"1\" y=\"9\">A &amp; B&#x2014;C</text>");
    CHECK(read(file) == "120x80");
    CHECK(cleaned(file) == file);
  }

  TEST_CASE("size: width and height in CSS units, one of them with the viewBox's proportions, or the viewBox") {
    CHECK(read(svg(" width=\"10mm\" height=\"1in\"")) == "37.7953x96");
    CHECK(read(svg(" width=\"72pt\" height=\"2pc\"")) == "96x32");
    CHECK(read(svg(" width=\" 2.54cm \" height=\"1em\"")) == "96x16");
    CHECK(read(svg(" width=\"200\" viewBox=\"0 0 100 50\"")) == "200x100");
    CHECK(read(svg(" height=\"200px\" viewBox=\"0,0,100,50\"")) == "400x200");
    CHECK(read(svg(" viewBox=\"-5 -5 640 480\"")) == "640x480");
    // Percentages and nonsense are no size: the viewBox decides.
    CHECK(read(svg(" width=\"100%\" height=\"100%\" viewBox=\"0 0 30 20\"")) == "30x20");
    CHECK(read(svg(" width=\"-4\" height=\"auto\" viewBox=\"0 0 30 20\"")) == "30x20");
  }

  TEST_CASE("size: with neither a size nor a viewBox, 300 x 150 as browsers draw it") {
    CHECK(read(svg("")) == "300x150 unsized");
    CHECK(read(svg(" width=\"40\"")) == "40x150 unsized");
    CHECK(read(svg(" viewBox=\"0 0 0 10\"")) == "300x150 unsized");
  }

  TEST_CASE("size: a declared 100000 x 100000 is only a number; past a million pixels a side it is refused") {
    CHECK(read(svg(" width=\"100000\" height=\"100000\"")) == "100000x100000");
    CHECK(read(svg(" width=\"1e7\" height=\"5\"")) ==
          "found an SVG image of 1e+07 x 5 pixels, larger than the 1000000 pixels a side that Octavo lays out");
  }

  TEST_CASE("hostile references never survive: files, file: URLs, paths up and out, external entities") {
    const std::string hostile =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE svg [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" "
        "height=\"10\">"
        "<text>&xxe;</text>"
        "<image href=\"/etc/passwd\" width=\"5\" height=\"5\"/>"
        "<image xlink:href=\"file:///etc/hostname\" width=\"5\" height=\"5\"/>"
        "<image xlink:href=\"../secret.png\" width=\"5\" height=\"5\"/>"
        "<use xlink:href=\"#r\"/><rect id=\"r\" width=\"1\" height=\"1\"/>"
        "</svg>";
    CHECK(read(hostile) ==
          "10x10; dropped references to outside it: 'file:///etc/passwd', '/etc/passwd', 'file:///etc/hostname', "
          "'../secret.png'");
    CHECK(cleaned(hostile) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" "
          "height=\"10\"><text></text>"
          "<image width=\"5\" height=\"5\"/><image width=\"5\" height=\"5\"/><image width=\"5\" height=\"5\"/>"
          "<use xlink:href=\"#r\"/><rect id=\"r\" width=\"1\" height=\"1\"/></svg>");
  }

  TEST_CASE("links, remote pictures and SVG data: URLs go; PNG, JPEG and GIF data: URLs stay") {
    const std::string file = svg(" xmlns:xl=\"http://www.w3.org/1999/xlink\" width=\"4\" height=\"4\"",
                                 "<a href=\"https://example.org/\"><rect width=\"1\" height=\"1\"/></a>"
                                 "<image href=\"https://example.org/x.png\"/>"
                                 "<image xl:href=\"data:image/png;base64,iVBORw0KGgo=\"/>"
                                 "<image href=\" DATA:image/GIF;base64,R0lGODlh\"/>"
                                 "<image href=\"data:image/svg+xml;utf8,&lt;svg/&gt;\"/>"
                                 "<feImage href=\"data:text/html,x\"/>");
    CHECK(read(file) ==
          "4x4; dropped references to outside it: 'https://example.org/', 'https://example.org/x.png', "
          "'data:image/svg+xml;utf8,<svg/>', 'data:text/html,x'");
    const std::string out = cleaned(file);
    // The link's <a> draws as the <g> it becomes: links in a picture never work.
    CHECK(out.find("<g><rect width=\"1\" height=\"1\"/></g>") != std::string::npos);
    CHECK(cleaned(svg("",
                      "<svg:a xmlns:svg=\"http://www.w3.org/2000/svg\" href=\"#x\" target=\"_top\" "
                      "transform=\"scale(2)\"/>"))
              .find("<svg:g xmlns:svg=\"http://www.w3.org/2000/svg\" transform=\"scale(2)\"/>") != std::string::npos);
    CHECK(out.find("xl:href=\"data:image/png;base64,iVBORw0KGgo=\"") != std::string::npos);
    CHECK(out.find("href=\" DATA:image/GIF;base64,R0lGODlh\"") != std::string::npos);
    CHECK(out.find("example.org") == std::string::npos);
  }

  TEST_CASE("scripts and event attributes go, and so do foreignObject and elements that load content") {
    const std::string file =
        svg(" width=\"4\" height=\"4\" onload=\"go()\"",
            "<script>alert(1)</script><svg:script xmlns:svg=\"http://www.w3.org/2000/svg\"/>"
            "<rect width=\"1\" height=\"1\" onclick=\"alert(2)\" opacity=\"0.5\"/>"
            "<switch><foreignObject><p xmlns=\"http://www.w3.org/1999/xhtml\">Hi</p></foreignObject><text>Hi</text>"
            "</switch><video/><iframe/><video/>");
    CHECK(read(file) ==
          "4x4; dropped its scripts; dropped its <foreignObject> content (HTML, which the PDF cannot draw); dropped "
          "its <iframe> elements; dropped its <video> elements");
    CHECK(cleaned(file) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" "
          "height=\"4\"><rect width=\"1\" height=\"1\" opacity=\"0.5\"/><switch><text>Hi</text></switch></svg>");
  }

  TEST_CASE("CSS: url() to anything but a fragment or a picture becomes none; @import and style sheets go") {
    const std::string file =
        "<?xml-stylesheet href=\"theme.css\"?>" +
        svg(" width=\"4\" height=\"4\"",
            "<style>@import url(https://example.org/a.css); rect { fill: url(#g); stroke: URL( 'pat.svg#p' ) }"
            "</style><rect style=\"fill:url(&quot;https://example.org/x.svg#p&quot;) red\" filter=\"url(#f)\"/>"
            "<circle mask=\"url(other.svg#m)\"/>");
    CHECK(read(file) ==
          "4x4; dropped references to outside it: '<?xml-stylesheet href=\"theme.css\"?>', 'https://example.org/a.css'"
          ", 'pat.svg#p', 'https://example.org/x.svg#p' and 1 more");
    CHECK(cleaned(file) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" "
          "height=\"4\"><style> rect { fill: url(#g); stroke: none }</style><rect style=\"fill:none red\" "
          "filter=\"url(#f)\"/><circle mask=\"none\"/></svg>");
  }

  TEST_CASE("the DOCTYPE goes; its internal entities are expanded, as Adobe Illustrator's files need") {
    const std::string file =
        "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\" [\n"
        "  <!ENTITY ns_svg \"http://www.w3.org/2000/svg\">\n"
        "  <!ENTITY ns_ai \"http://ns.adobe.com/AdobeIllustrator/10.0/\">\n"
        "  <!ENTITY % param \"ignored\">\n"
        "  <!-- a comment with <!ENTITY fake \"x\"> inside -->\n"
        "  <!ENTITY greeting \"Hello, &who;\"> <!ENTITY who \"world\">\n"
        "]>\n"
        "<svg xmlns=\"&ns_svg;\" xmlns:i=\"&ns_ai;\" width=\"4\" height=\"4\"><text>&greeting; &fake;</text></svg>";
    CHECK(read(file) == "4x4; dropped undeclared entities '&fake;'");
    CHECK(cleaned(file) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><svg xmlns=\"http://www.w3.org/2000/svg\" "
          "xmlns:i=\"http://ns.adobe.com/AdobeIllustrator/10.0/\" width=\"4\" height=\"4\"><text>Hello, world "
          "</text></svg>");
    // The SVG 1.1 DOCTYPE alone (epubcheck: OPF-073, HTM-003) goes without a word.
    CHECK(
        read("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">" +
             svg(" width=\"4\" height=\"4\"")) == "4x4");
  }

  TEST_CASE("entity expansion is bounded: billion laughs is refused, cycles stop") {
    std::string doctype = "<!DOCTYPE svg [ <!ENTITY l0 \"lollollollollollollollollollol\">";
    for (int i = 1; i < 10; ++i) {
      doctype += " <!ENTITY l" + std::to_string(i) + " \"";
      for (int j = 0; j < 10; ++j) doctype += "&l" + std::to_string(i - 1) + ";";
      doctype += "\">";
    }
    doctype += " ]>";
    CHECK(read(doctype + svg(" width=\"4\" height=\"4\"", "<text>&l9;</text>")) ==
          "found an SVG file whose entities expand past 1 MB (an entity expansion attack?)");
    CHECK(read("<!DOCTYPE svg [ <!ENTITY a \"&b;\"> <!ENTITY b \"&a;\"> ]>" +
               svg(" width=\"4\" height=\"4\"", "<text>&a;</text>")) == "4x4");
  }

  TEST_CASE("presentation attributes epubcheck's SVG 1.1 schema refuses move into the style attribute") {
    const std::string file = svg(" width=\"4\" height=\"4\"",
                                 "<g mix-blend-mode=\"multiply\" font-family=\"serif\" overflow=\"visible\">"
                                 "<path d=\"M0 0h1v1z\" font-weight=\"400\" overflow=\"visible\" style=\"fill:red\"/>"
                                 "<use href=\"#a\" font-size=\"12\" clip=\"auto\" transform-origin=\"10 2.5\"/>"
                                 "<circle r=\"1\" marker=\"url(x.svg#m)\"/></g>");
    CHECK(read(file) == "4x4; dropped references to outside it: 'x.svg#m'");
    CHECK(cleaned(file) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" "
          "height=\"4\"><g font-family=\"serif\" overflow=\"visible\" style=\"mix-blend-mode:multiply;\">"
          "<path d=\"M0 0h1v1z\" style=\"font-weight:400;overflow:visible;fill:red\"/>"
          "<use href=\"#a\" font-size=\"12\" style=\"clip:auto;transform-origin:10px 2.5px;\"/>"
          "<circle r=\"1\" style=\"marker:none;\"/></g></svg>");
  }

  TEST_CASE("missing namespace declarations are added; characters XML forbids are dropped") {
    CHECK(cleaned("<svg width=\"4\" height=\"4\"><use xlink:href=\"#a\"/></svg>") ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><svg width=\"4\" height=\"4\" "
          "xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><use xlink:href=\"#a\"/>"
          "</svg>");
    CHECK(cleaned(svg(" width=\"4\" height=\"4\"", "<text>a&#1;b&#xFFFE;c</text>")).find("<text>abc</text>") !=
          std::string::npos);
  }

  TEST_CASE("Latin-1 and UTF-16 files are written again in UTF-8") {
    const std::string latin1 =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + svg(" width=\"4\" height=\"4\"", "<text>caf\xE9</text>");
    CHECK(cleaned(latin1).find("<text>caf\xC3\xA9</text>") != std::string::npos);
    std::string utf16 = "\xFF\xFE";
    for (const char c : svg(" width=\"4\" height=\"4\"")) {
      utf16 += c;
      utf16 += '\0';
    }
    CHECK(cleaned(utf16).starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?><svg"));
  }

  TEST_CASE("what is not an SVG document is named, with the line and column of a syntax error") {
    CHECK(read("<svg" + xmlns + ">\n  <g>\n</svg>") ==
          "found text that is not well-formed XML (line 3, column 3: start-end tags mismatch)");
    CHECK(read("<html><body/></html>") == "found an XML document whose root element is <html>, not <svg>");
    CHECK(read("<svg xmlns=\"http://www.w3.org/1999/xhtml\"/>") ==
          "found an XML document whose root <svg> is in the namespace 'http://www.w3.org/1999/xhtml', not SVG's");
    CHECK(read("").starts_with("found text that is not well-formed XML"));
  }

  TEST_CASE("deep nesting is read and written without recursion") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<g>";
    deep += "<script/>";
    for (int i = 0; i < 100000; ++i) deep += "</g>";
    CHECK(read(svg(" width=\"4\" height=\"4\"", deep)) == "4x4; dropped its scripts");
  }
}

TEST_SUITE("image.svg_document.language") {
  TEST_CASE("systemLanguage is decided for the book's language, never the machine's; xml:lang is set") {
    const std::string file = svg(" width=\"4\" height=\"4\"",
                                 "<switch><text systemLanguage=\"de, fr\">Hallo</text><text systemLanguage=\"en-GB\">"
                                 "Hello</text><text>Hi</text></switch><rect systemLanguage=\"de\"/>");
    CHECK(
        image::svg_for_language(file, "en") ==
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\" xml:lang=\"en\"><switch><text>Hello</text>"
        "<text>Hi</text></switch></svg>");
    CHECK(image::svg_for_language(file, "de-AT") ==
          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\" xml:lang=\"de-AT\"><switch><text>Hallo"
          "</text><text>Hi</text></switch><rect/></svg>");
    CHECK(image::svg_for_language(svg(" xml:lang=\"fr\"", ""), "en") == svg(" xml:lang=\"fr\"", ""));
    CHECK(image::svg_for_language(svg(" systemLanguage=\"ja\""), "en") ==
          "<svg xmlns=\"http://www.w3.org/2000/svg\" xml:lang=\"en\"/>");
  }
}
