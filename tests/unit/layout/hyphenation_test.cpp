#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "layout/break_lines.hpp"
#include "layout/build_items.hpp"
#include "layout/hyphenator.hpp"
#include "layout/layout_test_support.hpp"
#include "layout/set_line.hpp"
#include "layout/set_paragraph.hpp"
#include "layout/total_fit.hpp"

using namespace octavo;
using namespace octavo::layout;

namespace {

// Debian's hyphen-en-us; the tests that need it say so and pass without it.
const std::string en_us_path = "/usr/share/hyphen/hyph_en_US.dic";

bool have_patterns(const std::string& path = en_us_path) {
  if (std::filesystem::exists(path)) return true;
  MESSAGE("skipped: " << path << " is absent (Debian package hyphen-*)");
  return false;
}

// The bytes of an installed pattern file; empty when it is absent.
std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

const std::string en_us = file_bytes(en_us_path);

// The word with a hyphen at each of its hyphenation points.
std::string marked(const Hyphenator& hyphenator, const std::string& word) {
  std::string out;
  std::size_t from = 0;
  for (std::size_t at : hyphenator.hyphenation_points(word)) {
    out += word.substr(from, at - from) + "-";
    from = at;
  }
  return out + word.substr(from);
}

// The usual fixture with the en-US patterns; text is hyphenated unless asked not to be.
struct Fixture : test::LayoutFixture {
  Hyphenator hyphenator{en_us};
  Fixture() { context.hyphenator = &hyphenator; }

