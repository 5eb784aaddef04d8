#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "core/diagnostics.hpp"
#include "import/markdown_article.hpp"
#include "import/smart_punctuation.hpp"
#include "model/inline.hpp"

using octavo::import::smarten_punctuation;

TEST_SUITE("import.smart_punctuation") {
  TEST_CASE("an apostrophe inside a word becomes a right single quote") {
    CHECK(smarten_punctuation("don't") == "don’t");
    CHECK(smarten_punctuation("Kratom's role, it’s mixed") == "Kratom’s role, it’s mixed");
  }

  TEST_CASE("a quote, dash or ellipsis is found wherever it falls in a long run of other bytes") {
    // The scan between them goes eight bytes at a time: each offset within and across its words.
    for (std::size_t before = 0; before < 20; ++before) {
      CAPTURE(before);
      const std::string lead(before, 'x');
      const std::string tail(before % 11, 'y');
      CHECK(smarten_punctuation("a" + lead + "--" + tail) == "a" + lead + "–" + tail);
      CHECK(smarten_punctuation("a" + lead + "...") == "a" + lead + "…");
      CHECK(smarten_punctuation("a" + lead + "'s " + tail) == "a" + lead + "’s " + tail);
      CHECK(smarten_punctuation("a" + lead + " \"q\" " + tail) == "a" + lead + " “q” " + tail);
      CHECK(smarten_punctuation(lead + "\xc3\xa9-" + tail) == lead + "\xc3\xa9-" + tail);
    }
  }

  TEST_CASE("double quotes open and close by context") {
    CHECK(smarten_punctuation("\"a\"") == "“a”");
    CHECK(smarten_punctuation("he said \"yes,\" then left") == "he said “yes,” then left");
    CHECK(smarten_punctuation("(\"a\")") == "(“a”)");
    // Right after '(' a quote may open even though it could also close (cmark's scan_delims).
    CHECK(smarten_punctuation("(\"!\")") == "(“!”)");
  }

  TEST_CASE("single quotes pair up, and an unpaired opener is an apostrophe") {
    CHECK(smarten_punctuation("'quoted' word") == "‘quoted’ word");
    CHECK(smarten_punctuation("the '90s") == "the ’90s");
    CHECK(smarten_punctuation("\"a 'b' c\"") == "“a ‘b’ c”");
  }

  TEST_CASE("an unmatched double quote opens or closes by its neighbours") {
    CHECK(smarten_punctuation("\"open") == "“open");
    CHECK(smarten_punctuation("closed\"") == "closed”");
    CHECK(smarten_punctuation("a \" b") == "a “ b");
  }

  TEST_CASE("hyphens become en and em dashes as cmark counts them") {
    CHECK(smarten_punctuation("a -- b") == "a – b");
    CHECK(smarten_punctuation("a---b") == "a—b");
    CHECK(smarten_punctuation("well-being") == "well-being");
    CHECK(smarten_punctuation("----") == "––");
    CHECK(smarten_punctuation("-----") == "—–");
    CHECK(smarten_punctuation("-------") == "—––");
  }

  TEST_CASE("two hyphens that begin an option's name are kept; other hyphen runs are still dashes") {
    CHECK(smarten_punctuation("use --all or (--no-color) or [--warn=WHAT]") ==
          "use --all or (--no-color) or [--warn=WHAT]");
    CHECK(smarten_punctuation("--debug first") == "--debug first");
    CHECK(smarten_punctuation("a -- b, x--y, ---all, --1, \"--x\"") == "a – b, x–y, —all, –1, “–x”");
    CHECK(octavo::import::option_name_length("ls --no-color--x", 3) == 10);
    CHECK(octavo::import::option_name_length("ls --all", 2) == 0);
  }

  TEST_CASE("three periods become an ellipsis; two stay") {
    CHECK(smarten_punctuation("wait...") == "wait…");
    CHECK(smarten_punctuation("a.. b") == "a.. b");
    CHECK(smarten_punctuation("....") == "….");
  }

  TEST_CASE("everything else is kept byte for byte, invalid UTF-8 included") {
    CHECK(smarten_punctuation("") == "");
    CHECK(smarten_punctuation("café “x” — …") == "café “x” — …");
    CHECK(smarten_punctuation("a\xff'b") == "a\xff’b");
  }

  // The text reader must come out as cmark's CMARK_OPT_SMART would: compare on many generated
  // lines made of the characters that decide the quote rules. The Markdown reader is cmark-gfm
  // 0.29, which lacks cmark 0.30's rule that a quote right after '(' or '[' may open even when
  // it could also close; those lines are left out here, and the departure is pinned below.
  TEST_CASE("agrees with cmark's smart punctuation on generated text") {
    const std::string alphabet[] = {"a", " ", "'", "\"", "-", ".", ")",      "]",
                                    "’", "é", ",", "!",  "(", "“", "\u00A0", "\u2014"};
    std::uint32_t state = 12345;
    auto next = [&state] {
      state = state * 1664525u + 1013904223u;  // a fixed LCG: the same cases on every run
      return state >> 16;
    };
    for (int round = 0; round < 2000; ++round) {
      std::string text = "x";
      const std::uint32_t length = next() % 12;
      for (std::uint32_t i = 0; i < length; ++i) text += alphabet[next() % std::size(alphabet)];
      text += "x";
      if (text.find("('") != std::string::npos || text.find("(\"") != std::string::npos) continue;
      octavo::core::DiagnosticList diagnostics;
      const auto article = octavo::import::read_markdown_article("t.md", text, diagnostics);
      REQUIRE(article.blocks.size() == 1);
      INFO("input: " << text);
      CHECK(smarten_punctuation(text) == octavo::model::plain_text(article.blocks[0].inlines));
    }
  }

  TEST_CASE("cmark-gfm departs from the text reader for a quote after '(' that could also close") {
    octavo::core::DiagnosticList diagnostics;
    const auto article = octavo::import::read_markdown_article("t.md", "x ('...') x\n", diagnostics);
    CHECK(smarten_punctuation("x ('...') x") == "x (‘…’) x");
    CHECK(octavo::model::plain_text(article.blocks.at(0).inlines) == "x (’…’) x");
  }
}
