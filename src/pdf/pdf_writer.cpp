#include "pdf/pdf_writer.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cassert>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <set>

#include "core/deflate.hpp"
#include "core/file_system.hpp"
#include "core/fixed_clock.hpp"
#include "core/url.hpp"
#include "core/utf8.hpp"
#include "core/write_behind.hpp"
#include "fonts/harfbuzz_font.hpp"
#include "image/svg_fonts.hpp"
#include "layout/page_furniture.hpp"
#include "pdf/embed_image.hpp"
#include "pdf/font_codes.hpp"
#include "pdf/haru_document.hpp"
#include "pdf/page_digest.hpp"
#include "pdf/to_unicode_cmap.hpp"

namespace octavo::pdf {

namespace {

constexpr std::size_t face_count = fonts::face_count;

// A page as layout handed it over: the front matter's index (from 0), or a body page's.
struct PageRef {
  bool front = false;
  std::size_t index = 0;
};

// Whether page `a` comes before page `b` in the book: the front matter first, then by index.
bool precedes(PageRef a, PageRef b) { return a.front != b.front ? a.front : a.index < b.index; }

// Where a name points: its page, and the top of the target in PDF coordinates.
struct Target {
  PageRef page;
  double top = 0;
};

// A link kept until every page exists, since a link may point forwards.
struct PendingLink {
  PageRef page;
  PdfRect area;
  layout::DestinationNumber destination = 0;  // for an internal link
  std::string uri;
};

// The page as a reader's viewer labels it: i, ii, … for the front matter, 1, 2, … for the body.
std::string on_page(PageRef page) {
  return "on page " + (page.front ? layout::roman_numeral(page.index + 1) : std::to_string(page.index + 1));
}

// A URI action's URI is 7-bit ASCII (PDF 32000-1 §12.6.4.7). encode_url's output always is, and
// it is the encoding the EPUB's hrefs get, so both books link to the same address.
std::string ascii_uri(const std::string& uri) { return core::encode_url(uri); }

// Layout measured with HarfBuzz's reading of the font; viewers advance by libharu's /W. Both are
// the font's hmtx in whole 1/1000 em, so they agree; a font where they do not would draw text
// where layout did not put it, which is reported rather than drawn silently.
void check_widths(const HaruDocument& pdf, const fonts::FontSet& font_set, fonts::FontFace face,
                  const std::set<char32_t>& code_points, core::DiagnosticSink& sink) {
  const core::Pt em(1000);  // at 1000 pt, a width in points is a width in 1/1000 em
  for (const char32_t code_point : code_points) {
    std::string text;
    core::append_utf8(text, code_point);
    const double measured = font_set.metrics().width(face, text, em).value;
    if (code_point <= 0xFFFF && static_cast<double>(pdf.text_width(face, text)) != measured) {
      sink.error({font_set.font_path(face), 0, 0}, "expected libharu's width of " + core::code_point_name(code_point) +
                                                       " to be the measured " +
                                                       std::to_string(static_cast<long>(measured)) + ", found " +
                                                       std::to_string(pdf.text_width(face, text)));
      return;
    }
  }
}

void draw_frame(HaruDocument& pdf, std::size_t page, double left, double bottom, double right, double top) {
  constexpr double hairline = 0.5;
  pdf.stroke_line(page, left, bottom, right, bottom, hairline);
  pdf.stroke_line(page, right, bottom, right, top, hairline);
  pdf.stroke_line(page, right, top, left, top, hairline);
  pdf.stroke_line(page, left, top, left, bottom, hairline);
}

// The repair of a run's text when it is not valid UTF-8 (a broken promise, which check_runs
// reports); nullopt for valid text, nearly all, which is then drawn as it is, uncopied.
std::optional<std::string> repair_if_invalid(const std::string& text) {
  if (core::is_valid_utf8(text)) return std::nullopt;
  return core::repair_utf8(text);
}

// A length as a TJ number: thousandths of the font size (PDF 32000-1 §9.4.3).
long thousandths(core::Pt length, core::Pt size) { return std::lround(length.value * 1000.0 / size.value); }

// The faces `runs` show, each once, in the order drawing shows them first.
std::vector<fonts::FontFace> faces_in_order(const std::vector<layout::TextRun>& runs) {
  std::vector<fonts::FontFace> faces;
  for (const layout::TextRun& run : runs) {
    if (std::find(faces.begin(), faces.end(), run.face) == faces.end()) faces.push_back(run.face);
  }
  return faces;
}

// What `runs` show (layout::ShownText); nullopt if a run is not UTF-8 (drawing then repairs and
// reports it).
std::optional<layout::ShownText> shown_text(const std::vector<layout::TextRun>& runs) {
  // The BMP characters seen so far on this page, per face; cleared again from the list at the end,
  // so that a page pays for its own few characters and not for the whole table. Made at a
  // thread's first page: as a thread_local array its 48 KB were part of every thread's static TLS,
  // which the C library zeroes whenever it starts a thread, whether or not that thread draws.
  thread_local std::unique_ptr<std::array<std::bitset<0x10000>, face_count>> seen_table;
  if (!seen_table) seen_table = std::make_unique<std::array<std::bitset<0x10000>, face_count>>();
  std::array<std::bitset<0x10000>, face_count>& seen = *seen_table;
  layout::ShownText shown;
  const auto clear_seen = [&shown, &seen] {
    for (const layout::ShownCharacter& character : shown.characters) {
      if (character.code_point <= 0xFFFF) seen[static_cast<std::size_t>(character.face)].reset(character.code_point);
    }
  };
  bool valid = true;
  try {
    for (const layout::TextRun& run : runs) {
      std::bitset<0x10000>& seen_in_face = seen[static_cast<std::size_t>(run.face)];
      // Validated as it is decoded, in one pass: an invalid byte decodes to a one-byte U+FFFD
      // (core::find_invalid_utf8), where a genuine U+FFFD spans three. A separate validation
      // was 8 % of the layout threads' time in a rebuild.
      for (std::size_t pos = 0; pos < run.text.size();) {
        const std::size_t start = pos;
        const layout::ShownCharacter character{run.face, core::decode_utf8(run.text, pos)};
        if (character.code_point == core::replacement_character && pos - start == 1) {
          valid = false;
          break;
        }
        if (character.code_point <= 0xFFFF) {
          if (seen_in_face.test(character.code_point)) continue;
          seen_in_face.set(character.code_point);
        } else if (std::find(shown.characters.begin(), shown.characters.end(), character) != shown.characters.end()) {
          continue;
        }
        shown.characters.push_back(character);
      }
      if (!valid) break;
      if (std::none_of(shown.faces.begin(), shown.faces.end(),
                       [&run](const layout::ShownFace& face) { return face.face == run.face; })) {
        shown.faces.push_back({run.face, shown.characters.size()});
      }
    }
  } catch (...) {  // no memory: the table is left clear for the next page all the same
    clear_seen();
    throw;
  }
  clear_seen();
  if (!valid) return std::nullopt;
  return shown;
}

}  // namespace

// A page's text shrinks by a Td and a Tj per word. Positions are counted in thousandths of the
// size from the first run, each move taken from the target, so that rounding never adds up along
// a line. With word spaces, each is a space (a one-byte code 32) widened by the line's word
// spacing (Tw, PDF 32000-1 §9.3.3), and a word after one is moved only if it would start more
// than `word_space_tolerance` from its place: a justified line is one string.
JoinedRuns join_runs(const std::vector<layout::TextRun>& runs, std::size_t first, const fonts::FontMetrics& metrics,
                     WordSpaces word_spaces) {
  const layout::TextRun& start = runs[first];
  const double size = start.size.value;
  // The runs joined: where each starts (thousandths of the size from the first run's start), how
  // wide it is drawn (the widths /W gives its characters and its kerns, whole thousandths), and
  // its text's repair if it is not UTF-8 (an index into `repairs`; -1 for valid text, nearly all).
  struct Joined {
    double start = 0;
    long width = 0;
    int repair = -1;
    double end() const { return start + static_cast<double>(width); }
  };
  // Kept for the thread's next line, as a line's runs are too few to amortize allocating them.
  thread_local std::vector<Joined> joined_kept;
  thread_local std::vector<double> extras_kept;
  std::vector<Joined>& joined = joined_kept;
  joined.clear();
  std::vector<std::string> repairs;
  std::size_t text_size = 0;  // the bytes joined so far
  bool own_spaces = false;
  std::size_t index = first;
  for (; index < runs.size(); ++index) {
    const layout::TextRun& run = runs[index];
    if (index > first && (run.face != start.face || run.size != start.size || run.baseline != start.baseline ||
                          run.rise != start.rise || text_size == 0))
      break;
    Joined next{(run.x - start.x).value * 1000 / size, 0, -1};
    if (std::optional<std::string> repaired = repair_if_invalid(run.text)) {
      next.repair = static_cast<int>(repairs.size());
      repairs.push_back(std::move(*repaired));
    }
    const std::string& text = next.repair < 0 ? run.text : repairs[static_cast<std::size_t>(next.repair)];
    next.width = std::lround(metrics.width(run.face, text, core::Pt(1000)).value);
    // Kerns point into the run's own bytes: a repaired run (an error already) is drawn unkerned.
    if (next.repair < 0) {
      for (const fonts::Kern& kern : run.kerns) next.width += thousandths(kern.amount, run.size);
    }
    if (word_spaces == WordSpaces::as_spaces) own_spaces = own_spaces || text.find(' ') != std::string::npos;
    text_size += text.size();
    joined.push_back(next);
  }

  JoinedRuns out;
  out.end = index;
  out.text.reserve(text_size + joined.size());  // each run, and a space before it
  const long space =
      word_spaces == WordSpaces::as_spaces ? std::lround(metrics.width(start.face, " ", core::Pt(1000)).value) : 0;
  // A word space that is no wider than nothing draws as a move: a space there would be all
  // Tw, and a negative one (overlapping words) a space no reader would expect.
  const auto is_word_space = [space, &joined, &runs, first](std::size_t i) {
    return space > 0 && runs[first + i].after_word_space && joined[i].start - joined[i - 1].end() > 0;
  };
  // The word spacing, in whole thousandths of a point (0.1 of a thousandth of a 10 pt size, so
  // that a line's spaces do not add up to the tolerance): the median of what the spaces need
  // beyond their own width (a justified line's are all alike; one that is not, after a full stop
  // say, then costs one move), less a share of what the last run's place is rounded by, rounded
  // down, so that the last run comes out at its place (where moves alone would put it) or a
  // fraction before. A line whose spaces are their own width (a ragged one) has none. Spaces of
  // the runs' own text (code) would be widened too, so a line holding any is drawn without.
  const auto word_spacing = [&] {
    if (space == 0 || own_spaces) return 0L;
    std::vector<double>& extras = extras_kept;
    extras.clear();
    for (std::size_t i = 1; i < joined.size(); ++i) {
      if (is_word_space(i)) extras.push_back(joined[i].start - joined[i - 1].end() - static_cast<double>(space));
    }
    if (extras.empty()) return 0L;
    const auto middle = extras.begin() + static_cast<std::ptrdiff_t>((extras.size() - 1) / 2);
    std::nth_element(extras.begin(), middle, extras.end());
    if (std::abs(*middle * size) < 0.5) return 0L;
    const double last = joined.back().start;
    const double rounding = (last - std::round(last)) / static_cast<double>(extras.size());
    return static_cast<long>(std::floor((*middle - rounding) * size + 1e-6));
  };
  out.word_spacing = word_spacing();
  // A move after a widened space starts from a fraction of a thousandth and could not put its run
  // where moves alone would (a table's next cell, on the same baseline): with word spacing, the
  // join ends before the first gap after a space that is no word space.
  if (out.word_spacing != 0) {
    std::size_t i = 1;
    while (i < joined.size() && !is_word_space(i)) ++i;
    while (i < joined.size() && is_word_space(i)) ++i;
    if (i < joined.size()) {
      joined.resize(i);
      out.end = first + i;
      out.word_spacing = word_spacing();
    }
  }
  const double spacing = static_cast<double>(out.word_spacing) / size;  // in thousandths of the size
  double position = 0;                                                  // where the text drawn so far ends
  for (std::size_t i = 0; i < joined.size(); ++i) {
    const layout::TextRun& run = runs[first + i];
    const std::string& text = joined[i].repair < 0 ? run.text : repairs[static_cast<std::size_t>(joined[i].repair)];
    if (i > 0) {
      const bool word_space = is_word_space(i);
      if (word_space) {
        out.text += ' ';
        position += static_cast<double>(space) + spacing;
      }
      // The last run starts where whole thousandths put it, or up to one short of it, never after:
      // a justified line then ends no further right than moves alone would end it, at its
      // neighbours' edge or a hair before (pdftotext starts a new flow for a block that reaches a
      // thousandth of a point past its column).
      long move = 0;
      if (i + 1 == joined.size()) {
        move = static_cast<long>(std::floor(std::round(joined[i].start) - position + 1e-6));
      } else if (const double off = joined[i].start - position; !word_space || std::abs(off) > word_space_tolerance) {
        move = std::lround(off);
      }
      if (move != 0) out.shifts.push_back({out.text.size(), -move});
      position += static_cast<double>(move);
    }
    if (joined[i].repair < 0) {
      for (const fonts::Kern& kern : run.kerns) {
        out.shifts.push_back({out.text.size() + kern.offset, -thousandths(kern.amount, run.size)});
      }
    }
    position += static_cast<double>(joined[i].width);
    out.text += text;
  }
  return out;
}

struct PdfPageWriter::State {
  const fonts::FontSet& font_set;
  std::string language;
  core::CountingSink sink;
  // A fresh libharu document for every book (see fonts/font_set.cpp on why measuring and drawing
  // never share one).
  HaruDocument pdf;
  bool font_failed = false;
  // The code points each face draws, for its /ToUnicode CMap and its subset; those reported missing.
  std::array<std::set<char32_t>, face_count> used;
  std::array<std::bitset<0x10000>, face_count> used_bmp;  // the BMP part of `used`, for a quick test
  std::array<std::set<char32_t>, face_count> reported;
  std::map<std::string, std::optional<std::size_t>> images;  // key → image id, once embedded
  std::map<std::string, layout::ImageBox> largest_svg;
  // Where each destination number leads: the first anchor of its name in book order. Only looked
  // up (every link, every bookmark).
  std::vector<std::optional<Target>> targets;
  std::vector<PendingLink> links;
  std::size_t body_pages = 0;
  std::vector<std::pair<std::size_t, layout::Page>> kept_back;  // body pages showing an SVG
  std::vector<layout::Page> front;

