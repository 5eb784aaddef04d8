#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "layout/contents_flow.hpp"
#include "layout/layout_test_support.hpp"
#include "layout/set_paragraph.hpp"

using namespace octavo;
using namespace octavo::layout;

namespace {

using Fixture = test::LayoutFixture;

// Destinations each placed on the body page given.
DestinationTable on_pages(const std::vector<std::pair<std::string, std::size_t>>& places) {
  DestinationTable destinations;
  for (const auto& [name, page] : places) destinations.place(destinations.number(name), page);
  return destinations;
}

// Each line's runs (text at x), its links and anchors: what contents_flow makes of an entry.
std::string described(const std::vector<FlowLine>& lines) {
  std::string out;
  for (const FlowLine& line : lines) {
    out += std::to_string(line.space_before.value) + " " + std::to_string(line.height.value) + " " +
           std::to_string(line.baseline.value) + " keep" + std::to_string(static_cast<int>(line.keep)) + ":";
    for (const TextRun& run : line.runs) out += " [" + run.text + "@" + std::to_string(run.x.value) + "]";
    for (const LinkArea& link : line.links) out += " ->" + link.destination;
    for (const Anchor& anchor : line.anchors) out += " #" + anchor.name;
    out += "\n";
  }
  return out;
}

}  // namespace

TEST_SUITE("layout.contents_flow") {
  TEST_CASE("an untitled contents entry still shows its page number, on the baseline of body text") {
    Fixture f;
    const std::vector<FlowLine> lines = contents_flow({{"", "a1", 0}}, on_pages({{"a1", 3}}), f.context);
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].baseline ==
          baseline_in_leading(f.style.leading, fonts::FontFace::serif, f.style.body_size, f.metrics));
    CHECK(lines[1].runs.back().text == "3");
  }

  TEST_CASE("an entry whose anchor is missing gets neither page number nor link") {
    Fixture f;
    const std::vector<FlowLine> lines =
        contents_flow({{"Known", "a1", 0}, {"Lost", "nowhere", 1}}, on_pages({{"a1", 7}}), f.context);
    std::vector<std::string> texts;
    std::size_t links = 0;
    for (const FlowLine& line : lines) {
      Page page;
      page.runs = line.runs;
      if (!line.runs.empty()) texts.push_back(test::page_lines(page).front());
      links += line.links.size();
    }
    REQUIRE(texts.size() == 3);
    CHECK(texts[0] == "Contents");
    CHECK(texts[1].rfind("Known . . .", 0) == 0);
    CHECK(texts[1].substr(texts[1].size() - 2) == " 7");
    CHECK(texts[2] == "Lost");
    CHECK(links == 1);
  }

  TEST_CASE("titles set beforehand, in a context of their own, finish to the contents set in one go") {
    const std::vector<ContentsItem> items = {
        {"A part", "p1", 0, ContentsKind::part},
        {"An article whose title is long enough to take two lines of the contents, or more", "a1", 1},
        {"Its section", "s1", 2, ContentsKind::section},
        {"", "a2", 1},
        {"Lost", "nowhere", 1},
    };
    const DestinationTable pages = on_pages({{"p1", 1}, {"a1", 3}, {"s1", 4}, {"a2", 12}});
    Fixture in_one_go;
    const std::vector<FlowLine> expected = contents_flow(items, pages, in_one_go.context);
    Fixture beforehand;
    Fixture after;
    std::vector<std::vector<FlowLine>> titles = set_contents_titles(items, beforehand.context);
    REQUIRE(titles.size() == items.size());
    CHECK(titles[1].size() >= 2);  // the long title wraps: its number goes on its last line
    CHECK(titles[3].size() == 1);  // the untitled entry: one blank line for its number
    const std::vector<FlowLine> finished = contents_flow(items, std::move(titles), pages, after.context);
    CHECK(described(finished) == described(expected));
    CHECK(described(expected).find("[12@") != std::string::npos);
  }
}
