// The libharu 2.3 adapter, the only code that includes hpdf.h: one HPDF_Doc with the calls the
// font metrics and the PDF writer need, in PDF coordinates (points, origin bottom-left). Errors
// are recorded, never thrown, and sticky: after the first, calls are skipped and save() fails.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/deflate_memo.hpp"
#include "core/fixed_clock.hpp"
#include "core/pixel_image.hpp"
#include "fonts/font_face.hpp"
#include "pdf/font_codes.hpp"

namespace octavo::pdf {

/// The numbering of a page label range (PDF 32000-1 §12.4.2).
enum class PageNumberStyle { lower_roman, decimal };
/// The text entries of the document information dictionary (PDF 32000-1 §14.3.3).
enum class InfoEntry { title, author, subject, creator, keywords };

/// An entry of the document's outline (a bookmark), in a list in depth-first order: each one's
/// parent is the one before it or one of that one's ancestors.
struct Bookmark {
  std::size_t parent = 0;  ///< 0 at the top level, else 1 + the index of its parent, which comes before it
  std::string title;       ///< UTF-8, written as a UTF-16BE text string
  std::size_t target_page = 0;
  double top = 0;
  bool open = false;  ///< whether a reader shows its children at first
};

/// A rectangle in PDF coordinates.
struct PdfRect {
  double left = 0, bottom = 0, right = 0, top = 0;
};

/// A number in a TJ array (PDF 32000-1 §9.4.3, Table 109): a move before the character at byte
/// `offset` of the shown text, in thousandths of the font size; positive moves left, negative right.
struct TextShift {
  std::size_t offset = 0;
  long amount = 0;
};

class HaruDocument {
 public:
  /// An empty document with libharu's UTF-8 encoder as the current one and full compression;
  /// failed() if libharu cannot even allocate it.
  HaruDocument();
  ~HaruDocument();
  HaruDocument(const HaruDocument&) = delete;
  HaruDocument& operator=(const HaruDocument&) = delete;

  /// Compression of every stream (HPDF_COMP_ALL) is on from the start; tests that read a
  /// stream's bytes turn it off, before loading fonts or adding pages (filters are set then).
  void set_compression(bool on);
  /// From now on, finish_page hands each page's content to a thread of its own to compress while
  /// the next page is drawn (a few pages ahead at most); save waits for it. The file is the same.
  /// Nothing changes where the system gives no thread: pages are compressed as they are finished.
  void compress_pages_beside();
  /// From now on, finish_page keeps in `memo` the compressed body of each page it is given a name
  /// for, and recall_body takes a body from what
  /// `memo` kept (an earlier build's body drawn alike); the file is the same. `memo` must outlive
  /// the document.
  void remember_compressed_pages(core::DeflateMemo& memo);
  /// True once any libharu call (or a misuse of this adapter) has failed.
  bool failed() const;
  /// The first failure as text ("libharu error 0x1017 (cannot open a file), detail 2"); empty if none.
  std::string error() const;

  /// Loads the TrueType file at `path` for `face`, embedded as a subset, as a Type0 font with the
  /// UTF-8 encoder, whose strings are written in `codes`: compact ones through an embedded
  /// encoding CMap (compact_encoding_cmap, one object all such fonts share), else Identity-H.
  /// False (and failed()) if the file is missing or libharu rejects it.
  bool load_font(fonts::FontFace face, const std::string& path, const FontCodes& codes = FontCodes());
  /// True once load_font succeeded for `face`.
  bool has_font(fonts::FontFace face) const;
  /// The codes `face`'s strings are written in (load_font's); Identity-H for a face not loaded.
  const FontCodes& font_codes(fonts::FontFace face) const;

  /// Advance width of UTF-8 `text` in 1/1000 em, libharu's own sum of the glyph widths it will
  /// write in /W; 0 for empty text or a face that is not loaded.
  long text_width(fonts::FontFace face, std::string_view text) const;
  /// The font's ascender and descender (hhea) in 1/1000 em, descent negative; 0 if not loaded.
  int ascent(fonts::FontFace face) const;
  int descent(fonts::FontFace face) const;
  /// The glyph libharu's own cmap lookup gives `code_point` (replace_font_program's map decides what is drawn);
  /// 0 for .notdef, for code points above U+FFFF, and for a face that is not loaded.
  unsigned glyph_id(fonts::FontFace face, char32_t code_point) const;

  /// Replaces the data of the face's /ToUnicode stream by `cmap` (see to_unicode_cmap.hpp) and
  /// drops libharu's encoding-CMap keys from its dictionary. Fails if the face is not loaded.
  void replace_to_unicode(fonts::FontFace face, const std::string& cmap);

