#include "layout/word_shapes.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/thread_memo.hpp"
#include "layout/build_items.hpp"
#include "layout/hyphenator.hpp"
#include "layout_test_support.hpp"

namespace octavo::layout {
namespace {

using test::FontFace;

// Patterns that part "philosophical" as philo-so-phi-cal, given as bytes: no file is read.
const std::string patterns = "UTF-8\n1so\n1ph\n1ca\n";

// Every character 0.5 em, and "ph" kerned by -0.1 em, so that a word's box differs from the sum
// of its parts' boxes; counts the boxes it measures, and lets them be remembered if asked to.
class KernedMetrics final : public fonts::FontMetrics {
 public:
  explicit KernedMetrics(bool rememberable) : source_(rememberable ? core::new_memo_source() : 0) {}

  core::Pt width(FontFace face, std::string_view text, core::Pt size) const override {
    return inner_.width(face, text, size);
  }
  std::vector<fonts::Kern> kerning(FontFace, std::string_view text, core::Pt size) const override {
    std::vector<fonts::Kern> kerns;
    for (std::size_t at = text.find("ph"); at != std::string_view::npos; at = text.find("ph", at + 1)) {
      kerns.push_back({at + 1, size * -0.1});
    }
    return kerns;
  }
  fonts::MeasuredBox measure_box(FontFace face, std::string_view text, core::Pt size) const override {
    ++measured;
    return FontMetrics::measure_box(face, text, size);
  }
  core::Pt ascent(FontFace face, core::Pt size) const override { return inner_.ascent(face, size); }
  core::Pt descent(FontFace face, core::Pt size) const override { return inner_.descent(face, size); }
  bool has_glyph(FontFace face, char32_t code_point) const override { return inner_.has_glyph(face, code_point); }
  std::uint64_t memo_source() const override { return source_; }

  mutable int measured = 0;  ///< measure_box calls