  bool svg_fonts_taken = false;
  bool remembering = false;  // pages are kept in, and recalled from, a memo
  // The memo, when bodies can be read from it ahead of their pages, on layout threads
  // (take_kept_bodies); set once, before any layout thread starts.
  core::DeflateMemo* read_ahead_from = nullptr;

  State(const fonts::FontSet& fonts, std::string book_language, core::DiagnosticSink& next)
      : font_set(fonts), language(std::move(book_language)), sink(next) {}

  // SVG pictures are drawn into the PDF (embed_image) with these fonts too, and no other: their
  // text then looks the same whatever fonts the system has. Set before the first SVG is drawn,
  // and only then: fontconfig reads every font file of the folder (about 2 ms), which a book
  // without SVG pictures never needs.
  void take_svg_fonts() {
    if (svg_fonts_taken) return;
    svg_fonts_taken = true;
    if (const auto problem = image::use_only_fonts_in(font_set.folder())) {
      sink.error({font_set.folder(), 0, 0},
                 "fontconfig cannot read the fonts folder, which SVG text is drawn with: " + *problem);
    }
  }

  // Only the faces the pages use are loaded, each at its first use: libharu writes every font it
  // has created, with its whole cmap, hmtx and loca, even if no page uses it.
  bool load(fonts::FontFace face) {
    if (pdf.has_font(face)) return true;
    if (font_failed) return false;
    if (!pdf.load_font(face, font_set.font_path(face), FontCodes::for_characters(font_set.characters(face)))) {
      sink.error({font_set.font_path(face), 0, 0}, "libharu cannot load the font: " + pdf.error());
      font_failed = true;
      return false;
    }
    // The spaces join_runs draws between words are in no run's text: noted here, whether or not
    // the face's pages show one, so that a body recalled from the memo needs no note of its own.
    if (word_spaces(face) == WordSpaces::as_spaces) {
      used[static_cast<std::size_t>(face)].insert(U' ');
      used_bmp[static_cast<std::size_t>(face)].set(U' ');
    }
    return true;
  }

