#include <doctest/doctest.h>

#include <bit>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>

#include "cache/entry_codec.hpp"
#include "figure_block.hpp"
#include "layout/article_flow.hpp"
#include "layout/layout_test_support.hpp"
#include "set_article_dump.hpp"
#include "table_blocks.hpp"

using namespace octavo;

namespace {

// A key as article_key gives one: 32 bytes.
core::StreamDigest digest_of(std::uint8_t byte) {
  core::StreamDigest digest{};
  digest.fill(byte);
  return digest;
}

const core::StreamDigest key = digest_of(0xaa);
const std::string svg = "<svg xmlns='http://www.w3.org/2000/svg' width='20' height='10'/>";

// An article with a little of everything layout sets: a figure, a footnote, links in and out of
// the book, a table long enough that its head row repeats on every page, a missing character.
model::Article rich_article() {
  model::Block linking = test::paragraph("Read ");
  linking.inlines.push_back(model::link_inline("https://example.org/x", {model::text_inline("this page")}));
  model::Inline inside = model::link_inline("#notes", {model::text_inline("the notes")});
  inside.target_article = "rich";
  linking.inlines.push_back(std::move(inside));
  model::Inline ref;
  ref.kind = model::InlineKind::footnote_ref;
  ref.target = "fn-1";
  ref.text = "1";
  ref.id = "fnref-1";
  linking.inlines.push_back(std::move(ref));
  linking.inlines.push_back(model::text_inline(" and \u4E2D."));
  std::vector<model::Block> rows = {test::row_of({"Name", "Value"}, true)};
  for (int i = 0; i < 40; ++i) rows.push_back(test::row_of({"row " + std::to_string(i), "a value"}));
  model::Article article =
      test::article("rich", "Rich",
                    {linking, test::heading(1, "Notes", "notes"), test::figure("p.svg", svg, "A box", 20, 10),
                     test::table(std::move(rows), "A long table")});
  article.footnotes.push_back({"fn-1", "1", {test::paragraph("The note says so.")}, {"rich.md", 9, 1}});
  return article;
}

struct Fixture {
  test::FakeMetrics metrics;
  fonts::GlyphCoverage coverage{metrics};
  layout::PageStyle style = test::small_style(12);
  model::Book book = test::book_of({rich_article()});

