// A hand-built three-page LaidOutBook (two front-matter pages, one body page) shared by the PDF
// writer and text trace tests: curly quotes, dashes, an accented letter, an internal and an
// external link, a rule and a two-level outline.
#pragma once

#include <string>

#include "layout/page.hpp"

namespace octavo::pdf::testing {

inline std::string fonts_dir() { return std::string(OCTAVO_SOURCE_DIR) + "/fonts"; }

inline layout::TextRun run(fonts::FontFace face, double size, double x, double baseline, std::string text) {
  return {face, core::Pt(size), core::Pt(x), core::Pt(baseline), std::move(text)};
}

inline layout::LaidOutBook sample_book() {
  using fonts::FontFace;
  layout::LaidOutBook book;
  book.front_matter_pages = 2;
  book.info = {"Octavo Sampler", "Ada Lovelace", "A test book", "Octavo 0.1.0", "", "2024-01-31T12:00:00Z"};

  layout::Page title;
  title.width = core::Pt(420);
  title.height = core::Pt(595.28);
  title.runs.push_back(run(FontFace::serif_bold, 24, 72, 200, "Octavo Sampler"));
  title.runs.push_back(run(FontFace::serif_italic, 12, 72, 230, "by Ada Lovelace"));
  title.rules.push_back({core::Pt(72), core::Pt(250), core::Pt(348), core::Pt(250), core::Pt(0.5)});
  title.anchors.push_back({"title", core::Pt(72)});
  book.pages.push_back(title);

  layout::Page contents = title;
  contents.runs = {run(FontFace::serif_bold, 14, 72, 90, "Contents"),
                   run(FontFace::serif, 10, 72, 120, "Caf\u00e9 society \u2013 1")};
  contents.rules.clear();
  contents.anchors = {{"contents", core::Pt(72)}};
  contents.links.push_back({core::Pt(72), core::Pt(110), core::Pt(348), core::Pt(123), "cafe", ""});
  book.pages.push_back(contents);

  layout::Page body = title;
  body.runs = {run(FontFace::serif_bold, 14, 72, 90, "Caf\u00e9 society"),
               run(FontFace::serif, 10, 72, 120, "\u201cCurly quotes\u201d \u2014 an em dash, 9\u20135 an en dash."),
               run(FontFace::mono, 9, 72, 135.5, "see https://example.org/caf\u00e9")};
  body.rules.clear();
  body.anchors = {{"cafe", core::Pt(72)}, {"quotes", core::Pt(110)}};
  body.links.push_back(
      {core::Pt(72), core::Pt(127.25), core::Pt(240.125), core::Pt(138), "", "https://example.org/caf\u00e9"});
  book.pages.push_back(body);

  book.outline = {{"Contents", "contents", {}},
                  {"Caf\u00e9 society", "cafe", {{"\u201cCurly quotes\u201d", "quotes", {}}}}};
  return book;
}

}  // namespace octavo::pdf::testing
