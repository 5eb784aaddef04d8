#include <doctest/doctest.h>

#include <regex>

#include "core/file_system.hpp"

// styles/epub.css is data, but epubcheck and the brief constrain it; check it where it lives.
TEST_SUITE("epub.stylesheet") {
  TEST_CASE("styles/epub.css: serif, hyphenation, relative font sizes, nothing epubcheck flags") {
    const octavo::core::DiskFileSystem styles(OCTAVO_SOURCE_DIR "/styles");
    const std::optional<std::string> css = styles.read_file("epub.css");
    REQUIRE(css);
    CHECK(css->find("serif") != std::string::npos);
    CHECK(css->find("hyphens: auto") != std::string::npos);
    CHECK(css->find("p.summary { font-style: italic;") != std::string::npos);
    // A picture never overflows the screen, as in the PDF it never overflows the measure.
    CHECK(css->find("figure.image img { max-width: 100%;") != std::string::npos);
    // Tables rule horizontally only, as a printed book's; endnotes are set smaller than the text.
    CHECK(css->find("border-top: 2px solid currentColor;\n  border-bottom: 2px solid currentColor;") !=
          std::string::npos);
    CHECK_FALSE(std::regex_search(*css, std::regex("(th|td)[^{]*\\{[^}]*border-(left|right)")));
    CHECK(css->find("section.endnotes {\n  margin-top: 2em;\n  padding-top: 0.6em;\n  border-top: 1px solid "
                    "currentColor;\n  font-size: 0.85em;") != std::string::npos);
    for (const char* aligned : {".align-left { text-align: left; }", ".align-center { text-align: center; }",
                                ".align-right { text-align: right; }"}) {
      CHECK_MESSAGE(css->find(aligned) != std::string::npos, aligned);
    }
    CHECK_FALSE(std::regex_search(*css, std::regex("font-size:[^;]*(px|pt)")));
    // CSS-001 (direction, unicode-bidi are forbidden), CSS-006 (position: fixed), CSS-007/019/028 (fonts).
    for (const char* flagged : {"direction", "unicode-bidi", "position", "@font-face", "@import"}) {
      CHECK_MESSAGE(css->find(flagged) == std::string::npos, flagged);
    }
  }
}
