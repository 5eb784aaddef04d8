#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

#include "core/file_identity.hpp"
#include "core/sha256.hpp"
#include "font_files.hpp"
#include "fonts/font_set.hpp"

using namespace octavo;
using fonts::FontFace;

TEST_SUITE("fonts.font_set") {
  TEST_CASE("the metrics measure Noto Serif: \"Hello\" at 10 pt is the sum of its letters") {
    core::DiagnosticList diagnostics;
    const fonts::FontSet font_set(fonts::testing::fonts_dir(), diagnostics);
    REQUIRE(font_set.ok());
    CHECK(diagnostics.to_string() == "");
    const fonts::FontMetrics& metrics = font_set.metrics();
    const core::Pt size(10);
    const double hello = metrics.width(FontFace::serif, "Hello", size).value;
    // 2525/1000 em: H 793, e 535, l 310, l 310, o 577 in Noto Serif's hmtx.
    CHECK(hello == doctest::Approx(25.25));
    double parts = 0;
    for (const char* letter : {"H", "e", "l", "l", "o"}) parts += metrics.width(FontFace::serif, letter, size).value;
    CHECK(hello == doctest::Approx(parts));
    CHECK(metrics.width(FontFace::serif, "", size).value == 0);
    CHECK(metrics.width(FontFace::serif, "\u2014", size).value == doctest::Approx(10));  // an em dash is 1 em
    // Noto Sans Mono: every character has the same advance.
    CHECK(metrics.width(FontFace::mono, "iiii", size).value == metrics.width(FontFace::mono, "MMMM", size).value);
    CHECK(metrics.width(FontFace::serif_bold, "Hello", size).value > hello);
  }

  TEST_CASE("Noto Serif kerns \"AV\" and \"To\": each pair is narrower than its two letters") {
    core::DiagnosticList diagnostics;
    const fonts::FontSet font_set(fonts::testing::fonts_dir(), diagnostics);
    const fonts::FontMetrics& metrics = font_set.metrics();
    const core::Pt size(10);
    for (const char* pair : {"AV", "To"}) {
      CAPTURE(pair);
      const std::vector<fonts::Kern> kerns = metrics.kerning(FontFace::serif, pair, size);
      REQUIRE(kerns.size() == 1);
      CHECK(kerns[0].offset == 1);
      const std::string first(pair, 1), second(pair + 1, 1);
      CHECK(metrics.width(FontFace::serif, pair, size) + kerns[0].amount <
            metrics.width(FontFace::serif, first, size) + metrics.width(FontFace::serif, second, size));
    }
    // Never across a space; "Hello" has no kerned pair.
    CHECK(metrics.kerning(FontFace::serif, "A V", size).empty());
    CHECK(metrics.kerning(FontFace::serif, "Hello", size).empty());
  }

  TEST_CASE("measure_box: width plus the kerning's amounts, the same double, and whether it has any") {
    core::DiagnosticList diagnostics;
    const fonts::FontSet font_set(fonts::testing::fonts_dir(), diagnostics);
    const fonts::FontMetrics& metrics = font_set.metrics();
    const core::Pt size(9.5);
    for (const char* word : {"AVAVA", "Tomorrow", "WAVY", "Hello", "", "T\u00f6V"}) {
      CAPTURE(word);
      core::Pt expected = metrics.width(FontFace::serif, word, size);
      for (const fonts::Kern& kern : metrics.kerning(FontFace::serif, word, size)) expected += kern.amount;
      const bool kerned = !metrics.kerning(FontFace::serif, word, size).empty();
      for (int ask = 0; ask < 2; ++ask) {  // measured, then remembered
        const fonts::MeasuredBox box = metrics.measure_box(FontFace::serif, word, size);
        CHECK(box.width.value == expected.value);  // exactly
        CHECK(box.kerned == kerned);
      }
    }
    CHECK(metrics.measure_box(FontFace::serif, "AVAVA", size).kerned);
    CHECK_FALSE(metrics.measure_box(FontFace::serif, "Hello", size).kerned);
    CHECK(metrics.measure_box(FontFace::serif, "AVAVA", size).width < metrics.width(FontFace::serif, "AVAVA", size));
  }

  TEST_CASE("ascent and descent are the font's hhea values, both positive") {
    core::DiagnosticList diagnostics;
    const fonts::FontSet font_set(fonts::testing::fonts_dir(), diagnostics);
    CHECK(font_set.metrics().ascent(FontFace::serif, core::Pt(10)).value == doctest::Approx(10.69));
    CHECK(font_set.metrics().descent(FontFace::serif, core::Pt(10)).value == doctest::Approx(2.93));
  }

  TEST_CASE("has_glyph follows the font's cmap and is false past the BMP") {
    core::DiagnosticList diagnostics;
    const fonts::FontSet font_set(fonts::testing::fonts_dir(), diagnostics);
    const fonts::FontMetrics& metrics = font_set.metrics();
    CHECK(metrics.has_glyph(FontFace::serif, U'A'));
    CHECK(metrics.has_glyph(FontFace::serif, 0xE9));    // é
    CHECK(metrics.has_glyph(FontFace::serif, 0x2014));  // em dash
    CHECK(metrics.has_glyph(FontFace::serif_bold_italic, 0x201C));
    CHECK(metrics.has_glyph(FontFace::mono, U'{'));
    CHECK(metrics.has_glyph(FontFace::fallback, 0x2713));      // check mark: DejaVu Sans has it
    CHECK_FALSE(metrics.has_glyph(FontFace::serif, 0x2713));   // Noto Serif does not
    CHECK_FALSE(metrics.has_glyph(FontFace::mono, 0x2713));    // nor Noto Sans Mono
    CHECK_FALSE(metrics.has_glyph(FontFace::serif, 0x1F600));  // an emoji: past the BMP
    CHECK_FALSE(metrics.has_glyph(FontFace::serif, 0x4E00));   // a CJK ideograph: not in Noto Serif
    CHECK_FALSE(metrics.has_glyph(FontFace::serif, U'\t'));    // libharu would draw a box
  }

  TEST_CASE("each face is the file font_file_name names in the folder, its bytes kept for the PDF") {
    core::DiagnosticList diagnostics;
    const fonts::FontSet font_set(fonts::testing::fonts_dir(), diagnostics);
    CHECK(font_set.folder() == fonts::testing::fonts_dir());
    CHECK(font_set.font_path(FontFace::mono) == fonts::testing::fonts_dir() + "/NotoSansMono-Regular.ttf");
    CHECK(font_set.font_path(FontFace::fallback) == fonts::testing::fonts_dir() + "/DejaVuSans.ttf");
    std::ifstream in(font_set.font_path(FontFace::serif_italic), std::ios::binary);
    const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(file.size() > 100000);
    CHECK(font_set.font_bytes(FontFace::serif_italic) == file);
  }

  TEST_CASE("a folder without the fonts reports each missing file and is not ok") {
    core::DiagnosticList diagnostics;
    const fonts::FontSet font_set("/nonexistent/fonts", diagnostics);
    CHECK_FALSE(font_set.ok());
    CHECK(diagnostics.to_string() ==
          "/nonexistent/fonts/NotoSerif-Regular.ttf: error: cannot read the font file: No such file or directory\n"
          "/nonexistent/fonts/NotoSerif-Italic.ttf: error: cannot read the font file: No such file or directory\n"
          "/nonexistent/fonts/NotoSerif-Bold.ttf: error: cannot read the font file: No such file or directory\n"
          "/nonexistent/fonts/NotoSerif-BoldItalic.ttf: error: cannot read the font file: No such file or directory\n"
          "/nonexistent/fonts/NotoSansMono-Regular.ttf: error: cannot read the font file: No such file or directory\n"
          "/nonexistent/fonts/DejaVuSans.ttf: error: cannot read the font file: No such file or directory\n");
    CHECK(font_set.metrics().width(FontFace::serif, "Hello", core::Pt(10)).value == 0);
    CHECK_FALSE(font_set.metrics().has_glyph(FontFace::serif, U'A'));
    CHECK(font_set.font_bytes(FontFace::serif).empty());
  }

  TEST_CASE("a font path that cannot be read is reported with the reason") {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "octavo-unit-fonts-font-is-a-folder";
    std::filesystem::create_directories(dir / "NotoSerif-Regular.ttf");
    core::DiagnosticList diagnostics;
    const fonts::FontSet font_set(dir.string(), diagnostics);
    std::filesystem::remove_all(dir);
    CHECK_FALSE(font_set.ok());
    REQUIRE(diagnostics.all().size() == fonts::face_count);
    CHECK(diagnostics.all().front().message == "cannot read the font file: Is a directory");
  }

  TEST_CASE("a file that is not a TrueType font is named in the error") {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "octavo-unit-fonts-not-a-font";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "NotoSerif-Regular.ttf") << "not a font";
    core::DiagnosticList diagnostics;
    const fonts::FontSet font_set(dir.string(), diagnostics);
    std::filesystem::remove_all(dir);
    CHECK_FALSE(font_set.ok());
    CHECK(diagnostics.all().size() == fonts::face_count);
    CHECK(diagnostics.all().front().location.path == (dir / "NotoSerif-Regular.ttf").string());
    CHECK(diagnostics.all().front().message == "expected a TrueType font with a Unicode cmap table, found none");
  }

  TEST_CASE("a face's identity is its file's status when it was read, so a later change shows") {
    core::DiagnosticList diagnostics;
    const fonts::FontSet font_set(fonts::testing::fonts_dir(), diagnostics);
    REQUIRE(font_set.ok());
    for (const FontFace face : fonts::all_faces) {
      struct stat status {};
      REQUIRE(::stat(font_set.font_path(face).c_str(), &status) == 0);
      CHECK(font_set.font_identity(face) == core::file_identity(status));
    }
  }

  TEST_CASE("a font that is no regular file is named by the SHA-256 of its bytes") {
    const std::string regular = fonts::testing::fonts_dir() + "/NotoSerif-Regular.ttf";
    std::ifstream in(regular, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE_FALSE(bytes.empty());
    // A folder whose six faces are the regular files, but for one that is read through a pipe.
    const std::filesystem::path folder =
        std::filesystem::temp_directory_path() / ("octavo-font-pipe-" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    for (const FontFace face : fonts::all_faces) {
      std::filesystem::create_symlink(fonts::testing::fonts_dir() + "/" + fonts::font_file_name(face),
                                      folder / fonts::font_file_name(face));
    }
    const std::filesystem::path piped = folder / fonts::font_file_name(FontFace::serif);
    std::filesystem::remove(piped);
    REQUIRE(::mkfifo(piped.c_str(), 0600) == 0);
    std::thread writer([&] { std::ofstream(piped, std::ios::binary) << bytes; });
    core::DiagnosticList diagnostics;
    const fonts::FontSet font_set(folder.string(), diagnostics);
    writer.join();
    std::filesystem::remove_all(folder);
    REQUIRE(font_set.ok());
    CHECK(font_set.font_identity(FontFace::serif) == "sha256 " + core::sha256_hex(bytes));
  }
}