 private:
  test::FakeMetrics inner_;
  std::uint64_t source_;
};

bool same_box(const fonts::MeasuredBox& a, const fonts::MeasuredBox& b) {
  return a.width.value == b.width.value && a.kerned == b.kerned;
}

// The items of `text`, set hyphenated at 10 pt with `metrics`, an anchor on its first word.
ItemList items_with(const fonts::FontMetrics& metrics, const Hyphenator& hyphenator, const std::string& text) {
  const PageStyle style = style::default_page_style();
  core::DiagnosticList diagnostics;
  fonts::GlyphCoverage coverage(metrics);
  LayoutContext context{metrics, style, diagnostics, coverage, &hyphenator};
  ItemBuilder builder(context, core::Pt(400));
  builder.set_hyphenate(true);
  builder.set_link_resolver([](const model::Inline&) { return std::optional<LinkTarget>(LinkTarget{"here", ""}); });
  model::Inline anchor;
  anchor.kind = model::InlineKind::anchor;
  anchor.id = "start";
  model::Inline words;
  words.kind = model::InlineKind::text;
  words.text = text;
  builder.add_inlines({anchor, words}, TextStyle{false, false, false, core::Pt(10)}, {"w.md", 1, 1});
  return builder.finish();
}

}  // namespace

TEST_SUITE("layout.word_shapes") {
  TEST_CASE("a shape is the word's box, its hyphenation points and the box of each part between them") {
    const Hyphenator hyphenator(patterns);
    const KernedMetrics metrics(false);
    const std::vector<std::size_t> points = hyphenator.hyphenation_points("philosophical");
    REQUIRE(points == std::vector<std::size_t>{5, 7, 10});
    const WordShape shape = measure_word_shape(metrics, FontFace::serif, core::Pt(10), "philosophical", &hyphenator);
    CHECK(same_box(shape.whole, metrics.measure_box(FontFace::serif, "philosophical", core::Pt(10))));
    CHECK(shape.whole.kerned);
    CHECK(shape.points == points);
    std::vector<std::string> parts;
    std::size_t from = 0;
    for (const std::size_t at : points) {
      parts.push_back(std::string("philosophical").substr(from, at - from));
      from = at;
    }
    parts.push_back(std::string("philosophical").substr(from));
    REQUIRE(shape.parts.size() == parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i) {
      CHECK(same_box(shape.parts[i], metrics.measure_box(FontFace::serif, parts[i], core::Pt(10))));
    }
  }

  TEST_CASE("without a hyphenator, or a word no point cuts, a shape is its box alone") {
    const KernedMetrics metrics(false);
    const WordShape alone = measure_word_shape(metrics, FontFace::serif, core::Pt(10), "philosophical", nullptr);
    CHECK(alone.points.empty());
    CHECK(alone.parts.empty());
    const Hyphenator none;
    CHECK(measure_word_shape(metrics, FontFace::serif, core::Pt(10), "philosophical", &none).parts.empty());
    const Hyphenator hyphenator(patterns);
    CHECK(measure_word_shape(metrics, FontFace::serif, core::Pt(10), "the", &hyphenator).parts.empty());
  }

  TEST_CASE("metrics that do not let their measures be remembered are asked every time") {
    const KernedMetrics metrics(false);
    CHECK(remembered_word_shape(metrics, FontFace::serif, core::Pt(10), "word", nullptr) == nullptr);
    CHECK(metrics.measured == 0);
  }

  TEST_CASE("a word is measured once a thread for each face, size and patterns, then recalled") {
    const Hyphenator hyphenator(patterns);
    const KernedMetrics metrics(true);
    const WordShape* first =
        remembered_word_shape(metrics, FontFace::serif, core::Pt(10), "philosophical", &hyphenator);
    REQUIRE(first != nullptr);
    const int measured = metrics.measured;
    CHECK(measured > 1);  // the word and its parts
    const WordShape expected = measure_word_shape(metrics, FontFace::serif, core::Pt(10), "philosophical", &hyphenator);
    metrics.measured = measured;
    const WordShape* again =
        remembered_word_shape(metrics, FontFace::serif, core::Pt(10), "philosophical", &hyphenator);
    REQUIRE(again != nullptr);
    CHECK(metrics.measured == measured);
    CHECK(same_box(again->whole, expected.whole));
    CHECK(again->points == expected.points);
    CHECK(again->parts.size() == expected.parts.size());
    // Another size, face or patterns (none) is another setting: measured anew.
    remembered_word_shape(metrics, FontFace::serif, core::Pt(9), "philosophical", &hyphenator);
    CHECK(metrics.measured == 2 * measured);
    remembered_word_shape(metrics, FontFace::serif_italic, core::Pt(10), "philosophical", &hyphenator);
    CHECK(metrics.measured == 3 * measured);
    const WordShape* unhyphenated =
        remembered_word_shape(metrics, FontFace::serif, core::Pt(10), "philosophical", nullptr);
    REQUIRE(unhyphenated != nullptr);
    CHECK(metrics.measured == 3 * measured + 1);
    CHECK(unhyphenated->parts.empty());
    // Other metrics, even alike, never take these shapes.
    const KernedMetrics other(true);
    remembered_word_shape(other, FontFace::serif, core::Pt(10), "philosophical", &hyphenator);
    CHECK(other.measured == measured);
  }

  TEST_CASE("a word longer than 64 bytes is measured every time, and its shape is still given") {
    const KernedMetrics metrics(true);
    const std::string token(65, 'x');
    const WordShape* first = remembered_word_shape(metrics, FontFace::serif, core::Pt(10), token, nullptr);
    REQUIRE(first != nullptr);
    CHECK(same_box(first->whole, metrics.measure_box(FontFace::serif, token, core::Pt(10))));
    const int measured = metrics.measured;
    remembered_word_shape(metrics, FontFace::serif, core::Pt(10), token, nullptr);
    CHECK(metrics.measured == measured + 1);
    remembered_word_shape(metrics, FontFace::serif, core::Pt(10), std::string(64, 'x'), nullptr);
    remembered_word_shape(metrics, FontFace::serif, core::Pt(10), std::string(64, 'x'), nullptr);
    CHECK(metrics.measured == measured + 2);  // 64 bytes: remembered
  }

  TEST_CASE("past 16,384 words a thread forgets them all, and measures each again when asked") {
    const KernedMetrics metrics(true);
    remembered_word_shape(metrics, FontFace::serif, core::Pt(10), "first", nullptr);
    remembered_word_shape(metrics, FontFace::serif, core::Pt(10), "first", nullptr);
    CHECK(metrics.measured == 1);
    // In two settings, so that the budget is the thread's, not a setting's.
    for (int i = 0; i < 16384; ++i) {
      const FontFace face = i % 2 == 0 ? FontFace::serif : FontFace::serif_bold;
      remembered_word_shape(metrics, face, core::Pt(10), "word" + std::to_string(i), nullptr);
    }
    CHECK(metrics.measured == 16385);
    const WordShape* again = remembered_word_shape(metrics, FontFace::serif, core::Pt(10), "first", nullptr);
    REQUIRE(again != nullptr);
    CHECK(metrics.measured == 16386);
    CHECK(same_box(again->whole, metrics.measure_box(FontFace::serif, "first", core::Pt(10))));
  }

  TEST_CASE("a paragraph set with remembered shapes has the items of one measured word by word") {
    const Hyphenator hyphenator(patterns);
    const std::string text = "philosophical graphs, philosophical typography and philosophical paragraphs";
    const KernedMetrics measuring(false);
    const KernedMetrics remembering(true);
    const ItemList measured = items_with(measuring, hyphenator, text);
    const ItemList remembered = items_with(remembering, hyphenator, text);
    CHECK(remembering.measured < measuring.measured);
    REQUIRE(measured.items.size() == remembered.items.size());
    CHECK(measured.items.size() > 12);  // hyphenation points made items of their own
    for (std::size_t i = 0; i < measured.items.size(); ++i) {
      const Item& a = measured.items[i];
      const Item& b = remembered.items[i];
      CAPTURE(i);
      CHECK(a.kind == b.kind);
      CHECK(a.text == b.text);
      CHECK(a.width.value == b.width.value);
      CHECK(a.flagged == b.flagged);
      CHECK(a.unkerned == b.unkerned);
      CHECK(a.marks == b.marks);
    }
    CHECK(remembered.items.front().marks >= 0);  // the anchor rides on the first part's box
  }
}

}  // namespace octavo::layout