  ItemList items(const std::string& text, core::Pt measure, bool hyphenate = true) {
    return LayoutFixture::items(text, measure, {"w.md", 3, 1}, hyphenate);
  }
};

// Flagged penalties in the items, as the word pieces they separate: "hy|phen|ation".
std::string pieces(const ItemList& list) {
  std::string out;
  for (const Item& item : list.items) {
    if (item.kind == ItemKind::box) out += item.text;
    if (item.kind == ItemKind::glue && !item.fill) out += ' ';
    if (item.flagged) out += '|';
  }
  return out;
}

// The longest run of consecutive lines that end with a hyphen.
int longest_hyphen_run(const std::vector<std::string>& lines) {
  int run = 0;
  int longest = 0;
  for (const std::string& line : lines) {
    run = !line.empty() && line.back() == '-' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

}  // namespace

TEST_SUITE("layout.hyphenator") {
  TEST_CASE("the en-US patterns hyphenate words with 2 letters before and 3 after every hyphen") {
    if (!have_patterns()) return;
    const Hyphenator hyphenator(en_us);
    REQUIRE_FALSE(hyphenator.empty());
    CHECK(marked(hyphenator, "hyphenation") == "hy-phen-ation");
    CHECK(hyphenator.hyphenation_points("hyphenation") == std::vector<std::size_t>{2, 6});
    CHECK(marked(hyphenator, "justification") == "jus-ti-fi-ca-tion");
    // The patterns' a-bout leaves one letter before the hyphen; too short words are left whole.
    CHECK(marked(hyphenator, "about") == "about");
    CHECK(marked(hyphenator, "item") == "item");
    // ta-ble keeps 2 and 3 letters, as TeX's lefthyphenmin 2 and righthyphenmin 3 allow.
    CHECK(marked(hyphenator, "table") == "ta-ble");
  }

  TEST_CASE("punctuation is set aside, a capital first letter is fine, a possessive hyphenates its stem") {
    if (!have_patterns()) return;
    const Hyphenator hyphenator(en_us);
    CHECK(marked(hyphenator, "(hyphenation),") == "(hy-phen-ation),");
    CHECK(marked(hyphenator, "Hyphenation") == "Hy-phen-ation");
    CHECK(marked(hyphenator, "paragraph’s") == "para-graph’s");
    CHECK(marked(hyphenator, "paragraph's.") == "para-graph's.");
  }

  TEST_CASE("acronyms, mixed case, digits, hyphens and other characters are never hyphenated") {
    if (!have_patterns()) return;
    const Hyphenator hyphenator(en_us);
    CHECK(hyphenator.hyphenation_points("ALKALOIDS").empty());
    CHECK(hyphenator.hyphenation_points("AlkaLoids").empty());
    CHECK(hyphenator.hyphenation_points("7-hydroxymitragynine").empty());
    CHECK(hyphenator.hyphenation_points("hydroxy-mitragynine").empty());
    CHECK(hyphenator.hyphenation_points("mitragynine2").empty());
    CHECK(hyphenator.hyphenation_points("café-hyphenation").empty());
    CHECK(hyphenator.hyphenation_points("").empty());
  }

  TEST_CASE("without patterns nothing is hyphenated, and nothing fails") {
    CHECK(Hyphenator().empty());
    CHECK(Hyphenator().hyphenation_points("hyphenation").empty());
    const Hyphenator none(std::string_view{});
    CHECK(none.empty());
    CHECK(none.hyphenation_points("hyphenation").empty());
  }

  TEST_CASE("patterns are bytes: a pattern file written here is loaded without a path") {
    // Liang's notation: "a1b" allows a break between a and b; the first line names the encoding.
    const Hyphenator tiny(std::string_view("UTF-8\na1b\n"));
    REQUIRE_FALSE(tiny.empty());
    CHECK(marked(tiny, "aabbaabb") == "aa-bbaabb");  // right_hyphen_min keeps the second break out
    CHECK(marked(tiny, "cccccc") == "cccccc");
  }

  TEST_CASE("German patterns hyphenate German words (Debian's hyphen-de)") {
    const std::string path = "/usr/share/hyphen/hyph_de_DE.dic";
    if (!have_patterns(path)) return;
    const Hyphenator german(file_bytes(path));
    REQUIRE_FALSE(german.empty());
    CHECK(marked(german, "Silbentrennung") == "Sil-ben-tren-nung");
    CHECK(marked(german, "Zusammenarbeit") == "Zu-sam-men-ar-beit");
    // Debian's German file is ISO8859-1: the words are put in Latin-1 for it, the offsets stay UTF-8.
    CHECK(marked(german, "Größenverhältnisse") == "Grö-ßen-ver-hält-nisse");
    CHECK(german.hyphenation_points("Größenverhältnisse") == std::vector<std::size_t>{4, 8, 11, 16});
    CHECK(marked(german, "Überprüfung") == "Über-prü-fung");
    // German quotation marks („…“, ‚…‘) are set aside as English ones are.
    CHECK(marked(german, "„Straßenbahnhaltestelle“,") == "„Stra-ßen-bahn-hal-te-stelle“,");
    CHECK(marked(german, "‚Überprüfung‘") == "‚Über-prü-fung‘");
    CHECK(marked(german, "Grö\u0308ße") == "Grö\u0308ße");  // ö with a second diaeresis composes to nothing
  }

  TEST_CASE("a word asked for again is answered as the first time, by its own Hyphenator's patterns") {
    // The same words through Hyphenators with other patterns, made and dropped one after
    // another on this thread (a later one may take an earlier one's address), each asked twice.
    for (int round = 0; round < 3; ++round) {
      const Hyphenator ab(std::string_view("UTF-8\na1b\n"));
      CHECK(marked(ab, "aabbaabb") == "aa-bbaabb");
      CHECK(marked(ab, "aabbaabb") == "aa-bbaabb");
      const Hyphenator ba(std::string_view("UTF-8\nb1a\n"));
      CHECK(marked(ba, "aabbaabb") == "aabb-aabb");
      CHECK(marked(ba, "aabbaabb") == "aabb-aabb");
      CHECK(marked(ab, "aabbaabb") == "aa-bbaabb");
    }
    // One place made a Hyphenator with other patterns again and again: each asks as its own.
    std::optional<Hyphenator> here;
    for (int i = 0; i < 4; ++i) {
      here.emplace(std::string_view(i % 2 == 0 ? "UTF-8\na1b\n" : "UTF-8\nb1a\n"));
      CHECK(marked(*here, "aabbaabb") == (i % 2 == 0 ? "aa-bbaabb" : "aabb-aabb"));
      CHECK(marked(*here, "aabbaabb") == (i % 2 == 0 ? "aa-bbaabb" : "aabb-aabb"));
    }
    // More Hyphenators than are remembered at once, and more words than one remembers.
    std::vector<Hyphenator> several;
    for (int i = 0; i < 6; ++i) several.emplace_back(std::string_view(i % 2 == 0 ? "UTF-8\na1b\n" : "UTF-8\nb1a\n"));
    for (int i = 0; i < 6; ++i) CHECK(marked(several[i], "aabbaabb") == (i % 2 == 0 ? "aa-bbaabb" : "aabb-aabb"));
    const Hyphenator english(en_us);
    for (int i = 0; i < 20000; ++i) english.hyphenation_points("hyphenation" + std::to_string(i));
    CHECK(marked(english, "hyphenation") == "hy-phen-ation");
    for (int i = 0; i < 6; ++i) CHECK(marked(several[i], "aabbaabb") == (i % 2 == 0 ? "aa-bbaabb" : "aabb-aabb"));
  }

  TEST_CASE("hyphenation_points_here gives the remembered points in place, first asked or again") {
    const Hyphenator english(en_us);
    const std::vector<std::size_t> points = english.hyphenation_points("hyphenation");
    REQUIRE_FALSE(points.empty());
    const std::vector<std::size_t>& first = english.hyphenation_points_here("hyphenation");
    CHECK(first == points);
    CHECK(&english.hyphenation_points_here("hyphenation") == &first);  // the same kept answer
    CHECK(english.hyphenation_points_here("representation") == english.hyphenation_points("representation"));
    CHECK(Hyphenator(std::string_view("")).hyphenation_points_here("hyphenation").empty());
  }

  TEST_CASE("loaded for a text, German patterns hyphenate its words as all of them do; other words load them all") {
    const std::string path = "/usr/share/hyphen/hyph_de_DE.dic";
    if (!have_patterns(path)) return;
    const std::string bytes = file_bytes(path);
    REQUIRE(bytes.size() >= Hyphenator::large_patterns);
    const Hyphenator whole(bytes);
    // "Aires", "Adresseintrag" and "Adressinformation" hyphenate otherwise when only the patterns
    // they contain are loaded: the prefixes of longer patterns that stop the automaton count too.
    const std::vector<std::string> words = {"Aires",
                                            "Adresseintrag",
                                            "Adressinformation",
                                            "Antrim",
                                            "Abbès",
                                            "Größenverhältnisse",
                                            "„Straßenbahnhaltestelle“,",
                                            "Überprüfung",
                                            "Zusammenarbeit",
                                            "Donaudampfschifffahrtsgesellschaft"};
    std::string text = "Ein Satz mit Wörtern:";
    for (const std::string& word : words) text += " " + word;
    const Hyphenator for_text(bytes, text);
    REQUIRE_FALSE(for_text.empty());
    CHECK(for_text.patterns_digest() == whole.patterns_digest());
    for (const std::string& word : words) CHECK(marked(for_text, word) == marked(whole, word));
    CHECK(marked(for_text, "Adressinformation") == "Adress-in-for-ma-tion");
    CHECK(marked(for_text, "Aires") == "Aires");
    CHECK_FALSE(for_text.loaded_whole());
    // A word the text does not have: hyphenated with all the patterns, loaded now.
    CHECK(marked(for_text, "Silbentrennung") == "Sil-ben-tren-nung");
    CHECK(for_text.loaded_whole());
    CHECK(marked(for_text, "Aires") == "Aires");
  }

  TEST_CASE("patterns loaded for a text when asked at any size: English and French words as with all") {
    if (!have_patterns()) return;
    const std::string text = "Hyphenation of typographical representations: a demonstration, récemment développée.";
    const Hyphenator whole(en_us);
    const Hyphenator for_text(en_us, text, 0);
    CHECK_FALSE(for_text.loaded_whole());
    for (const char* word : {"Hyphenation", "typographical", "representations:", "demonstration,"}) {
      CHECK(marked(for_text, word) == marked(whole, word));
    }
    CHECK(marked(for_text, "representations:") == "rep-re-sen-ta-tions:");
    CHECK_FALSE(for_text.loaded_whole());
    // Below its size, a file is loaded whole however long the text.
    CHECK(Hyphenator(en_us, text).loaded_whole());
    const std::string path = "/usr/share/hyphen/hyph_fr.dic";
    if (!have_patterns(path)) return;
    const std::string french = file_bytes(path);
    const Hyphenator french_for_text(french, text, 0);
    CHECK(marked(french_for_text, "développée.") == marked(Hyphenator(french), "développée."));
    CHECK(marked(french_for_text, "récemment") == marked(Hyphenator(french), "récemment"));
    CHECK_FALSE(french_for_text.loaded_whole());
  }

  TEST_CASE("loaded for a text: a line libhyphen reads in pieces, or a first-level replacement, needs all") {
    // libhyphen reads a line longer than its buffer in pieces, each a pattern: "ab" and 97 c's is
    // one, a state that hides "b1c" in "aabcccc". All the patterns are loaded for such a file.
    const std::string long_line = "UTF-8\nab" + std::string(100, 'c') + "1d\nb1c\n";
    const Hyphenator for_text(long_line, "aabcccc", 0);
    CHECK(for_text.loaded_whole());
    CHECK(marked(for_text, "aabcccc") == marked(Hyphenator(long_line), "aabcccc"));
    // 98 characters are read whole: its prefix "abcccc" hides "b1c" in both.
    const std::string longest_line = "UTF-8\nab" + std::string(94, 'c') + "1d\nb1c\n";
    const Hyphenator longest_for_text(longest_line, "aabcccc", 0);
    CHECK_FALSE(longest_for_text.loaded_whole());
    CHECK(marked(longest_for_text, "aabcccc") == marked(Hyphenator(longest_line), "aabcccc"));
    // A replacement before NEXTLEVEL that a word of the text meets: all the patterns are loaded.
    const std::string replacing = "UTF-8\nc1k/k=k,1,2\nNEXTLEVEL\na1b\n";
    CHECK(Hyphenator(replacing, "aacckaab", 0).loaded_whole());
    // One no word meets ('/' on a comment-like line of '#'), or one after NEXTLEVEL, changes nothing.
    CHECK_FALSE(Hyphenator("UTF-8\n# see http://example.org\nNEXTLEVEL\na1b\n", "aabbaabb", 0).loaded_whole());
    CHECK_FALSE(Hyphenator("UTF-8\nNEXTLEVEL\nc1k/k=k,1,2\na1b\n", "aacckaab", 0).loaded_whole());
  }

  TEST_CASE("French patterns hyphenate accented words (Debian's hyphen-fr, UTF-8)") {
    const std::string path = "/usr/share/hyphen/hyph_fr.dic";
    if (!have_patterns(path)) return;
    const Hyphenator french(file_bytes(path));
    REQUIRE_FALSE(french.empty());
    CHECK(marked(french, "développement") == "dé-ve-lop-pe-ment");
    CHECK(french.hyphenation_points("développement") == std::vector<std::size_t>{3, 5, 8, 10});
    CHECK(marked(french, "représentation.") == "re-pré-sen-ta-tion.");
    CHECK(marked(french, "Éléphant") == "Élé-phant");
    // A decomposed é (e + U+0301) is hyphenated as the composed one, never between e and its accent.
    CHECK(marked(french, "de\u0301veloppement") == "de\u0301-ve-lop-pe-ment");
  }

  TEST_CASE("after an elision (l’, d’, qu’) the French word hyphenates as it would alone") {
    const std::string path = "/usr/share/hyphen/hyph_fr.dic";
    if (!have_patterns(path)) return;
    const Hyphenator french(file_bytes(path));
    REQUIRE_FALSE(french.empty());
    CHECK(marked(french, "l\u2019administration") == "l\u2019ad-mi-nis-tra-tion");
    CHECK(marked(french, "d'administration,") == "d'ad-mi-nis-tra-tion,");
    CHECK(marked(french, "qu\u2019aujourd\u2019hui") == "qu\u2019au-jourd\u2019hui");
    CHECK(marked(french, "l\u2019\u00E9l\u00E9phant") == "l\u2019" + marked(french, "\u00E9l\u00E9phant"));
    // Three letters before the apostrophe are no elision: the word is left whole.
    CHECK(marked(french, "xyz\u2019administration") == "xyz\u2019administration");
  }

  TEST_CASE("UTF-8 patterns given as bytes: characters, not bytes, are counted") {
    const Hyphenator tiny(std::string_view("UTF-8\n\u00E41b\n\u00F6a1b\n"));  // ä1b, öa1b
    REQUIRE_FALSE(tiny.empty());
    CHECK(marked(tiny, "aäbbbb") == "aä-bbbb");
    CHECK(tiny.hyphenation_points("aäbbbb") == std::vector<std::size_t>{3});
    CHECK(marked(tiny, "Öabbbb") == "Öa-bbbb");  // the capital is lowered for the patterns
    CHECK(marked(tiny, "aäbbbb’s") == "aä-bbbb’s");
    // Two letters before the hyphen and three after, in characters: "ä" is one though two bytes.
    CHECK(marked(tiny, "äbbbbb") == "äbbbbb");
    CHECK(marked(tiny, "bbbäbää") == "bbbä-bää");
    CHECK(marked(tiny, "bbbbäbä") == "bbbbäbä");
    // A combining mark belongs to its letter: a + U+0308 composes to ä, the break follows the mark.
    CHECK(tiny.hyphenation_points("aa\u0308bbbb") == std::vector<std::size_t>{4});
    CHECK(tiny.hyphenation_points("\u0308aäbbbb").empty());  // a mark with no letter
    // Mixed case, digits, symbols and invalid UTF-8 leave the word whole, as for ASCII words.
    CHECK(tiny.hyphenation_points("aÄbbbb").empty());
    CHECK(tiny.hyphenation_points("aäbbbb2").empty());
    CHECK(tiny.hyphenation_points("aä€bbbb").empty());
    CHECK(tiny.hyphenation_points("aä\xFF"
                                  "bbbb")
              .empty());
  }

  TEST_CASE("Latin-1 patterns hyphenate the words Latin-1 can spell; other charsets only ASCII") {
    const Hyphenator latin1(
        std::string_view("ISO8859-1\n\xE4"
                         "1b\n"));  // ä1b in ISO8859-1
    REQUIRE_FALSE(latin1.empty());
    CHECK(latin1.hyphenation_points("aäbbbb") == std::vector<std::size_t>{3});
    CHECK(latin1.hyphenation_points("aäbbbbč").empty());  // č is not in Latin-1
    const Hyphenator latin2(std::string_view("ISO8859-2\na1b\n"));
    REQUIRE_FALSE(latin2.empty());
    CHECK(marked(latin2, "aabbbb") == "aa-bbbb");
    CHECK(latin2.hyphenation_points("äabbbb").empty());
  }
}

TEST_SUITE("layout.hyphenation") {
  TEST_CASE("a justified paragraph's words get flagged penalties with the width of a hyphen") {
    if (!have_patterns()) return;
    Fixture f;
    const ItemList list = f.items("hyphenation of text", core::Pt(145));
    CHECK(pieces(list) == "hy|phen|ation of text");
    const Item& point = list.items[1];
    CHECK(point.flagged);
    CHECK(point.penalty == 50);
    CHECK(point.width == core::Pt(5));
  }

  TEST_CASE("words are hyphenated only when asked (justified text), never in ragged text") {
    if (!have_patterns()) return;
    Fixture f;
    CHECK(pieces(f.items("hyphenation of text", core::Pt(145), false)) == "hyphenation of text");
  }

  TEST_CASE("inline code and keys are never hyphenated, the text beside them is") {
    if (!have_patterns()) return;
    Fixture f;
    ItemBuilder builder(f.context, core::Pt(145));
    builder.set_hyphenate(true);
    builder.add_text("hyphenation ", TextStyle{false, false, false, core::Pt(10)}, {"w.md", 3, 1});
    builder.add_text("hyphenation", TextStyle{false, false, true, core::Pt(10)}, {"w.md", 3, 13});
    TextStyle key{false, false, true, core::Pt(10)};
    key.key = 0;
    builder.add_text(" hyphenation", key, {"w.md", 3, 25});
    builder.add_text(" and justification", TextStyle{false, false, false, core::Pt(10)}, {"w.md", 3, 37});
    CHECK(pieces(builder.finish()) == "hy|phen|ation hyphenation hyphenation and justification");
  }

  TEST_CASE("the last word of a paragraph is not hyphenated") {
    if (!have_patterns()) return;
    Fixture f;
    CHECK(pieces(f.items("hyphenation and justification", core::Pt(145))) == "hy|phen|ation and justification");
    CHECK(pieces(f.items("we study hyphenation.", core::Pt(145))) == "we study hyphenation.");
  }

  TEST_CASE("hyphenation removes a very loose line, and the line shows its hyphen") {
    if (!have_patterns()) return;
    Fixture f;
    const std::string text =
        "Careful typesetting of justified paragraphs demonstrates considerable improvement "
        "when hyphenation is available";
    // 145 pt = 29 characters a line.
    const ItemList plain = f.items(text, core::Pt(145), false);
    const std::vector<Line> without = break_lines_total_fit(plain.items, test::same_widths(145));
    CHECK(test::line_texts(plain.items, without) ==
          std::vector<std::string>{"Careful typesetting of", "justified paragraphs", "demonstrates considerable",
                                   "improvement when hyphenation", "is available"});
    CHECK(test::worst_ratio(without) > 10);
    const ItemList list = f.items(text, core::Pt(145));
    const std::vector<Line> with = break_lines_total_fit(list.items, test::same_widths(145));
    CHECK(test::line_texts(list.items, with) ==
          std::vector<std::string>{"Careful typesetting of justi-", "fied paragraphs demonstrates",
                                   "considerable improvement when", "hyphenation is available"});
    CHECK(test::worst_ratio(with) == doctest::Approx(1));
    // Drawn: the hyphen ends the first line's last run and counts in its width (29 characters).
    const SetLine first = set_line(list, with[0], core::Pt(145), Alignment::justify, f.metrics);
    REQUIRE_FALSE(first.runs.empty());
    CHECK(first.runs.back().text == "justi-");
    CHECK(first.width == core::Pt(145));
    const SetLine second = set_line(list, with[1], core::Pt(145), Alignment::justify, f.metrics);
    CHECK(second.runs.front().text == "fied");
  }

  TEST_CASE("a paragraph that sets within badness 100 without hyphens gets none (the pre-pass)") {
    if (!have_patterns()) return;
    Fixture f;
    const std::string text =
        "aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa hyphenation cccc cccc cccc cccc cccc cccc cccc ends here";
    // 212 pt = 42.4 characters. Without a hyphen the first line's spaces stretch to r = 0.97
    // (badness 91); "hy-" lets them shrink a little instead, which costs fewer demerits even
    // with the hyphen's penalty, so a pass that may hyphenate takes it.
    const ItemList list = f.items(text, core::Pt(212));
    const std::optional<std::vector<Line>> hyphenating =
        try_total_fit(list.items, test::same_widths(212), first_pass_tolerance, Hyphenation::allow);
    REQUIRE(hyphenating.has_value());
    CHECK(test::line_texts(list.items, *hyphenating) ==
          std::vector<std::string>{"aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa hy-",
                                   "phenation cccc cccc cccc cccc cccc cccc cccc", "ends here"});
    // Every line stays within badness 100 unhyphenated, so TeX's \pretolerance pass sets it so.
    const std::vector<Line> lines = break_lines_total_fit(list.items, test::same_widths(212));
    CHECK(test::line_texts(list.items, lines) == std::vector<std::string>{"aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa",
                                                                          "hyphenation cccc cccc cccc cccc cccc cccc",
                                                                          "cccc ends here"});
    CHECK(test::worst_ratio(lines) <= 1);
  }

  TEST_CASE("no page ends after a hyphenated line: it is kept strongly with the next") {
    if (!have_patterns()) return;
    Fixture f;
    const ItemList list = f.items(
        "Careful typesetting of justified paragraphs demonstrates considerable "
        "improvement when hyphenation is available",
        core::Pt(145));
    ParagraphFormat format;
    format.width = core::Pt(145);
    format.leading = core::Pt(12);
    format.size = core::Pt(10);
    Flow flow;
    REQUIRE(set_paragraph(flow, list, format, f.metrics) == 4);
    const std::vector<FlowLine> lines = flow.finish();
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].runs.back().text == "justi-");
    CHECK(lines[0].keep == Keep::strong);
    CHECK(lines[1].keep == Keep::none);
    CHECK(lines[2].keep == Keep::weak);  // the widow rule, as before
  }

