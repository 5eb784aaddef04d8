// Layout's only output: pages of positioned items (Typst calls them frames). The PDF writer
// translates these to PDF operators and never sees the document model.
// Coordinates: points, origin at the page's top-left corner, y growing downwards.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/deflate_memo.hpp"
#include "core/image_info.hpp"
#include "core/length.hpp"
#include "core/source_location.hpp"
#include "fonts/font_metrics.hpp"
#include "layout/layout_stats.hpp"

namespace octavo::layout {

/// Text drawn as one run from (x, baseline) with the natural advances of its characters and the
/// font's kerning between them. Justification is done by layout placing separate runs, never by
/// word spacing.
struct TextRun {
  fonts::FontFace face = fonts::FontFace::serif;
  core::Pt size;
  core::Pt x;
  core::Pt baseline;
  std::string text;                  ///< UTF-8, only characters the face has glyphs for
  std::vector<fonts::Kern> kerns{};  ///< offsets into `text`, in byte order; empty for unkerned text
  /// Drawn this far above `baseline` (PDF's text rise, Ts): superscripts up, subscripts down
  /// (negative). The line's baseline stays the run's, so that extraction keeps the line together.
  core::Pt rise = {};
  /// Set apart from the run before it on its line by a word space (glue): the PDF may draw the
  /// gap as a space character (pdf::join_runs). False for a line's first run, and for runs placed
  /// side by side that no glue parts, as table cells.
  bool after_word_space = false;
};

/// The sum of the run's kerns: the run is drawn this much wider than its characters' advances.
inline core::Pt kerning_total(const TextRun& run) {
  core::Pt total;
  for (const fonts::Kern& kern : run.kerns) total += kern.amount;
  return total;
}

/// A straight stroked line (rules under headings, the title page ornament).
struct Rule {
  core::Pt x1, y1, x2, y2;
  core::Pt thickness;
};

/// A destination's number in the book's DestinationTable (destination_table.hpp), given where
/// layout hands its pages over; 0 until then.
using DestinationNumber = std::size_t;

/// A clickable area: an internal destination name or an external URI.
struct LinkArea {
  core::Pt left, top, right, bottom;
  std::string destination;       ///< name of an Anchor in this book; empty for external links
  std::string uri;               ///< http(s) or mailto URL; empty for internal links
  DestinationNumber number = 0;  ///< `destination`'s, for internal links
};

/// Moves `link` right by `dx` and down by `dy`: lines are set at the origin, then placed.
inline void move_by(LinkArea& link, core::Pt dx, core::Pt dy) {
  link.left += dx;
  link.right += dx;
  link.top += dy;
  link.bottom += dy;
}

/// A picture scaled into the box (x, y) – (x + width, y + height), y the box's top. Boxes with the
/// same `key` show the same bytes: the PDF writer embeds each key once.
struct ImageBox {
  std::string key;   ///< the image's SHA-256 (hex)
  std::string name;  ///< corpus-relative path, for messages
  core::ImageInfo info;
  std::shared_ptr<const std::string> bytes;
  core::SourceLocation location;  ///< where the article shows it
  core::Pt x, y, width, height;
};

/// A named position that links and outline entries point at.
struct Anchor {
  std::string name;
  core::Pt y;                    ///< top of the target, from the top of the page
  DestinationNumber number = 0;  ///< `name`'s
};

/// What a page carries around its text block, in the page's coordinates: the running head and its
/// rule, the folio, the review mark.
struct Furniture {
  std::vector<TextRun> runs;
  std::vector<Rule> rules;
};

/// A character a page shows, in one face.
struct ShownCharacter {
  fonts::FontFace face;
  char32_t code_point;
  bool operator==(const ShownCharacter&) const = default;
};

/// A face a page's runs show, and how many of the page's characters (ShownText::characters) were
/// shown before the first run in it ended.
struct ShownFace {
  fonts::FontFace face;
  std::size_t characters_before_end = 0;
  bool operator==(const ShownFace&) const = default;
};

/// What the runs of a page's body show: each face and character once, in the order the runs first
/// show it, and each face once, in the order of the runs.
struct ShownText {
  std::vector<ShownCharacter> characters;
  std::vector<ShownFace> faces;
  bool operator==(const ShownText&) const = default;
};

/// One page. Its runs, rules and images are its body, placed from the left edge of its text block
/// (`text_left`): a page set alike as a recto or a verso, or at another place in the book, has the
/// same body bit for bit, so the PDF writer can keep its drawing from one build to the next.
/// Pages placed whole (the title page, a blank page) have `text_left` 0. Links and anchors are in
/// the page's coordinates.
struct Page {
  core::Pt width, height;
  std::vector<TextRun> runs;
  std::vector<Rule> rules;
  std::vector<LinkArea> links;
  std::vector<Anchor> anchors;
  std::vector<ImageBox> images = {};  // initializers, so that brace-initialised pages may omit them
  core::Pt text_left = {};            ///< the body's x = 0, from the page's left edge
  Furniture furniture = {};
  /// What the page sink derived from the body on a layout thread (PageSink::prepare_body); layout
  /// itself never reads them.
  std::optional<core::StreamDigest> body_digest = {};
  std::optional<ShownText> body_text = {};  ///< none when a run is not UTF-8
  /// The body's drawing as an earlier build kept it, read ahead by the page sink
  /// (PageSink::take_kept_bodies) for a page that a build cache recalled already cut: such a page
  /// has its digest and shown text but no runs, rules or images, which only drawing it would need.
  std::optional<std::string> kept_body = {};
};

/// The page's runs in the page's coordinates, in the order they are drawn: the body's, moved onto
/// the text block, then the furniture's.
inline std::vector<TextRun> placed_runs(const Page& page) {
  std::vector<TextRun> runs;
  runs.reserve(page.runs.size() + page.furniture.runs.size());
  for (TextRun run : page.runs) {
    run.x = page.text_left + run.x;
    runs.push_back(std::move(run));
  }
  runs.insert(runs.end(), page.furniture.runs.begin(), page.furniture.runs.end());
  return runs;
}

/// The page's rules in the page's coordinates, in the order they are drawn, as placed_runs.
inline std::vector<Rule> placed_rules(const Page& page) {
  std::vector<Rule> rules;
  rules.reserve(page.rules.size() + page.furniture.rules.size());
  for (Rule rule : page.rules) {
    rule.x1 = page.text_left + rule.x1;
    rule.x2 = page.text_left + rule.x2;
    rules.push_back(rule);
  }
  rules.insert(rules.end(), page.furniture.rules.begin(), page.furniture.rules.end());
  return rules;
}

/// One bookmark of the PDF outline, pointing at an Anchor.
struct OutlineEntry {
  std::string title;
  std::string destination;
  std::vector<OutlineEntry> children;
  DestinationNumber number = 0;  ///< `destination`'s
};

/// Document information dictionary entries (PDF 32000-1 §14.3.3).
struct DocumentInfo {
  std::string title;
  std::string author;
  std::string subject;
  std::string creator;  ///< "Octavo <version>"
  std::string keywords;
  std::string date;  ///< "YYYY-MM-DDThh:mm:ssZ": creation and modification date
  std::string language =
      {};  ///< the book's BCP 47 tag, for SVG pictures (an initializer, so that brace-initialised infos may omit it)
};

struct LaidOutBook {
  std::vector<Page> pages;
  std::size_t front_matter_pages = 0;  ///< pages labelled i, ii, …; the rest 1, 2, …
  std::vector<OutlineEntry> outline;
  DocumentInfo info;
  LayoutStats stats;  ///< counted while laying out, for `octavo build --stats`
};

}  // namespace octavo::layout