  layout::SetArticle set() {
    layout::SetArticle out{{}, {}, coverage.branch()};
    layout::LayoutContext context{metrics, style, out.diagnostics, out.missing, nullptr};
    out.lines = layout::article_flow(book.articles[0], book.anchors, context);
    return out;
  }
  std::optional<layout::SetArticle> decode(std::string_view bytes, const core::StreamDigest& under = key) {
    return cache::decode_entry(bytes, under, book.articles[0], coverage.branch());
  }
};

// Lines whose every member has a value other than its default, doubles at their edges included.
layout::SetArticle every_member(const fonts::GlyphCoverage& coverage) {
  layout::SetArticle set{{}, {}, coverage.branch()};
  const core::Pt odd(std::bit_cast<double>(std::uint64_t{0x7FF8000000000ABC}));  // a NaN with a payload
  layout::FlowLine line;
  line.space_before = core::Pt(-0.0);
  line.height = core::Pt(1e-310);
  line.baseline = core::Pt(std::numeric_limits<double>::max());
  line.runs.push_back({fonts::FontFace::fallback, core::Pt(9), core::Pt(1.5), core::Pt(2.5), "AV", {}, core::Pt(3)});
  line.runs.push_back(
      {fonts::FontFace::serif_bold_italic, core::Pt(9), core::Pt(7), core::Pt(2.5), "To", {{1, core::Pt(-0.25)}}, odd});
  line.rules.push_back({core::Pt(1), core::Pt(2), core::Pt(3), core::Pt(4), core::Pt(0.4)});
  line.links.push_back({core::Pt(1), core::Pt(2), core::Pt(3), core::Pt(4), "dest", ""});
  line.links.push_back({core::Pt(5), core::Pt(6), core::Pt(7), core::Pt(8), "", "https://example.org/"});
  line.anchors.push_back({"here", core::Pt(-1)});
  layout::ImageBox image;
  image.key = core::sha256_hex(svg);
  image.name = "p.svg";
  image.info = {core::ImageFormat::gif, 20, 10, 4, 1, true, true, 3};
  image.bytes = std::make_shared<const std::string>(svg);
  image.location = {"rich.md", 3, 1};
  image.x = core::Pt(1);
  image.y = core::Pt(2);
  image.width = core::Pt(30);
  image.height = core::Pt(15);
  line.images.push_back(image);
  line.keep = layout::Keep::strong;
  line.break_before = true;
  line.facts = {true, true, true, true, true, true, true, -0.5};
  line.note_refs.push_back({"fn-1", "rich#fnref-1"});
  layout::FlowLine note_line = line;
  note_line.notes.clear();
  line.notes.push_back({{note_line, note_line}});
  auto head = std::make_shared<const std::vector<layout::FlowLine>>(std::vector<layout::FlowLine>{note_line});
  line.repeated_head = head;
  set.lines = {line, line};  // both share the one head
  layout::FlowLine plain;
  plain.repeated_head = std::make_shared<const std::vector<layout::FlowLine>>(std::vector<layout::FlowLine>{plain});
  set.lines.push_back(plain);  // another head
  set.lines.push_back(line);   // the first again, after it
  set.diagnostics.warning({"rich.md", 4, 2}, "word too long for the line", "a hint");
  set.diagnostics.error({}, "an error");
  set.missing.note_missing(U'\U0001F600', {"rich.md", 5, 7});
  set.missing.note_missing(U'\u4E2D', {"rich.md", 6, 1});
  return set;
}

// The article of `set` as a page sink that prepares bodies leaves it: two pages with digests and
// shown text, links and anchors, runs (which the entry leaves out), and figures of the cut.
layout::CutArticle prepared_cut(const layout::SetArticle& set) {
  layout::CutArticle cut{{}, {}, set.missing, {}};
  for (std::uint8_t n = 1; n <= 2; ++n) {
    layout::Page page{core::Pt(420), core::Pt(595.5 + n), {}, {}, {}, {}};
    page.runs.push_back({fonts::FontFace::serif, core::Pt(9), core::Pt(1), core::Pt(2), "drawn", {}, core::Pt(0)});
    page.rules.push_back({core::Pt(1), core::Pt(2), core::Pt(3), core::Pt(4), core::Pt(0.4)});
    page.links.push_back({core::Pt(1), core::Pt(2), core::Pt(3.25), core::Pt(-0.0), "a#dest", ""});
    page.links.push_back(
        {core::Pt(5), core::Pt(6), core::Pt(7), core::Pt(8), "", "https://example.org/" + std::to_string(n)});
    page.anchors.push_back({"here-" + std::to_string(n), core::Pt(-1.5)});
    page.body_digest = digest_of(n);
    page.body_text = layout::ShownText{{{fonts::FontFace::serif, U'd'}, {fonts::FontFace::fallback, U'\U0001F600'}},
                                       {{fonts::FontFace::serif, 1}, {fonts::FontFace::fallback, 2}}};
    cut.pages.push_back(std::move(page));
  }
  cut.stats.lines = 31;
  cut.stats.hyphenated_lines = 4;
  cut.stats.longest_hyphen_run = 2;
  cut.stats.justified_lines = 29;
  cut.stats.ratio_sum = 0.1 + 0.2;
  cut.stats.worst_stretch = 1.75;
  cut.stats.worst_shrink = -0.5;
  cut.stats.overfull_lines = 1;
  cut.stats.orphans = 2;
  cut.stats.widows = 3;
  cut.stats.headings_at_foot = 5;
  return cut;
}

}  // namespace

