#include <doctest/doctest.h>

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>

#include "core/deflate.hpp"
#include "core/sha256.hpp"
#include "layout/lay_out_book.hpp"
#include "layout/layout_test_support.hpp"
#include "pdf/font_codes.hpp"
#include "pdf/haru_document.hpp"
#include "pdf/page_digest.hpp"
#include "pdf/pdf_writer.hpp"
#include "pdf/to_unicode_cmap.hpp"
#include "recording_progress.hpp"
#include "sample_book.hpp"

using namespace octavo;
using octavo::pdf::testing::run;
using namespace std::string_literals;
namespace fs = std::filesystem;

namespace {

// A memo in memory that counts what it is asked.
class MemoryMemo final : public core::DeflateMemo {
 public:
  std::optional<std::string> recall(const core::StreamDigest& digest) override {
    const std::lock_guard lock(mutex);
    ++recalls;
    const auto found = kept.find(digest);
    if (found == kept.end()) {
      ++misses;
      return std::nullopt;
    }
    hits.push_back(digest);
    return found->second;
  }
  void keep(const core::StreamDigest& digest, std::string_view compressed) override {
    const std::lock_guard lock(mutex);
    ++keeps;
    kept[digest] = std::string(compressed);
  }
  // Reads ahead only when `reads_ahead`, as a memo on disk does.
  std::optional<std::string> read_ahead(const core::StreamDigest& digest) override {
    const std::lock_guard lock(mutex);
    const auto found = kept.find(digest);
    if (!reads_ahead || found == kept.end()) return std::nullopt;
    return found->second;
  }
  void use_read_ahead(const core::StreamDigest& digest, std::string_view bytes) override {
    const std::lock_guard lock(mutex);
    CHECK(kept.at(digest) == bytes);
    hits.push_back(digest);
  }
  // How many of `names` the memo holds.
  std::size_t holds(const std::vector<core::StreamDigest>& names) const {
    return static_cast<std::size_t>(std::count_if(
        names.begin(), names.end(), [this](const core::StreamDigest& name) { return kept.contains(name); }));
  }
  std::mutex mutex;
  std::map<core::StreamDigest, std::string> kept;
  std::vector<core::StreamDigest> hits;  // the digests recalled, in order
  bool reads_ahead = true;
  int recalls = 0;
  int misses = 0;
  int keeps = 0;
};

// The body digests of the book's pages.
std::vector<core::StreamDigest> body_digests(const layout::LaidOutBook& book) {
  std::vector<core::StreamDigest> digests;
  for (const layout::Page& page : book.pages) digests.push_back(pdf::page_digest(page));
  return digests;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t found = 0;
  for (std::size_t pos = text.find(part); pos != std::string::npos; pos = text.find(part, pos + 1)) ++found;
  return found;
}

bool contains(const std::string& text, const std::string& part) { return count(text, part) > 0; }

// A /CIDToGIDMap stream's bytes: two a CID, from 0 to the last given, zero but for `glyphs`
// (small glyph ids: one byte each), as an uncompressed stream shows them.
std::string cid_to_gid_stream(const std::map<std::uint32_t, char>& glyphs) {
  std::string map(2 * (glyphs.empty() ? 1 : glyphs.rbegin()->first + 1), '\0');
  for (const auto& [cid, glyph] : glyphs) map[2 * cid + 1] = glyph;
  return "stream\r\n" + map + "\nendstream";
}

// ASCII `text` as the content stream writes it: two bytes per character, CID = code point.
std::string cids(std::string_view text) {
  std::string out;
  for (const char c : text) out += std::string(1, '\0') + c;
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::filesystem::path temporary_pdf(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("octavo-unit-pdf-" + std::to_string(::getpid()) + "-" + name + ".pdf");
}

// The real fonts, loaded once for all tests (loading five faces takes about 40 ms).
const fonts::FontSet& shared_fonts() {
  static core::DiagnosticList load_diagnostics;
  static const fonts::FontSet loaded(pdf::testing::fonts_dir(), load_diagnostics);
  REQUIRE(loaded.ok());
  return loaded;
}

// Renders `book` with the real fonts; the diagnostics are left in `diagnostics`.
std::string render(const layout::LaidOutBook& book, core::DiagnosticList& diagnostics,
                   core::DeflateMemo* memo = nullptr) {
  const std::optional<std::string> bytes =
      pdf::render_pdf(shared_fonts(), book, diagnostics, core::no_progress(), memo);
  REQUIRE(bytes);
  return *bytes;
}

layout::LaidOutBook one_page(std::vector<layout::TextRun> runs) {
  layout::LaidOutBook book;
  layout::Page page;
  page.width = core::Pt(420);
  page.height = core::Pt(595.28);
  page.runs = std::move(runs);
  book.pages.push_back(page);
  return book;
}

}  // namespace

TEST_SUITE("pdf.pdf_writer") {
  TEST_CASE("the sample book renders without diagnostics, as a PDF, byte-identical twice") {
    core::DiagnosticList diagnostics;
    const std::string first = render(pdf::testing::sample_book(), diagnostics);
    const std::string second = render(pdf::testing::sample_book(), diagnostics);
    CHECK(diagnostics.to_string() == "");
    CHECK(first.rfind("%PDF-1.", 0) == 0);
    CHECK(contains(first, "%%EOF"));
    CHECK(first == second);
  }

  TEST_CASE("pages laid out as in an earlier build are taken from the memo: the same file") {
    core::DiagnosticList diagnostics;
    const std::string cold = render(pdf::testing::sample_book(), diagnostics);
    MemoryMemo memo;
    const auto with_memo = [&](const layout::LaidOutBook& book) { return render(book, diagnostics, &memo); };
    CHECK(with_memo(pdf::testing::sample_book()) == cold);
    CHECK(memo.holds(body_digests(pdf::testing::sample_book())) == 3);  // each page's body drawn once, and kept
    const int keeps = memo.keeps;  // the bodies, and the parts deflated around each, under a name of their own
    CHECK(keeps == 6);
    CHECK(memo.misses == 3);  // each body asked for once; the parts around it only with a body recalled
    // Again: every page recalled, its fonts named as drawing names them (the title page shows two),
    // its links and anchors still resolved; the parts around the bodies are recalled with them, in
    // the order they were kept (a body, then the parts around it), so nothing is drawn or deflated.
    memo.hits.clear();
    CHECK(with_memo(pdf::testing::sample_book()) == cold);
    CHECK(memo.keeps == keeps);
    CHECK(memo.misses == 3);
    REQUIRE(memo.hits.size() == 6);
    for (const layout::Page& page : pdf::testing::sample_book().pages) {
      const auto body = std::find(memo.hits.begin(), memo.hits.end(), pdf::page_digest(page));
      REQUIRE(body + 1 < memo.hits.end());
      CHECK(*(body + 1) == pdf::furniture_digest(pdf::page_digest(page), page));
    }
    // One run of the body page changed: that page alone is drawn again, and the file is the one a
    // build without the memo makes.
    layout::LaidOutBook edited = pdf::testing::sample_book();
    edited.pages[2].runs[1].text = "\u201cCurly quotes\u201d \u2014 an em dash.";
    const std::string edited_cold = render(edited, diagnostics);
    CHECK(with_memo(edited) == edited_cold);
    CHECK(edited_cold != cold);
    // Its body, and the furniture after it, which refers back into the body; what comes before
    // the body is as it was.
    CHECK(memo.keeps == keeps + 2);
    CHECK(memo.holds(body_digests(edited)) == 3);
    CHECK(diagnostics.to_string() == "");
  }

  TEST_CASE("pages recalled whole are born finished: the same file, without libharu's objects for drawing") {
    // Body pages of their own text and folio each; the second render with the memo recalls them
    // whole, a render with a memo of the bodies alone recalls the bodies and draws the folios.
    const auto book_of = [](int pages) {
      layout::LaidOutBook book;
      for (int n = 0; n < pages; ++n) {
        layout::Page page =
            one_page({run(fonts::FontFace::serif, 10, 72, 100, "Body of page " + std::to_string(n))}).pages.front();
        page.furniture.runs.push_back(run(fonts::FontFace::serif, 9, 200, 560, std::to_string(n + 1)));
        page.furniture.rules.push_back({core::Pt(60), core::Pt(40), core::Pt(340), core::Pt(40), core::Pt(0.3)});
        book.pages.push_back(page);
      }
      return book;
    };
    core::DiagnosticList diagnostics;
    // libharu's allocations in a render of `pages` pages with `memo`, the file checked against a
    // render without a memo.
    const auto allocations = [&](int pages, MemoryMemo& memo) {
      const layout::LaidOutBook book = book_of(pages);
      const std::string cold = render(book, diagnostics);
      const std::size_t before = pdf::HaruDocument::allocations_made();
      CHECK(render(book, diagnostics, &memo) == cold);
      return pdf::HaruDocument::allocations_made() - before;
    };
    MemoryMemo whole;
    allocations(200, whole);  // keeps the bodies and the parts around them
    // Drawing keeps the parts around each body, so each render of the bodies alone has a memo of
    // its own.
    const auto bodies_only = [&whole, &book_of](MemoryMemo& bodies) {
      for (const layout::Page& page : book_of(200).pages) {
        bodies.kept[pdf::page_digest(page)] = whole.kept.at(pdf::page_digest(page));
      }
    };
    MemoryMemo bodies_of_200;
    MemoryMemo bodies_of_100;
    bodies_only(bodies_of_200);
    bodies_only(bodies_of_100);
    // Per page: the difference between 200 pages and 100, all recalled.
    const std::size_t per_page_whole = (allocations(200, whole) - allocations(100, whole)) / 100;
    const std::size_t per_page_drawn = (allocations(200, bodies_of_200) - allocations(100, bodies_of_100)) / 100;
    MESSAGE("libharu allocations a page: " << per_page_whole << " recalled whole, " << per_page_drawn
                                           << " with its furniture drawn");
    CHECK(per_page_whole * 2 < per_page_drawn);
    CHECK(diagnostics.to_string() == "");
  }

  TEST_CASE("a page whose body moved to another page (another margin, another folio) takes its body from the memo") {
    core::DiagnosticList diagnostics;
    MemoryMemo memo;
    const auto with_memo = [&](const layout::LaidOutBook& book) { return render(book, diagnostics, &memo); };
    // The body page as a recto with folio 1, then moved to a verso with folio 2 after a new page.
    layout::LaidOutBook book = pdf::testing::sample_book();
    layout::Page& body = book.pages[2];
    for (layout::TextRun& text : body.runs) text.x -= core::Pt(60);
    body.text_left = core::Pt(60);
    body.furniture.runs.push_back(run(fonts::FontFace::serif, 9, 200, 560, "1"));
    body.furniture.rules.push_back({core::Pt(60), core::Pt(40), core::Pt(340), core::Pt(40), core::Pt(0.3)});
    with_memo(book);
    CHECK(memo.holds(body_digests(book)) == 3);
    layout::LaidOutBook moved = book;
    moved.pages.insert(moved.pages.begin() + 2, one_page({run(fonts::FontFace::serif, 10, 72, 100, "New")}).pages[0]);
    layout::Page& moved_body = moved.pages[3];
    moved_body.text_left = core::Pt(48.19);
    moved_body.furniture.runs = {run(fonts::FontFace::serif, 9, 188.19, 560, "2")};
    moved_body.furniture.rules = {{core::Pt(48.19), core::Pt(40), core::Pt(328.19), core::Pt(40), core::Pt(0.3)}};
    const std::string cold = render(moved, diagnostics);
    memo.hits.clear();
    CHECK(with_memo(moved) == cold);
    // The new page alone was drawn: the moved body was recalled.
    CHECK(memo.holds(body_digests(moved)) == 4);
    CHECK(std::count(memo.hits.begin(), memo.hits.end(), pdf::page_digest(moved_body)) == 1);
    CHECK(diagnostics.to_string() == "");
  }

  TEST_CASE("a book of more pages than one PDF array may hold is written, with a nested page tree") {
    // 40,000 pages exceed libharu's 32,767-entry array limit for a flat /Kids array.
    layout::LaidOutBook book = one_page({});
    book.pages.resize(40000, book.pages.front());
    core::DiagnosticList diagnostics;
    const std::string bytes = render(book, diagnostics);
    CHECK(diagnostics.to_string() == "");
    CHECK(count(bytes, "/Type /Pages") == 41);  // the root and one node per 1,024 pages
  }

  TEST_CASE("pages recalled whole fill the nested page tree as pages drawn do") {
    // 2,500 pages: three nodes of at most 1,024 kids under the root, the later ones begun by pages
    // recalled whole.
    layout::LaidOutBook book;
    for (int n = 0; n < 2500; ++n) {
      book.pages.push_back(one_page({run(fonts::FontFace::serif, 10, 72, 100, "Page " + std::to_string(n))}).pages[0]);
    }
    core::DiagnosticList diagnostics;
    const std::string cold = render(book, diagnostics);
    CHECK(count(cold, "/Type /Pages") == 4);
    MemoryMemo memo;
    const std::size_t before_drawn = pdf::HaruDocument::allocations_made();
    CHECK(render(book, diagnostics, &memo) == cold);
    const std::size_t drawn = pdf::HaruDocument::allocations_made() - before_drawn;
    memo.hits.clear();
    const std::size_t before_recalled = pdf::HaruDocument::allocations_made();
    CHECK(render(book, diagnostics, &memo) == cold);
    const std::size_t recalled = pdf::HaruDocument::allocations_made() - before_recalled;
    CHECK(memo.hits.size() == 2 * 2500);  // each body and the parts around it
    MESSAGE("libharu allocations: " << drawn << " drawn, " << recalled << " recalled whole");
    CHECK(recalled * 2 < drawn);  // born finished, not drawn
    CHECK(diagnostics.to_string() == "");
  }

  TEST_CASE("with a memo, a page's body digest is taken when layout prepares the page; without one, none is") {
    layout::Page page = one_page({run(fonts::FontFace::serif, 10, 72, 100, "Body")}).pages.front();
    core::DiagnosticList diagnostics;
    MemoryMemo memo;
    const pdf::PdfPageWriter remembering(shared_fonts(), "en", diagnostics, 1, &memo);
    remembering.prepare_body(page);
    REQUIRE(page.body_digest);
    CHECK(*page.body_digest == pdf::page_digest(page));
    // A page with an image is never recalled, so it needs no digest.
    layout::Page with_image = page;
    with_image.body_digest.reset();
    with_image.images.push_back({});
    remembering.prepare_body(with_image);
    CHECK_FALSE(with_image.body_digest);
    layout::Page plain = one_page({run(fonts::FontFace::serif, 10, 72, 100, "Body")}).pages.front();
    const pdf::PdfPageWriter forgetting(shared_fonts(), "en", diagnostics);
    forgetting.prepare_body(plain);
    CHECK_FALSE(plain.body_digest);
    CHECK(diagnostics.to_string() == "");
  }

  TEST_CASE("a page prepared on a layout thread is kept under its body digest, as one drawn without it") {
    MemoryMemo prepared_memo;
    MemoryMemo plain_memo;
    const auto draw = [](core::DeflateMemo& memo, bool prepare) {
      core::DiagnosticList diagnostics;
      pdf::PdfPageWriter writer(shared_fonts(), "en", diagnostics, 1, &memo);
      for (layout::Page page : pdf::testing::sample_book().pages) {
        if (prepare) writer.prepare_body(page);
        writer.body_page(std::move(page));
      }
      writer.front_matter({});
      layout::BookEnd end;
      end.body_pages = pdf::testing::sample_book().pages.size();
      const std::optional<std::string> bytes = writer.finish(end);
      REQUIRE(bytes);
      return *bytes;
    };
    CHECK(draw(prepared_memo, true) == draw(plain_memo, false));
    CHECK(prepared_memo.kept == plain_memo.kept);
    CHECK(prepared_memo.keeps > 0);
  }

  TEST_CASE("pages recalled already cut take the bodies read ahead for them: the same file, the same recalls") {
    MemoryMemo memo;
    // Draws the sample book's pages as prepared on a layout thread; `kept_bodies`: as a build cache
    // recalls them, without runs or rules, their bodies taken from the memo (take_kept_bodies).
    const auto draw = [&memo](bool kept_bodies) {
      core::DiagnosticList diagnostics;
      pdf::PdfPageWriter writer(shared_fonts(), "en", diagnostics, 1, &memo);
      std::vector<layout::Page> pages = pdf::testing::sample_book().pages;
      for (layout::Page& page : pages) {
        writer.prepare_body(page);
        if (!kept_bodies) continue;
        page.runs.clear();
        page.rules.clear();
      }
      if (kept_bodies) CHECK(writer.take_kept_bodies(pages));
      for (layout::Page& page : pages) {
        CHECK(page.kept_body.has_value() == kept_bodies);
        writer.body_page(std::move(page));
      }
      writer.front_matter({});
      layout::BookEnd end;
      end.body_pages = pdf::testing::sample_book().pages.size();
      const std::optional<std::string> bytes = writer.finish(end);
      CHECK(diagnostics.to_string() == "");
      REQUIRE(bytes);
      return *bytes;
    };
    const std::string cold = draw(false);
    memo.hits.clear();
    const std::string recalled = draw(false);
    const std::vector<core::StreamDigest> recalled_hits = memo.hits;
    memo.hits.clear();
    const int keeps = memo.keeps;
    CHECK(draw(true) == cold);
    CHECK(recalled == cold);
    CHECK(memo.hits == recalled_hits);  // counted as recalled where recall_body recalls, in order
    CHECK(memo.keeps == keeps);         // nothing deflated again
    // A memo that cannot read ahead, or lacks a body, takes no page: the article is cut again.
    core::DiagnosticList diagnostics;
    const pdf::PdfPageWriter writer(shared_fonts(), "en", diagnostics, 1, &memo);
    std::vector<layout::Page> pages = pdf::testing::sample_book().pages;
    for (layout::Page& page : pages) writer.prepare_body(page);
    for (layout::Page& page : pages) {
      page.runs.clear();
      page.rules.clear();
    }
    memo.reads_ahead = false;
    CHECK_FALSE(writer.take_kept_bodies(pages));
    memo.reads_ahead = true;
    memo.kept.erase(*pages[1].body_digest);
    CHECK_FALSE(writer.take_kept_bodies(pages));
    for (const layout::Page& page : pages) CHECK_FALSE(page.kept_body);
    const pdf::PdfPageWriter without_memo(shared_fonts(), "en", diagnostics);
    CHECK_FALSE(without_memo.take_kept_bodies(pages));
  }

  TEST_CASE("prepare_body notes each character a body shows, once a face, in the order shown, and its faces") {
    core::DiagnosticList diagnostics;
    const pdf::PdfPageWriter writer(shared_fonts(), "en", diagnostics);
    layout::Page page = one_page({run(fonts::FontFace::serif, 10, 72, 100, "aba"),
                                  run(fonts::FontFace::serif_italic, 10, 72, 90, "a\U0001D400"),
                                  run(fonts::FontFace::serif, 10, 72, 80, "b\U0001D400\U0001D400")})
                            .pages.front();
    writer.prepare_body(page);
    using layout::ShownCharacter;
    const std::vector<ShownCharacter> expected = {{fonts::FontFace::serif, U'a'},
                                                  {fonts::FontFace::serif, U'b'},
                                                  {fonts::FontFace::serif_italic, U'a'},
                                                  {fonts::FontFace::serif_italic, U'\U0001D400'},
                                                  {fonts::FontFace::serif, U'\U0001D400'}};
    REQUIRE(page.body_text);
    CHECK(page.body_text->characters == expected);
    // The faces in the order of the runs, each once, as drawing loads them: each after the
    // characters up to the end of its first run.
    const std::vector<layout::ShownFace> faces = {{fonts::FontFace::serif, 2}, {fonts::FontFace::serif_italic, 4}};
    CHECK(page.body_text->faces == faces);
    // The next page starts afresh.
    layout::Page next = one_page({run(fonts::FontFace::serif, 10, 72, 100, "ab")}).pages.front();
    writer.prepare_body(next);
    REQUIRE(next.body_text);
    CHECK(next.body_text->characters.size() == 2);
    // A run that is not UTF-8 is left to drawing, which repairs and reports it.
    layout::Page broken =
        one_page({run(fonts::FontFace::serif, 10, 72, 100, "ok"), run(fonts::FontFace::serif, 10, 72, 90, "bad \xC3")})
            .pages.front();
    writer.prepare_body(broken);
    CHECK_FALSE(broken.body_text);
    // What the broken page saw before its bad run is forgotten too: the next page notes it again.
    layout::Page after_broken = one_page({run(fonts::FontFace::serif, 10, 72, 100, "ok")}).pages.front();
    writer.prepare_body(after_broken);
    REQUIRE(after_broken.body_text);
    const std::vector<layout::ShownCharacter> ok = {{fonts::FontFace::serif, U'o'}, {fonts::FontFace::serif, U'k'}};
    CHECK(after_broken.body_text->characters == ok);
    // A U+FFFD the text holds (three bytes) is a character like any other, not a broken run.
    layout::Page replacement = one_page({run(fonts::FontFace::serif, 10, 72, 100, "a\uFFFD")}).pages.front();
    writer.prepare_body(replacement);
    REQUIRE(replacement.body_text);
    const std::vector<layout::ShownCharacter> with_replacement = {{fonts::FontFace::serif, U'a'},
                                                                  {fonts::FontFace::serif, U'\uFFFD'}};
    CHECK(replacement.body_text->characters == with_replacement);
    CHECK(diagnostics.to_string() == "");
  }

  TEST_CASE("a body prepared on a layout thread is reported and drawn as one that was not") {
    // A character no face has, past the BMP and within it, and an invalid run.
    const auto write = [](bool prepare) {
      core::DiagnosticList diagnostics;
      pdf::PdfPageWriter writer(shared_fonts(), "en", diagnostics);
      std::vector<layout::Page> pages = {
          one_page({run(fonts::FontFace::serif, 10, 72, 100, "Tea \u4E00 and \U0001F600"),
                    run(fonts::FontFace::mono, 10, 72, 90, "Mono \u4E00")})
              .pages.front(),
          one_page({run(fonts::FontFace::serif, 10, 72, 100, "\u4E00 again, and \u4E01"),
                    run(fonts::FontFace::serif_italic, 10, 72, 90, "bad \xC3")})
              .pages.front()};
      for (layout::Page& page : pages) {
        if (prepare) writer.prepare_body(page);
        writer.body_page(std::move(page));
      }
      writer.front_matter({});
      layout::BookEnd end;
      end.body_pages = 2;
      const std::optional<std::string> bytes = writer.finish(end);
      return std::pair(bytes.value_or(""), diagnostics.to_string());
    };
    const auto [prepared_bytes, prepared_diagnostics] = write(true);
    const auto [plain_bytes, plain_diagnostics] = write(false);
    CHECK(prepared_diagnostics == plain_diagnostics);
    CHECK(count(plain_diagnostics, "U+4E00") == 2);  // once a face
    CHECK(count(plain_diagnostics, "U+4E01") == 1);
    CHECK(count(plain_diagnostics, "U+1F600") == 1);
    CHECK(count(plain_diagnostics, "invalid bytes") == 1);
    CHECK(prepared_bytes == plain_bytes);
  }

  TEST_CASE("a font libharu cannot load is reported where it was before, between its page's characters") {
    // The fonts copied, read, and then the mono face's file removed: HarfBuzz measured it, libharu
    // cannot load it when the page first shows it, after its run and before the next one.
    const fs::path folder = fs::temp_directory_path() / ("octavo-removed-font-" + std::to_string(::getpid()));
    fs::remove_all(folder);
    fs::copy(pdf::testing::fonts_dir(), folder);
    core::DiagnosticList load_diagnostics;
    const fonts::FontSet fonts(folder.string(), load_diagnostics);
    REQUIRE(fonts.ok());
    REQUIRE(fs::remove(folder / fonts::font_file_name(fonts::FontFace::mono)));
    const auto write = [&fonts](bool prepare) {
      core::DiagnosticList diagnostics;
      pdf::PdfPageWriter writer(fonts, "en", diagnostics);
      layout::Page page = one_page({run(fonts::FontFace::serif, 10, 72, 100, "Tea \u4E00"),
                                    run(fonts::FontFace::mono, 10, 72, 90, "Mono"),
                                    run(fonts::FontFace::serif, 10, 72, 80, "and \u4E01")})
                              .pages.front();
      if (prepare) writer.prepare_body(page);
      writer.body_page(std::move(page));
      return diagnostics.to_string();
    };
    const std::string plain = write(false);
    CHECK(write(true) == plain);
    const std::size_t first = plain.find("U+4E00");
    const std::size_t spoiled = plain.find("cannot load the font");
    const std::size_t second = plain.find("U+4E01");
    REQUIRE(spoiled != std::string::npos);
    CHECK(first < spoiled);
    CHECK(spoiled < second);
    fs::remove_all(folder);
  }

  TEST_CASE("pages laid out on one or two threads are kept under the digests of the pages drawn") {
    // The digest prepare_body takes on a layout thread names the body kept for the next build; one
    // taken from a page that layout changed after preparing it would name another body, and a
    // later build would draw that body's stream (draw's check of it is gone from Release builds).
    std::string text;
    for (int i = 0; i < 40; ++i) text += "Every line of this paragraph runs on for the width of the measure and more, ";
    const model::Book book =
        test::book_of({test::article("a01-alpha", "Alpha", {test::paragraph(text), test::heading(1, "End", "end")}),
                       test::article("a02-beta", "Beta", {test::paragraph("Two.")})});
    // Forwards to the writer, noting the digest of each page as it arrives, final.
    struct Noting final : layout::PageSink {
      explicit Noting(pdf::PdfPageWriter& to) : writer(to) {}
      void prepare_body(layout::Page& page) const override { writer.prepare_body(page); }
      void body_page(layout::Page page) override {
        if (page.body_digest) ++prepared;
        drawn.insert(pdf::page_digest(page));
        writer.body_page(std::move(page));
      }
      void front_matter(std::vector<layout::Page> pages) override {
        for (const layout::Page& page : pages) drawn.insert(pdf::page_digest(page));
        writer.front_matter(std::move(pages));
      }
      pdf::PdfPageWriter& writer;
      std::set<core::StreamDigest> drawn;
      std::size_t prepared = 0;
    };
    for (const std::size_t jobs : {1, 2}) {
      CAPTURE(jobs);
      core::DiagnosticList diagnostics;
      MemoryMemo memo;
      pdf::PdfPageWriter writer(shared_fonts(), "en", diagnostics, jobs, &memo);
      Noting pages(writer);
      const layout::BookEnd end =
          layout::lay_out_book(book, shared_fonts().metrics(), test::small_style(12), layout::Hyphenators(), pages,
                               diagnostics, core::no_progress(), jobs);
      REQUIRE(writer.finish(end));
      CHECK(pages.prepared >= 3);  // Alpha's pages and Beta's
      // The memo holds the parts deflated around the bodies too.
      for (const core::StreamDigest& drawn : pages.drawn) CHECK(memo.kept.contains(drawn));
      CHECK(memo.kept.size() > pages.drawn.size());
      CHECK(diagnostics.to_string() == "");
    }
  }

  TEST_CASE("pages streamed: a body link to a place layout reported missing is left out without an error") {
    layout::Page page = one_page({run(fonts::FontFace::serif, 10, 72, 100, "Gone")}).pages.front();
    page.links.push_back({core::Pt(72), core::Pt(90), core::Pt(100), core::Pt(102), "gone", ""});
    page.links.push_back({core::Pt(72), core::Pt(90), core::Pt(100), core::Pt(102), "lost", ""});
    core::DiagnosticList diagnostics;
    pdf::PdfPageWriter writer(shared_fonts(), "en", diagnostics);
    layout::BookEnd end;
    layout::number_destinations(page, end.destinations);  // as layout hands pages over
    writer.body_page(page);
    writer.front_matter({});
    end.body_pages = 1;
    end.dangling_destinations = {"gone"};
    const std::optional<std::string> bytes = writer.finish(end);
    REQUIRE(bytes);
    // Only the link layout did not account for is an error (a broken promise of layout's).
    CHECK(diagnostics.to_string() == "error: expected an anchor named \"lost\" for a link on page 1, found none\n");
    CHECK(writer.errors() == 1);
    CHECK(count(*bytes, "/Subtype /Link") == 0);
  }

  TEST_CASE("each page drawn is reported as progress, then the compression") {
    layout::LaidOutBook book = one_page({});
    book.pages.resize(3, book.pages.front());
    core::DiagnosticList diagnostics;
    test::RecordingProgress progress;
    REQUIRE(pdf::render_pdf(shared_fonts(), book, diagnostics, progress));
    CHECK(progress.log == "stage Writing PDF 3 pages\n+1\n+1\n+1\nstage Saving PDF\n");
  }

  TEST_CASE("write_pdf writes the file, and the same bytes every time") {
    core::DiagnosticList diagnostics;
    const fonts::FontSet& document = shared_fonts();
    const std::filesystem::path first = temporary_pdf("first");
    const std::filesystem::path second = temporary_pdf("second");
    CHECK(pdf::write_pdf(document, pdf::testing::sample_book(), first.string(), diagnostics));
    CHECK(pdf::write_pdf(document, pdf::testing::sample_book(), second.string(), diagnostics));
    CHECK(diagnostics.to_string() == "");
    REQUIRE(std::filesystem::exists(first));
    const std::string bytes = read_file(first);
    std::filesystem::remove(first);
    const std::string again = read_file(second);
    std::filesystem::remove(second);
    CHECK(bytes.rfind("%PDF-", 0) == 0);
    CHECK(bytes == again);
  }

  TEST_CASE("write_pdf reports a file it cannot write") {
    core::DiagnosticList diagnostics;
    const fonts::FontSet& document = shared_fonts();
    CHECK_FALSE(pdf::write_pdf(document, pdf::testing::sample_book(), "/nonexistent/dir/book.pdf", diagnostics));
    CHECK(diagnostics.to_string() ==
          "/nonexistent/dir/book.pdf: error: cannot write the PDF file: No such file or directory\n");
  }

  TEST_CASE("write_pdf says why a write failed when the disk is full") {
    if (!std::filesystem::exists("/dev/full")) return;  // Linux's always-full device
    core::DiagnosticList diagnostics;
    CHECK_FALSE(pdf::write_pdf(shared_fonts(), pdf::testing::sample_book(), "/dev/full", diagnostics));
    CHECK(diagnostics.to_string() == "/dev/full: error: cannot write the PDF file: No space left on device\n");
  }

  TEST_CASE("the information dictionary holds the book's entries as UTF-16 and its fixed date; no /ID") {
    core::DiagnosticList diagnostics;
    const std::string bytes = render(pdf::testing::sample_book(), diagnostics);
    CHECK(contains(bytes, "/Title <FEFF004F0063007400610076006F002000530061006D0070006C00650072>"));  // Octavo Sampler
    CHECK(contains(bytes, "/Author <FEFF0041006400610020004C006F00760065006C006100630065>"));         // Ada Lovelace
    CHECK(contains(bytes, "/Creator <FEFF004F0063007400610076006F00200030002E0031002E0030>"));        // Octavo 0.1.0
    CHECK(contains(bytes, "/CreationDate (D:20240131120000+00'00')"));
    CHECK(contains(bytes, "/ModDate (D:20240131120000+00'00')"));
    CHECK_FALSE(contains(bytes, "/Keywords"));  // empty: left out
    CHECK_FALSE(contains(bytes, "/ID"));
  }

  TEST_CASE("links have no border, point at [page /XYZ 0 top null], and URIs are ASCII") {
    core::DiagnosticList diagnostics;
    const std::string bytes = render(pdf::testing::sample_book(), diagnostics);
    CHECK(count(bytes, "/Subtype /Link") == 2);
    CHECK(count(bytes, "/Border [ 0 0 0 ]") == 2);
    // "cafe" is 72 pt below the top of a 595.28 pt page: 523.28 from the bottom (as a float).
    CHECK(count(bytes, "/XYZ 0 523.28003 null ]") == 3);  // the link, two outline entries
    CHECK(count(bytes, "/XYZ 0 485.28 null ]") == 1);     // "quotes", 110 pt from the top
    // Each destination is written in place, in the link or outline entry that goes there: none is
    // an object of its own (40 bytes more each, for thousands of them in a book).
    CHECK(count(bytes, "/Dest [ ") == 4);
    CHECK_FALSE(contains(bytes, " 0 obj\n[ "));
    // é percent-encoded; libharu escapes '/' and '%' in strings as octal.
    CHECK(contains(bytes, "/URI (https:\\057\\057example.org\\057caf\\045C3\\045A9)"));
  }

  TEST_CASE("the outline has UTF-16 titles, nested like the book's, open at the top level") {
    core::DiagnosticList diagnostics;
    const std::string bytes = render(pdf::testing::sample_book(), diagnostics);
    CHECK(contains(bytes, "/Title <FEFF0043006F006E00740065006E00740073>"));                  // Contents
    CHECK(contains(bytes, "/Title <FEFF00430061006600E900200073006F00630069006500740079>"));  // Café society
    // “Curly quotes”, a child: its parent's /Count is +1 (open), the root's 3.
    CHECK(contains(bytes, "/Title <FEFF201C004300750072006C0079002000710075006F007400650073201D>"));
    CHECK(count(bytes, "/Count 1\n") == 1);
    CHECK(count(bytes, "/Type /Outlines") == 1);  // the root only, not the items
  }

  TEST_CASE("bookmarks are written as libharu wrote the outline HPDF_CreateOutline built") {
    pdf::HaruDocument haru;
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
    const std::size_t first = haru.add_page(300, 200);
    const std::size_t second = haru.add_page(300, 200);
    // Open and closed bookmarks with and without children, a child of a closed one, an empty
    // title and one outside the BMP.
    CHECK(haru.add_bookmarks({{0, "Caf\u00e9", first, 150.5, true},
                              {1, "Closed", second, 100, false},
                              {2, "Hidden \U0001F600", second, 50, false},
                              {1, "", first, 20, true},
                              {0, "Open", second, 199.99999, true},
                              {5, "Child of an open one", first, 0, false},
                              {0, "Last", second, 10, false}}));
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(haru.error() == "");
    // The objects libharu 2.3 wrote when these bookmarks were made one by one through
    // HPDF_CreateOutline (their titles set as UTF-16BE strings), their destinations and
    // HPDF_Outline_SetOpened, as c45a6f9 made them: the root's /Count counts the three top-level
    // items and the three children the open ones show; a closed item's is negative; an open one
    // without children has none.
    const std::string libharu_wrote =
        "17 0 obj\n"
        "<<\n"
        "/Type /Outlines\n"
        "/First 18 0 R\n"
        "/Last 24 0 R\n"
        "/Count 6\n"
        ">>\n"
        "endobj\n"
        "18 0 obj\n"
        "<<\n"
        "/Title <FEFF00430061006600E9>\n"
        "/Parent 17 0 R\n"
        "/Dest [ 11 0 R /XYZ 0 150.5 null ]\n"
        "/First 19 0 R\n"
        "/Last 21 0 R\n"
        "/Next 22 0 R\n"
        "/Count 2\n"
        ">>\n"
        "endobj\n"
        "19 0 obj\n"
        "<<\n"
        "/Title <FEFF0043006C006F007300650064>\n"
        "/Parent 18 0 R\n"
        "/Dest [ 14 0 R /XYZ 0 100 null ]\n"
        "/First 20 0 R\n"
        "/Last 20 0 R\n"
        "/Next 21 0 R\n"
        "/Count -1\n"
        ">>\n"
        "endobj\n"
        "20 0 obj\n"
        "<<\n"
        "/Title <FEFF00480069006400640065006E0020D83DDE00>\n"
        "/Parent 19 0 R\n"
        "/Dest [ 14 0 R /XYZ 0 50 null ]\n"
        ">>\n"
        "endobj\n"
        "21 0 obj\n"
        "<<\n"
        "/Title <FEFF>\n"
        "/Prev 19 0 R\n"
        "/Parent 18 0 R\n"
        "/Dest [ 11 0 R /XYZ 0 20 null ]\n"
        ">>\n"
        "endobj\n"
        "22 0 obj\n"
        "<<\n"
        "/Title <FEFF004F00700065006E>\n"
        "/Prev 18 0 R\n"
        "/Parent 17 0 R\n"
        "/Dest [ 14 0 R /XYZ 0 199.99998 null ]\n"
        "/First 23 0 R\n"
        "/Last 23 0 R\n"
        "/Next 24 0 R\n"
        "/Count 1\n"
        ">>\n"
        "endobj\n"
        "23 0 obj\n"
        "<<\n"
        "/Title <FEFF004300680069006C00640020006F006600200061006E0020006F00700065006E0020006F006E0065>\n"
        "/Parent 22 0 R\n"
        "/Dest [ 11 0 R /XYZ 0 0 null ]\n"
        ">>\n"
        "endobj\n"
        "24 0 obj\n"
        "<<\n"
        "/Title <FEFF004C006100730074>\n"
        "/Prev 22 0 R\n"
        "/Parent 17 0 R\n"
        "/Dest [ 14 0 R /XYZ 0 10 null ]\n"
        ">>\n"
        "endobj\n";
    const std::size_t root = bytes->find("17 0 obj\n<<\n/Type /Outlines\n");
    REQUIRE(root != std::string::npos);
    CHECK(bytes->substr(root, libharu_wrote.size()) == libharu_wrote);
    CHECK(count(*bytes, "/Outlines 17 0 R") == 1);  // the catalog's
    CHECK(count(*bytes, "/Title <") == 7);
  }

  TEST_CASE("bookmarks not in depth-first order, or added twice, fail the document") {
    // A parent after its child; a child of a bookmark whose later sibling came already (libharu
    // would have written that bookmark's /Next before its /First).
    for (const std::vector<pdf::Bookmark>& bookmarks :
         {std::vector<pdf::Bookmark>{{0, "Top", 0, 10, true}, {3, "Orphan", 0, 10, false}},
          std::vector<pdf::Bookmark>{
              {0, "A", 0, 10, true}, {0, "B", 0, 10, true}, {1, "Late child of A", 0, 10, false}}}) {
      pdf::HaruDocument haru;
      haru.add_page(300, 200);
      CHECK_FALSE(haru.add_bookmarks(bookmarks));
      CHECK(haru.error() == "bookmarks not in depth-first order");
      CHECK_FALSE(haru.save().has_value());
    }
    pdf::HaruDocument twice;
    twice.add_page(300, 200);
    CHECK(twice.add_bookmarks({{0, "Top", 0, 10, true}}));
    CHECK_FALSE(twice.add_bookmarks({{0, "Again", 0, 10, true}}));
    CHECK(twice.error() == "the outline was added twice");
    pdf::HaruDocument none;
    none.add_page(300, 200);
    CHECK(none.add_bookmarks({}));
    const std::optional<std::string> bytes = none.save();
    REQUIRE(bytes);
    CHECK_FALSE(contains(*bytes, "/Outlines"));
  }

  TEST_CASE("a bookmark's title and the document's have no length limit (libharu's stop at 65,535 bytes)") {
    pdf::HaruDocument haru;
    const std::size_t page = haru.add_page(300, 200);
    std::string title;
    for (int i = 0; i < 5000; ++i) title += "word" + std::to_string(i) + " ";
    REQUIRE(title.size() > 40000);  // 80,000 bytes and more as UTF-16
    CHECK(haru.add_bookmarks({{0, title, page, 10, true}}));
    haru.set_info(pdf::InfoEntry::title, "A" + title);
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(haru.error() == "");
    CHECK(contains(*bytes, "/Title <FEFF0077006F0072006400300020"));      // "word0 "
    CHECK(contains(*bytes, "/Title <FEFF00410077006F0072006400300020"));  // "Aword0 "
    CHECK(count(*bytes, "00340039003900390020>") == 2);                   // "4999 ", the end of both
  }

  TEST_CASE("page labels run i, ii for the front matter, then 1 from the first body page") {
    core::DiagnosticList diagnostics;
    const std::string bytes = render(pdf::testing::sample_book(), diagnostics);
    CHECK(contains(bytes, "/PageLabels <<\n/Nums [ 0 <<\n/S /r\n/St 1\n>> 2 <<\n/S /D\n/St 1\n>> ]\n>>"));
  }

  TEST_CASE("the space word gaps are drawn with is in its face's widths even when no run holds one") {
    layout::TextRun first = pdf::testing::run(fonts::FontFace::serif, 10, 72, 100, "ab");
    layout::TextRun second = pdf::testing::run(fonts::FontFace::serif, 10, 90, 100, "cd");
    second.after_word_space = true;
    core::DiagnosticList diagnostics;
    const std::string bytes = render(one_page({first, second}), diagnostics);
    CHECK(diagnostics.to_string() == "");
    // /W under the codes (CID = code): the space's 260/1000 em first, then a–d.
    CHECK(contains(bytes, "/W [ 32 [ 260 ] 97 [ "));
  }

  TEST_CASE("only the faces the pages use are embedded") {
    core::DiagnosticList diagnostics;
    const std::string bytes = render(pdf::testing::sample_book(), diagnostics);
    CHECK(count(bytes, "/FontFile2") == 4);
    // Each holds the few glyphs drawn (HarfBuzz's subset), not libharu's 78–82 KB copy.
    for (std::size_t at = bytes.find("/Length1 "); at != std::string::npos; at = bytes.find("/Length1 ", at + 1)) {
      CHECK(std::stoul(bytes.substr(at + 9, 12)) < 12000);
    }
    CHECK_FALSE(contains(bytes, "NotoSerif-BoldItalic"));
    // Each is read through the one compact encoding CMap (font_codes.hpp), written once.
    CHECK(count(bytes, "/Encoding ") == 4);
    CHECK(count(bytes, "/CMapName /Octavo-Compact-H") == 1);
    CHECK_FALSE(contains(bytes, "Identity-H"));
  }

  TEST_CASE("characters a face lacks are reported once each, and the page is still drawn") {
    core::DiagnosticList diagnostics;
    const std::string bytes = render(one_page({run(fonts::FontFace::serif, 10, 72, 100, "\u4e00 \U0001F600 \u4e00"),
                                               run(fonts::FontFace::mono, 10, 72, 120, "tab\there")}),
                                     diagnostics);
    CHECK(diagnostics.to_string() ==
          "error: expected characters that NotoSerif-Regular.ttf has, found U+4E00 on page 1\n"
          "error: expected characters that NotoSerif-Regular.ttf has, found U+1F600 on page 1\n"
          "error: expected characters that NotoSansMono-Regular.ttf has, found U+0009 on page 1\n");
    CHECK(bytes.rfind("%PDF-", 0) == 0);
  }

  TEST_CASE("invalid UTF-8 in a run is reported") {
    core::DiagnosticList diagnostics;
    render(one_page({run(fonts::FontFace::serif, 10, 72, 100, "caf\xe9")}), diagnostics);
    CHECK(contains(diagnostics.to_string(), "error: expected UTF-8 text in a run on page 1, found invalid bytes\n"));
  }

  TEST_CASE("a link or outline entry naming no anchor is reported and left out; write_pdf then fails") {
    layout::LaidOutBook book = pdf::testing::sample_book();
    book.pages[1].links[0].destination = "nowhere";
    book.outline[1].destination = "lost";
    core::DiagnosticList diagnostics;
    const std::string bytes = render(book, diagnostics);
    CHECK(diagnostics.to_string() ==
          "error: expected an anchor named \"nowhere\" for a link on page ii, found none\n"
          "error: expected an anchor named \"lost\" for the outline entry \"Caf\u00e9 society\", found none\n");
    CHECK(count(bytes, "/Subtype /Link") == 1);
    CHECK_FALSE(contains(bytes, "/Title <FEFF201C"));  // the lost entry's child went with it

    const std::filesystem::path path = temporary_pdf("broken");
    CHECK_FALSE(pdf::write_pdf(shared_fonts(), book, path.string(), diagnostics));
    CHECK(std::filesystem::exists(path));
    std::filesystem::remove(path);
  }

  TEST_CASE("a date that is not ISO 8601 is reported") {
    layout::LaidOutBook book = one_page({});
    book.info.date = "31/01/2024";
    core::DiagnosticList diagnostics;
    const std::string bytes = render(book, diagnostics);
    CHECK(diagnostics.to_string() ==
          "error: expected a document date like 2024-01-31T12:00:00Z, found \"31/01/2024\"\n");
    CHECK_FALSE(contains(bytes, "/CreationDate"));
  }
}

TEST_SUITE("pdf.join_runs") {
  // Fake metrics: every character 0.5 em, so 500/1000 em per character in the TJ numbers.
  const test::FakeMetrics metrics;
  layout::TextRun word(const char* text, double x, double baseline = 50, std::vector<fonts::Kern> kerns = {}) {
    return {fonts::FontFace::serif, core::Pt(10), core::Pt(x), core::Pt(baseline), text, std::move(kerns)};
  }

  TEST_CASE("a line's words in one face are one TJ: kerns, then the moves to each next word") {
    // "AV" from 10 ends at 10 + 10 - 0.7 = 19.3 pt; "To" starts at 23.3: a 4 pt space is -400.
    // "To" ends at 33.3, "it" starts at 36.31: -301, each move taken from the exact position.
    const std::vector<layout::TextRun> runs = {word("AV", 10, 50, {{1, core::Pt(-0.7)}}), word("To", 23.3),
                                               word("it", 36.31), word("next", 10, 62)};
    const pdf::JoinedRuns joined = pdf::join_runs(runs, 0, metrics);
    CHECK(joined.text == "AVToit");
    REQUIRE(joined.shifts.size() == 3);
    CHECK((joined.shifts[0].offset == 1 && joined.shifts[0].amount == 70));
    CHECK((joined.shifts[1].offset == 2 && joined.shifts[1].amount == -400));
    CHECK((joined.shifts[2].offset == 4 && joined.shifts[2].amount == -301));
    CHECK(joined.end == 3);  // "next" is on another baseline
  }

  TEST_CASE("a run that is not valid UTF-8 is joined repaired and unkerned; a valid one keeps its kerns") {
    // "V\xFF" becomes "V" U+FFFD: its kern, which points into the invalid bytes, is dropped.
    const std::vector<layout::TextRun> runs = {word("AV", 10, 50, {{1, core::Pt(-0.7)}}),
                                               word("V\xFF", 23.3, 50, {{1, core::Pt(-0.7)}})};
    const pdf::JoinedRuns joined = pdf::join_runs(runs, 0, metrics);
    CHECK(joined.text == "AVV\xEF\xBF\xBD");
    REQUIRE(joined.shifts.size() == 2);
    CHECK((joined.shifts[0].offset == 1 && joined.shifts[0].amount == 70));
    CHECK((joined.shifts[1].offset == 2 && joined.shifts[1].amount == -400));
    CHECK(joined.end == 2);
  }

  TEST_CASE("a change of rise ends the TJ: a superscript is shown on its own") {
    std::vector<layout::TextRun> runs = {word("x", 10), word("2", 15), word("y", 20)};
    runs[1].rise = core::Pt(4.13);
    CHECK(pdf::join_runs(runs, 0, metrics).end == 1);
    CHECK(pdf::join_runs(runs, 1, metrics).end == 2);
  }

  // A word after a word space (as set_line marks it), 0.5 em a character at 10 pt.
  layout::TextRun spaced(const char* text, double x) {
    layout::TextRun run = word(text, x);
    run.after_word_space = true;
    return run;
  }

  TEST_CASE("with word spaces, a justified line is one string: spaces widened by the line's word spacing") {
    // Words 10 pt wide, each gap 6.5 pt: the 5 pt space (500/1000 em) and 1.5 pt more, which Tw
    // adds to every space: 1.5 pt is 1500 thousandths of a point.
    const std::vector<layout::TextRun> runs = {word("ab", 0), spaced("cd", 16.5), spaced("ef", 33), spaced("gh", 49.5)};
    const pdf::JoinedRuns joined = pdf::join_runs(runs, 0, metrics, pdf::WordSpaces::as_spaces);
    CHECK(joined.text == "ab cd ef gh");
    CHECK(joined.shifts.empty());
    CHECK(joined.word_spacing == 1500);
    CHECK(joined.end == 4);
    // Drawn as moves, the same line has one number a gap and no spaces.
    const pdf::JoinedRuns as_moves = pdf::join_runs(runs, 0, metrics);
    CHECK(as_moves.text == "abcdefgh");
    CHECK(as_moves.shifts.size() == 3);
    CHECK(as_moves.word_spacing == 0);
  }

  TEST_CASE("a ragged line's spaces are their own width: no word spacing, no moves") {
    const std::vector<layout::TextRun> runs = {word("ab", 7.25), spaced("cd", 22.25), spaced("e", 37.25)};
    const pdf::JoinedRuns joined = pdf::join_runs(runs, 0, metrics, pdf::WordSpaces::as_spaces);
    CHECK(joined.text == "ab cd e");
    CHECK(joined.shifts.empty());
    CHECK(joined.word_spacing == 0);
  }

  TEST_CASE("a gap unlike the line's others is a space and a move; one within the tolerance is not moved") {
    // Gaps of 6.5, 6.8 and 6.5 pt: the median's 1.5 pt goes to Tw, the 0.3 pt more before "ef" is
    // a move of 30/1000 em. Then a gap 0.008 pt wider (0.8 of a thousandth): no move.
    std::vector<layout::TextRun> runs = {word("ab", 0), spaced("cd", 16.5), spaced("ef", 33.3), spaced("gh", 49.8)};
    pdf::JoinedRuns joined = pdf::join_runs(runs, 0, metrics, pdf::WordSpaces::as_spaces);
    CHECK(joined.text == "ab cd ef gh");
    CHECK(joined.word_spacing == 1500);
    REQUIRE(joined.shifts.size() == 1);
    CHECK((joined.shifts[0].offset == 6 && joined.shifts[0].amount == -30));

    runs = {word("ab", 0), spaced("cd", 16.508), spaced("ef", 33.008), spaced("gh", 49.508), spaced("ij", 66.008)};
    joined = pdf::join_runs(runs, 0, metrics, pdf::WordSpaces::as_spaces);
    CHECK(joined.text == "ab cd ef gh ij");
    CHECK(joined.word_spacing == 1500);
    // Every word after "ab" is 0.8 of a thousandth short of its place: within the tolerance, but
    // the last is put back where whole thousandths put it (6601, which rounds 6600.8).
    REQUIRE(joined.shifts.size() == 1);
    CHECK((joined.shifts[0].offset == 12 && joined.shifts[0].amount == -1));
  }

  TEST_CASE("the last word never ends after where moves alone would end it") {
    // Gaps of 6.511 pt: 151.1 thousandths beyond the space, and the last word's place 4953.3,
    // which moves alone would round to 4953. Tw of 151.1 would start it at 4953.3, after that, and
    // cost a move back; a third of the 0.3 rounded off is taken from each space instead: 1.510 pt.
    const std::vector<layout::TextRun> runs = {word("ab", 0), spaced("cd", 16.511), spaced("ef", 33.022),
                                               spaced("gh", 49.533)};
    const pdf::JoinedRuns joined = pdf::join_runs(runs, 0, metrics, pdf::WordSpaces::as_spaces);
    CHECK(joined.word_spacing == 1510);
    CHECK(joined.shifts.empty());
  }

  TEST_CASE("runs no word space parts (table cells on one baseline) are moved to, not spaced") {
    std::vector<layout::TextRun> runs = {word("ab", 0), spaced("cd", 15), word("ef", 60)};
    pdf::JoinedRuns joined = pdf::join_runs(runs, 0, metrics, pdf::WordSpaces::as_spaces);
    CHECK(joined.text == "ab cdef");
    REQUIRE(joined.shifts.size() == 1);
    CHECK((joined.shifts[0].offset == 5 && joined.shifts[0].amount == -3500));
    CHECK(joined.end == 3);
    // After a widened space the next cell could not be put where moves alone put it: the join
    // ends before it, and the cell starts with a Td of its own.
    runs = {word("ab", 0), spaced("cd", 16.5), spaced("ef", 33), word("gh", 80)};
    joined = pdf::join_runs(runs, 0, metrics, pdf::WordSpaces::as_spaces);
    CHECK(joined.text == "ab cd ef");
    CHECK(joined.word_spacing == 1500);
    CHECK(joined.end == 3);
  }

  TEST_CASE("a line holding spaces of its own (code) keeps Tw at 0 and moves its words") {
    const std::vector<layout::TextRun> runs = {word("a b", 0), spaced("cd", 21.5)};
    const pdf::JoinedRuns joined = pdf::join_runs(runs, 0, metrics, pdf::WordSpaces::as_spaces);
    CHECK(joined.text == "a b cd");
    CHECK(joined.word_spacing == 0);
    REQUIRE(joined.shifts.size() == 1);
    CHECK((joined.shifts[0].offset == 4 && joined.shifts[0].amount == -150));
  }

  TEST_CASE("a shrunk line's word spacing is negative") {
    // Gaps of 4.2 pt: 80 thousandths less than the 5 pt space, -0.8 pt of Tw.
    const std::vector<layout::TextRun> runs = {word("ab", 0), spaced("cd", 14.2), spaced("ef", 28.4)};
    const pdf::JoinedRuns joined = pdf::join_runs(runs, 0, metrics, pdf::WordSpaces::as_spaces);
    CHECK(joined.text == "ab cd ef");
    CHECK(joined.word_spacing == -800);
    CHECK(joined.shifts.empty());
  }

  // Where a viewer starts each run of runs[first, joined.end), whose texts are letters only, in
  // thousandths of the size from the first: FakeMetrics' characters are 500 wide, a space 500
  // plus the word spacing, and each shift moves the text before the byte it points at.
  std::vector<double> drawn_starts(const std::vector<layout::TextRun>& runs, std::size_t first,
                                   const pdf::JoinedRuns& joined) {
    const double spacing = static_cast<double>(joined.word_spacing) / runs[first].size.value;
    std::vector<double> starts;
    double position = 0;
    std::size_t next_shift = 0;
    std::size_t run = first;
    std::size_t in_run = 0;  // the run's bytes drawn so far
    for (std::size_t byte = 0; byte < joined.text.size(); ++byte) {
      while (next_shift < joined.shifts.size() && joined.shifts[next_shift].offset == byte) {
        position -= static_cast<double>(joined.shifts[next_shift++].amount);
      }
      if (joined.text[byte] == ' ') {
        position += 500 + spacing;
        continue;
      }
      if (in_run == runs[run].text.size()) {
        ++run;
        in_run = 0;
      }
      if (in_run == 0) starts.push_back(position);
      position += 500;
      ++in_run;
    }
    return starts;
  }

  TEST_CASE("random lines: words within the tolerance of their places, the last never after it, cells on it") {
    std::mt19937 random(20261206);
    const std::vector<double> sizes = {6.3, 8, 9, 10, 10.5, 12};
    for (int line = 0; line < 20000; ++line) {
      CAPTURE(line);
      const double size = sizes[random() % sizes.size()];
      const double extra = static_cast<double>(random() % 801) - 200;  // beyond the 500 of the space
      std::vector<layout::TextRun> runs;
      double at = 0;  // thousandths of the size
      const std::size_t words = 2 + random() % 11;
      for (std::size_t i = 0; i < words; ++i) {
        layout::TextRun run = word(std::string(1 + random() % 6, 'x').c_str(), 20 + at * size / 1000);
        run.size = core::Pt(size);
        if (i > 0) run.after_word_space = random() % 8 != 0;  // else a table's next cell
        runs.push_back(run);
        const double gap = run.after_word_space ? 500 + extra + (static_cast<double>(random() % 15) - 7) / 10
                                                : 2000 + static_cast<double>(random() % 3000);
        at += static_cast<double>(run.text.size()) * 500 + gap;
      }
      for (std::size_t first = 0; first < runs.size();) {
        const pdf::JoinedRuns joined = pdf::join_runs(runs, first, metrics, pdf::WordSpaces::as_spaces);
        REQUIRE(joined.end > first);
        const std::vector<double> starts = drawn_starts(runs, first, joined);
        REQUIRE(starts.size() == joined.end - first);
        bool spaced_yet = false;
        for (std::size_t i = 1; i < starts.size(); ++i) {
          const layout::TextRun& run = runs[first + i];
          const double place = (run.x - runs[first].x).value * 1000 / size;
          spaced_yet = spaced_yet || run.after_word_space;
          if (first + i + 1 == joined.end) {
            CHECK(starts[i] <= std::round(place) + 1e-6);
            CHECK(starts[i] > std::round(place) - 1 - 1e-6);
          } else if (!spaced_yet) {
            CHECK(starts[i] == doctest::Approx(std::round(place)).epsilon(1e-9));
          } else {
            CHECK(std::abs(starts[i] - place) <= pdf::word_space_tolerance + 1e-6);
          }
        }
        first = joined.end;
      }
    }
  }

  TEST_CASE("a change of face or size ends the TJ") {
    std::vector<layout::TextRun> runs = {word("a", 10), word("b", 20), word("c", 30)};
    runs[1].face = fonts::FontFace::serif_italic;
    CHECK(pdf::join_runs(runs, 0, metrics).end == 1);
    runs[1].face = fonts::FontFace::serif;
    runs[2].size = core::Pt(9);
    const pdf::JoinedRuns joined = pdf::join_runs(runs, 0, metrics);
    CHECK(joined.text == "ab");
    CHECK(joined.end == 2);
  }
}

TEST_SUITE("pdf.haru_document") {
  TEST_CASE("a font's /ToUnicode stream is replaced by the generated CMap, without libharu's keys") {
    pdf::HaruDocument haru;
    haru.set_compression(false);  // so that the stream can be read in the bytes
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
    const std::string cmap = pdf::to_unicode_cmap({U'H', U'i'});
    haru.replace_to_unicode(fonts::FontFace::serif, cmap);
    const std::size_t page = haru.add_page(200, 100);
    haru.show_text(page, fonts::FontFace::serif, 12, 10, 50, "Hi");
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(haru.error() == "");
    CHECK(contains(*bytes, "stream\r\n" + cmap + "\nendstream"));
    CHECK_FALSE(contains(*bytes, "begincidrange"));
    CHECK_FALSE(contains(*bytes, "/CMapName /UTF-8"));
    CHECK(contains(*bytes, "(" + cids("Hi") + ")Tj"));  // CID = code point: H = 0048, i = 0069
  }

  TEST_CASE("a replaced font program is embedded, with /W and /CIDToGIDMap for the drawn characters only") {
    pdf::HaruDocument haru;
    haru.set_compression(false);  // so that the streams can be read in the bytes
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
    const std::string program = "a stand-in for a subset font program";
    haru.replace_font_program(fonts::FontFace::serif, program, {{U'H', 1}, {U'I', 2}, {U'i', 3}});
    const std::size_t page = haru.add_page(200, 100);
    haru.show_text(page, fonts::FontFace::serif, 12, 10, 50, "HIi");
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(haru.error() == "");
    CHECK(contains(*bytes, "stream\r\n" + program + "\nendstream"));
    CHECK(contains(*bytes, "/Length1 " + std::to_string(program.size()) + "\n/Length2 0\n/Length3 0\n"));
    CHECK(count(*bytes, "/FontFile2") == 1);
    // The descriptor is the one libharu writes when it saves (hpdf_font_cid.c), key for key.
    CHECK(contains(*bytes,
                   " 0 R\n/Type /FontDescriptor\n/Ascent 1069\n/Descent -293\n/Flags 32\n"
                   "/FontBBox [ -693 -389 2797 1048 ]\n/FontName /HPDFAA+NotoSerif-Regular\n"
                   "/ItalicAngle 0\n/StemV 0\n/XHeight 536\n>>"));
    CHECK(contains(*bytes, "/DW2 [ -389 -1437 ]\n/W [ 72 [ 793 367 ] 105 [ 320 ] ]\n/CIDToGIDMap "));
    // Noto Serif's widths: H 793, I 367 (consecutive CIDs 72, 73), i 320 (CID 105).
    CHECK(contains(*bytes, "/W [ 72 [ 793 367 ] 105 [ 320 ] ]"));
    // CIDs 0…105, two bytes each: zero except H → 1, I → 2, i → 3.
    CHECK(contains(*bytes, cid_to_gid_stream({{72, 1}, {73, 2}, {105, 3}})));
  }

  TEST_CASE("a loaded face keeps libharu's widths and codes, and libharu's map and /W stay unbuilt") {
    pdf::HaruDocument haru;
    haru.set_compression(false);  // so that the streams can be read in the bytes
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
    // load_font hands libharu an encoder of one CID while it builds the font; the real one is back.
    CHECK(haru.text_width(fonts::FontFace::serif, "HIi") == 793 + 367 + 320);
    CHECK(haru.glyph_id(fonts::FontFace::serif, U'H') != 0);
    CHECK(haru.glyph_id(fonts::FontFace::serif, U'H') != haru.glyph_id(fonts::FontFace::serif, U'I'));
    REQUIRE(haru.load_font(fonts::FontFace::serif_bold, pdf::testing::fonts_dir() + "/NotoSerif-Bold.ttf"));
    CHECK(haru.text_width(fonts::FontFace::serif_bold, "H") > 793);
    const std::size_t page = haru.add_page(200, 100);
    haru.show_text(page, fonts::FontFace::serif, 12, 10, 50, "H\u00E9");
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(haru.error() == "");
    CHECK(contains(*bytes, "(\0H\0\xE9)Tj"s));  // CID = code point: H = 0048, é = 00E9
    // Never replaced here: libharu's own, built for CID 0 alone (glyph 0), for each face.
    CHECK(count(*bytes, "/W [ ]") == 2);
    CHECK(count(*bytes, "stream\r\n" + std::string(2, '\0') + "\nendstream") == 2);
  }

  TEST_CASE("a compact face's strings hold its codes, read through one encoding CMap two faces share") {
    pdf::HaruDocument haru;
    haru.set_compression(false);  // so that the streams can be read in the bytes
    // The faces as loaded for these codes: space…tilde and Latin-1's letters (é: 0x8000 + 0x29).
    const pdf::FontCodes codes = pdf::FontCodes::for_characters({{0x20, 0x7E}, {0xC0, 0xFF}});
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf", codes));
    REQUIRE(haru.load_font(fonts::FontFace::serif_bold, pdf::testing::fonts_dir() + "/NotoSerif-Bold.ttf", codes));
    CHECK(haru.font_codes(fonts::FontFace::serif).compact());
    CHECK_FALSE(haru.font_codes(fonts::FontFace::mono).compact());  // not loaded
    haru.replace_font_program(fonts::FontFace::serif, "program", {{U'H', 1}, {U'\u00E9', 2}});
    const std::size_t page = haru.add_page(200, 100);
    haru.show_text(page, fonts::FontFace::serif, 12, 10, 50, "H\u00E9(");
    haru.show_text(page, fonts::FontFace::serif_bold, 12, 10, 30, "H");
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(haru.error() == "");
    CHECK(contains(*bytes, "(H\x80\\)\\()Tj"s));  // é is 0x80 0x29, and 0x29 is ")": escaped
    CHECK(contains(*bytes, "/F2 12 Tf\n0 -20 Td\n(H)Tj"s));
    CHECK(count(*bytes, "/Encoding ") == 2);
    CHECK(count(*bytes, "/Type /CMap\n/CMapName /Octavo-Compact-H\n") == 1);
    CHECK(contains(*bytes, "stream\r\n" + pdf::compact_encoding_cmap() + "\nendstream"));
    CHECK(count(*bytes, "/Ordering (Identity)\n") == 3);  // the CMap's and both CIDFonts'
    CHECK_FALSE(contains(*bytes, "/Encoding /Identity-H"));
    // /W and /CIDToGIDMap under each character's CID, its code: H 72, é 0x8029 = 32809.
    CHECK(contains(*bytes, "/W [ 72 [ 793 ] 32809 [ " +
                               std::to_string(haru.text_width(fonts::FontFace::serif, "\u00E9")) + " ] ]"));
    CHECK(contains(*bytes, cid_to_gid_stream({{72, 1}, {0x8029, 2}})));
  }

  TEST_CASE("word spacing is written as Tw where a string with a space needs another value; Q restores it") {
    pdf::HaruDocument haru;
    haru.set_compression(false);  // so that the content stream can be read in the bytes
    const pdf::FontCodes codes = pdf::FontCodes::for_characters({{0x20, 0x7E}});
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf", codes));
    REQUIRE(haru.load_font(fonts::FontFace::mono, pdf::testing::fonts_dir() + "/NotoSansMono-Regular.ttf"));
    const std::size_t page = haru.add_page(200, 300);
    haru.begin_body(page, 20);
    haru.show_text(page, fonts::FontFace::serif, 10, 0, 280, "a b", {}, 0, 1510);
    haru.show_text(page, fonts::FontFace::serif, 10, 0, 270, "c d", {}, 0, 1510);  // the same: no Tw
    haru.show_text(page, fonts::FontFace::serif, 10, 0, 260, "ef", {}, 0, -25);    // no space: no Tw
    haru.show_text(page, fonts::FontFace::serif, 10, 0, 250, "g h", {}, 0, -25);
    haru.show_text(page, fonts::FontFace::mono, 10, 0, 240, "i j", {}, 0, 0);  // two-byte codes: Tw never applies
    haru.end_body(page);
    // After Q the spacing is 0 again, as the state says: a string with a space and none is written bare.
    haru.show_text(page, fonts::FontFace::serif, 8, 100, 20, "Page 7");
    haru.finish_page(page);
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(haru.error() == "");
    CHECK(contains(*bytes,
                   "0 280 Td\n1.51 Tw\n(a b)Tj\n0 -10 Td\n(c d)Tj\n0 -10 Td\n(ef)Tj\n0 -10 Td\n-0.025 Tw\n(g h)Tj\n"));
    CHECK(count(*bytes, " Tw\n") == 2);
    CHECK(contains(*bytes, "Q\nBT\n/F1 8 Tf\n100 20 Td\n(Page 7)Tj"));
  }

  TEST_CASE("compact codes beside Identity-H: escaped code bytes, shifts between codes, a lacking character") {
    pdf::HaruDocument haru;
    haru.set_compression(false);  // so that the streams can be read in the bytes
    const pdf::FontCodes codes = pdf::FontCodes::for_characters({{0x20, 0x7E}, {0xC0, 0xFF}});
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf", codes));
    REQUIRE(haru.load_font(fonts::FontFace::mono, pdf::testing::fonts_dir() + "/NotoSansMono-Regular.ttf"));
    // H and U+4E00, which these codes lack: it keeps CID 0xFFFF and no glyph, out of /W and the map.
    haru.replace_font_program(fonts::FontFace::serif, "program", {{U'H', 1}, {U'\u4E00', 5}});
    const std::size_t page = haru.add_page(200, 100);
    // Ê is 0x80 0x0A (rank 10): its second byte is LF, escaped; U+1F600 is past the BMP: a space.
    // The shift at byte 3 (after é's two UTF-8 bytes) falls after é's two code bytes.
    haru.show_text(page, fonts::FontFace::serif, 12, 10, 50, "H\u00E9!\u00CA\U0001F600", {{3, -50}});
    haru.show_text(page, fonts::FontFace::mono, 12, 10, 30, "H\u00E9");
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(haru.error() == "");
    CHECK(contains(*bytes, "[(H\x80\\))-50(!\x80\\n )]TJ"s));
    CHECK(contains(*bytes, "(\0H\0\xE9)Tj"s));  // Identity-H: two bytes, the code point
    CHECK(count(*bytes, "/Encoding /Identity-H") == 1);
    CHECK(count(*bytes, "/Type /CMap\n/CMapName /Octavo-Compact-H\n") == 1);
    CHECK(count(*bytes, "/Ordering (Identity)\n") == 3);  // the CMap's and both CIDFonts'
    CHECK(contains(*bytes, "/W [ 72 [ 793 ] ]\n/CIDToGIDMap "));
    CHECK(contains(*bytes, cid_to_gid_stream({{72, 1}})));
  }

  TEST_CASE("Tf as libharu writes it: the page's name for the font, the size in its digits") {
    pdf::HaruDocument haru;
    haru.set_compression(false);  // so that the content stream can be read in the bytes
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
    REQUIRE(haru.load_font(fonts::FontFace::mono, pdf::testing::fonts_dir() + "/NotoSansMono-Regular.ttf"));
    const std::size_t page = haru.add_page(200, 100);
    haru.show_text(page, fonts::FontFace::mono, 8.5, 10, 50, "a");
    haru.show_text(page, fonts::FontFace::serif, 10.25, 10, 40, "b");
    haru.show_text(page, fonts::FontFace::mono, 600, 10, 30, "c");
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(haru.error() == "");
    CHECK(contains(*bytes, "BT\n/F1 8.5 Tf\n10 50 Td\n"s));
    CHECK(contains(*bytes, "/F2 10.25 Tf\n0 -10 Td\n"s));
    CHECK(contains(*bytes, "/F1 600 Tf\n0 -10 Td\n"s));
  }

  TEST_CASE("a size libharu refuses fails the document with libharu's error, as its Tf would") {
    pdf::HaruDocument haru;
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
    const std::size_t page = haru.add_page(200, 100);
    haru.show_text(page, fonts::FontFace::serif, 601, 10, 50, "a");
    CHECK(haru.error() != "");
  }

  TEST_CASE("compact codes: a run of ASCII is written whole, cut by each shift and each escaped byte") {
    pdf::HaruDocument haru;
    haru.set_compression(false);  // so that the streams can be read in the bytes
    const pdf::FontCodes codes = pdf::FontCodes::for_characters({{0x20, 0x7E}});
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf", codes));
    const std::size_t page = haru.add_page(200, 100);
    // Shifts inside the runs (after "Wa", after "(b"), and one of 0, which writes no number.
    haru.show_text(page, fonts::FontFace::serif, 12, 10, 50, "Wave(b)c\\d\r", {{2, 40}, {6, -15}, {8, 0}});
    haru.show_text(page, fonts::FontFace::serif, 12, 10, 30, "plain text, no shift");
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(haru.error() == "");
    CHECK(contains(*bytes, "[(Wa)40(ve\\(b)-15(\\)c\\\\d\\r)]TJ\n"s));
    CHECK(contains(*bytes, "(plain text, no shift)Tj\n"s));
  }

  TEST_CASE("a page's runs share one text object with relative moves; a rule closes it") {
    pdf::HaruDocument haru;
    haru.set_compression(false);  // so that the content stream can be read in the bytes
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
    REQUIRE(haru.load_font(fonts::FontFace::serif_bold, pdf::testing::fonts_dir() + "/NotoSerif-Bold.ttf"));
    const std::size_t page = haru.add_page(200, 100);
    haru.show_text(page, fonts::FontFace::serif, 10, 10.004, 50, "H");
    haru.show_text(page, fonts::FontFace::serif, 10, 30.5, 50, "i");
    haru.show_text(page, fonts::FontFace::serif_bold, 10, 10, 36.5, "H");
    haru.stroke_line(page, 10, 30, 90, 30, 1);
    haru.show_text(page, fonts::FontFace::serif, 10, 10, 20, "i");
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(contains(*bytes, "BT\n/F1 10 Tf\n10 50 Td\n(" + cids("H") + ")Tj\n20.5 0 Td\n(" + cids("i") +
                               ")Tj\n/F2 10 Tf\n-20.5 -13.5 Td\n(" + cids("H") +
                               ")Tj\nET\n1 w\n10 30 m\n90 30 l\nS\nBT\n/F1 10 "
                               "Tf\n10 20 Td\n(" +
                               cids("i") + ")Tj\nET"));
  }

  TEST_CASE("text rise is written as Ts where it changes, and back to 0 after a raised run") {
    pdf::HaruDocument haru;
    haru.set_compression(false);  // so that the content stream can be read in the bytes
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
    const std::size_t page = haru.add_page(200, 100);
    haru.show_text(page, fonts::FontFace::serif, 10, 10, 50, "x");
    haru.show_text(page, fonts::FontFace::serif, 7, 15, 50, "2", {}, 4.134);
    haru.show_text(page, fonts::FontFace::serif, 7, 20, 50, "n", {}, 4.134);
    haru.show_text(page, fonts::FontFace::serif, 10, 25, 50, "y");
    // A new page starts at rise 0 again: no Ts for its unraised text.
    const std::size_t next = haru.add_page(200, 100);
    haru.show_text(next, fonts::FontFace::serif, 10, 10, 50, "z");
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(haru.error() == "");
    CHECK(contains(*bytes, "4.13 Ts\n(" + cids("2") + ")Tj\n"));
    CHECK(contains(*bytes, "0 Ts\n(" + cids("y") + ")Tj\n"));
    CHECK(count(*bytes, " Ts\n") == 2);
  }

  TEST_CASE("a run with shifts is one TJ array of two-byte CIDs, thousandths of the size between them") {
    pdf::HaruDocument haru;
    haru.set_compression(false);  // so that the content stream can be read in the bytes
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
    const std::size_t page = haru.add_page(200, 100);
    // "AV" kerned 70/1000 em closer, then a word space 1200/1000 em wide before "To".
    haru.show_text(page, fonts::FontFace::serif, 10, 10, 50, "AVTo", {{1, 70}, {2, -1200}, {3, 0}});
    haru.show_text(page, fonts::FontFace::serif, 10, 10, 36, "Hi");
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(haru.error() == "");
    CHECK(contains(*bytes, "BT\n/F1 10 Tf\n10 50 Td\n[(" + cids("A") + ")70(" + cids("V") + ")-1200(" + cids("To") +
                               ")]TJ\n0 -14 Td\n(" + cids("Hi") + ")Tj\nET"));
  }

  TEST_CASE("in the literal strings, parentheses, backslash, CR and LF bytes are escaped") {
    pdf::HaruDocument haru;
    haru.set_compression(false);  // so that the content stream can be read in the bytes
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
    const std::size_t page = haru.add_page(200, 100);
    // U+010A is the bytes 01 0A, U+0D28 the bytes 0D 28.
    haru.show_text(page, fonts::FontFace::serif, 10, 10, 50, "(\\)\u010A\u0D28");
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(contains(*bytes, "10 50 Td\n(\0\\(\0\\\\\0\\)\x01\\n\\r\\()Tj\n"s));
  }

  TEST_CASE("a write that throws fails the save with its reason; one that refuses leaves the reason to its caller") {
    const auto saved_with = [](const std::function<bool(std::string_view)>& write) {
      pdf::HaruDocument haru;
      REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
      const std::size_t page = haru.add_page(200, 100);
      haru.show_text(page, fonts::FontFace::serif, 10, 10, 50, "A page");
      haru.finish_page(page);
      const bool saved = haru.save_to(write);
      return std::pair(saved, haru.error());
    };
    // Libharu is told only of an error code: without the reason kept, the message had none.
    CHECK(saved_with([](std::string_view) -> bool { throw std::bad_alloc(); }) ==
          std::pair(false, std::string("no memory left to write the file")));
    CHECK(saved_with([](std::string_view) -> bool { throw std::runtime_error("disk gone"); }) ==
          std::pair(false, std::string("writing the file failed: disk gone")));
    CHECK(saved_with([](std::string_view) { return false; }).first == false);
    CHECK(saved_with([](std::string_view) { return true; }) == std::pair(true, std::string()));
  }

  TEST_CASE("a document frees libharu's memory when it goes") {
    const std::size_t at_start = pdf::HaruDocument::heap_in_use();
    {
      pdf::HaruDocument haru;
      REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
      const std::size_t page = haru.add_page(200, 100);
      haru.show_text(page, fonts::FontFace::serif, 10, 10, 50, "A page");
      haru.finish_page(page);
      REQUIRE(haru.save());
      CHECK(pdf::HaruDocument::heap_in_use() > at_start);
    }
    CHECK(pdf::HaruDocument::heap_in_use() == at_start);
  }

  TEST_CASE("a link annotation is written as libharu writes the one HPDF_Page_CreateLinkAnnot makes") {
    pdf::HaruDocument haru;
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
    const std::size_t from = haru.add_page(300, 200);
    const std::size_t to = haru.add_page(300, 200);
    haru.add_internal_link(from, {10.25, 48.123456, 60.5, 61}, to, 187.3333);
    // Given upside down, with a coordinate whose text is twelve characters long: a web link gets
    // the same rectangle.
    const pdf::PdfRect odd{-12345.67871, 30, 20, 10};
    haru.add_internal_link(from, odd, to, 50);
    haru.add_uri_link(from, odd, "https://example.org/");
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(haru.error() == "");

    // Reads an object number followed by `after`, from `pos` on.
    std::size_t pos = 0;
    const auto number_then = [&](const std::string& after) {
      const std::size_t end = bytes->find(after, pos);
      REQUIRE(end != std::string::npos);
      const std::string number = bytes->substr(pos, end - pos);
      CHECK(!number.empty());
      CHECK(number.find_first_not_of("0123456789") == std::string::npos);
      pos = end + after.size();
      return number;
    };
    // Each link object: its entries in libharu's order and form (its real numbers, five decimals
    // at most and no trailing zeros; the destination as the array libharu writes, in place; the
    // page as a reference; the border HPDF_LinkAnnot_SetBorderStyle(0, 0, 0) sets). Returns the
    // link's object number, its /Dest and the number of its page.
    const auto link_object = [&](const std::string& rect) {
      const std::string start = " 0 obj\n<<\n/Rect [ " + rect + " ]\n/Type /Annot\n/Subtype /Link\n/Dest ";
      const std::size_t at = bytes->find(start);
      REQUIRE(at != std::string::npos);
      const std::size_t line = bytes->rfind('\n', at) + 1;
      const std::string link = bytes->substr(line, at - line);
      const std::size_t destination_at = at + start.size();
      const std::size_t destination_end = bytes->find("\n/P ", destination_at);
      REQUIRE(destination_end != std::string::npos);
      const std::string destination = bytes->substr(destination_at, destination_end - destination_at);
      pos = destination_end + 4;
      const std::string page = number_then(" 0 R\n/Border [ 0 0 0 ]\n>>\nendobj\n");
      return std::array<std::string, 3>{link, destination, page};
    };
    const auto [first, first_destination, first_page] = link_object("10.25 48.12346 60.5 61");
    const auto [second, second_destination, second_page] = link_object("-12345.67871 10 20 30");
    CHECK(second_page == first_page);
    // The web link has the same rectangle, type and subtype, and the same /P and border, as the
    // one HPDF_Page_CreateURILinkAnnot made had (its /A: the test of web links' addresses).
    CHECK(count(*bytes, "<<\n/Rect [ -12345.67871 10 20 30 ]\n/Type /Annot\n/Subtype /Link\n") == 2);
    CHECK(count(*bytes, "/P " + first_page + " 0 R\n/Border [ 0 0 0 ]\n>>") == 3);

    // /P is the page the links are on, whose /Annots lists all three in order; /Dest is the
    // second page's top.
    const std::size_t page_object = bytes->find("\n" + first_page + " 0 obj\n<<\n/Type /Page\n");
    REQUIRE(page_object != std::string::npos);
    const std::string page_dictionary = bytes->substr(page_object, bytes->find("endobj", page_object) - page_object);
    const std::size_t annots = page_dictionary.find("/Annots [ " + first + " 0 R " + second + " 0 R ");
    CHECK(annots != std::string::npos);
    const std::size_t target_page = bytes->find("/Type /Page\n", page_object + page_dictionary.size());
    REQUIRE(target_page != std::string::npos);
    const std::size_t target_line = bytes->rfind(" 0 obj\n<<\n", target_page);
    const std::string target =
        bytes->substr(bytes->rfind('\n', target_line) + 1, target_line - bytes->rfind('\n', target_line) - 1);
    CHECK(first_destination == "[ " + target + " 0 R /XYZ 0 187.3333 null ]");
    CHECK(second_destination == "[ " + target + " 0 R /XYZ 0 50 null ]");
    // In place: no destination is an object of its own.
    CHECK_FALSE(contains(*bytes, " 0 obj\n[ "));
  }

  TEST_CASE("a web link with no address fails the document, as HPDF_Page_CreateURILinkAnnot did") {
    pdf::HaruDocument haru;
    const std::size_t page = haru.add_page(300, 200);
    haru.add_uri_link(page, {10, 10, 40, 20}, "");
    CHECK(haru.error() == "a web link with no address");
    CHECK_FALSE(haru.save().has_value());
  }

  TEST_CASE("a web link's address has no length limit, and is escaped as libharu escapes strings") {
    pdf::HaruDocument haru;
    const std::size_t page = haru.add_page(300, 200);
    // libharu's strings stop at 65,535 bytes: a longer address (a data: URL) failed the PDF.
    const std::string long_address = "data:text/plain," + std::string(70000, 'x');
    haru.add_uri_link(page, {10, 10, 40, 20}, long_address);
    haru.add_uri_link(page, {10, 30, 40, 40}, "https://example.org/a(b)%20[c]{d}<e>#f\\g\x01");
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(haru.error() == "");
    CHECK(contains(*bytes,
                   "/A <<\n/Type /Action\n/S /URI\n/URI (data:text\\057plain," + std::string(70000, 'x') + ")\n>>\n"));
    CHECK(contains(*bytes,
                   "/URI (https:\\057\\057example.org\\057a\\050b\\051\\04520\\133c\\135\\173d\\175"
                   "\\074e\\076\\043f\\134g\\001)\n"));
  }

  TEST_CASE("a link beyond the range of PDF's real numbers fails the document, as libharu's own did") {
    pdf::HaruDocument haru;
    const std::size_t from = haru.add_page(300, 200);
    const std::size_t to = haru.add_page(300, 200);
    haru.add_internal_link(from, {10, 10, 40000, 20}, to, 50);
    CHECK(haru.error() != "");
    CHECK_FALSE(haru.save().has_value());
  }

  TEST_CASE("a destination's top beyond PDF's real numbers, or not a number, fails the document") {
    // A link's destination and a bookmark's are written as text by the same code, and checked
    // (libharu 2.3 would set only its error state for 40,000, and write a NaN as it comes).
    for (const double top : {40000.0, -40000.0, std::numeric_limits<double>::quiet_NaN()}) {
      CAPTURE(top);
      pdf::HaruDocument link;
      const std::size_t from = link.add_page(300, 200);
      link.add_internal_link(from, {10, 10, 40, 20}, link.add_page(300, 200), top);
      CHECK(link.error() == "a destination outside the range of PDF's real numbers");
      CHECK_FALSE(link.save().has_value());

      pdf::HaruDocument bookmark;
      CHECK_FALSE(bookmark.add_bookmarks({{0, "Lost", bookmark.add_page(300, 200), top, true}}));
      CHECK(bookmark.error() == "a destination outside the range of PDF's real numbers");
      CHECK_FALSE(bookmark.save().has_value());
    }
    pdf::HaruDocument fine;
    const std::size_t page = fine.add_page(300, 200);
    fine.add_internal_link(page, {10, 10, 40, 20}, page, 32767);
    CHECK(fine.add_bookmarks({{0, "Top", page, -32767, true}}));
    CHECK(fine.error() == "");
  }

  TEST_CASE("a page's compressed content is held as compressed, not copied into libharu's memory") {
    // Two documents alike but for the length of one page's text: lines of digits that deflate
    // cannot shrink much. What libharu holds once they are saved differs by far less than the
    // files do: the content's bytes are read from where they were compressed into (copied into
    // libharu's memory streams, they were all held again, and the difference was the files').
    const auto saved = [](int lines) {
      pdf::HaruDocument haru;
      haru.compress_pages_beside();
      REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
      const std::size_t at_start = pdf::HaruDocument::heap_in_use();
      const std::size_t page = haru.add_page(400, 14000);
      std::uint32_t next = 12345;
      for (int line = 0; line < lines; ++line) {
        std::string digits;
        for (int i = 0; i < 60; ++i) {
          next = next * 1103515245u + 12345u;
          digits += static_cast<char>('0' + (next >> 16) % 10);
        }
        haru.show_text(page, fonts::FontFace::serif, 10, 10, 13990 - 13.0 * line, digits);
      }
      haru.finish_page(page);
      const std::optional<std::string> bytes = haru.save();
      REQUIRE(bytes);
      CHECK(haru.error() == "");
      return std::pair(bytes->size(), pdf::HaruDocument::heap_in_use() - at_start);
    };
    const auto [short_file, short_held] = saved(1);
    const auto [long_file, long_held] = saved(1000);
    MESSAGE("files " << short_file << " and " << long_file << " bytes; libharu holds " << short_held << " and "
                     << long_held);
    REQUIRE(long_file > short_file + 20000);
    CHECK(long_held < short_held + (long_file - short_file) / 10);
  }

  TEST_CASE("a finished page and a link keep little more than their bytes in libharu's memory") {
    pdf::HaruDocument haru;  // compressed, as books are
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
    constexpr std::size_t pages = 40, links_per_page = 10;
    const std::size_t at_start = pdf::HaruDocument::heap_in_use();
    for (std::size_t i = 0; i < pages; ++i) {
      const std::size_t page = haru.add_page(200, 100);
      haru.show_text(page, fonts::FontFace::serif, 10, 10, 50, "Page " + std::to_string(i));
      haru.finish_page(page);
    }
    const std::size_t after_pages = pdf::HaruDocument::heap_in_use();
    for (std::size_t i = 0; i < pages; ++i) {
      for (std::size_t j = 0; j < links_per_page; ++j) {
        const double y = 10.0 * static_cast<double>(j);
        haru.add_internal_link(i, {10, y, 90, y + 8}, (i + 1) % pages, 50);
      }
    }
    const std::size_t after_links = pdf::HaruDocument::heap_in_use();
    const std::size_t per_page = (after_pages - at_start) / pages;
    const std::size_t per_link = (after_links - after_pages) / (pages * links_per_page);
    MESSAGE("libharu holds " << per_page << " bytes a page, " << per_link << " bytes a link");
    // Held as objects, with the content in 4 KB blocks, they were 8,815 and 2,588 bytes; frozen,
    // 3,009 and 780; with each link's destination written in place instead of as an object of its
    // own, 3,009 and 327; with the page's own entries frozen too, 1,415 and 343.
    CHECK(per_page < 2000);
    CHECK(per_link < 500);
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(haru.error() == "");
    // What the frozen dictionaries write is what libharu's objects wrote.
    CHECK(count(*bytes, "/Resources <<\n/ProcSet [ /PDF /Text /ImageB /ImageC /ImageI ]\n/Font <<\n/F1 ") == pages);
    CHECK(contains(*bytes, "<<\n/Rect [ 10 0 90 8 ]\n/Type /Annot\n/Subtype /Link\n/Dest "));
    CHECK(count(*bytes, "/Border [ 0 0 0 ]\n>>") == pages * links_per_page);
    // Each page's own entries, frozen when it was finished, and the /Annots its links added later,
    // in the order libharu writes them: /Annots last.
    const std::string page_start = " 0 obj\n<<\n/Type /Page\n/MediaBox [ 0 0 200 100 ]\n/Contents ";
    CHECK(count(*bytes, page_start) == pages);
    for (std::size_t at = bytes->find(page_start); at != std::string::npos; at = bytes->find(page_start, at + 1)) {
      const std::string page = bytes->substr(at, bytes->find("endobj", at) - at);
      CHECK(contains(page, " 0 R\n/Resources <<\n/ProcSet [ /PDF /Text /ImageB /ImageC /ImageI ]\n/Font <<\n/F1 "));
      const std::size_t parent = page.find(">>\n>>\n/Parent ");
      const std::size_t annots = page.find(" 0 R\n/Annots [ ");
      CHECK(parent != std::string::npos);
      CHECK(annots != std::string::npos);
      CHECK(annots > parent);
      CHECK(page.ends_with(" 0 R ]\n>>\n"));
    }
    // The file went out as it was written: libharu holds no copy of it (saving still adds the
    // fonts' width arrays and the like, some 80 KB here).
    CHECK(pdf::HaruDocument::heap_in_use() - after_links < bytes->size());
  }

  TEST_CASE("a page finished before its links are added, then a page inserted before it: the file is the same") {
    // Finished first, the page's entries are frozen and its /Annots written after them when saving;
    // given its links first, libharu writes it as it always did. finish_page makes no object, so
    // the numbers agree.
    const auto build = [](bool links_first) {
      pdf::HaruDocument haru;
      REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
      const std::size_t body = haru.add_page(300, 200);
      haru.show_text(body, fonts::FontFace::serif, 10, 10, 50, "Body");
      const std::size_t plain = haru.add_page(300, 200);  // no links: frozen, with no /Annots
      haru.show_text(plain, fonts::FontFace::serif, 10, 10, 50, "Plain");
      haru.finish_page(plain);
      const auto add_links = [&] {
        haru.add_internal_link(body, {10, 10, 60, 20}, plain, 150);
        haru.add_uri_link(body, {10, 30, 60, 40}, "https://example.org/");
        haru.add_internal_link(body, {10, 50, 60, 60}, body, 100);
      };
      if (links_first) add_links();
      haru.finish_page(body);
      if (!links_first) add_links();
      // The front matter's way: a page inserted before a finished page, drawn and finished last.
      const std::size_t front = haru.insert_page(0, 300, 200);
      haru.show_text(front, fonts::FontFace::serif, 10, 10, 50, "Front");
      haru.finish_page(front);
      haru.add_internal_link(front, {10, 10, 60, 20}, body + 1, 190);
      haru.add_bookmarks({{0, "Body", body + 1, 190, true}});
      const std::optional<std::string> bytes = haru.save();
      REQUIRE(bytes);
      CHECK(haru.error() == "");
      CHECK(haru.save() == bytes);  // saving again writes each /Annots once, as before
      return *bytes;
    };
    const std::string links_first = build(true);
    const std::string finished_first = build(false);
    CHECK(count(finished_first, "/Annots [ ") == 2);  // the body page's and the front page's
    CHECK(count(finished_first, "/URI (") == 1);
    CHECK(finished_first == links_first);
  }

  TEST_CASE("a link on a finished page is its dictionary alone: the page keeps a reference, not libharu's array") {
    // libharu's /Annots array takes a proxy object per link, and the page's entries were written
    // again when saving to join it; the finished page keeps the references as text instead.
    const auto allocations_per_link = [](bool finished_first) {
      const auto links_on = [finished_first](int links) {
        pdf::HaruDocument haru;
        REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
        const std::size_t page = haru.add_page(300, 200);
        haru.show_text(page, fonts::FontFace::serif, 10, 10, 50, "Body");
        if (finished_first) haru.finish_page(page);
        const std::size_t before = pdf::HaruDocument::allocations_made();
        for (int i = 0; i < links; ++i) haru.add_internal_link(page, {10, 10, 60, 20}, page, 150);
        if (!finished_first) haru.finish_page(page);
        REQUIRE(haru.save());
        CHECK(haru.error() == "");
        return pdf::HaruDocument::allocations_made() - before;
      };
      return (links_on(2000) - links_on(1000)) / 1000;
    };
    const std::size_t finished_first = allocations_per_link(true);
    const std::size_t links_first = allocations_per_link(false);
    MESSAGE("libharu allocations a link: " << finished_first << " on a finished page, " << links_first
                                           << " on one not finished yet");
    // The link's dictionary, its list, its cross-reference entry and its entries' block.
    CHECK(finished_first <= 4);
    CHECK(finished_first < links_first);
  }

  TEST_CASE("a link added after the document was saved fails it") {
    pdf::HaruDocument haru;
    const std::size_t page = haru.add_page(300, 200);
    REQUIRE(haru.save());
    haru.add_internal_link(page, {10, 10, 60, 20}, page, 150);
    CHECK(haru.error() == "a link added after the document was saved");
    CHECK_FALSE(haru.save().has_value());
  }

  TEST_CASE("each page's content starts with its own margin, however many margins the pages have") {
    // Six left edges in turn, more than the kinds of first operators a thread keeps deflated.
    const std::vector<std::string> lefts = {"10", "20.5", "30", "40.25", "50", "60"};
    pdf::HaruDocument haru;
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
    for (std::size_t i = 0; i < 3 * lefts.size(); ++i) {
      const std::size_t page = haru.add_page(200, 300);
      haru.begin_body(page, std::stod(lefts[i % lefts.size()]));
      haru.show_text(page, fonts::FontFace::serif, 10, 10, 280, "Body of page " + std::to_string(i));
      haru.end_body(page);
      haru.show_text(page, fonts::FontFace::serif, 8, 100, 20, std::to_string(i + 1));
      haru.finish_page(page);
    }
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(haru.error() == "");
    // Each compressed stream inflated; the pages' contents in the order written, which is theirs.
    std::vector<std::string> firsts;
    for (std::size_t at = bytes->find("stream\r\n"); at != std::string::npos; at = bytes->find("stream\r\n", at + 1)) {
      const std::size_t begin = at + 8;
      const std::size_t end = bytes->find("endstream", begin);
      REQUIRE(end != std::string::npos);
      std::string inflated(100000, '\0');
      uLongf size = inflated.size();
      const auto* compressed = reinterpret_cast<const Bytef*>(bytes->data() + begin);
      if (uncompress(reinterpret_cast<Bytef*>(inflated.data()), &size, compressed, end - begin) != Z_OK) continue;
      inflated.resize(size);
      if (inflated.starts_with("q\n1 0 0 1 ")) firsts.push_back(inflated.substr(0, inflated.find(" cm\n") + 4));
    }
    REQUIRE(firsts.size() == 3 * lefts.size());
    for (std::size_t i = 0; i < firsts.size(); ++i) {
      CAPTURE(i);
      CHECK(firsts[i] == "q\n1 0 0 1 " + lefts[i % lefts.size()] + " 0 cm\n");
    }
  }

  TEST_CASE("pages compressed beside the drawing, or with bodies recalled from a memo, give the file compressed here") {
    // More pages than are ever in flight (16), each of another length, some with an empty body,
    // two large. Page i shows body i + `moved`, from a left edge that alternates as rectos' and
    // versos' do, and its folio around it.
    const auto book = [](bool beside, core::DeflateMemo* memo = nullptr, std::size_t moved = 0) {
      pdf::HaruDocument haru;
      if (beside) haru.compress_pages_beside();
      if (memo != nullptr) haru.remember_compressed_pages(*memo);
      REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
      for (std::size_t i = 0; i < 45; ++i) {
        const std::size_t page = haru.add_page(200, 300);
        const std::size_t body = i + moved;
        haru.begin_body(page, i % 2 == 0 ? 31.18 : 22.68);
        // With a memo, each body is named by what it shows and taken from the memo if it is there.
        const core::StreamDigest name = core::sha256("body " + std::to_string(body));
        const bool recalled = memo != nullptr && haru.recall_body(page, name, {fonts::FontFace::serif});
        for (std::size_t line = 0; !recalled && line < body % 7 * 3; ++line) {
          haru.show_text(page, fonts::FontFace::serif, 10, 10, 280 - 12.0 * static_cast<double>(line),
                         "Body " + std::to_string(body) + ", line " + std::to_string(line));
        }
        haru.end_body(page);
        // The parts around the body: its left edge and folio, here page i's, after body `body`.
        const core::StreamDigest around =
            core::sha256("around body " + std::to_string(body) + " on " + std::to_string(i));
        const bool furniture = recalled && haru.recall_furniture(page, around, {fonts::FontFace::serif});
        if (!furniture) haru.show_text(page, fonts::FontFace::serif, 8, 100, 20, std::to_string(i + 1));
        haru.finish_page(page, recalled ? std::nullopt : std::optional(name), around);
      }
      // Pages larger than libharu's 4 KB reading pieces: 150 KB of text, and 40 KB of letters
      // in no order, which deflate can barely shrink.
      const std::size_t long_page = haru.add_page(200, 300);
      for (std::size_t line = 0; line < 3000; ++line) {
        haru.show_text(long_page, fonts::FontFace::serif, 4, 5, 295 - 0.09 * static_cast<double>(line),
                       "Line " + std::to_string(line * 7919 % 10007));
      }
      haru.finish_page(long_page);
      const std::size_t noise_page = haru.add_page(200, 300);
      haru.begin_body(noise_page, 31.18);
      std::uint32_t state = 12345;
      for (std::size_t line = 0; line < 400; ++line) {
        std::string letters;
        for (int i = 0; i < 50; ++i) {
          state = state * 1103515245u + 12345u;
          letters += static_cast<char>('!' + (state >> 16) % 94);
        }
        haru.show_text(noise_page, fonts::FontFace::serif, 4, 5, 295 - 0.7 * static_cast<double>(line), letters);
      }
      haru.end_body(noise_page);
      haru.finish_page(noise_page);
      haru.add_internal_link(44, {10, 10, 90, 18}, 3, 50);  // a finished page still takes links
      std::optional<std::string> bytes = haru.save();
      CHECK(haru.error() == "");
      return bytes;
    };
    const std::optional<std::string> here = book(false);
    const std::optional<std::string> beside = book(true);
    REQUIRE(here);
    REQUIRE(beside);
    CHECK(count(*here, "/Filter [ /FlateDecode ]") >= 47);
    CHECK(here->size() > 60000);
    CHECK(*beside == *here);
    const std::optional<std::string> moved_here = book(false, nullptr, 1);
    REQUIRE(moved_here);
    CHECK(*moved_here != *here);

    // An earlier build kept every page's body (the two large pages are not named); a later one,
    // here or beside, takes each from the memo: the same file, no body drawn. A later one whose
    // bodies moved one page on (another left edge, another folio) takes all but the new last.
    std::vector<core::StreamDigest> body_names;
    for (std::size_t body = 0; body <= 45; ++body) body_names.push_back(core::sha256("body " + std::to_string(body)));
    for (const bool beside_then : {false, true}) {
      CAPTURE(beside_then);
      MemoryMemo memo;
      CHECK(book(beside_then, &memo) == here);
      CHECK(memo.holds(body_names) == 45);
      // The parts around the bodies, the first operators and the furniture, are kept too, one
      // entry a page.
      const int keeps = memo.keeps;
      CHECK(keeps == 90);
      CHECK(memo.misses == 45);
      CHECK(book(!beside_then, &memo) == here);
      CHECK(memo.keeps == keeps);  // every body, and the parts around it, recalled
      CHECK(memo.misses == 45);
      memo.hits.clear();
      CHECK(book(beside_then, &memo, 1) == moved_here);
      CHECK(memo.holds(body_names) == 46);  // body 45 alone was drawn
      CHECK(std::count_if(memo.hits.begin(), memo.hits.end(), [&](const core::StreamDigest& hit) {
              return std::find(body_names.begin(), body_names.end(), hit) != body_names.end();
            }) == 44);
      // What the memo gives is what the body holds: another stream there shows in the file.
      for (const core::StreamDigest& name : body_names) {
        if (memo.kept.contains(name)) memo.kept[name] = core::flate_part("0 0 m 1 1 l S").kept_form();
      }
      const std::optional<std::string> recalled = book(beside_then, &memo);
      REQUIRE(recalled);
      CHECK(*recalled != *here);
      CHECK(count(*recalled, "/Filter [ /FlateDecode ]") == count(*here, "/Filter [ /FlateDecode ]"));
      // A kept body that does not read back whole is drawn again.
      for (const core::StreamDigest& name : body_names) {
        if (memo.kept.contains(name)) memo.kept[name].pop_back();
      }
      CHECK(book(beside_then, &memo) == here);
    }
  }

  TEST_CASE("the parts around a body are recalled only after the body was, and before anything is drawn after it") {
    MemoryMemo memo;
    const core::StreamDigest name = core::sha256("body");
    const core::StreamDigest around = core::sha256("around");
    // Drawn and kept once: the body, then the parts around it.
    const auto build = [&](bool recall_around_early, bool draw_before_recall) {
      pdf::HaruDocument haru;
      haru.remember_compressed_pages(memo);
      REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
      const std::size_t page = haru.add_page(200, 300);
      haru.begin_body(page, 31.18);
      const bool recalled = haru.recall_body(page, name, {fonts::FontFace::serif});
      if (!recalled) haru.show_text(page, fonts::FontFace::serif, 10, 10, 280, "Body");
      if (recall_around_early) CHECK_FALSE(haru.recall_furniture(page, around, {fonts::FontFace::serif}));
      haru.end_body(page);
      if (draw_before_recall) haru.show_text(page, fonts::FontFace::serif, 8, 100, 20, "1");
      const bool furniture = recalled && haru.recall_furniture(page, around, {fonts::FontFace::serif});
      if (!furniture && !draw_before_recall) haru.show_text(page, fonts::FontFace::serif, 8, 100, 20, "1");
      haru.finish_page(page, recalled ? std::nullopt : std::optional(name), around);
      const std::optional<std::string> bytes = haru.save();
      return std::pair(bytes, haru.error());
    };
    const auto [cold, cold_error] = build(false, false);
    REQUIRE(cold);
    CHECK(cold_error == "");
    CHECK(memo.keeps == 2);
    memo.hits.clear();
    CHECK(build(false, false) == std::pair(cold, std::string()));
    CHECK(memo.hits == std::vector{name, around});
    CHECK(memo.keeps == 2);
    // Inside the body, or after drawing past it, the document fails rather than join the parts
    // around some other drawing.
    const std::string misuse = "furniture recalled on a page whose body was not recalled, or after drawing on it";
    CHECK(build(true, false).second == misuse);
    CHECK(build(false, true).second == misuse);
    // A damaged entry is no entry: the furniture is drawn, the file the same.
    memo.kept[around].pop_back();
    CHECK(build(false, false) == std::pair(cold, std::string()));
  }

  TEST_CASE("a page's body is drawn from its text block's left edge, between q and Q") {
    pdf::HaruDocument haru;
    haru.set_compression(false);
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
    const std::size_t page = haru.add_page(200, 300);
    haru.begin_body(page, 56.6929);
    haru.show_text(page, fonts::FontFace::serif, 10, 10, 280.66, "Body");
    haru.stroke_line(page, 0, 270, 120, 270, 0.5);
    haru.end_body(page);
    haru.show_text(page, fonts::FontFace::serif, 8, 100, 20, "7");
    haru.finish_page(page);
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(haru.error() == "");
    const std::size_t start = bytes->find("q\n1 0 0 1 ");
    REQUIRE(start != std::string::npos);
    const std::string content = bytes->substr(start, bytes->find("endstream", start) - start);
    // The body between q and Q, moved to its left edge (rounded to 0.01 pt); the folio after.
    CHECK(content.find("q\n1 0 0 1 56.69 0 cm\n") == 0);
    const std::size_t body_end = content.find("Q\n");
    REQUIRE(body_end != std::string::npos);
    CHECK(content.find("10 280.66 Td") < body_end);  // exact hundredths, not a float's 280.65997
    CHECK(content.find("100 20 Td") > body_end);
  }

  TEST_CASE("a body must be begun before it is ended or recalled, and ended before the page is finished") {
    pdf::HaruDocument haru;
    const std::size_t page = haru.add_page(200, 300);
    haru.end_body(page);
    CHECK(haru.error() == "a body ended that was not begun");
    pdf::HaruDocument unended;
    const std::size_t other = unended.add_page(200, 300);
    unended.begin_body(other, 20);
    unended.finish_page(other);
    CHECK(unended.error() == "a page finished inside its body");
    // A recalled body names its fonts from /F1 and starts with no text rise: nothing comes before.
    pdf::HaruDocument late;
    REQUIRE(late.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
    const std::size_t drawn = late.add_page(200, 300);
    late.show_text(drawn, fonts::FontFace::serif, 8, 100, 20, "7");
    late.begin_body(drawn, 20);
    CHECK(late.error() == "a body begun after drawing on its page");
  }

  TEST_CASE("with compression off, a body is never recalled: it is drawn, as the page is written as drawn") {
    MemoryMemo memo;
    const core::StreamDigest name = core::sha256("body");
    memo.kept[name] = core::flate_part("0 0 m 1 1 l S").kept_form();
    pdf::HaruDocument haru;
    haru.set_compression(false);
    haru.remember_compressed_pages(memo);
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
    const std::size_t page = haru.add_page(200, 300);
    haru.begin_body(page, 20);
    CHECK_FALSE(haru.recall_body(page, name, {fonts::FontFace::serif}));
    haru.show_text(page, fonts::FontFace::serif, 10, 10, 280, "Body");
    haru.end_body(page);
    haru.finish_page(page, name);
    const std::optional<std::string> bytes = haru.save();
    REQUIRE(bytes);
    CHECK(haru.error() == "");
    CHECK(contains(*bytes, "10 280 Td"));
    CHECK(memo.keeps == 0);  // nothing compressed, nothing kept
  }

  TEST_CASE("a page cannot be drawn on once it is handed to the thread that compresses it") {
    pdf::HaruDocument haru;
    haru.compress_pages_beside();
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf"));
    const std::size_t page = haru.add_page(200, 100);
    haru.show_text(page, fonts::FontFace::serif, 10, 10, 50, "Done");
    haru.finish_page(page);
    haru.show_text(page, fonts::FontFace::serif, 10, 10, 30, "Late");
    CHECK(haru.error() == "drawing on a finished page");
    CHECK_FALSE(haru.save());
  }

  TEST_CASE("libharu's errors are recorded, sticky, and make save fail") {
    pdf::HaruDocument haru;
    CHECK_FALSE(haru.load_font(fonts::FontFace::serif, "/nonexistent/font.ttf"));
    CHECK(haru.failed());
    CHECK(haru.error() == "libharu error 0x1017 (cannot open a file), detail 2");
    haru.add_page(100, 100);
    CHECK_FALSE(haru.save());
  }

  TEST_CASE("drawing with a face that was never loaded is an adapter error") {
    pdf::HaruDocument haru;
    const std::size_t page = haru.add_page(100, 100);
    haru.show_text(page, fonts::FontFace::mono, 10, 0, 0, "x");
    CHECK(haru.error() == "font face not loaded");
    CHECK_FALSE(haru.save());
  }
}
