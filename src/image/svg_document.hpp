// SVG files as both books hold them: read once at import, made self-contained (nothing outside
// the file is referred to: no scripts, no external hrefs, entities or style sheets) and valid as
// an EPUB SVG content document (no DOCTYPE), and sized in CSS pixels. The only reader of SVG
// text; the PDF draws the result through image/rasterise_image.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace octavo::image {

/// An SVG ready for both books.
struct SvgDocument {
  std::string bytes;  ///< the SVG both books hold: the file's own bytes when nothing had to change
  double width = 0;   ///< CSS pixels (1/96 in), > 0
  double height = 0;  ///< CSS pixels, > 0
  bool sized = true;  ///< false when the file gives no usable width, height or viewBox: 300 x 150, as browsers draw it
  std::vector<std::string> dropped;  ///< what was taken out, each a phrase ("its scripts"); empty if nothing was
};

/// read_svg's answer: the document, or what the bytes are instead, a phrase that completes
/// "expected a PNG, JPEG, GIF or SVG image, found …" ("text that is not well-formed XML (line
/// 3, column 7: …)", "an XML document whose root element is <html>, not <svg>").
struct SvgRead {
  std::optional<SvgDocument> svg;
  std::string found;  ///< empty when `svg` is set
};

/// Reads `bytes` as an SVG file (XML 1.0 in UTF-8, UTF-16 or Latin-1) and cleans it:
/// - the DOCTYPE goes (EPUB 3.3 forbids external identifiers in it); entities it declares are
///   expanded (up to 1 MB in all: more is refused), and references to external ones dropped;
/// - <script> elements and on… event attributes go, and so do <foreignObject> (HTML, which the
///   PDF cannot draw) and the elements that load content (<iframe>, <video>, <audio>, <object>,
///   <embed>, <canvas>);
/// - every href that is not a "#fragment" or a PNG, JPEG or GIF data: URL goes, and so does every
///   CSS url() to anything else (→ none), every @import and every xml-stylesheet instruction:
///   nothing outside the file is ever read, in either book;
/// - a missing SVG or XLink namespace declaration is added.
/// Never reads any file; never fails on malformed input (it is refused instead).
SvgRead read_svg(std::string_view bytes);

/// `svg` (bytes from read_svg) as the PDF draws it for a reader of `language` (a BCP 47 tag):
/// each systemLanguage condition decided for that language (SVG 1.1 §5.8.5; an element whose
/// condition fails goes) and xml:lang set on the root when it has none, so that the picture
/// never depends on the locale of the machine that builds the book. `svg` itself if it does not
/// parse.
std::string svg_for_language(std::string_view svg, std::string_view language);

}  // namespace octavo::image