  TEST_CASE("never three hyphenated lines in a row") {
    if (!have_patterns()) return;
    Fixture f;
    const std::string text =
        "justification justification justification justification justification "
        "justification justification justification";
    const ItemList list = f.items(text, core::Pt(160));
    const std::vector<std::string> lines =
        test::line_texts(list.items, break_lines_total_fit(list.items, test::same_widths(160)));
    // Without the rule the least demerits end the first three lines with hyphens:
    // [… jus-][tification justification justi-][fication justification justifi-][cation justification].
    std::string joined;
    for (const std::string& line : lines) joined += "[" + line + "]";
    CHECK(joined ==
          "[justification justification][justification justification jus-][tification justification justi-]"
          "[fication justification]");
    CHECK(longest_hyphen_run(lines) == 2);
  }

  TEST_CASE("total-fit is unchanged when the hyphenator has no patterns") {
    Fixture f;
    f.hyphenator = Hyphenator();
    const std::string text =
        "Careful typesetting of justified paragraphs demonstrates considerable improvement "
        "when hyphenation is available";
    const ItemList list = f.items(text, core::Pt(145));
    CHECK(pieces(list) == text);
    CHECK(test::line_texts(list.items, break_lines_total_fit(list.items, test::same_widths(145))) ==
          std::vector<std::string>{"Careful typesetting of", "justified paragraphs", "demonstrates considerable",
                                   "improvement when hyphenation", "is available"});
  }
}