  // How a loaded face's word gaps are drawn: as spaces where its space is a one-byte code.
  WordSpaces word_spaces(fonts::FontFace face) const {
    return pdf.font_codes(face).compact() && font_set.metrics().has_glyph(face, U' ') ? WordSpaces::as_spaces
                                                                                      : WordSpaces::as_moves;
  }

  // Layout promises UTF-8 runs of characters their face has (TextRun). A broken promise would
  // draw .notdef boxes or, past the BMP, spaces: it is reported, never silently dropped.
  void check_runs(const std::vector<layout::TextRun>& runs, PageRef ref) {
    for (const layout::TextRun& run : runs) {
      const std::optional<std::string> repaired = repair_if_invalid(run.text);
      const std::string& text = repaired ? *repaired : run.text;
      if (repaired) sink.error({}, "expected UTF-8 text in a run " + on_page(ref) + ", found invalid bytes");
      for (std::size_t pos = 0; pos < text.size();) note_shown({run.face, core::decode_utf8(text, pos)}, ref);
      load(run.face);
    }
  }

  // check_runs for a body whose text was gathered on a layout thread (prepare_body): each face is
  // loaded where check_runs loads it first, after its first run's characters, so the fonts and
  // every diagnostic come out in the same order.
  void check_prepared_body(const layout::ShownText& text, PageRef ref) {
    std::size_t noted = 0;
    for (const layout::ShownFace& face : text.faces) {
      for (; noted < face.characters_before_end; ++noted) note_shown(text.characters[noted], ref);
      load(face.face);
    }
    for (; noted < text.characters.size(); ++noted) note_shown(text.characters[noted], ref);
  }

