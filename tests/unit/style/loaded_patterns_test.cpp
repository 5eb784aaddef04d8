#include "style/loaded_patterns.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>

using namespace octavo;

TEST_SUITE("style.loaded_patterns") {
  TEST_CASE("a Hyphenator kept is given back for the same file and the very same bytes only") {
    style::LoadedPatterns loaded;
    const std::string bytes = "UTF-8\na1b\n";
    const auto french = std::make_shared<const layout::Hyphenator>(bytes);
    CHECK(loaded.find("hyph_fr.dic", bytes) == nullptr);  // nothing kept yet
    loaded.keep("hyph_fr.dic", bytes, french);
    CHECK(loaded.find("hyph_fr.dic", bytes) == french);
    CHECK(loaded.find("hyph_fr.dic", "UTF-8\na1c\n") == nullptr);  // the file changed
    CHECK(loaded.find("hyph_fr.dic", "UTF-8\na1b\n\n") == nullptr);
    CHECK(loaded.find("hyph_en_US.dic", bytes) == nullptr);  // another file
    // Kept anew for new bytes: the old ones no longer answer.
    const auto changed = std::make_shared<const layout::Hyphenator>("UTF-8\nb1a\n");
    loaded.keep("hyph_fr.dic", "UTF-8\nb1a\n", changed);
    CHECK(loaded.find("hyph_fr.dic", "UTF-8\nb1a\n") == changed);
    CHECK(loaded.find("hyph_fr.dic", bytes) == nullptr);
  }

  TEST_CASE("patterns loaded for a text's words alone are not kept") {
    // A large file, loaded for the words of one text: another text's words would load the rest.
    std::string bytes = "UTF-8\na1b\n";
    while (bytes.size() < layout::Hyphenator::large_patterns) bytes += "x1y\nz1w\n";
    const auto german = std::make_shared<const layout::Hyphenator>(bytes, "aabbaabb");
    REQUIRE_FALSE(german->loaded_whole());
    style::LoadedPatterns loaded;
    loaded.keep("hyph_de_DE.dic", bytes, german);
    CHECK(loaded.find("hyph_de_DE.dic", bytes) == nullptr);
    // Loaded whole, as any small file is, it is kept.
    const auto whole = std::make_shared<const layout::Hyphenator>(bytes);
    loaded.keep("hyph_de_DE.dic", bytes, whole);
    CHECK(loaded.find("hyph_de_DE.dic", bytes) == whole);
  }

  TEST_CASE("a build forgets the files it neither found nor kept") {
    style::LoadedPatterns loaded;
    const auto english = std::make_shared<const layout::Hyphenator>("UTF-8\na1b\n");
    const auto french = std::make_shared<const layout::Hyphenator>("UTF-8\nc1d\n");
    loaded.keep("hyph_en_US.dic", "UTF-8\na1b\n", english);
    loaded.keep("hyph_fr.dic", "UTF-8\nc1d\n", french);
    loaded.finish_build();
    // The next build asks for English alone; French is forgotten when it ends.
    CHECK(loaded.find("hyph_en_US.dic", "UTF-8\na1b\n") == english);
    loaded.finish_build();
    CHECK(loaded.find("hyph_fr.dic", "UTF-8\nc1d\n") == nullptr);
    CHECK(loaded.find("hyph_en_US.dic", "UTF-8\na1b\n") == english);
    // Found with other bytes is no use: forgotten too.
    loaded.finish_build();
    CHECK(loaded.find("hyph_en_US.dic", "UTF-8\nb1a\n") == nullptr);
    loaded.finish_build();
    CHECK(loaded.find("hyph_en_US.dic", "UTF-8\na1b\n") == nullptr);
  }
}
