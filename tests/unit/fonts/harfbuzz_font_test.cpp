#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/file_system.hpp"
#include "font_files.hpp"
#include "fonts/harfbuzz_font.hpp"
#include "fonts/truetype_cmap.hpp"

using namespace octavo;

namespace {

// The bytes of the font file `name` in the fonts folder.
std::string font_bytes(const std::string& name) {
  const std::optional<std::string> bytes = core::read_whole_file(fonts::testing::fonts_dir() + "/" + name);
  REQUIRE(bytes);
  return *bytes;
}

std::string noto_serif() { return font_bytes("NotoSerif-Regular.ttf"); }

}  // namespace

TEST_SUITE("fonts.harfbuzz_font") {
  TEST_CASE("a subset keeps only the requested glyphs, renumbered after .notdef, in a small file") {
    const std::string font = noto_serif();
    const std::optional<fonts::FontSubset> subset = fonts::subset_font(font, {U'H', U'i', U'\u2014'});
    REQUIRE(subset);
    // Glyph ids follow the original order: H and i come before the em dash in Noto Serif.
    CHECK(subset->glyphs == std::map<char32_t, std::uint16_t>{{U'H', 1}, {U'i', 2}, {U'\u2014', 3}});
    CHECK(font.size() > 400000);
    CHECK(subset->program.size() < 3000);
    // The subset is itself a TrueType font whose cmap agrees with `glyphs`.
    const std::optional<fonts::TrueTypeCmap> cmap = fonts::TrueTypeCmap::parse(subset->program);
    REQUIRE(cmap);
    CHECK(cmap->glyph_id(U'H') == 1);
    CHECK(cmap->glyph_id(U'\u2014') == 3);
    CHECK(cmap->glyph_id(U'A') == 0);
  }

  TEST_CASE("code points the font lacks, or past the BMP, are left out") {
    const std::optional<fonts::FontSubset> subset = fonts::subset_font(noto_serif(), {U'a', U'\u4e00', U'\U0001F600'});
    REQUIRE(subset);
    CHECK(subset->glyphs == std::map<char32_t, std::uint16_t>{{U'a', 1}});
  }

  TEST_CASE("the same input gives the same bytes") {
    const std::string font = noto_serif();
    CHECK(fonts::subset_font(font, {U'x', U'y'})->program == fonts::subset_font(font, {U'y', U'x'})->program);
  }

  TEST_CASE("bytes that are not a font cannot be subset") {
    CHECK_FALSE(fonts::subset_font("not a font", {U'a'}));
    CHECK_FALSE(fonts::subset_font("", {U'a'}));
  }

  TEST_CASE("advances and extents are Noto Serif's hmtx and hhea values in 1/1000 em, as libharu writes them") {
    const std::string font = noto_serif();
    const std::unique_ptr<fonts::HarfBuzzFont> serif = fonts::HarfBuzzFont::load(font);
    REQUIRE(serif);
    CHECK(serif->advance(U'H') == 793);
    CHECK(serif->advance(U'i') == 320);
    CHECK(serif->advance(U'\u2014') == 1000);  // an em dash is 1 em
    CHECK(serif->advance(U'H') == 793);        // the remembered value
    CHECK(serif->ascent() == 1069);
    CHECK(serif->descent() == -293);
    CHECK(serif->x_height() == 536);  // OS/2's sxHeight, read at load
    CHECK(serif->glyph(U'H') != 0);
    CHECK(serif->glyph(U'\u4e00') == 0);
    // A character the font lacks is drawn as .notdef, and advances by its width.
    CHECK(serif->advance(U'\u4e00') == serif->advance(U'\u4e01'));
  }

  TEST_CASE("an ASCII character's advance from the table made at load is advance()'s") {
    const std::string font = noto_serif();
    const std::unique_ptr<fonts::HarfBuzzFont> serif = fonts::HarfBuzzFont::load(font);
    REQUIRE(serif);
    CHECK(serif->ascii_advance('H') == 793);
    CHECK(serif->ascii_advance(' ') > 0);
    for (char32_t ascii = 0; ascii < 0x80; ++ascii) {
      CAPTURE(static_cast<unsigned>(ascii));
      CHECK(serif->ascii_advance(static_cast<unsigned char>(ascii)) == serif->advance(ascii));
    }
  }

  TEST_CASE("bytes that are not a font are not loaded") {
    CHECK(fonts::HarfBuzzFont::load("not a font") == nullptr);
    CHECK(fonts::HarfBuzzFont::load("") == nullptr);
  }

  TEST_CASE("kerning: Noto Serif's pairs in 1/1000 em, remembered, none next to a space, no ligatures") {
    const std::string font = noto_serif();
    const std::unique_ptr<fonts::HarfBuzzFont> hb = fonts::HarfBuzzFont::load(font);
    REQUIRE(hb);
    CHECK(hb->kerning("AV") == std::vector<fonts::FontKern>{{1, -80}});
    CHECK(hb->kerning("To") == std::vector<fonts::FontKern>{{1, -50}});
    CHECK(hb->kerning("AVAV") == std::vector<fonts::FontKern>{{1, -80}, {2, -80}, {3, -80}});  // "VA" too
    CHECK(hb->kerning("AV") == std::vector<fonts::FontKern>{{1, -80}});  // from the cache, the same
    CHECK(hb->kerning("A V").empty());
    CHECK(hb->kerning("").empty());
    // "fi" stays two letters, not Noto Serif's fi ligature: else the whole word would go unkerned.
    CHECK(hb->kerning("fiAV") == std::vector<fonts::FontKern>{{3, -80}});
  }

  TEST_CASE("kerning a thread remembers is its own font's, also for a font loaded where a dropped one was") {
    // The thread's memo names a font by a serial, not by its address, which the allocator often
    // gives the next font loaded (though not under AddressSanitizer, whose quarantine holds freed
    // blocks back): either way each font must get its own kerning.
    const std::string serif = noto_serif();
    const std::string sans = font_bytes("DejaVuSans.ttf");
    // What a thread that asked nothing before gets from each font.
    std::vector<fonts::FontKern> serif_kerns;
    std::vector<fonts::FontKern> sans_kerns;
    std::thread([&] {
      serif_kerns = fonts::HarfBuzzFont::load(serif)->kerning("AVATAR");
      sans_kerns = fonts::HarfBuzzFont::load(sans)->kerning("AVATAR");
    }).join();
    REQUIRE(serif_kerns != sans_kerns);
    // Here, the fonts loaded and dropped in turn, each asked twice.
    for (int round = 0; round < 3; ++round) {
      CAPTURE(round);
      for (const bool is_serif : {true, false}) {
        const std::unique_ptr<fonts::HarfBuzzFont> font = fonts::HarfBuzzFont::load(is_serif ? serif : sans);
        REQUIRE(font);
        CHECK(font->kerning("AVATAR") == (is_serif ? serif_kerns : sans_kerns));
        CHECK(font->kerning("AVATAR") == (is_serif ? serif_kerns : sans_kerns));
      }
    }
  }

  TEST_CASE("kerning and advances asked from several threads at once are those asked from one") {
    const std::string font = noto_serif();
    const std::unique_ptr<fonts::HarfBuzzFont> alone = fonts::HarfBuzzFont::load(font);
    const std::unique_ptr<fonts::HarfBuzzFont> shared = fonts::HarfBuzzFont::load(font);
    REQUIRE(alone);
    REQUIRE(shared);
    const std::vector<std::string> words = {"AV", "To", "AVAV", "Wave", "Typography", "fiAV", "Yes", "LT", "P.", "V,"};
    // Each thread asks every word many times, in its own order, so that threads race on the same
    // entries of both caches (the advances and the kerning).
    std::vector<std::vector<std::vector<fonts::FontKern>>> got(4);
    std::vector<long> widths(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (int round = 0; round < 50; ++round) {
          for (std::size_t w = 0; w < words.size(); ++w) {
            const std::string& word = words[(w + t) % words.size()];
            if (round == 49) got[t].push_back(shared->kerning(word));
            shared->kerning(word);
          }
          for (char32_t c = U'A'; c <= U'z'; ++c) widths[t] += shared->advance(c);
        }
      });
    }
    for (std::thread& thread : threads) thread.join();
    long width = 0;
    for (char32_t c = U'A'; c <= U'z'; ++c) width += alone->advance(c);
    for (std::size_t t = 0; t < 4; ++t) {
      CHECK(widths[t] == 50 * width);
      for (std::size_t w = 0; w < words.size(); ++w) CHECK(got[t][w] == alone->kerning(words[(w + t) % words.size()]));
    }
  }

  TEST_CASE("kerning: what is remembered stays within its bound, and forgetting changes nothing") {
    const std::string font = noto_serif();
    const std::unique_ptr<fonts::HarfBuzzFont> hb = fonts::HarfBuzzFont::load(font);
    REQUIRE(hb);
    CHECK(hb->remembered_kerning() == 0);
    CHECK(hb->kerning("AV") == std::vector<fonts::FontKern>{{1, -80}});
    CHECK(hb->remembered_kerning() == 1);
    std::size_t most = 0;
    for (std::size_t i = 0; i <= fonts::max_remembered_kerning; ++i) {
      hb->kerning("w" + std::to_string(i));
      most = std::max(most, hb->remembered_kerning());
    }
    // Kept in shards by hash, each emptied when it holds its share of the bound: never above it,
    // and most of it in use before the first shard is emptied.
    CHECK(most <= fonts::max_remembered_kerning);
    CHECK(most > fonts::max_remembered_kerning / 2);
    CHECK(hb->kerning("AV") == std::vector<fonts::FontKern>{{1, -80}});
    CHECK(hb->kerning("To") == std::vector<fonts::FontKern>{{1, -50}});
  }
}