  // Each code point once a face: inserting every character drawn into the set, and asking the
  // font for each, took a few percent of the time of corpus/.
  void note_shown(layout::ShownCharacter shown, PageRef ref) {
    const std::size_t face = static_cast<std::size_t>(shown.face);
    const char32_t code_point = shown.code_point;
    if (code_point <= 0xFFFF) {
      if (used_bmp[face].test(code_point)) return;
      used_bmp[face].set(code_point);
    }
    if (!used[face].insert(code_point).second) return;
    if (!font_set.metrics().has_glyph(shown.face, code_point) && reported[face].insert(code_point).second) {
      sink.error({}, "expected characters that " + std::string(fonts::font_file_name(shown.face)) + " has, found " +
                         core::code_point_name(code_point) + " " + on_page(ref));
    }
  }

  // What drawing a page needs first: its characters checked and noted for the fonts' subsets (and
  // the faces loaded), the faces its body shows in the order shown first, and, with a memo, the
  // name its body is kept under.
  struct Checked {
    std::vector<fonts::FontFace> body_faces;
    std::optional<core::StreamDigest> name;
    bool body_missed = false;  // the memo was asked for the body already, and had none
  };

  // The faces the body of `page` shows, in the order shown first.
  static std::vector<fonts::FontFace> body_faces(const layout::Page& page) {
    if (!page.body_text) return faces_in_order(page.runs);
    std::vector<fonts::FontFace> faces;
    for (const layout::ShownFace& face : page.body_text->faces) faces.push_back(face.face);
    return faces;
  }