TEST_SUITE("cache.entry_codec") {
  TEST_CASE("an article's cut reads back without its bodies' runs, its lines still there") {
    Fixture fixture;
    const layout::SetArticle set = every_member(fixture.coverage);
    std::string bytes = cache::encode_entry(set, key);
    CHECK_FALSE(cache::decode_cut(bytes, key, fixture.coverage.branch()).has_value());  // none yet
    const layout::CutArticle cut = prepared_cut(set);
    REQUIRE(cache::add_cut(bytes, cut));
    const std::optional<layout::CutArticle> back = cache::decode_cut(bytes, key, fixture.coverage.branch());
    REQUIRE(back.has_value());
    REQUIRE(back->pages.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
      const layout::Page& page = back->pages[i];
      const layout::Page& original = cut.pages[i];
      CHECK(page.width.value == 420);
      CHECK(page.height.value == original.height.value);
      CHECK(page.runs.empty());
      CHECK(page.rules.empty());
      CHECK(page.body_digest == original.body_digest);
      CHECK(page.body_text == original.body_text);
      CHECK_FALSE(page.kept_body.has_value());
      REQUIRE(page.links.size() == 2);
      CHECK(page.links[0].destination == "a#dest");
      CHECK(std::bit_cast<std::uint64_t>(page.links[0].bottom.value) == std::bit_cast<std::uint64_t>(-0.0));
      CHECK(page.links[1].uri == original.links[1].uri);
      CHECK(page.links[1].left.value == 5);
      REQUIRE(page.anchors.size() == 1);
      CHECK(page.anchors[0].name == original.anchors[0].name);
      CHECK(page.anchors[0].y.value == -1.5);
    }
    const layout::LayoutStats& stats = back->stats;
    CHECK(stats.lines == 31);
    CHECK(stats.hyphenated_lines == 4);
    CHECK(stats.longest_hyphen_run == 2);
    CHECK(stats.justified_lines == 29);
    CHECK(stats.ratio_sum == 0.1 + 0.2);
    CHECK(stats.worst_stretch == 1.75);
    CHECK(stats.worst_shrink == -0.5);
    CHECK(stats.overfull_lines == 1);
    CHECK(stats.orphans == 2);
    CHECK(stats.widows == 3);
    CHECK(stats.headings_at_foot == 5);
    // The set's warnings and missing characters come with the cut, as with the lines.
    CHECK(back->diagnostics.to_string() == set.diagnostics.to_string());
    CHECK(back->missing.noted() == set.missing.noted());
    // The lines are read as before, the cut stepped over.
    const std::optional<layout::SetArticle> lines = fixture.decode(bytes);
    REQUIRE(lines.has_value());
    CHECK(test::dump(*lines) == test::dump(set));
    // Cut short anywhere, or with a byte after it, the entry is no cut and no lines.
    for (std::size_t size = 0; size < bytes.size(); size += 5) {
      CAPTURE(size);
      CHECK_FALSE(cache::decode_cut(std::string_view(bytes).substr(0, size), key, fixture.coverage.branch()));
      CHECK_FALSE(fixture.decode(std::string_view(bytes).substr(0, size)).has_value());
    }
    CHECK_FALSE(cache::decode_cut(bytes + "x", key, fixture.coverage.branch()).has_value());
    CHECK_FALSE(cache::decode_cut(bytes, digest_of(0xbb), fixture.coverage.branch()).has_value());
  }

  TEST_CASE("whatever follows an entry's lines as its cut decodes or fails without a crash") {
    // As the test above, for the cut's reader: every prefix of a real cut, random cuts after the
    // lines, and each byte of a real cut overwritten in turn.
    Fixture fixture;
    const layout::SetArticle set = every_member(fixture.coverage);
    const std::string no_cut = cache::encode_entry(set, key);
    std::string with_cut = no_cut;
    REQUIRE(cache::add_cut(with_cut, prepared_cut(set)));
    const auto decode_cut = [&](std::string_view bytes) {
      return cache::decode_cut(bytes, key, fixture.coverage.branch()).has_value();
    };
    REQUIRE(decode_cut(with_cut));
    const std::string lines = no_cut.substr(0, no_cut.size() - 1);  // without its "no cut" byte
    std::size_t decoded = 0;
    for (std::size_t size = lines.size(); size < with_cut.size(); ++size) {
      decoded += decode_cut(with_cut.substr(0, size));
      decoded += fixture.decode(with_cut.substr(0, size)).has_value();
    }
    CHECK(decoded == 0);
    std::uint64_t state = 7;
    for (int trial = 0; trial < 3000; ++trial) {
      std::string bytes = lines + '\x01';
      const int length = trial % 300;
      for (int i = 0; i < length; ++i) {
        state = state * 16807 % 2147483647;
        bytes += static_cast<char>(state % 3 == 0 ? state >> 8 : state % 4);
      }
      decode_cut(bytes);
      fixture.decode(bytes);
    }
    for (std::size_t at = lines.size(); at < with_cut.size(); ++at) {
      std::string bytes = with_cut;
      bytes[at] = static_cast<char>(0xFF);
      decode_cut(bytes);
      fixture.decode(bytes);
    }
  }

  TEST_CASE("a cut is kept only when every page was prepared and holds its body alone") {
    Fixture fixture;
    const layout::SetArticle set = every_member(fixture.coverage);
    const std::string entry = cache::encode_entry(set, key);
    const auto refused = [&](const std::function<void(layout::Page&)>& change) {
      layout::CutArticle cut = prepared_cut(set);
      change(cut.pages[1]);
      std::string bytes = entry;
      const bool added = cache::add_cut(bytes, cut);
      return !added && bytes == entry;
    };
    CHECK(refused([](layout::Page& page) { page.body_digest.reset(); }));
    CHECK(refused([](layout::Page& page) { page.body_text.reset(); }));
    CHECK(refused([](layout::Page& page) { page.images.push_back({}); }));
    CHECK(refused([](layout::Page& page) { page.text_left = core::Pt(30); }));
    CHECK(refused([](layout::Page& page) { page.furniture.rules.push_back({}); }));
    CHECK(refused([](layout::Page& page) { page.kept_body = "kept"; }));
    CHECK_FALSE(refused([](layout::Page&) {}));
    // Once only: an entry with a cut takes no second one, whatever its last byte.
    std::string bytes = entry;
    layout::CutArticle ending_in_zero = prepared_cut(set);
    ending_in_zero.stats.headings_at_foot = 0;
    REQUIRE(cache::add_cut(bytes, ending_in_zero));
    REQUIRE(bytes.back() == '\0');
    const std::string once = bytes;
    CHECK_FALSE(cache::add_cut(bytes, prepared_cut(set)));
    CHECK(bytes == once);
  }

  TEST_CASE("every member of every line reads back bit for bit, shared heads shared again") {
    Fixture fixture;
    const layout::SetArticle set = every_member(fixture.coverage);
    const std::optional<layout::SetArticle> back = fixture.decode(cache::encode_entry(set, key));
    REQUIRE(back.has_value());
    CHECK(test::dump(*back) == test::dump(set));
    CHECK(back->lines[0].repeated_head == back->lines[1].repeated_head);
    CHECK(back->lines[0].repeated_head == back->lines[3].repeated_head);
    CHECK(back->lines[2].repeated_head != back->lines[0].repeated_head);
    // The image's bytes come from the article, which shows the same picture.
    CHECK(back->lines[0].images[0].bytes == fixture.book.articles[0].blocks[2].images[0]->bytes);
  }

  TEST_CASE("an article set by article_flow reads back the same, its table's repeated head shared") {
    Fixture fixture;
    const layout::SetArticle set = fixture.set();
    std::size_t heads = 0;
    for (const layout::FlowLine& line : set.lines) heads += line.repeated_head != nullptr;
    REQUIRE(heads > 20);
    REQUIRE(set.diagnostics.all().empty());
    REQUIRE(set.missing.noted() == std::vector<char32_t>{U'\u4E2D'});  // above the fake fonts' U+2FFF
    const std::string bytes = cache::encode_entry(set, key);
    const std::optional<layout::SetArticle> back = fixture.decode(bytes);
    REQUIRE(back.has_value());
    CHECK(test::dump(*back) == test::dump(set));
    CHECK(cache::encode_entry(*back, key) == bytes);
  }

  TEST_CASE("recalled missing characters are reported as the article's own would be") {
    test::FakeMetrics metrics;
    fonts::GlyphCoverage direct(metrics);
    fonts::GlyphCoverage recalled(metrics);
    Fixture fixture;
    layout::SetArticle set = every_member(direct);
    std::optional<layout::SetArticle> back =
        cache::decode_entry(cache::encode_entry(set, key), key, fixture.book.articles[0], recalled.branch());
    REQUIRE(back.has_value());
    direct.merge(set.missing);
    recalled.merge(back->missing);
    core::DiagnosticList from_direct;
    core::DiagnosticList from_recalled;
    direct.report(from_direct, {}, false);
    recalled.report(from_recalled, {}, false);
    CHECK(from_recalled.to_string() == from_direct.to_string());
    CHECK(from_direct.to_string().find("rich.md:5:7: warning:") == 0);
  }

  TEST_CASE("a truncated entry, one with bytes after it, another key or a picture gone are no entry") {
    Fixture fixture;
    const std::string bytes = cache::encode_entry(every_member(fixture.coverage), key);
    REQUIRE(fixture.decode(bytes).has_value());
    for (std::size_t size = 0; size < bytes.size(); ++size) {
      CAPTURE(size);
      CHECK_FALSE(fixture.decode(std::string_view(bytes).substr(0, size)).has_value());
    }
    CHECK_FALSE(fixture.decode(bytes + "x").has_value());
    CHECK_FALSE(fixture.decode(bytes, digest_of(0xbb)).has_value());
    // The header names the format and the key: a changed byte there is no entry.
    for (std::size_t at = 0; at < 1 + 20 + 1 + 32; ++at) {
      std::string changed = bytes;
      changed[at] = static_cast<char>(changed[at] ^ 0x20);
      CAPTURE(at);
      CHECK_FALSE(fixture.decode(changed).has_value());
    }
    fixture.book.articles[0].blocks.erase(fixture.book.articles[0].blocks.begin() + 2);  // the figure
    CHECK_FALSE(fixture.decode(bytes).has_value());
  }

  TEST_CASE("whatever follows a valid header decodes or fails without a crash") {
    // The store stops accidents (EntryPack's CRC-32); this feeds the decoder itself every prefix
    // of a real entry and random bodies, so that its own bounds hold.
    Fixture fixture;
    const std::string body = cache::encode_entry(fixture.set(), key);
    std::size_t decoded = 0;
    for (std::size_t size = 0; size < body.size(); size += 7)
      decoded += fixture.decode(body.substr(0, size)).has_value();
    CHECK(decoded == 0);
    // The header alone, then random bytes (Park–Miller, so that every run feeds the same ones).
    const std::string header = body.substr(0, 1 + 20 + 1 + 32);  // the magic line, the version, the key
    REQUIRE(fixture.decode(body).has_value());
    std::uint64_t state = 1;
    for (int trial = 0; trial < 3000; ++trial) {
      std::string bytes = header;
      const int length = trial % 200;
      for (int i = 0; i < length; ++i) {
        state = state * 16807 % 2147483647;
        // Mostly small values, as counts and flags are, so that the decoder goes deep.
        bytes += static_cast<char>(state % 3 == 0 ? state >> 8 : state % 4);
      }
      fixture.decode(bytes);
    }
    // Random bytes inside a real entry: each position overwritten in turn.
    for (std::size_t at = header.size(); at < body.size(); at += 3) {
      std::string bytes = body;
      bytes[at] = static_cast<char>(0xFF);
      fixture.decode(bytes);
    }
  }
}
