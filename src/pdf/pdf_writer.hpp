// The PDF writer stage: laid-out pages (layout/page.hpp) → libharu → a PDF file. A thin
// translation: layout has placed everything; this converts coordinates, resolves anchor names
// into destinations and writes fonts, links, outline, page labels and document information.
// Pages are drawn as layout hands them over (a PageSink) and dropped at once.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/progress.hpp"
#include "fonts/font_set.hpp"
#include "layout/page.hpp"
#include "layout/page_sink.hpp"
#include "pdf/haru_document.hpp"

namespace octavo::pdf {

/// Text shown with one TJ array from the start of run `first`.
struct JoinedRuns {
  std::string text;               ///< the joined runs' UTF-8 (invalid bytes repaired), word spaces included
  std::vector<TextShift> shifts;  ///< each run's kerns, and the moves to where next runs start
  long word_spacing = 0;          ///< added to each space of `text`, in 0.001 pt (Tw)
  std::size_t end = 0;            ///< index of the first run not joined
};

/// How the word spaces of a line are drawn: each by a move alone, or, for a face whose U+0020 is
/// the one-byte code 32 that word spacing applies to (PDF 32000-1 §9.3.3), by a space widened by
/// the line's word spacing and a move only where the gap needs more.
enum class WordSpaces { as_moves, as_spaces };

/// How far, in thousandths of the size, a word after a space may start from where layout put it
/// before a move puts it back (0.01 pt at 10 pt): the word spacing is rounded, and a few of a
/// line's gaps may differ from the others by a fraction of a thousandth.
constexpr double word_space_tolerance = 1;

/// `runs[first]` and the runs right after it on its baseline in its face, size and rise (a line's
/// words), joined into one TJ array; `metrics` gives the advances. Just `runs[first]` if the next
/// run differs. `runs[first].size` must be positive. With WordSpaces::as_spaces, the gap before a
/// run `after_word_space` is drawn as a space if it is wider than nothing, and a join with word
/// spacing ends before the first run after such a space that none parts from the run before it.
/// The last run joined starts where whole thousandths of the size put it or less than one before,
/// never after (so up to 1.5 thousandths before layout's place); a run after the cut starts a join
/// of its own, at its place to the 0.01 pt every Td is written in.
JoinedRuns join_runs(const std::vector<layout::TextRun>& runs, std::size_t first, const fonts::FontMetrics& metrics,
                     WordSpaces word_spaces = WordSpaces::as_moves);

/// Draws each page into a PDF as layout hands it over, keeping of it only its links and anchors
/// (resolved at the end, since a link may point forwards) and the characters each face draws
/// (for the fonts' subsets). A page showing an SVG picture is kept and drawn at the end, when the
/// largest size the picture is printed at is known; it is inserted in its place, as the front
/// matter is before body page 1.
class PdfPageWriter final : public layout::PageSink {
 public:
  /// Draws with `fonts`, the very files layout measured with, and makes them the only fonts SVG
  /// text is drawn with (image::use_only_fonts_in, for the whole process, before the first SVG
  /// picture is drawn); `language` is the book's BCP 47 tag, for SVG's systemLanguage. Reports
  /// on `sink` as render_pdf does, and an error there when fontconfig cannot read the fonts folder.
  /// With `jobs` above 1, each page's content is compressed on a thread of its own while the next
  /// page is drawn (HaruDocument::compress_pages_beside); the file is the same whatever `jobs` is.
  /// With a `memo` (which must outlive the writer), the body of each page without images is kept
  /// there under its page_digest, and a page whose body was laid out as in an earlier build, on
  /// whatever page, takes the body that build drew and compressed (HaruDocument::recall_body);
  /// its furniture is drawn anew. The file is the same. The memo's fingerprint must cover the
  /// fonts, which the drawing measures with.
  PdfPageWriter(const fonts::FontSet& fonts, std::string language, core::DiagnosticSink& sink, std::size_t jobs = 1,
                core::DeflateMemo* memo = nullptr);
  ~PdfPageWriter() override;
  PdfPageWriter(const PdfPageWriter&) = delete;
  PdfPageWriter& operator=(const PdfPageWriter&) = delete;

  /// With a memo, the body's page_digest, taken on the layout thread that cut the page: the
  /// pages are drawn one after another on one thread, the digests of several articles at once.
  void prepare_body(layout::Page& page) const override;
  /// With a memo that reads ahead (DeflateMemo::read_ahead), each page's body as an earlier build
  /// kept it under the page's body_digest, read and checked on the layout thread: draw then takes
  /// it in the book's order (HaruDocument::recall_body). False when a page has no kept body.
  bool take_kept_bodies(std::vector<layout::Page>& pages) const override;
  void body_page(layout::Page page) override;
  void front_matter(std::vector<layout::Page> pages) override;

  /// After front_matter: draws the pages kept back, the links, outline, page labels and
  /// document information of `end`, subsets the fonts and returns the file's bytes; nullopt, as
  /// render_pdf. Body links to `end.dangling_destinations` are left out without an error (layout
  /// has warned). Reports the stage "Saving PDF" (uncounted) to `progress`.
  std::optional<std::string> finish(const layout::BookEnd& end, core::Progress& progress = core::no_progress());
  /// finish, giving the file to `write` piece by piece instead; false if finish would return
  /// nullopt or `write` returned false (which stops it; `write` reports why).
  bool finish_to(const layout::BookEnd& end, const std::function<bool(std::string_view)>& write,
                 core::Progress& progress = core::no_progress());
  /// The errors reported so far.
  std::size_t errors() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Draws every page of `book` and returns the PDF file's bytes. Reports on `sink`, and returns
/// nullopt, if libharu fails (a font file that became unreadable, a libharu error). Reports an
/// error but still draws when a run holds a character its face lacks or invalid UTF-8, or a
/// link or outline entry names no Anchor (that link or entry is left out). Reports each page
/// drawn to `progress`, as the stage "Writing PDF", then "Saving PDF" (uncounted). With a `memo`,
/// pages are kept in it and recalled from it as PdfPageWriter does.
std::optional<std::string> render_pdf(const fonts::FontSet& fonts, const layout::LaidOutBook& book,
                                      core::DiagnosticSink& sink, core::Progress& progress = core::no_progress(),
                                      core::DeflateMemo* memo = nullptr);

/// writer.finish(end), then writes the file at `path`. Returns false, with an error on `sink`, if
/// libharu fails, the file cannot be written (the error says why), or the writer reported any
/// error.
bool save_pdf(PdfPageWriter& writer, const layout::BookEnd& end, const std::string& path, core::DiagnosticSink& sink,
              core::Progress& progress = core::no_progress());

/// render_pdf, then writes the file at `path`. Returns false, with an error on `sink`, if libharu
/// fails, the file cannot be written (the error says why: "cannot write the PDF file: No space
/// left on device"), or render_pdf reported any error.
bool write_pdf(const fonts::FontSet& fonts, const layout::LaidOutBook& book, const std::string& path,
               core::DiagnosticSink& sink, core::Progress& progress = core::no_progress());

}  // namespace octavo::pdf