  Checked check(const layout::Page& page, PageRef ref) {
    // Taken on a layout thread (prepare_body) unless the page came some other way; a page whose
    // body was kept (take_kept_bodies) has no runs to take it from.
    assert(page.kept_body || !page.body_text || page.body_text == shown_text(page.runs));
    Checked checked{body_faces(page), std::nullopt};
    if (page.body_text) {
      check_prepared_body(*page.body_text, ref);
    } else {
      check_runs(page.runs, ref);
    }
    check_runs(page.furniture.runs, ref);
    if (remembering && page.images.empty()) {
      // Taken on a layout thread (prepare_body) unless the page came some other way.
      assert(page.kept_body || !page.body_digest || *page.body_digest == page_digest(page));
      checked.name = page.body_digest ? *page.body_digest : page_digest(page);
    }
    return checked;
  }

  // Appends body page `page`: taken from the memo when an earlier build drew it alike (whole, born
  // finished, when the parts around its body were kept too), else drawn. A page showing a face not
  // loaded yet is added first, as drawing adds it: loading a face adds its objects to the file,
  // after the page's.
  void add_body_page(const layout::Page& page, PageRef ref) {
    const std::vector<fonts::FontFace> furniture_faces = faces_in_order(page.furniture.runs);
    const auto loaded = [this](const std::vector<fonts::FontFace>& faces) {
      return std::all_of(faces.begin(), faces.end(), [this](fonts::FontFace face) { return pdf.has_font(face); });
    };
    if (!remembering || !page.images.empty() || !loaded(body_faces(page)) || !loaded(furniture_faces)) {
      return draw(pdf.add_page(page.width.value, page.height.value), page, ref);
    }
    Checked checked = check(page, ref);
    assert(checked.name);  // remembering, and no image
    const core::StreamDigest around = furniture_digest(*checked.name, page);
    const HaruDocument::RecalledPage recalled{
        page.width.value,
        page.height.value,
        page.text_left.value,
        *checked.name,
        page.kept_body ? std::optional<std::string_view>(*page.kept_body) : std::nullopt,
        around,
        checked.body_faces,
        furniture_faces};
    switch (pdf.add_recalled_page(recalled)) {
      case HaruDocument::Recalled::whole: return keep_places(page, ref);
      case HaruDocument::Recalled::body: {
        const std::size_t index = pdf.page_count() - 1;
        draw_items(index, page.furniture.runs, page.furniture.rules, page.height);
        pdf.finish_page(index, std::nullopt, around);
        return keep_places(page, ref);
      }
      case HaruDocument::Recalled::nothing:  // drawn: a failed document only keeps its places
        checked.body_missed = !page.kept_body;
        break;
    }
    draw(pdf.add_page(page.width.value, page.height.value), page, ref, checked);
  }

  // Draws `page` on the PDF's page `index` and keeps its anchors and links. With a memo, a body
  // without images that an earlier build drew alike, on whatever page, takes that build's drawing.
  void draw(std::size_t index, const layout::Page& page, PageRef ref) { draw(index, page, ref, check(page, ref)); }

  void draw(std::size_t index, const layout::Page& page, PageRef ref, const Checked& checked) {
    const std::vector<fonts::FontFace>& faces = checked.body_faces;
    const std::optional<core::StreamDigest>& name = checked.name;
    pdf.begin_body(index, page.text_left.value);
    const bool recalled =
        name && !checked.body_missed &&
        (page.kept_body ? pdf.recall_body(index, *name, *page.kept_body, faces) : pdf.recall_body(index, *name, faces));
    if (page.kept_body && !recalled && !pdf.failed()) {
      // take_kept_bodies read the part whole, so this is not expected; the page has no runs to
      // draw instead, so the build must fail rather than save an empty body. A failed document is
      // reported once, by finish_to.
      sink.error({}, "cannot take the drawing an earlier build kept " + on_page(ref));
    }
    if (!recalled) {
      draw_items(index, page.runs, page.rules, page.height);
      draw_images(index, page);
    }
    pdf.end_body(index);
    // The parts around a named body are kept, and recalled with it, under a name of their own (a
    // page with images has none: it is compressed beside in every build, and asking the memo there
    // would reorder a rebuild's recalls, so that a rebuild that changed nothing wrote the pack anew).
    const std::optional<core::StreamDigest> around = name ? std::optional(furniture_digest(*name, page)) : std::nullopt;
    const bool furniture_recalled =
        recalled && around && pdf.recall_furniture(index, *around, faces_in_order(page.furniture.runs));
    if (!furniture_recalled) draw_items(index, page.furniture.runs, page.furniture.rules, page.height);
    pdf.finish_page(index, recalled ? std::nullopt : name, around);
    keep_places(page, ref);
  }

