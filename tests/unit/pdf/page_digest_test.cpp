#include <doctest/doctest.h>

#include <functional>
#include <vector>

#include "pdf/page_digest.hpp"
#include "sample_book.hpp"

using namespace octavo;

TEST_SUITE("pdf.page_digest") {
  TEST_CASE("every drawn field of a page changes its digest; anchors and links do not") {
    const layout::Page page = pdf::testing::sample_book().pages[2];
    const core::StreamDigest digest = pdf::page_digest(page);
    CHECK(pdf::page_digest(page) == digest);

    const std::vector<std::function<void(layout::Page&)>> drawn_changes = {
        [](layout::Page& p) { p.width = core::Pt(421); },
        [](layout::Page& p) { p.height = core::Pt(600); },
        [](layout::Page& p) { p.runs[0].face = fonts::FontFace::serif; },
        [](layout::Page& p) { p.runs[0].size = core::Pt(14.5); },
        [](layout::Page& p) { p.runs[1].x = core::Pt(72.01); },
        [](layout::Page& p) { p.runs[1].baseline = core::Pt(121); },
        [](layout::Page& p) { p.runs[1].rise = core::Pt(2); },
        [](layout::Page& p) { p.runs[1].after_word_space = true; },  // a space drawn before it
        [](layout::Page& p) { p.runs[1].text += "."; },
        [](layout::Page& p) {
          p.runs[1].kerns.push_back({3, core::Pt(-0.2)});
        },
        [](layout::Page& p) { p.runs.pop_back(); },
        [](layout::Page& p) {
          p.rules.push_back({core::Pt(1), core::Pt(2), core::Pt(3), core::Pt(4), core::Pt(0.5)});
        },
        // A letter moved from the start of one run to the end of the one before: the same text
        // in all, another page.
        [](layout::Page& p) {
          p.runs[0].text += p.runs[1].text.substr(0, 1);
          p.runs[1].text.erase(0, 1);
        },
    };
    for (std::size_t i = 0; i < drawn_changes.size(); ++i) {
      CAPTURE(i);
      layout::Page changed = page;
      drawn_changes[i](changed);
      CHECK(pdf::page_digest(changed) != digest);
    }

    layout::Page same_drawing = page;
    same_drawing.anchors.push_back({"elsewhere", core::Pt(300)});
    same_drawing.links.clear();
    CHECK(pdf::page_digest(same_drawing) == digest);
  }

  TEST_CASE("the parts around a body are named by the body, the page's size and left edge, and its furniture") {
    layout::Page page = pdf::testing::sample_book().pages[2];
    page.text_left = core::Pt(48.19);
    page.furniture.runs.push_back({fonts::FontFace::serif, core::Pt(9), core::Pt(188.19), core::Pt(560), "12"});
    page.furniture.rules.push_back({core::Pt(48.19), core::Pt(40), core::Pt(328.19), core::Pt(40), core::Pt(0.3)});
    const core::StreamDigest body = pdf::page_digest(page);
    const core::StreamDigest around = pdf::furniture_digest(body, page);
    CHECK(pdf::furniture_digest(body, page) == around);
    CHECK(around != body);
    // The body's own digest does not see the furniture or the left edge; this one does.
    const std::vector<std::function<void(layout::Page&)>> changes = {
        [](layout::Page& p) { p.text_left = core::Pt(56.69); },
        [](layout::Page& p) { p.height = core::Pt(600); },
        [](layout::Page& p) { p.width = core::Pt(421); },
        [](layout::Page& p) { p.furniture.runs[0].text = "13"; },
        [](layout::Page& p) { p.furniture.runs[0].x = core::Pt(188.2); },
        [](layout::Page& p) { p.furniture.runs[0].face = fonts::FontFace::serif_italic; },
        [](layout::Page& p) { p.furniture.runs.push_back(p.furniture.runs[0]); },
        [](layout::Page& p) { p.furniture.rules[0].y1 = core::Pt(41); },
        [](layout::Page& p) { p.furniture.rules.clear(); },
    };
    for (std::size_t i = 0; i < changes.size(); ++i) {
      CAPTURE(i);
      layout::Page changed = page;
      changes[i](changed);
      CHECK(pdf::furniture_digest(body, changed) != around);
    }
    // Another body under the same furniture: other parts (the furniture refers back into it).
    core::StreamDigest other_body = body;
    other_body[0] ^= 1;
    CHECK(pdf::furniture_digest(other_body, page) != around);
  }
}