  /// Embeds `program` (a TrueType file holding a subset of the face's font) as the face's
  /// /FontFile2 instead of libharu's copy, which keeps the whole cmap, hmtx, loca, post and name
  /// tables. `glyphs` gives each drawn code point's glyph id in `program`: the /CIDToGIDMap is
  /// rebuilt from it and /W lists only those code points, with libharu's widths (the ones layout
  /// measured), each under the CID of its code (load_font). Fails if the face is not loaded.
  void replace_font_program(fonts::FontFace face, const std::string& program,
                            const std::map<char32_t, std::uint16_t>& glyphs);

  /// Appends a page; returns its 0-based index.
  std::size_t add_page(double width, double height);
  /// Inserts a page before the page at `before` (an index add_page or insert_page returned),
  /// which moves it and every later page one index on; `before` == the page count appends.
  /// Returns the new page's index, `before`.
  std::size_t insert_page(std::size_t before, double width, double height);
  /// The number of pages added and inserted.
  std::size_t page_count() const;
  /// Ends drawing on the page: its content is compressed now rather than when saving (far less
  /// memory until then), here or beside (compress_pages_beside); the file is the same either way.
  /// Drawing on it afterwards fails; links may still be added. With `keep_as` and a memo
  /// (remember_compressed_pages), the compressed body (begin_body) is kept in the memo under that
  /// name; a recalled body is not kept again, and a page without a body keeps nothing.
  /// With `keep_around_as` and a memo, the parts around the body (its first operators, placing it,
  /// and what was drawn after it) are kept under that name, unless recall_furniture took them.
  void finish_page(std::size_t page, const std::optional<core::StreamDigest>& keep_as = std::nullopt,
                   const std::optional<core::StreamDigest>& keep_around_as = std::nullopt);
  /// Begins the page's body: what is drawn until end_body is placed from (`left`, 0), a
  /// translation written rounded to 0.01 pt (q … cm … Q), so that a body drawn alike from another
  /// left edge gives the same bytes. finish_page deflates the body as a part of its own
  /// (core::FlatePart), which a memo can keep and a later build recall (recall_body) while what
  /// is drawn around it, the running head and folio, is drawn anew. One body a page, begun before
  /// anything else is drawn on it: otherwise, or inside another body, the document fails
  /// ("a body begun after drawing on its page", "a body begun inside another").
  void begin_body(std::size_t page, double left);
  /// Ends the body of `page`: what follows is drawn in the page's coordinates again. Fails the
  /// document if no body was begun on it ("a body ended that was not begun"), as finish_page does
  /// inside a body ("a page finished inside its body").
  void end_body(std::size_t page);
  /// Takes as the body of `page`, begun and nothing drawn in it yet, the part the memo kept under
  /// `name` (an earlier build's body drawn alike), its fonts `faces` (loaded) named in the order
  /// the drawing shows each first. False, and the body left to be drawn, when there is no memo or
  /// it kept nothing whole under `name`.
  bool recall_body(std::size_t page, const core::StreamDigest& name, const std::vector<fonts::FontFace>& faces);
  /// recall_body with the part the memo kept under `name` already read (DeflateMemo::read_ahead,
  /// `kept` in its kept form), counted as recalled here (DeflateMemo::use_read_ahead). False, and the
  /// body left to be drawn, when there is no memo or `kept` is no part.
  bool recall_body(std::size_t page, const core::StreamDigest& name, std::string_view kept,
                   const std::vector<fonts::FontFace>& faces);
  /// After end_body on a page whose body recall_body took, and before anything is drawn after it:
  /// takes the parts around the body as the memo kept them under `name` (finish_page's
  /// `keep_around_as`), so that what would be drawn after the body (the furniture, in `faces`, named
  /// in the page's /Resources in this order, as drawing would name them) is not drawn. False, and
  /// the furniture left to be drawn, when the memo kept nothing whole under `name`; on another page
  /// or state the document fails ("furniture recalled on a page whose body was not recalled, or
  /// after drawing on it").
  bool recall_furniture(std::size_t page, const core::StreamDigest& name, const std::vector<fonts::FontFace>& faces);
  /// Whether recall_body can take a body: there is a memo (remember_compressed_pages) and page
  /// contents are compressed.
  bool can_recall_bodies() const;
  /// A page for add_recalled_page: `width` × `height`, its body placed from (`left`, 0) as
  /// begin_body places it, kept in the memo under `body` (or read ahead already: `kept_body`, in
  /// its kept form, counted as recalled here) and showing `body_faces`; the parts around it kept
  /// under `around` (finish_page's `keep_around_as`), showing `furniture_faces`. Faces in the
  /// order each is shown first.
  struct RecalledPage {
    double width = 0;
    double height = 0;
    double left = 0;
    core::StreamDigest body{};
    std::optional<std::string_view> kept_body;
    core::StreamDigest around{};
    const std::vector<fonts::FontFace>& body_faces;
    const std::vector<fonts::FontFace>& furniture_faces;
  };
  /// What add_recalled_page took from the memo.
  enum class Recalled { nothing, body, whole };
  /// Appends `page` as an earlier build drew it, from the memo. With the parts around its body
  /// too (`whole`), the page is finished at once, born with the entries and content that
  /// add_page, begin_body, recall_body, end_body, recall_furniture and finish_page would give it,
  /// without the objects libharu makes for a page to draw on (a rebuild's pages are nearly all
  /// such). Without them (`body`), the page is added with its body recalled and ended, as those
  /// calls would leave it, its furniture still to be drawn before finish_page. When the memo
  /// holds no body for it (or there is none, or contents are not compressed), nothing is added
  /// (`nothing`). The page's index is then page_count() - 1.
  Recalled add_recalled_page(const RecalledPage& page);
  /// Draws UTF-8 `text` with its baseline starting at (x, y), rounded to 0.01 pt. Consecutive
  /// calls on one page share a text object: each writes only a relative move (Td), and a font
  /// (Tf) when face or size change. The text is one literal string of the face's codes (load_font),
  /// with `shifts` (in byte order, inside the text) a TJ array, else a Tj; `rise` raises
  /// it above its baseline (Ts, written only when it changes). Each one-byte code 32 (a compact
  /// face's space) is drawn `word_spacing` thousandths of a point wider (Tw, PDF 32000-1
  /// §9.3.3, written only when a text with a space needs another value). Fails if the face is not
  /// loaded.
  void show_text(std::size_t page, fonts::FontFace face, double size, double x, double y, const std::string& text,
                 const std::vector<TextShift>& shifts = {}, double rise = 0, long word_spacing = 0);
  /// Strokes a straight line of the given width (butt caps, black).
  void stroke_line(std::size_t page, double x1, double y1, double x2, double y2, double width);
  /// Embeds a JPEG as it is (DCTDecode; progressive, grey and CMYK ones too); returns the id
  /// draw_image takes. nullopt, and failed(), if libharu rejects the bytes.
  std::optional<std::size_t> load_jpeg(std::string_view bytes);
  /// Embeds decoded pixels (PNG, GIF and SVG come this way): the samples as DeviceGray, DeviceRGB
  /// or Indexed over DeviceRGB, and the alpha plane, if any, as a DeviceGray soft mask (PDF
  /// 32000-1 §11.6.5.3), both Flate-compressed when compression is on. (libharu 2.3.0's own PNG
  /// loader writes the mask uncompressed, fails on interlaced files and writes 16-bit ones
  /// broken: it is not used.) Returns the id draw_image takes; nullopt, and failed(), if libharu
  /// fails or `pixels` is empty or inconsistent.
  std::optional<std::size_t> load_pixels(const core::PixelImage& pixels);
  /// Draws image `image` scaled into the rectangle whose lower-left corner is (x, y).
  void draw_image(std::size_t page, std::size_t image, double x, double y, double width, double height);
  /// A borderless link annotation to [target_page /XYZ 0 top null] (zoom unchanged).
  void add_internal_link(std::size_t page, PdfRect area, std::size_t target_page, double top);
  /// A borderless link annotation with a URI action; `uri` must be ASCII, and not empty (failed()).
  void add_uri_link(std::size_t page, PdfRect area, const std::string& uri);
  /// Adds the document's outline, all its bookmarks at once, each pointing at [target_page /XYZ 0
  /// top null]. Written as libharu writes the outline HPDF_CreateOutline builds, byte for byte,
  /// without the dozen objects it makes for each bookmark. False, with failed(), when the list is
  /// not depth first, a destination fails, an outline was added before, or memory runs out.
  bool add_bookmarks(const std::vector<Bookmark>& bookmarks);
  /// Pages from 0-based `first_page` on are labelled in `style`, counting from 1.
  void add_page_label(std::size_t first_page, PageNumberStyle style);
  /// Sets a document information entry from UTF-8 `text` (written as a UTF-16BE text string).
  void set_info(InfoEntry entry, const std::string& text);
  /// Sets /CreationDate and /ModDate to `time`, in UTC ("D:YYYYMMDDhhmmss+00'00'").
  void set_dates(const core::Timestamp& time);

  /// The finished file's bytes; nullopt if any call failed, now or earlier. Links are added
  /// before: one added after a save fails the document.
  std::optional<std::string> save();
  /// The finished file, given to `write` piece by piece (so that it is never held twice);
  /// false if any call failed, now or earlier, or `write` returned false to stop.
  bool save_to(const std::function<bool(std::string_view)>& write);

  /// Bytes libharu holds now, for all documents of the process together; 0 when none is open.
  static std::size_t heap_in_use();
  /// Blocks libharu has allocated since the process started, for all documents together: the
  /// measure of the objects a document makes on the way.
  static std::size_t allocations_made();

 private:
  // Both recall_body: the kept part `read_ahead`, or else the memo's under `name`.
  bool take_body(std::size_t page, const core::StreamDigest& name, std::optional<std::string_view> read_ahead,
                 const std::vector<fonts::FontFace>& faces);

  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace octavo::pdf