  // Keeps the anchors and links of `page`, drawn at `ref`.
  void keep_places(const layout::Page& page, PageRef ref) {
    const auto pdf_y = [&page](core::Pt y) { return (page.height - y).value; };
    for (const layout::Anchor& anchor : page.anchors) {
      if (anchor.number >= targets.size()) targets.resize(anchor.number + 1);
      // The front matter and pages kept back arrive last, yet the first in the book wins.
      std::optional<Target>& target = targets[anchor.number];
      if (!target || precedes(ref, target->page)) target = Target{ref, pdf_y(anchor.y)};
    }
    for (const layout::LinkArea& link : page.links) {
      links.push_back(
          {ref, {link.left.value, pdf_y(link.bottom), link.right.value, pdf_y(link.top)}, link.number, link.uri});
    }
  }

  // `runs` and `rules` of a page `height` high on the PDF's page `index`.
  void draw_items(std::size_t index, const std::vector<layout::TextRun>& runs, const std::vector<layout::Rule>& rules,
                  core::Pt height) {
    const auto pdf_y = [height](core::Pt y) { return (height - y).value; };
    for (std::size_t first = 0; first < runs.size();) {
      const layout::TextRun& run = runs[first];
      if (run.size <= core::Pt(0)) {
        const std::optional<std::string> repaired = repair_if_invalid(run.text);
        pdf.show_text(index, run.face, run.size.value, run.x.value, pdf_y(run.baseline),
                      repaired ? *repaired : run.text, {}, run.rise.value);
        ++first;
        continue;
      }
      const JoinedRuns joined = join_runs(runs, first, font_set.metrics(), word_spaces(run.face));
      pdf.show_text(index, run.face, run.size.value, run.x.value, pdf_y(run.baseline), joined.text, joined.shifts,
                    run.rise.value, joined.word_spacing);
      first = joined.end;
    }
    for (const layout::Rule& rule : rules) {
      pdf.stroke_line(index, rule.x1.value, pdf_y(rule.y1), rule.x2.value, pdf_y(rule.y2), rule.thickness.value);
    }
  }

  // The page's images on the PDF's page `index`.
  void draw_images(std::size_t index, const layout::Page& page) {
    const auto pdf_y = [&page](core::Pt y) { return (page.height - y).value; };
    // Each distinct image is embedded once, at its first use (an SVG drawn for the largest size
    // it is printed at).
    for (const layout::ImageBox& box : page.images) {
      auto [image, first_use] = images.try_emplace(box.key);
      if (first_use) {
        if (box.info.format == core::ImageFormat::svg) take_svg_fonts();
        const auto largest = largest_svg.find(box.key);
        image->second = embed_image(pdf, box, largest == largest_svg.end() ? box : largest->second, language, sink);
      }
      const double bottom = pdf_y(box.y + box.height);
      if (image->second) {
        pdf.draw_image(index, *image->second, box.x.value, bottom, box.width.value, box.height.value);
      } else {
        draw_frame(pdf, index, box.x.value, bottom, (box.x + box.width).value, pdf_y(box.y));
      }
    }
  }

  static bool shows_svg(const layout::Page& page) {
    return std::any_of(page.images.begin(), page.images.end(),
                       [](const layout::ImageBox& box) { return box.info.format == core::ImageFormat::svg; });
  }

  std::size_t index_of(PageRef page) const { return page.front ? page.index : front.size() + page.index; }

  // Where destination `number` leads; nullptr when no page holds it.
  const Target* target_of(layout::DestinationNumber number) const {
    return number < targets.size() && targets[number] ? &*targets[number] : nullptr;
  }

