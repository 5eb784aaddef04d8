#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "style/hyphenation_patterns.hpp"

using namespace octavo;

namespace {

std::string file_for(const char* language) {
  const std::optional<style::PatternFile> file = style::hyphenation_pattern_file(language);
  return file ? file->file + " (" + file->package + ")" : "none";
}

struct Read {
  std::string bytes;
  std::string diagnostics;
};

Read read(const char* language, std::map<std::string, std::string> files) {
  const core::MemoryFileSystem patterns(std::move(files), "hyphen");
  core::DiagnosticList diagnostics;
  Read out{style::read_hyphenation_patterns(language, patterns, "/usr/share/hyphen", diagnostics), ""};
  out.diagnostics = diagnostics.to_string();
  return out;
}

// Articles a1.md, a2.md, … written in `languages`, in that order.
std::vector<style::ArticleLanguage> articles_in(const std::vector<std::string>& languages) {
  std::vector<style::ArticleLanguage> articles;
  for (const std::string& language : languages) {
    articles.push_back({language, {"a" + std::to_string(articles.size() + 1) + ".md", 1, 1}});
  }
  return articles;
}

}  // namespace

TEST_SUITE("style.hyphenation_patterns") {
  TEST_CASE("a language tag chooses a Debian pattern file and names its package") {
    CHECK(file_for("en") == "hyph_en_US.dic (hyphen-en-us)");
    CHECK(file_for("en-US") == "hyph_en_US.dic (hyphen-en-us)");
    CHECK(file_for("EN-gb") == "hyph_en_GB.dic (hyphen-en-gb)");
    CHECK(file_for("en-Latn-AU") == "hyph_en_GB.dic (hyphen-en-gb)");
    CHECK(file_for("de") == "hyph_de_DE.dic (hyphen-de)");
    CHECK(file_for("de-CH") == "hyph_de_DE.dic (hyphen-de)");
    CHECK(file_for("fr-CA") == "hyph_fr.dic (hyphen-fr)");
    CHECK(file_for("ja") == "none");
    CHECK(file_for("") == "none");
    CHECK(file_for("eng") == "none");
  }

  TEST_CASE("the patterns are read through the file system, from memory here") {
    const Read r = read("de-AT", {{"hyph_de_DE.dic", "ISO8859-1\n1ba\n"}});
    CHECK(r.diagnostics == "");
    CHECK(r.bytes == "ISO8859-1\n1ba\n");
  }

  TEST_CASE("a language whose patterns are not installed: one warning naming the language and the package") {
    const Read r = read("fr", {{"hyph_en_US.dic", "UTF-8\n"}});
    CHECK(r.bytes.empty());
    CHECK(r.diagnostics ==
          "/usr/share/hyphen/hyph_fr.dic: warning: expected hyphenation patterns for the language 'fr', found none "
          "installed\n"
          "  hint: install the Debian package hyphen-fr; paragraphs are set without hyphenation\n");
  }

  TEST_CASE("a pattern file that cannot be read, and a language without patterns") {
    // A folder where the file should be cannot be read as a file.
    const Read folder = read("en", {{"hyph_en_US.dic/x", ""}});
    CHECK(folder.bytes.empty());
    CHECK(folder.diagnostics ==
          "/usr/share/hyphen/hyph_en_US.dic: warning: expected hyphenation patterns, found no readable pattern file\n"
          "  hint: paragraphs are set without hyphenation\n");
    const Read none = read("ja", {});
    CHECK(none.bytes.empty());
    CHECK(none.diagnostics == "");
  }

  TEST_CASE("load_hyphenator gives a Hyphenator that hyphenates with the bytes read") {
    const core::MemoryFileSystem patterns(std::map<std::string, std::string>{{"hyph_fr.dic", "UTF-8\na1b\n"}});
    core::DiagnosticList diagnostics;
    const layout::Hyphenator hyphenator = style::load_hyphenator("fr", patterns, "/usr/share/hyphen", diagnostics);
    CHECK(diagnostics.to_string() == "");
    REQUIRE_FALSE(hyphenator.empty());
    CHECK(hyphenator.hyphenation_points("aabbaabb") == std::vector<std::size_t>{2});
    CHECK(style::load_hyphenator("ja", patterns, "/usr/share/hyphen", diagnostics).empty());
  }

  TEST_CASE("load_hyphenators: each article language's patterns, every file read once") {
    // No German patterns installed here; en-US's and en-GB's are.
    const core::MemoryFileSystem patterns(std::map<std::string, std::string>{
        {"hyph_en_US.dic", "UTF-8\na1b\n"}, {"hyph_en_GB.dic", "UTF-8\nb1a\n"}, {"hyph_fr.dic", "UTF-8\nc1d\n"}});
    core::DiagnosticList diagnostics;
    const layout::Hyphenators hyphenators =
        style::load_hyphenators("en", articles_in({"", "fr", "de-AT", "en-US", "ja", "de", "en-GB", "de", ""}),
                                patterns, "/usr/share/hyphen", diagnostics);
    // One warning for the German file, though three articles ask for it, at the first to name 'de'
    // (tags are taken in their order: 'de' before 'de-AT').
    CHECK(diagnostics.to_string() ==
          "a6.md:1:1: warning: expected hyphenation patterns for the language 'de', found none installed "
          "('/usr/share/hyphen/hyph_de_DE.dic')\n"
          "  hint: install the Debian package hyphen-de; paragraphs are set without hyphenation\n");
    CHECK(hyphenators.book().hyphenation_points("aabbaabb") == std::vector<std::size_t>{2});
    CHECK(&hyphenators.for_language("") == &hyphenators.book());
    CHECK(&hyphenators.for_language("en-US") == &hyphenators.book());  // the book's file, shared
    CHECK(hyphenators.for_language("en-GB").hyphenation_points("bbaabbaa") == std::vector<std::size_t>{2});
    CHECK(hyphenators.for_language("fr").hyphenation_points("ccddccdd") == std::vector<std::size_t>{2});
    CHECK(hyphenators.for_language("de").empty());
    CHECK(hyphenators.for_language("de-AT").empty());
    CHECK(hyphenators.for_language("ja").empty());
    CHECK(hyphenators.for_language("it").empty());  // named by no article
  }

  TEST_CASE("load_hyphenators: the book's text is asked for once, and only for a large pattern file") {
    // A large German file: a pattern the text's words contain, and enough others to pass the size.
    std::string german = "UTF-8\na1b\n";
    while (german.size() < layout::Hyphenator::large_patterns) german += "x1y\nz1w\n";
    const core::MemoryFileSystem patterns(
        std::map<std::string, std::string>{{"hyph_en_US.dic", "UTF-8\nc1d\n"}, {"hyph_de_DE.dic", german}});
    int asked = 0;
    const std::string text = "aabbaabb";
    const style::TextToSet text_to_set = [&]() -> const std::string& {
      ++asked;
      return text;
    };
    core::DiagnosticList diagnostics;
    const layout::Hyphenators english =
        style::load_hyphenators("en", articles_in({"", "en"}), patterns, "/usr/share/hyphen", diagnostics, text_to_set);
    CHECK(asked == 0);
    CHECK(english.book().loaded_whole());
    const layout::Hyphenators german_book = style::load_hyphenators(
        "de", articles_in({"", "de", "de-AT", "en"}), patterns, "/usr/share/hyphen", diagnostics, text_to_set);
    CHECK(asked == 1);
    CHECK(diagnostics.to_string() == "");
    CHECK_FALSE(german_book.book().loaded_whole());
    CHECK(german_book.book().hyphenation_points("aabbaabb") == std::vector<std::size_t>{2});
    CHECK(german_book.for_language("en").loaded_whole());
  }

  TEST_CASE("load_hyphenators with patterns loaded before: a file whose bytes are the same is not loaded again") {
    std::map<std::string, std::string> files{{"hyph_en_US.dic", "UTF-8\na1b\n"}, {"hyph_fr.dic", "UTF-8\nc1d\n"}};
    style::LoadedPatterns loaded;
    core::DiagnosticList diagnostics;
    const auto load = [&](const char* book_language) {
      const core::MemoryFileSystem patterns(files);
      return style::load_hyphenators(book_language, articles_in({"", "fr"}), patterns, "/usr/share/hyphen", diagnostics,
                                     {}, &loaded);
    };
    const layout::Hyphenators first = load("en");
    const layout::Hyphenators second = load("en");
    CHECK(&second.book() == &first.book());
    CHECK(&second.for_language("fr") == &first.for_language("fr"));
    // Without them, every build loads its own.
    const core::MemoryFileSystem patterns(files);
    const layout::Hyphenators apart =
        style::load_hyphenators("en", articles_in({"", "fr"}), patterns, "/usr/share/hyphen", diagnostics);
    CHECK(&apart.book() != &first.book());
    // English's file changed: its patterns are loaded anew, French's taken again.
    files["hyph_en_US.dic"] = "UTF-8\nb1a\n";
    const layout::Hyphenators third = load("en");
    CHECK(&third.book() != &first.book());
    CHECK(third.book().hyphenation_points("bbaabbaa") == std::vector<std::size_t>{2});
    CHECK(third.book().hyphenation_points("aabbaabb") == std::vector<std::size_t>{4});  // not a1b's 2
    CHECK(&third.for_language("fr") == &first.for_language("fr"));
    CHECK(&load("en").book() == &third.book());
    CHECK(diagnostics.to_string() == "");
    // A file gone is warned about at every build, whatever was loaded from it before.
    files.erase("hyph_fr.dic");
    CHECK(load("en").for_language("fr").empty());
    CHECK(load("en").for_language("fr").empty());
    const std::string missing =
        "a2.md:1:1: warning: expected hyphenation patterns for the language 'fr', found none installed "
        "('/usr/share/hyphen/hyph_fr.dic')\n"
        "  hint: install the Debian package hyphen-fr; paragraphs are set without hyphenation\n";
    CHECK(diagnostics.to_string() == missing + missing);
    // Patterns kept that libhyphen could not load warn again, as loading them again would.
    files["hyph_fr.dic"] = "UTF-8\nc1d\n";
    loaded.keep("hyph_fr.dic", files["hyph_fr.dic"], std::make_shared<const layout::Hyphenator>());
    diagnostics = {};
    CHECK(load("en").for_language("fr").empty());
    CHECK(diagnostics.to_string() ==
          "a2.md:1:1: warning: expected hyphenation patterns, found no readable pattern file "
          "('/usr/share/hyphen/hyph_fr.dic')\n"
          "  hint: paragraphs are set without hyphenation\n");
  }

  TEST_CASE("load_hyphenators: the book's own missing patterns are reported at the pattern file") {
    const core::MemoryFileSystem patterns(std::map<std::string, std::string>{{"hyph_en_US.dic", "UTF-8\na1b\n"}});
    core::DiagnosticList diagnostics;
    const layout::Hyphenators hyphenators =
        style::load_hyphenators("de", articles_in({"", "de", "en"}), patterns, "/usr/share/hyphen", diagnostics);
    CHECK(diagnostics.to_string() ==
          "/usr/share/hyphen/hyph_de_DE.dic: warning: expected hyphenation patterns for the language 'de', found "
          "none installed\n"
          "  hint: install the Debian package hyphen-de; paragraphs are set without hyphenation\n");
    CHECK(hyphenators.book().empty());
    CHECK(&hyphenators.for_language("de") == &hyphenators.book());
    CHECK_FALSE(hyphenators.for_language("en").empty());
  }

  TEST_CASE("load_hyphenators: a bare tag in a book of that language and a region is the book's") {
    const core::MemoryFileSystem patterns(
        std::map<std::string, std::string>{{"hyph_en_US.dic", "UTF-8\na1b\n"}, {"hyph_en_GB.dic", "UTF-8\nb1a\n"}});
    core::DiagnosticList diagnostics;
    const layout::Hyphenators hyphenators = style::load_hyphenators("en-GB", articles_in({"en", "EN", "en-US", "eng"}),
                                                                    patterns, "/usr/share/hyphen", diagnostics);
    CHECK(diagnostics.to_string() == "");
    CHECK(hyphenators.book().hyphenation_points("bbaabbaa") == std::vector<std::size_t>{2});  // British
    CHECK(&hyphenators.for_language("en") == &hyphenators.book());  // a saved page's lang="en"
    CHECK(&hyphenators.for_language("EN") == &hyphenators.book());
    CHECK(hyphenators.for_language("en-US").hyphenation_points("aabbaabb") == std::vector<std::size_t>{2});
    CHECK(hyphenators.for_language("eng").empty());  // not a prefix at a subtag boundary
  }
}
