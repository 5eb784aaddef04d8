#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "layout/destination_table.hpp"

using namespace octavo;
using namespace octavo::layout;

TEST_SUITE("layout.destination_table") {
  TEST_CASE("names are numbered from 0 in the order first met, once each, and named back") {
    DestinationTable table;
    CHECK(table.size() == 0);
    CHECK(table.number("a1") == 0);
    CHECK(table.number("a1#intro") == 1);
    CHECK(table.number("a1") == 0);
    CHECK(table.number("") == 2);  // any string is a name to the table; pages leave empty ones unnumbered
    CHECK(table.size() == 3);
    CHECK(table.find("a1#intro") == DestinationNumber{1});
    CHECK_FALSE(table.find("a2"));
    CHECK(table.size() == 3);  // find numbers nothing
    // Names survive the table's growth: they are its keys, not copies that move.
    for (int i = 0; i < 5000; ++i) table.number("n" + std::to_string(i));
    CHECK(table.name(0) == "a1");
    CHECK(table.name(1) == "a1#intro");
    CHECK(table.name(4999 + 3) == "n4999");
  }

  TEST_CASE("a destination's first place stays its place; the front matter's is no body page") {
    DestinationTable table;
    const DestinationNumber body = table.number("body");
    const DestinationNumber front = table.number("front");
    const DestinationNumber nowhere = table.number("nowhere");
    table.place(body, 7);
    table.place(body, 3);  // a later anchor of the same name
    table.place(body, 0);  // and one in the front matter, which comes after the body
    table.place(front, 0);
    table.place(front, 9);
    CHECK(table.placed(body));
    CHECK(table.placed(front));
    CHECK_FALSE(table.placed(nowhere));
    CHECK_FALSE(table.placed(99));  // never numbered
    CHECK(table.body_page("body") == std::size_t{7});
    CHECK(table.body_page(body) == std::size_t{7});
    CHECK_FALSE(table.body_page(front));
    CHECK_FALSE(table.body_page(99));
    CHECK_FALSE(table.body_page("front"));
    CHECK_FALSE(table.body_page("nowhere"));
    CHECK_FALSE(table.body_page("unknown"));
  }

  TEST_CASE("a page's anchors and internal links, and an outline, are numbered in the table") {
    DestinationTable table;
    Page page;
    page.anchors.push_back({"a1", core::Pt(10)});
    page.anchors.push_back({"a1#end", core::Pt(400)});
    page.links.push_back({core::Pt(0), core::Pt(0), core::Pt(9), core::Pt(9), "a2", ""});
    page.links.push_back({core::Pt(0), core::Pt(0), core::Pt(9), core::Pt(9), "", "https://example.org/", 77});
    page.links.push_back({core::Pt(0), core::Pt(0), core::Pt(9), core::Pt(9), "a1#end", ""});
    number_destinations(page, table);
    CHECK(page.anchors[0].number == 0);
    CHECK(page.anchors[1].number == 1);
    CHECK(page.links[0].number == 2);
    CHECK(page.links[1].number == 77);  // a web link has no destination to number
    CHECK(page.links[2].number == 1);
    CHECK(table.size() == 3);

    std::vector<OutlineEntry> outline = {{"Two", "a2", {{"Its end", "a2#end", {}}}}, {"One", "a1", {}}};
    number_destinations(outline, table);
    CHECK(outline[0].number == 2);
    CHECK(outline[0].children[0].number == 3);
    CHECK(outline[1].number == 0);
    CHECK(table.name(3) == "a2#end");
  }
}