  // The outline's entries as bookmarks, depth first, under `parent` (0, or 1 + its index in
  // `bookmarks`). Top-level entries are open, so a reader sees the articles' sections; deeper
  // ones closed.
  void collect_bookmarks(const std::vector<layout::OutlineEntry>& entries, std::size_t parent,
                         std::vector<Bookmark>& bookmarks) {
    for (const layout::OutlineEntry& entry : entries) {
      const Target* target = target_of(entry.number);
      if (target == nullptr) {
        sink.error({}, "expected an anchor named \"" + entry.destination + "\" for the outline entry \"" + entry.title +
                           "\", found none");
        continue;  // its children go with it: they have no place in the tree without it
      }
      bookmarks.push_back({parent, entry.title, index_of(target->page), target->top, parent == 0});
      collect_bookmarks(entry.children, bookmarks.size(), bookmarks);
    }
  }
};

PdfPageWriter::PdfPageWriter(const fonts::FontSet& fonts, std::string language, core::DiagnosticSink& sink,
                             std::size_t jobs, core::DeflateMemo* memo)
    : state_(std::make_unique<State>(fonts, std::move(language), sink)) {
  if (jobs > 1) state_->pdf.compress_pages_beside();
  if (memo != nullptr) {
    state_->pdf.remember_compressed_pages(*memo);
    state_->remembering = true;
    if (state_->pdf.can_recall_bodies()) state_->read_ahead_from = memo;
  }
}

PdfPageWriter::~PdfPageWriter() = default;

std::size_t PdfPageWriter::errors() const { return state_->sink.errors(); }

void PdfPageWriter::prepare_body(layout::Page& page) const {
  if (state_->remembering && page.images.empty()) page.body_digest = page_digest(page);
  page.body_text = shown_text(page.runs);
}

bool PdfPageWriter::take_kept_bodies(std::vector<layout::Page>& pages) const {
  core::DeflateMemo* const memo = state_->read_ahead_from;
  if (memo == nullptr) return false;
  std::vector<std::string> kept;
  kept.reserve(pages.size());
  for (const layout::Page& page : pages) {
    if (!page.body_digest || !page.body_text || !page.runs.empty() || !page.rules.empty() || !page.images.empty()) {
      return false;
    }
    std::optional<std::string> bytes = memo->read_ahead(*page.body_digest);
    // Read here, so that drawing cannot find the part damaged when it is too late to draw it anew.
    if (!bytes || !core::FlatePart::from_kept_form(*bytes)) return false;
    kept.push_back(std::move(*bytes));
  }
  for (std::size_t i = 0; i < pages.size(); ++i) pages[i].kept_body = std::move(kept[i]);
  return true;
}

void PdfPageWriter::body_page(layout::Page page) {
  State& s = *state_;
  const PageRef ref{false, s.body_pages++};
  note_largest_svg_boxes(page, s.largest_svg);
  if (State::shows_svg(page)) {
    s.kept_back.emplace_back(ref.index, std::move(page));
    return;
  }
  s.add_body_page(page, ref);
}

void PdfPageWriter::front_matter(std::vector<layout::Page> pages) {
  for (const layout::Page& page : pages) note_largest_svg_boxes(page, state_->largest_svg);
  state_->front = std::move(pages);
}

bool PdfPageWriter::finish_to(const layout::BookEnd& end, const std::function<bool(std::string_view)>& write,
                              core::Progress& progress) {
  State& s = *state_;
  HaruDocument& pdf = s.pdf;
  // libharu compresses every page when saving: a stage with nothing to count.
  progress.stage("Saving PDF", 0, "");
  // The body pages kept back, in their places (in order, so each one's index is its place), then
  // the front matter before body page 1.
  for (const auto& [index, page] : s.kept_back) {
    s.draw(pdf.insert_page(index, page.width.value, page.height.value), page, {false, index});
  }
  s.kept_back.clear();
  for (std::size_t index = 0; index < s.front.size(); ++index) {
    const layout::Page& page = s.front[index];
    s.draw(pdf.insert_page(index, page.width.value, page.height.value), page, {true, index});
  }
  if (s.font_failed) return false;

  for (std::size_t face = 0; face < face_count; ++face) {
    if (s.used[face].empty()) continue;
    const auto font_face = static_cast<fonts::FontFace>(face);
    check_widths(pdf, s.font_set, font_face, s.used[face], s.sink);
    pdf.replace_to_unicode(font_face, to_unicode_cmap(s.used[face], pdf.font_codes(font_face)));
    // Only the glyphs the pages draw are embedded: a few kilobytes per face instead of 60–90.
    const std::optional<fonts::FontSubset> subset = fonts::subset_font(s.font_set.font_bytes(font_face), s.used[face]);
    if (!subset) {
      s.sink.error({s.font_set.font_path(font_face), 0, 0}, "harfbuzz cannot subset the font");
      return false;
    }
    pdf.replace_font_program(font_face, subset->program, subset->glyphs);
  }

  const layout::DocumentInfo& info = end.info;
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
      s.sink.error({}, "expected a document date like 2024-01-31T12:00:00Z, found \"" + info.date + "\"");
    }
  }

  // Links in book order, the front matter's and the pages kept back in their places: their
  // indexes sorted, not the links with their strings.
  std::vector<std::size_t> in_order(s.links.size());
  std::iota(in_order.begin(), in_order.end(), std::size_t{0});
  std::stable_sort(in_order.begin(), in_order.end(),
                   [&s](std::size_t a, std::size_t b) { return precedes(s.links[a].page, s.links[b].page); });
  for (const std::size_t next : in_order) {
    const PendingLink& link = s.links[next];
    const std::size_t index = s.index_of(link.page);
    if (!link.uri.empty()) {
      pdf.add_uri_link(index, link.area, ascii_uri(link.uri));
      continue;
    }
    const Target* target = s.target_of(link.destination);
    if (target == nullptr) {
      // Numbered in `end` unless a sink broke its promise (PageSink).
      const std::string name = link.destination < end.destinations.size() ? end.destinations.name(link.destination)
                                                                          : "#" + std::to_string(link.destination);
      if (link.page.front || end.dangling_destinations.count(name) == 0) {
        s.sink.error({}, "expected an anchor named \"" + name + "\" for a link " + on_page(link.page) + ", found none");
      }
      continue;
    }
    pdf.add_internal_link(index, link.area, s.index_of(target->page), target->top);
  }
  std::vector<Bookmark> bookmarks;
  s.collect_bookmarks(end.outline, 0, bookmarks);
  pdf.add_bookmarks(bookmarks);

  // Page labels (PDF 32000-1 §12.4.2): i, ii, … for the front matter, then 1, 2, …
  if (!s.front.empty()) pdf.add_page_label(0, PageNumberStyle::lower_roman);
  if (s.body_pages > 0) pdf.add_page_label(s.front.size(), PageNumberStyle::decimal);

  bool stopped = false;  // by `write`, which says why itself
  const bool saved = pdf.save_to([&](std::string_view piece) { return !(stopped = !write(piece)); });
  if (!saved && !stopped) s.sink.error({}, "cannot produce the PDF: " + pdf.error());
  return saved;
}

