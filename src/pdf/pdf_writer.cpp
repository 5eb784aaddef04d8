#include "pdf/pdf_writer.hpp"

#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <system_error>

#include "core/file_system.hpp"
#include "core/fixed_clock.hpp"
#include "core/url.hpp"
#include "core/utf8.hpp"
#include "pdf/embed_image.hpp"
#include "pdf/harfbuzz_font.hpp"
#include "pdf/haru_document.hpp"
#include "pdf/to_unicode_cmap.hpp"

namespace octavo::pdf {

namespace {

constexpr std::size_t face_count = layout::face_count;

struct Target {
  std::size_t page = 0;
  core::Pt y;  // from the top of the page
};

std::string on_page(std::size_t index) { return "on page " + std::to_string(index + 1); }

// A URI action's URI is 7-bit ASCII (PDF 32000-1 §12.6.4.7). encode_url's output always is, and
// it is the encoding the EPUB's hrefs get, so both books link to the same address.
std::string ascii_uri(const std::string& uri) { return core::encode_url(uri); }

// Layout promises UTF-8 runs of characters their face has (TextRun). A broken promise would draw
// .notdef boxes or, past the BMP, spaces: it is reported, never silently dropped. Returns the
// code points each face draws, for its /ToUnicode CMap.
std::array<std::set<char32_t>, face_count> check_runs(const layout::LaidOutBook& book,
                                                      const layout::FontMetrics& metrics, core::DiagnosticSink& sink) {
  std::array<std::set<char32_t>, face_count> used;
  std::array<std::set<char32_t>, face_count> reported;
  for (std::size_t index = 0; index < book.pages.size(); ++index) {
    for (const layout::TextRun& run : book.pages[index].runs) {
      const std::size_t face = static_cast<std::size_t>(run.face);
      bool invalid = false;
      const std::string text = core::repair_utf8(run.text, [&invalid](std::size_t) { invalid = true; });
      if (invalid) sink.error({}, "expected UTF-8 text in a run " + on_page(index) + ", found invalid bytes");
      for (std::size_t pos = 0; pos < text.size();) {
        const char32_t code_point = core::decode_utf8(text, pos);
        used[face].insert(code_point);
        if (!metrics.has_glyph(run.face, code_point) && reported[face].insert(code_point).second) {
          sink.error({}, "expected characters that " + std::string(font_file_name(run.face)) + " has, found " +
                             core::code_point_name(code_point) + " " + on_page(index));
        }
      }
    }
  }
  return used;
}

// Layout measured with HarfBuzz's reading of the font; viewers advance by libharu's /W. Both are
// the font's hmtx in whole 1/1000 em, so they agree; a font where they do not would draw text
// where layout did not put it, which is reported rather than drawn silently.
void check_widths(const HaruDocument& pdf, const PdfDocument& document, layout::FontFace face,
                  const std::set<char32_t>& code_points, core::DiagnosticSink& sink) {
  const core::Pt em(1000);  // at 1000 pt, a width in points is a width in 1/1000 em
  for (const char32_t code_point : code_points) {
    std::string text;
    core::append_utf8(text, code_point);
    const double measured = document.metrics().width(face, text, em).value;
    if (code_point <= 0xFFFF && static_cast<double>(pdf.text_width(face, text)) != measured) {
      sink.error({document.font_path(face), 0, 0}, "expected libharu's width of " + core::code_point_name(code_point) +
                                                       " to be the measured " +
                                                       std::to_string(static_cast<long>(measured)) + ", found " +
                                                       std::to_string(pdf.text_width(face, text)));
      return;
    }
  }
}

void add_outline(HaruDocument& pdf, const std::vector<layout::OutlineEntry>& entries, std::size_t parent,
                 const std::map<std::string, Target>& anchors, const layout::LaidOutBook& book,
                 core::DiagnosticSink& sink) {
  for (const layout::OutlineEntry& entry : entries) {
    const auto target = anchors.find(entry.destination);
    if (target == anchors.end()) {
      sink.error({}, "expected an anchor named \"" + entry.destination + "\" for the outline entry \"" + entry.title +
                         "\", found none");
      continue;  // its children go with it: they have no place in the tree without it
    }
    const layout::Page& page = book.pages[target->second.page];
    // Top-level entries are open, so a reader sees the articles' sections; deeper ones closed.
    const std::size_t id = pdf.add_outline_entry(parent, entry.title, target->second.page,
                                                 (page.height - target->second.y).value, parent == 0);
    add_outline(pdf, entry.children, id, anchors, book, sink);
  }
}

void draw_frame(HaruDocument& pdf, std::size_t page, double left, double bottom, double right, double top) {
  constexpr double hairline = 0.5;
  pdf.stroke_line(page, left, bottom, right, bottom, hairline);
  pdf.stroke_line(page, right, bottom, right, top, hairline);
  pdf.stroke_line(page, right, top, left, top, hairline);
  pdf.stroke_line(page, left, top, left, bottom, hairline);
}

// A length as a TJ number: thousandths of the font size (PDF 32000-1 §9.4.3).
long thousandths(core::Pt length, core::Pt size) { return std::lround(length.value * 1000.0 / size.value); }

}  // namespace

// A page's text shrinks by a Td and a Tj per word. Positions are counted in whole thousandths of
// the size from the first run, each move taken from the exact target, so that rounding never
// adds up along a line.
JoinedRuns join_runs(const std::vector<layout::TextRun>& runs, std::size_t first, const layout::FontMetrics& metrics) {
  const layout::TextRun& start = runs[first];
  JoinedRuns out;
  long drawn = 0;  // where the text drawn so far ends
  std::size_t index = first;
  for (; index < runs.size(); ++index) {
    const layout::TextRun& run = runs[index];
    if (index > first && (run.face != start.face || run.size != start.size || run.baseline != start.baseline ||
                          run.rise != start.rise || out.text.empty()))
      break;
    const std::string text = core::repair_utf8(run.text);
    if (index > first) {
      const long gap = thousandths(run.x - start.x, start.size) - drawn;
      out.shifts.push_back({out.text.size(), -gap});
      drawn += gap;
    }
    // Kerns point into the run's own bytes: a repaired run (an error already) is drawn unkerned.
    if (text == run.text) {
      for (const layout::Kern& kern : run.kerns) {
        const long amount = thousandths(kern.amount, run.size);
        out.shifts.push_back({out.text.size() + kern.offset, -amount});
        drawn += amount;
      }
    }
    drawn += std::lround(metrics.width(run.face, text, core::Pt(1000)).value);
    out.text += text;
  }
  out.end = index;
  return out;
}

std::optional<std::string> render_pdf(const PdfDocument& document, const layout::LaidOutBook& book,
                                      core::DiagnosticSink& sink, core::Progress& progress) {
  // The stage starts before the text is checked, which takes about as long as drawing.
  progress.stage("Writing PDF", book.pages.size(), "pages");
  const std::array<std::set<char32_t>, face_count> used = check_runs(book, document.metrics(), sink);

  // A fresh libharu document for every book (see pdf_document.cpp on why measuring and drawing
  // never share one). Only the faces the pages use are loaded: libharu writes every font it has
  // created, with its whole cmap, hmtx and loca, even if no page uses it.
  HaruDocument pdf;
  for (std::size_t face = 0; face < face_count; ++face) {
    if (used[face].empty()) continue;
    const auto font_face = static_cast<layout::FontFace>(face);
    if (!pdf.load_font(font_face, document.font_path(font_face))) {
      sink.error({document.font_path(font_face), 0, 0}, "libharu cannot load the font: " + pdf.error());
      return std::nullopt;
    }
    check_widths(pdf, document, font_face, used[face], sink);
    pdf.replace_to_unicode(font_face, to_unicode_cmap(used[face]));
    // Only the glyphs the pages draw are embedded: a few kilobytes per face instead of 60–90.
    const std::optional<FontSubset> subset = subset_font(document.font_bytes(font_face), used[face]);
    if (!subset) {
      sink.error({document.font_path(font_face), 0, 0}, "harfbuzz cannot subset the font");
      return std::nullopt;
    }
    pdf.replace_font_program(font_face, subset->program, subset->glyphs);
  }

  const layout::DocumentInfo& info = book.info;
  const std::pair<InfoEntry, const std::string*> entries[] = {{InfoEntry::title, &info.title},
                                                              {InfoEntry::author, &info.author},
                                                              {InfoEntry::subject, &info.subject},
                                                              {InfoEntry::creator, &info.creator},
                                                              {InfoEntry::keywords, &info.keywords}};
  for (const auto& [entry, text] : entries) {
    if (!text->empty()) pdf.set_info(entry, *text);
  }
  if (!info.date.empty()) {
    if (const std::optional<core::Timestamp> date = core::parse_iso_timestamp(info.date)) {
      pdf.set_dates(*date);
    } else {
      sink.error({}, "expected a document date like 2024-01-31T12:00:00Z, found \"" + info.date + "\"");
    }
  }

  // Anchor names → page and position; the first anchor of a name wins.
  std::map<std::string, Target> anchors;
  for (std::size_t index = 0; index < book.pages.size(); ++index) {
    for (const layout::Anchor& anchor : book.pages[index].anchors)
      anchors.emplace(anchor.name, Target{index, anchor.y});
  }

  // PDF's origin is the bottom-left corner with y going up (PDF 32000-1 §8.3.2.3); layout's is
  // the top-left corner with y going down. Each distinct image is embedded once, at its first use
  // (an SVG drawn for the largest size it is printed at).
  std::map<std::string, std::optional<std::size_t>> images;
  const std::map<std::string, layout::ImageBox> largest = largest_boxes(book);
  for (std::size_t index = 0; index < book.pages.size(); ++index) {
    const layout::Page& page = book.pages[index];
    const auto pdf_y = [&page](core::Pt y) { return (page.height - y).value; };
    pdf.add_page(page.width.value, page.height.value);
    for (std::size_t first = 0; first < page.runs.size();) {
      const layout::TextRun& run = page.runs[first];
      if (run.size <= core::Pt(0)) {
        pdf.show_text(index, run.face, run.size.value, run.x.value, pdf_y(run.baseline), core::repair_utf8(run.text),
                      {}, run.rise.value);
        ++first;
        continue;
      }
      const JoinedRuns joined = join_runs(page.runs, first, document.metrics());
      pdf.show_text(index, run.face, run.size.value, run.x.value, pdf_y(run.baseline), joined.text, joined.shifts,
                    run.rise.value);
      first = joined.end;
    }
    for (const layout::Rule& rule : page.rules) {
      pdf.stroke_line(index, rule.x1.value, pdf_y(rule.y1), rule.x2.value, pdf_y(rule.y2), rule.thickness.value);
    }
    for (const layout::ImageBox& box : page.images) {
      auto [image, first_use] = images.try_emplace(box.key);
      if (first_use) image->second = embed_image(pdf, box, largest.at(box.key), book.info.language, sink);
      const double bottom = pdf_y(box.y + box.height);
      if (image->second) {
        pdf.draw_image(index, *image->second, box.x.value, bottom, box.width.value, box.height.value);
      } else {
        draw_frame(pdf, index, box.x.value, bottom, (box.x + box.width).value, pdf_y(box.y));
      }
    }
    progress.advance();
  }
  // Links after all pages exist, since a link may point forwards.
  for (std::size_t index = 0; index < book.pages.size(); ++index) {
    const layout::Page& page = book.pages[index];
    for (const layout::LinkArea& link : page.links) {
      const PdfRect area = {link.left.value, (page.height - link.bottom).value, link.right.value,
                            (page.height - link.top).value};
      if (!link.uri.empty()) {
        pdf.add_uri_link(index, area, ascii_uri(link.uri));
        continue;
      }
      const auto target = anchors.find(link.destination);
      if (target == anchors.end()) {
        sink.error(
            {}, "expected an anchor named \"" + link.destination + "\" for a link " + on_page(index) + ", found none");
        continue;
      }
      const layout::Page& target_page = book.pages[target->second.page];
      pdf.add_internal_link(index, area, target->second.page, (target_page.height - target->second.y).value);
    }
  }
  add_outline(pdf, book.outline, 0, anchors, book, sink);

  // Page labels (PDF 32000-1 §12.4.2): i, ii, … for the front matter, then 1, 2, …
  const std::size_t front = std::min(book.front_matter_pages, book.pages.size());
  if (front > 0) pdf.add_page_label(0, PageNumberStyle::lower_roman);
  if (front < book.pages.size()) pdf.add_page_label(front, PageNumberStyle::decimal);

  // libharu compresses every page here, in one call: a stage with nothing to count.
  progress.stage("Saving PDF", 0, "");
  std::optional<std::string> bytes = pdf.save();
  if (!bytes) sink.error({}, "cannot produce the PDF: " + pdf.error());
  return bytes;
}

bool write_pdf(PdfDocument& document, const layout::LaidOutBook& book, const std::string& path,
               core::DiagnosticSink& sink, core::Progress& progress) {
  core::CountingSink counting(sink);
  const std::optional<std::string> bytes = render_pdf(document, book, counting, progress);
  if (!bytes) return false;
  if (const std::optional<std::string> reason = core::write_whole_file(path, *bytes)) {
    sink.error({path, 0, 0}, "cannot write the PDF file: " + *reason);
    return false;
  }
  return counting.errors() == 0;
}

}  // namespace octavo::pdf
