#include "pdf/text_trace.hpp"

#include <charconv>
#include <cmath>
#include <cstddef>

#include "layout/page_furniture.hpp"

namespace octavo::pdf {

namespace {

// Two decimals, trailing zeros dropped, through std::to_chars so that no locale can change the
// decimal point; "-0" is written "0" so that rounding noise never shows up as a diff.
std::string number(core::Pt length) {
  double value = std::round(length.value * 100.0) / 100.0;
  if (value == 0.0) value = 0.0;  // turns -0.0 into 0.0
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
  std::string text(buffer, result.ptr);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

std::string point(core::Pt x, core::Pt y) { return number(x) + "," + number(y); }

// The run's text between double quotes; quote, backslash and control bytes are escaped so that
// every run stays on one line.
std::string quoted(const std::string& text) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte == 0x7F) {
      out += "\\x";
      out += digits[byte >> 4];
      out += digits[byte & 0xF];
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

}  // namespace

const char* face_name(fonts::FontFace face) {
  switch (face) {
    case fonts::FontFace::serif: return "serif";
    case fonts::FontFace::serif_italic: return "serif-italic";
    case fonts::FontFace::serif_bold: return "serif-bold";
    case fonts::FontFace::serif_bold_italic: return "serif-bold-italic";
    case fonts::FontFace::mono: return "mono";
    case fonts::FontFace::fallback: return "fallback";
  }
  return "unknown";
}

std::string page_label(const layout::LaidOutBook& book, std::size_t page_index) {
  if (page_index < book.front_matter_pages) return layout::roman_numeral(page_index + 1);
  return std::to_string(page_index - book.front_matter_pages + 1);
}

std::string trace_pages(const layout::LaidOutBook& book) {
  std::string out;
  for (std::size_t index = 0; index < book.pages.size(); ++index) {
    const layout::Page& page = book.pages[index];
    out += "page " + std::to_string(index + 1) + " [" + page_label(book, index) + "] " + number(page.width) + " x " +
           number(page.height) + "\n";
    // The body in the page's coordinates, then the furniture, as drawn.
    const std::vector<layout::TextRun> runs = layout::placed_runs(page);
    const std::vector<layout::Rule> rules = layout::placed_rules(page);
    for (const layout::TextRun& run : runs) {
      out += "  run " + std::string(face_name(run.face)) + " " + number(run.size) + " at " +
             point(run.x, run.baseline) + " " + quoted(run.text);
      // Superscripts and subscripts: how far the run is drawn above (below) its baseline.
      if (run.rise != core::Pt(0)) out += " rise " + number(run.rise);
      // Kerns as byte offset:amount, only where the font kerns (never with fake metrics).
      if (!run.kerns.empty()) out += " kern";
      for (const fonts::Kern& kern : run.kerns)
        out.append(" ").append(std::to_string(kern.offset)).append(":").append(number(kern.amount));
      out += "\n";
    }
    for (const layout::Rule& rule : rules) {
      out += "  rule " + point(rule.x1, rule.y1) + " to " + point(rule.x2, rule.y2) + " width " +
             number(rule.thickness) + "\n";
    }
    for (const layout::LinkArea& link : page.links) {
      const std::string target = link.uri.empty() ? "#" + link.destination : link.uri;
      out += "  link " + point(link.left, link.top) + " to " + point(link.right, link.bottom) + " -> " + target + "\n";
    }
    for (const layout::Anchor& anchor : page.anchors) {
      out += "  anchor " + anchor.name + " at " + number(anchor.y) + "\n";
    }
    for (const layout::ImageBox& image : page.images) {
      out += "  image " + image.name + " at " + point(page.text_left + image.x, image.y) + " size " +
             point(image.width, image.height) + "\n";
    }
  }
  return out;
}

}  // namespace octavo::pdf