std::optional<std::string> PdfPageWriter::finish(const layout::BookEnd& end, core::Progress& progress) {
  std::string bytes;
  const auto append = [&bytes](std::string_view piece) {
    bytes.append(piece);
    return true;
  };
  if (!finish_to(end, append, progress)) return std::nullopt;
  return bytes;
}

namespace {

// Hands the pages of `book` to `writer` as layout would, their destinations numbered anew (a book
// made by hand has none), and returns their end.
layout::BookEnd hand_over(const layout::LaidOutBook& book, PdfPageWriter& writer, core::Progress& progress) {
  progress.stage("Writing PDF", book.pages.size(), "pages");
  layout::BookEnd end;
  const std::size_t front = std::min(book.front_matter_pages, book.pages.size());
  for (std::size_t index = front; index < book.pages.size(); ++index) {
    layout::Page page = book.pages[index];
    layout::number_destinations(page, end.destinations);
    writer.body_page(std::move(page));
    progress.advance();
  }
  std::vector<layout::Page> front_pages(book.pages.begin(), book.pages.begin() + static_cast<std::ptrdiff_t>(front));
  for (layout::Page& page : front_pages) layout::number_destinations(page, end.destinations);
  writer.front_matter(std::move(front_pages));
  if (front > 0) progress.advance(front);
  end.front_matter_pages = front;
  end.body_pages = book.pages.size() - front;
  end.outline = book.outline;
  layout::number_destinations(end.outline, end.destinations);
  end.info = book.info;
  end.stats = book.stats;
  return end;
}

}  // namespace

std::optional<std::string> render_pdf(const fonts::FontSet& fonts, const layout::LaidOutBook& book,
                                      core::DiagnosticSink& sink, core::Progress& progress, core::DeflateMemo* memo) {
  PdfPageWriter writer(fonts, book.info.language, sink, 1, memo);
  return writer.finish(hand_over(book, writer, progress), progress);
}

bool save_pdf(PdfPageWriter& writer, const layout::BookEnd& end, const std::string& path, core::DiagnosticSink& sink,
              core::Progress& progress) {
  // Written as libharu hands the file over, so that it is never held whole (at 10,000 articles
  // the file is some 200 MB), and on another thread (core::WriteBehind): libharu's serializing
  // holds this one, and the build's other threads are done.
  core::OutputFile file(path);
  core::WriteBehind behind([&file](std::string_view piece) { return file.write(piece); });
  const bool finished = writer.finish_to(
      end, [&behind](std::string_view piece) { return behind.write(piece); }, progress);
  behind.finish();  // a failure is the file's, which close() tells
  if (const std::optional<std::string> reason = file.close()) {
    sink.error({path, 0, 0}, "cannot write the PDF file: " + *reason);
    return false;
  }
  return finished && writer.errors() == 0;
}

bool write_pdf(const fonts::FontSet& fonts, const layout::LaidOutBook& book, const std::string& path,
               core::DiagnosticSink& sink, core::Progress& progress) {
  PdfPageWriter writer(fonts, book.info.language, sink);
  return save_pdf(writer, hand_over(book, writer, progress), path, sink, progress);
}

}  // namespace octavo::pdf
