#include "pdf/haru_document.hpp"

#include <hpdf.h>
// libharu's internal object API (installed by libhpdf-dev, part of the same 2.3.0 library) for
// what its public API cannot do: replace a font's /ToUnicode stream, write text strings outside
// the BMP, build an [page /XYZ left top null] destination, show text with TJ and literal strings,
// compress a page as soon as it is drawn, hold final dictionaries as their bytes, and save
// without holding the whole file.
#include <hpdf_conf.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_gstate.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <exception>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/background_worker.hpp"
#include "core/byte_stream.hpp"
#include "core/deflate.hpp"
#include "core/utf8.hpp"
#include "pdf/png_predictor.hpp"

namespace octavo::pdf {

namespace {

constexpr std::size_t face_count = fonts::face_count;

std::size_t index_of(fonts::FontFace face) { return static_cast<std::size_t>(face); }

// Short descriptions for the errors a book can plausibly hit (hpdf_error.h has about 150 codes).
const char* describe(HPDF_STATUS code) {
  switch (code) {
    case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
    case HPDF_FILE_IO_ERROR: return "file input/output failed";
    case HPDF_FILE_OPEN_ERROR: return "cannot open a file";
    case HPDF_INVALID_DOCUMENT: return "the document is unusable after an earlier error";
    case HPDF_INVALID_FONTDEF_DATA: return "invalid font data";
    case HPDF_INVALID_DESTINATION: return "invalid destination";
    case HPDF_PAGE_INVALID_FONT_SIZE: return "invalid font size";
    case HPDF_PAGE_OUT_OF_RANGE: return "a value is out of range";
    case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "the font does not allow embedding";
    case HPDF_TTF_INVALID_CMAP: return "the font's cmap table is not usable";
    case HPDF_TTF_INVALID_FOMAT: return "not a TrueType font";
    case HPDF_TTF_MISSING_TABLE: return "the font lacks a required table";
    case HPDF_STRING_OUT_OF_RANGE: return "a string is too long";
    default: return "see hpdf_error.h";
  }
}

// A PDF text string (PDF 32000-1 §7.9.2.2): UTF-16BE with a byte order mark. libharu's UTF-8
// encoder would turn characters outside the BMP into spaces; this keeps them as surrogate pairs.
std::vector<HPDF_BYTE> utf16be_text(std::string_view utf8) {
  std::vector<HPDF_BYTE> out = {0xFE, 0xFF};
  const auto unit = [&out](char32_t value) {
    out.push_back(static_cast<HPDF_BYTE>(value >> 8));
    out.push_back(static_cast<HPDF_BYTE>(value & 0xFF));
  };
  for (std::size_t pos = 0; pos < utf8.size();) {
    const char32_t code_point = core::decode_utf8(utf8, pos);
    if (code_point < 0x10000) {
      unit(code_point);
    } else {
      unit(0xD800 + ((code_point - 0x10000) >> 10));
      unit(0xDC00 + ((code_point - 0x10000) & 0x3FF));
    }
  }
  return out;
}

const char* info_key(InfoEntry entry) {
  switch (entry) {
    case InfoEntry::title: return "Title";
    case InfoEntry::author: return "Author";
    case InfoEntry::subject: return "Subject";
    case InfoEntry::creator: return "Creator";
    case InfoEntry::keywords: return "Keywords";
  }
  return "Title";
}

HPDF_InfoType info_type(InfoEntry entry) {
  switch (entry) {
    case InfoEntry::title: return HPDF_INFO_TITLE;
    case InfoEntry::author: return HPDF_INFO_AUTHOR;
    case InfoEntry::subject: return HPDF_INFO_SUBJECT;
    case InfoEntry::creator: return HPDF_INFO_CREATOR;
    case InfoEntry::keywords: return HPDF_INFO_KEYWORDS;
  }
  return HPDF_INFO_TITLE;
}

HPDF_REAL real(double value) { return static_cast<HPDF_REAL>(value); }

// The font descriptor of a Type0 font's TrueType font, with `program` as its /FontFile2: the
// objects, keys and order that libharu 2.3.0's CIDFontType2_BeforeWrite_Func (hpdf_font_cid.c)
// makes when it saves, so that the file is the same, but without its first step: writing
// libharu's own partial subset of the whole font (HPDF_TTFontDef_SaveFontData, about 1 ms a
// face), which `program` would replace. False if libharu fails (its error is then set).
bool add_font_descriptor(HPDF_Font font, std::string_view program) {
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  HPDF_FontDef def = attr->fontdef;
  auto* def_attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
  HPDF_Dict descriptor = HPDF_Dict_New(font->mmgr);
  if (descriptor == nullptr) return false;
  HPDF_Dict font_data = HPDF_DictStream_New(font->mmgr, attr->xref);
  if (font_data == nullptr) {
    HPDF_Dict_Free(descriptor);
    return false;
  }
  HPDF_STATUS status = HPDF_Stream_Write(font_data->stream, reinterpret_cast<const HPDF_BYTE*>(program.data()),
                                         static_cast<HPDF_UINT>(program.size()));
  status += HPDF_Dict_Add(descriptor, "FontFile2", font_data);
  status += HPDF_Dict_AddNumber(font_data, "Length1", static_cast<HPDF_INT32>(program.size()));
  status += HPDF_Dict_AddNumber(font_data, "Length2", 0);
  status += HPDF_Dict_AddNumber(font_data, "Length3", 0);
  font_data->filter = font->filter;
  if (status != HPDF_OK) {
    HPDF_Dict_Free(descriptor);
    return false;
  }
  // From here on libharu's document owns the descriptor (HPDF_Xref_Add frees it if it fails).
  if (HPDF_Xref_Add(attr->xref, descriptor) != HPDF_OK) return false;
  status += HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
  status += HPDF_Dict_AddNumber(descriptor, "Ascent", def->ascent);
  status += HPDF_Dict_AddNumber(descriptor, "Descent", def->descent);
  status += HPDF_Dict_AddNumber(descriptor, "Flags", static_cast<HPDF_INT32>(def->flags));
  status += HPDF_Dict_Add(descriptor, "FontBBox", HPDF_Box_Array_New(font->mmgr, def->font_bbox));
  status += HPDF_Dict_AddName(descriptor, "FontName", def_attr->base_font);
  status += HPDF_Dict_AddNumber(descriptor, "ItalicAngle", def->italic_angle);
  status += HPDF_Dict_AddNumber(descriptor, "StemV", def->stemv);
  status += HPDF_Dict_AddNumber(descriptor, "XHeight", def->x_height);
  def->descriptor = descriptor;
  return status == HPDF_OK;
}

// `value` divided by 10 to the power `places`, as a PDF number as short as it is exact.
std::string fixed_point(long long value, int places) {
  const unsigned long long magnitude =
      value < 0 ? 0ULL - static_cast<unsigned long long>(value) : static_cast<unsigned long long>(value);
  unsigned long long unit = 1;
  for (int place = 0; place < places; ++place) unit *= 10;
  std::string out = value < 0 ? "-" : "";
  out += std::to_string(magnitude / unit);
  unsigned long long fraction = magnitude % unit;
  if (fraction != 0) {
    out += '.';
    for (unit /= 10; fraction != 0; unit /= 10) {
      out += static_cast<char>('0' + fraction / unit);
      fraction %= unit;
    }
  }
  return out;
}

// `value` hundredths: 52866 → "528.66", -1620 → "-16.2", 300 → "3".
std::string hundredths(long long value) { return fixed_point(value, 2); }

// An ASCII byte a literal string holds as it is (show_operator).
bool is_plain_byte(char byte) {
  return static_cast<unsigned char>(byte) < 0x80 && byte != '(' && byte != ')' && byte != '\\' && byte != '\r' &&
         byte != '\n';
}

// The operator that shows `text`: `(…)Tj`, or with shifts a TJ array `[(…)n(…)]TJ` (PDF
// 32000-1 §9.4.3), in the font's `codes`; a character past the BMP, which no CID can name, becomes
// a space, as libharu makes it. They are written as literal strings (§7.3.4.2), not in libharu's
// hex, which takes twice the bytes (about 2 KB more of the compressed corpus/ PDF); parentheses
// and backslash are escaped, and CR and LF, which a reader would otherwise turn into LF.
std::string show_operator(std::string_view text, const std::vector<TextShift>& shifts, const FontCodes& codes) {
  const auto append_byte = [](std::string& out, char byte) {
    if (byte == '(' || byte == ')' || byte == '\\') {
      out += '\\';
      out += byte;
    } else if (byte == '\r') {
      out += "\\r";
    } else if (byte == '\n') {
      out += "\\n";
    } else {
      out += byte;
    }
  };
  std::string out = shifts.empty() ? "(" : "[(";
  out.reserve(out.size() + 2 * text.size() + 8);
  std::string code;
  std::size_t next = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    while (next < shifts.size() && shifts[next].offset <= pos) {
      if (shifts[next].amount != 0) out.append(")").append(std::to_string(shifts[next].amount)).append("(");
      ++next;
    }
    if (codes.compact() && static_cast<unsigned char>(text[pos]) < 0x80) {  // ASCII: its own byte
      // Up to the next shift or escape, the bytes as they are, at once.
      const std::size_t stop = next < shifts.size() ? std::min(shifts[next].offset, text.size()) : text.size();
      std::size_t end = pos;
      while (end < stop && is_plain_byte(text[end])) ++end;
      if (end > pos) {
        out.append(text.substr(pos, end - pos));
        pos = end;
        continue;
      }
      append_byte(out, text[pos++]);
      continue;
    }
    char32_t code_point = core::decode_utf8(text, pos);
    if (code_point > 0xFFFF) code_point = U' ';
    code.clear();
    codes.append(code, code_point);
    for (const char byte : code) append_byte(out, byte);
  }
  out += shifts.empty() ? ")Tj\n" : ")]TJ\n";
  return out;
}

// Replaces an image's samples, which HPDF_LoadRawImageFromMem copied as they are, by PNG
// predictor rows and declares them (PDF 32000-1 §7.4.4.4, Table 8): Flate alone keeps a smooth
// picture or soft mask at 10–15 % of its size, Flate after prediction far less. Only for a
// Flate-compressed stream, which the predictor belongs to.
void predict(HPDF_Image image, const std::uint8_t* samples, std::size_t width, std::size_t height,
             std::size_t channels) {
  if ((image->filter & HPDF_STREAM_FILTER_FLATE_DECODE) == 0) return;
  const std::vector<std::uint8_t> rows = png_predicted(samples, width, height, channels);
  HPDF_MemStream_FreeData(image->stream);
  HPDF_Stream_Write(image->stream, rows.data(), static_cast<HPDF_UINT>(rows.size()));
  HPDF_Dict parameters = HPDF_Dict_New(image->mmgr);
  HPDF_Array list = HPDF_Array_New(image->mmgr);
  if (parameters == nullptr || list == nullptr) return;
  HPDF_Dict_AddNumber(parameters, "Predictor", 15);  // PNG, a filter chosen per row
  HPDF_Dict_AddNumber(parameters, "Colors", static_cast<HPDF_INT32>(channels));
  HPDF_Dict_AddNumber(parameters, "BitsPerComponent", 8);
  HPDF_Dict_AddNumber(parameters, "Columns", static_cast<HPDF_INT32>(width));
  HPDF_Array_Add(list, parameters);  // an array, one entry per filter in /Filter's array
  HPDF_Dict_Add(image, "DecodeParms", list);
}

// The /Filter entry of a content stream finish_page compressed: what libharu writes for a stream
// it compresses while saving, so that the file is the same either way.
HPDF_STATUS write_flate_filter(HPDF_Dict /*dictionary*/, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter [ /FlateDecode ]\012");
}

// Calls `use(bytes, length)` on each block of memory stream `stream`, in order; false if a block
// is missing or `use` returns false.
template <typename Use>
bool for_each_block(HPDF_Stream stream, Use use) {
  for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(stream); ++i) {
    HPDF_UINT length = 0;
    const HPDF_BYTE* block = HPDF_MemStream_GetBufPtr(stream, i, &length);
    if (block == nullptr || !use(block, length)) return false;
  }
  return true;
}

// Appends the bytes of memory stream `stream` to `out`; false if a block is missing.
bool append_stream_bytes(HPDF_Stream stream, std::string& out) {
  return for_each_block(stream, [&out](const HPDF_BYTE* block, HPDF_UINT length) {
    out.append(reinterpret_cast<const char*>(block), length);
    return true;
  });
}

// libharu holds every entry of a dictionary as objects of its own: a 136-byte element per key, a
// 140-byte object per name, one allocation per number and per reference. For a link annotation
// that is some 2 KB, for a page's resources about 1.5 KB, and a book of 10,000 articles has
// hundreds of thousands of both. Once a dictionary is final, its entries are written once, by
// libharu's own HPDF_Dict_Write, into the bytes it would write when saving; the objects are freed
// and the dictionary, now empty, writes those bytes from its write_fn (which HPDF_Dict_Write calls
// after the entries, between "<<" and ">>"): the same file from a few dozen bytes.
// The block is the byte count, then the bytes (frozen_block makes it).
std::string_view block_bytes(const void* frozen) {
  const auto* block = static_cast<const char*>(frozen);
  HPDF_UINT size = 0;
  std::memcpy(&size, block, sizeof size);
  return {block + sizeof size, size};
}

HPDF_STATUS write_block(const void* frozen, HPDF_Stream stream) {
  const std::string_view bytes = block_bytes(frozen);
  return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                           static_cast<HPDF_UINT>(bytes.size()));
}

HPDF_STATUS write_frozen_entries(HPDF_Dict dictionary, HPDF_Stream stream) {
  return write_block(dictionary->attr, stream);
}

void free_frozen_entries(HPDF_Dict dictionary) {
  if (dictionary->attr != nullptr) HPDF_FreeMem(dictionary->mmgr, dictionary->attr);
  dictionary->attr = nullptr;
}

// The block a frozen dictionary keeps: the byte count of `entries`, then their bytes. Null when
// memory runs out, or the count would not fit libharu's 32-bit sizes.
void* frozen_block(HPDF_MMgr mmgr, std::string_view entries) {
  if (entries.size() > std::numeric_limits<HPDF_UINT>::max() - sizeof(HPDF_UINT)) return nullptr;
  const auto size = static_cast<HPDF_UINT>(entries.size());
  auto* block = static_cast<HPDF_BYTE*>(HPDF_GetMem(mmgr, static_cast<HPDF_UINT>(sizeof size + size)));
  if (block == nullptr) return nullptr;
  std::memcpy(block, &size, sizeof size);
  std::memcpy(block + sizeof size, entries.data(), size);
  return block;
}

// The entries of `dictionary` as libharu's own HPDF_Dict_Write writes them when saving (its hooks
// run as then: a page's checks that nothing is left open), without the "<<\n" and ">>" around
// them; nullopt when writing fails.
std::optional<std::string> written_entries(HPDF_Dict dictionary) {
  HPDF_Stream text = HPDF_MemStream_New(dictionary->mmgr, 512);
  if (text == nullptr) return std::nullopt;
  std::string written;
  const bool whole = HPDF_Dict_Write(dictionary, text, nullptr) == HPDF_OK && append_stream_bytes(text, written);
  HPDF_Stream_Free(text);
  constexpr std::string_view open = "<<\012", close = ">>";
  if (!whole || written.size() < open.size() + close.size() || !written.starts_with(open) ||
      !written.ends_with(close)) {
    return std::nullopt;
  }
  return written.substr(open.size(), written.size() - open.size() - close.size());
}

// Frees the entries of `dictionary` (the objects a reference points to stay: only their proxies go).
void free_entries(HPDF_Dict dictionary) {
  for (HPDF_UINT i = 0; i < dictionary->list->count; ++i) {
    auto* element = static_cast<HPDF_DictElement>(HPDF_List_ItemAt(dictionary->list, i));
    HPDF_Obj_Free(dictionary->mmgr, element->value);
    HPDF_FreeMem(dictionary->mmgr, element);
  }
  HPDF_List_Clear(dictionary->list);
}

// Freezes `dictionary` as above. Leaves it as it is, and returns false, when it is not a plain
// dictionary (a stream, or one libharu attaches data or write hooks to) or memory runs out.
bool freeze_entries(HPDF_Dict dictionary) {
  if (dictionary->stream != nullptr || dictionary->attr != nullptr || dictionary->write_fn != nullptr ||
      dictionary->before_write_fn != nullptr || dictionary->after_write_fn != nullptr ||
      dictionary->free_fn != nullptr) {
    return false;
  }
  const std::optional<std::string> entries = written_entries(dictionary);
  if (!entries) return false;
  void* block = frozen_block(dictionary->mmgr, *entries);
  if (block == nullptr) return false;
  free_entries(dictionary);
  dictionary->attr = block;
  dictionary->write_fn = write_frozen_entries;
  dictionary->free_fn = free_frozen_entries;
  return true;
}

// The object number in an HPDF_Obj_Header's obj_id, whose high bits are flags (hpdf_objects.h).
constexpr HPDF_UINT32 object_number_bits = 0x00FFFFFF;

// Appends "N G R" to `to`: how libharu writes a reference to the object `object` (held in its
// cross-reference table) as an entry's value.
void append_reference(std::string& to, const HPDF_Obj_Header& object) {
  std::array<char, 2 * std::numeric_limits<HPDF_UINT32>::digits10 + 8> text{};
  char* end = std::to_chars(text.data(), text.data() + text.size(), object.obj_id & object_number_bits).ptr;
  *end++ = ' ';
  end = std::to_chars(end, text.data() + text.size(), object.gen_no).ptr;
  *end++ = ' ';
  *end++ = 'R';
  to.append(text.data(), end);
}

// `value` as libharu writes a real number (HPDF_Stream_WriteReal), appended to `to`: up to
// HPDF_REAL_LEN + 1 characters, which HPDF_FToA may leave without a NUL; its result marks where
// they end.
void append_real(std::string& to, HPDF_REAL value) {
  char text[HPDF_REAL_LEN + 1] = {};
  const char* end = HPDF_FToA(text, value, text + HPDF_REAL_LEN);
  to.append(static_cast<const char*>(text), end);
}

// `value` as append_real writes it.
std::string real_text(HPDF_REAL value) {
  std::string text;
  append_real(text, value);
  return text;
}

// Makes `dictionary` (empty, its own hooks unset) write `entries` between "<<" and ">>", as a
// frozen dictionary does. False when memory runs out.
bool set_frozen_entries(HPDF_Dict dictionary, std::string_view entries) {
  void* block = frozen_block(dictionary->mmgr, entries);
  if (block == nullptr) return false;
  dictionary->attr = block;
  dictionary->write_fn = write_frozen_entries;
  dictionary->free_fn = free_frozen_entries;
  return true;
}

// `utf8` as libharu writes the UTF-16BE text string set_text gives a dictionary (an HPDF_Binary):
// "<FEFF…>", two uppercase hex digits a byte.
void append_hex_text_string(std::string& to, std::string_view utf8) {
  static constexpr std::string_view digits = "0123456789ABCDEF";
  const std::vector<HPDF_BYTE> bytes = utf16be_text(utf8);
  to.reserve(to.size() + 2 * bytes.size() + 2);
  to += '<';
  for (const HPDF_BYTE byte : bytes) {
    to += digits[byte >> 4];
    to += digits[byte & 0x0F];
  }
  to += '>';
}

// `text` as libharu writes a literal string (HPDF_String_Write without encryption): in
// parentheses, with its own escapes (HPDF_Stream_WriteEscapeText2: every byte outside printable
// ASCII and each of \ % # / ( ) < > [ ] { } as three octal digits). nullopt when memory runs out,
// or `text` is longer than the signed count that function loops with.
std::optional<std::string> escaped_string(HPDF_MMgr mmgr, std::string_view text) {
  HPDF_Stream stream = HPDF_MemStream_New(mmgr, 512);
  if (stream == nullptr) return std::nullopt;
  std::string written;
  const bool whole =
      text.size() <= static_cast<std::size_t>(std::numeric_limits<HPDF_INT>::max()) &&
      HPDF_Stream_WriteEscapeText2(stream, text.data(), static_cast<HPDF_UINT>(text.size())) == HPDF_OK &&
      append_stream_bytes(stream, written);
  HPDF_Stream_Free(stream);
  if (!whole) return std::nullopt;
  return written;
}

// A link annotation's rectangle as libharu takes it: a rectangle given upside down has its top and
// bottom swapped (as HPDF_Annotation_New does), and one with a coordinate beyond ±32,767
// (HPDF_REAL's range; libharu's pages are at most 14,400 pt) is refused (nullopt).
std::optional<HPDF_Rect> link_rect(PdfRect area) {
  HPDF_Rect rect = {real(area.left), real(area.bottom), real(area.right), real(area.top)};
  for (const HPDF_REAL value : {rect.left, rect.bottom, rect.right, rect.top}) {
    if (!(value >= HPDF_LIMIT_MIN_REAL && value <= HPDF_LIMIT_MAX_REAL)) return std::nullopt;
  }
  if (rect.top < rect.bottom) std::swap(rect.top, rect.bottom);
  return rect;
}

// The first entries of a link annotation on `rect`, as libharu writes those HPDF_Page_CreateLinkAnnot
// (or HPDF_Page_CreateURILinkAnnot) gives it, into `entries`; what says where it leads follows.
void begin_link_entries(std::string& entries, const HPDF_Rect& rect) {
  entries.assign("/Rect [ ");
  append_real(entries, rect.left);
  entries += ' ';
  append_real(entries, rect.bottom);
  entries += ' ';
  append_real(entries, rect.right);
  entries += ' ';
  append_real(entries, rect.top);
  entries += " ]\012/Type /Annot\012/Subtype /Link\012";
}

// The last entries of a link annotation on `page`: the page, and the border
// HPDF_LinkAnnot_SetBorderStyle(0, 0, 0) sets.
void end_link_entries(std::string& entries, HPDF_Page page) {
  entries += "\012/P ";
  append_reference(entries, page->header);
  entries += "\012/Border [ 0 0 0 ]\012";
}

// A memory stream holding `source`'s bytes in one block of exactly their size: libharu's streams
// grow in 4 KB blocks, so a page's compressed content would otherwise keep 2 KB unused on
// average. Null when memory runs out.
HPDF_Stream exact_copy(HPDF_Stream source) {
  const HPDF_UINT size = HPDF_Stream_Size(source);
  HPDF_Stream copy = HPDF_MemStream_New(source->mmgr, size > 0 ? size : 1);
  if (copy == nullptr) return nullptr;
  const bool copied = for_each_block(source, [copy](const HPDF_BYTE* block, HPDF_UINT length) {
    return HPDF_Stream_Write(copy, block, length) == HPDF_OK;
  });
  if (!copied) {
    HPDF_Stream_Free(copy);
    return nullptr;
  }
  return copy;
}

// A page's compressed content held in a string of ours, which libharu reads through these
// callbacks when it saves (a stream of HPDF_CallbackReader_New's, freed with its string). Copied
// into one of libharu's memory streams instead, the bytes went through HPDF_MemCpy, a loop over
// each byte, twice (in, and out when saving) and into blocks allocated for them: some 12 MB, a
// tenth of the book thread's work in a rebuild of 1,000 articles.
struct HeldBytes {
  std::string bytes;
  std::size_t position = 0;  // where the next read starts
};

// As HPDF_MemStream_ReadFunc: up to *size bytes; HPDF_STREAM_EOF, with *size the bytes read,
// when the end comes first.
HPDF_STATUS read_held(HPDF_Stream stream, HPDF_BYTE* to, HPDF_UINT* size) {
  auto* held = static_cast<HeldBytes*>(stream->attr);
  const std::size_t count = std::min<std::size_t>(*size, held->bytes.size() - held->position);
  if (count > 0) std::memcpy(to, held->bytes.data() + held->position, count);
  held->position += count;
  const bool ended = count < *size;
  *size = static_cast<HPDF_UINT>(count);
  return ended ? HPDF_STREAM_EOF : HPDF_OK;
}

HPDF_STATUS seek_held(HPDF_Stream stream, HPDF_INT offset, HPDF_WhenceMode mode) {
  auto* held = static_cast<HeldBytes*>(stream->attr);
  const long long from = mode == HPDF_SEEK_SET   ? 0
                         : mode == HPDF_SEEK_CUR ? static_cast<long long>(held->position)
                                                 : static_cast<long long>(held->bytes.size());
  const long long to = from + offset;
  if (to < 0 || to > static_cast<long long>(held->bytes.size())) {
    return HPDF_SetError(stream->error, HPDF_STREAM_EOF, 0);
  }
  held->position = static_cast<std::size_t>(to);
  return HPDF_OK;
}

HPDF_INT32 tell_held(HPDF_Stream stream) {
  return static_cast<HPDF_INT32>(static_cast<HeldBytes*>(stream->attr)->position);
}

HPDF_UINT32 size_held(HPDF_Stream stream) {
  return static_cast<HPDF_UINT32>(static_cast<HeldBytes*>(stream->attr)->bytes.size());
}

void free_held(HPDF_Stream stream) {
  delete static_cast<HeldBytes*>(stream->attr);
  stream->attr = nullptr;
}

// A stream libharu reads `bytes` from, taking them; null when memory runs out or they are more
// than its sizes count (2 GiB, a signed 32-bit position).
HPDF_Stream held_stream(HPDF_MMgr mmgr, std::string bytes) {
  if (bytes.size() > std::numeric_limits<HPDF_INT32>::max()) return nullptr;
  // Kept as long as the book: a string grown past its size would hold the rest unused.
  if (bytes.capacity() > bytes.size() + bytes.size() / 16) bytes.shrink_to_fit();
  auto held = std::make_unique<HeldBytes>(HeldBytes{std::move(bytes), 0});
  HPDF_Stream stream = HPDF_CallbackReader_New(mmgr, read_held, seek_held, tell_held, size_held, held.get());
  if (stream == nullptr) return nullptr;
  stream->free_fn = free_held;
  held.release();  // freed by free_held, with the stream
  return stream;
}

// Where HPDF_SaveToStream writes when saving: straight to the caller's function, in pieces of
// 64 KB, instead of into a memory stream holding the whole file (some 140 MB at 10,000
// articles) until it is read back.
struct FileSink {
  const std::function<bool(std::string_view)>* write = nullptr;
  std::string pending;
  bool failed = false;
  // Why, when the writing threw rather than refused (a refusing `write` says why itself): the
  // document's failure, which libharu, told only of an error code, would leave without a reason.
  std::string threw;

  bool flush() {
    if (!failed && !pending.empty()) {
      try {
        failed = !(*write)(pending);
      } catch (...) {  // libharu is C: nothing may unwind through it
        fail_with_current_exception();
      }
    }
    pending.clear();
    return !failed;
  }

  // In a catch block: the sink failed, for the reason the exception being handled gives.
  void fail_with_current_exception() {
    failed = true;
    try {
      throw;
    } catch (const std::bad_alloc&) {
      threw = "no memory left to write the file";
    } catch (const std::exception& error) {
      threw = std::string("writing the file failed: ") + error.what();
    } catch (...) {
      threw = "writing the file failed";
    }
  }
};

HPDF_STATUS write_to_sink(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) {
  auto* sink = static_cast<FileSink*>(stream->attr);
  if (sink->failed) return HPDF_FILE_IO_ERROR;
  constexpr std::size_t piece_size = 65536;
  try {
    sink->pending.append(reinterpret_cast<const char*>(bytes), size);
  } catch (...) {
    sink->fail_with_current_exception();
    return HPDF_FAILD_TO_ALLOC_MEM;
  }
  if (sink->pending.size() >= piece_size && !sink->flush()) return HPDF_FILE_IO_ERROR;
  return HPDF_OK;
}

// Every block libharu allocates, preceded by its size, so that what it holds can be counted
// (HaruDocument::heap_in_use): the measure behind the freezing and copying above; and how many
// it allocated (HaruDocument::allocations_made).
std::atomic<std::size_t> haru_heap_in_use{0};
std::atomic<std::size_t> haru_allocations{0};
constexpr std::size_t block_header = alignof(std::max_align_t);

void* HPDF_STDCALL allocate_counted(HPDF_UINT size) {
  auto* block = static_cast<unsigned char*>(std::malloc(block_header + size));
  if (block == nullptr) return nullptr;
  const std::size_t bytes = size;
  std::memcpy(block, &bytes, sizeof bytes);
  haru_heap_in_use += bytes;
  haru_allocations.fetch_add(1, std::memory_order_relaxed);
  return block + block_header;
}

void HPDF_STDCALL free_counted(void* pointer) {
  if (pointer == nullptr) return;
  auto* block = static_cast<unsigned char*>(pointer) - block_header;
  std::size_t bytes = 0;
  std::memcpy(&bytes, block, sizeof bytes);
  haru_heap_in_use -= bytes;
  std::free(block);
}

// The parts of a page's content around its body, deflated (HaruDocument::finish_page): its first
// operators, which place the body, and what is drawn after it (its furniture), which refers back
// into the body's last bytes. Kept in the memo as one entry, so that a rebuild whose page has the
// body and furniture of an earlier build's recalls both parts at once, nothing drawn.
struct AroundBody {
  core::FlatePart before;
  core::FlatePart after;

  // Both parts' compressed bytes, Adler-32s and sizes; not their tails, since nothing is deflated
  // after a page's last part, nor between its first and its recalled body.
  std::string kept_form() const {
    core::ByteWriter out;
    for (const core::FlatePart* part : {&before, &after}) {
      out.unsigned_number(part->adler32);
      out.unsigned_number(part->size);
      out.string(part->compressed);
    }
    return out.take();
  }

  // The parts kept_form wrote (the second one last); nullopt if the bytes are not such a form.
  static std::optional<AroundBody> from_kept_form(std::string_view kept) {
    core::ByteReader in(kept);
    AroundBody parts;
    for (core::FlatePart* part : {&parts.before, &parts.after}) {
      part->adler32 = static_cast<std::uint32_t>(in.at_most(UINT32_MAX));
      part->size = in.unsigned_number();
      part->compressed = in.string();
    }
    parts.after.last = true;
    if (in.failed() || !in.at_end()) return std::nullopt;
    return parts;
  }
};

// Pages compressed beside (compress_pages_beside) but not yet put back into the document, at most:
// enough that the drawing rarely waits, few enough that their raw content stays small.
constexpr std::size_t max_pages_packing = 16;

}  // namespace

std::size_t HaruDocument::heap_in_use() { return haru_heap_in_use; }

std::size_t HaruDocument::allocations_made() { return haru_allocations; }

struct HaruDocument::State {
  HPDF_Doc pdf = nullptr;
  // Written only by on_error, which must neither throw nor allocate: it runs inside libharu.
  HPDF_STATUS error_code = HPDF_OK;
  HPDF_STATUS error_detail = 0;
  std::string adapter_error;  // a misuse of this adapter, found in ordinary C++ code
  std::array<HPDF_Font, face_count> fonts{};
  std::array<HPDF_FontDef, face_count> font_defs{};
  std::array<FontCodes, face_count> codes{};  // each loaded face's, as load_font was given them
  HPDF_Dict compact_encoding = nullptr;       // the CMap stream compact fonts share, once made

  // Gives `font`'s CIDFont the character collection of its CMap, Adobe-Identity-0 (PDF 32000-1
  // §9.7.5.3 asks it of a CMap stream; libharu had written "Identity-H", the name of its CMap, as
  // the ordering) and, for compact `font_codes`, makes compact_encoding_cmap its /Encoding in place of
  // libharu's /Identity-H (one stream for all fonts). False, with the document failed, if libharu
  // fails.
  bool adopt_codes(HPDF_Font font, const FontCodes& font_codes) {
    auto* attr = static_cast<HPDF_FontAttr>(font->attr);
    HPDF_Dict cid_font = attr->descendant_font;
    if (cid_font == nullptr) {
      fail("libharu made no CIDFontType2 font for a font");
      return false;
    }
    const auto identity = [&](HPDF_Dict dict) -> HPDF_STATUS {
      HPDF_Dict info = HPDF_Dict_New(font->mmgr);
      if (info == nullptr) return HPDF_FAILD_TO_ALLOC_MEM;
      HPDF_STATUS status = HPDF_Dict_Add(info, "Registry", HPDF_String_New(font->mmgr, "Adobe", nullptr));
      status += HPDF_Dict_Add(info, "Ordering", HPDF_String_New(font->mmgr, "Identity", nullptr));
      status += HPDF_Dict_AddNumber(info, "Supplement", 0);
      if (status != HPDF_OK) {
        HPDF_Dict_Free(info);
        return status;
      }
      return HPDF_Dict_Add(dict, "CIDSystemInfo", info);  // `dict` owns `info` now, or freed it
    };
    HPDF_STATUS status = identity(cid_font);
    if (font_codes.compact() && compact_encoding == nullptr) {
      compact_encoding = HPDF_DictStream_New(font->mmgr, attr->xref);  // owned by the document
      if (compact_encoding == nullptr) {
        fail("cannot allocate the fonts' encoding CMap");
        return false;
      }
      const std::string cmap = compact_encoding_cmap();
      status += HPDF_Stream_Write(compact_encoding->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                                  static_cast<HPDF_UINT>(cmap.size()));
      status += HPDF_Dict_AddName(compact_encoding, "Type", "CMap");
      status += HPDF_Dict_AddName(compact_encoding, "CMapName", compact_encoding_name);
      status += identity(compact_encoding);
      if ((pdf->compression_mode & HPDF_COMP_METADATA) != 0) compact_encoding->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    }
    if (font_codes.compact()) status += HPDF_Dict_Add(font, "Encoding", compact_encoding);
    if (status != HPDF_OK || failed()) {
      fail("libharu cannot give a font its codes");
      return false;
    }
    return true;
  }
  std::vector<HPDF_Page> pages;
  std::vector<HPDF_Image> images;
  // Each finished page (freeze_page): its entries, written, in a block as frozen_block makes, in
  // libharu's memory, freed with the document; and the references to the link annotations added to
  // it since ("12 0 R 13 0 R "), which it writes after them as libharu writes its /Annots array, the
  // entry added last (add_link).
  struct FrozenPage {
    void* block = nullptr;
    std::string annotations;
  };
  std::unordered_map<HPDF_Page, FrozenPage> frozen_pages;
  // The entries of the link annotation being added and its destination, kept for the next.
  std::string link_entries;
  std::string link_destination;
  // Set once saving began: a link added after it would be in a later save only, not in the file
  // written, so it is refused.
  bool save_started = false;

  // The text object (BT … ET) show_text left open, so that a page's runs share one: per run
  // only a relative Td and the string, instead of BT, Tf, an absolute Td and ET. The position
  // is the start of the last run, in hundredths of a point, so that the relative moves are
  // short decimals whose sum is exact (no drift along a page).
  struct OpenText {
    HPDF_Page page = nullptr;
    HPDF_Font font = nullptr;
    double size = 0;
    long long x = 0, y = 0;
  } open_text;

  // Pages whose content is being compressed beside (compress_pages_beside), oldest first, as the
  // packer gives their bytes back; their content streams are empty until install_packed puts the
  // compressed bytes in.
  std::optional<core::BackgroundWorker<std::string>> packer;
  std::deque<HPDF_Page> packing;
  // Compressed contents of an earlier build (remember_compressed_pages); null for none.
  core::DeflateMemo* memo = nullptr;

  // The body of the page being drawn (begin_body): where it begins and ends in the page's content,
  // and the part an earlier build deflated for it when it was recalled (recall_body).
  struct Body {
    HPDF_Page page = nullptr;
    HPDF_UINT begin = 0;
    std::optional<HPDF_UINT> end;
    std::optional<core::FlatePart> recalled;
    HPDF_UINT closed = 0;              // the content's size once end_body closed the body
    std::optional<AroundBody> around;  // the parts around it, when recalled (recall_furniture)
  } body;

  // What finish_page deflates of a page: its content in three parts (before the body, the body,
  // after it) when the page has a body, else whole, as libharu would.
  struct Content {
    std::string raw;
    std::optional<std::pair<std::size_t, std::size_t>> body;  // [begin, end) in raw
    std::optional<core::FlatePart> recalled;                  // the body, deflated by an earlier build
    std::optional<AroundBody> around;                         // the parts around it, from an earlier build
    std::optional<core::StreamDigest> keep_around_as;         // else the name to keep them under
  };

  // Compresses `raw`, the content of `page` (already marked finished), beside; installs the pages
  // compressed by now, and waits for the oldest while more than a few are in flight.
  // False, with the document failed, if the task cannot be queued (no thread, no memory). The
  // task holds only its bytes and never touches libharu, so it may outlive the document.
  bool pack_beside(HPDF_Page page, Content content, const std::optional<core::StreamDigest>& keep_as) {
    // The page first, so that the packer never holds a result no page in `packing` stands for.
    bool queued = false;
    try {
      packing.push_back(page);
      packer->submit([content = std::move(content), this_memo = memo, keep_as] {
        return compress_keeping(content, this_memo, keep_as);
      });
      queued = true;
    } catch (const std::exception&) {
    }
    if (!queued) {
      if (!packing.empty() && packing.back() == page) packing.pop_back();
      fail("cannot hand a page's content to the thread that compresses pages");
      return false;
    }
    while (!packing.empty() && (packing.size() > max_pages_packing || packer->oldest_ready())) install_packed();
    return !failed();
  }

  // What comes before a page's body (q and the cm of its margin: one or two kinds in a book)
  // deflated as a part, each kind once per thread: zlib's setup and blocks cost some 50,000
  // instructions a part, as much for these 20 bytes as for a page's furniture.
  static core::FlatePart first_operators_deflated(std::string_view bytes) {
    struct Deflated {
      std::string bytes;
      core::FlatePart part;
    };
    // A book has one kind, or two with mirrored margins; a few more in hand cost nothing, and the
    // oldest is forgotten past them.
    constexpr std::size_t kinds_kept = 4;
    thread_local std::deque<Deflated> kept;
    for (const Deflated& known : kept) {
      if (known.bytes == bytes) return known.part;
    }
    core::FlatePart part = core::flate_small_part(bytes);
    if (kept.size() == kinds_kept) kept.pop_front();
    kept.push_back({std::string(bytes), part});
    return part;
  }

  // A page's content compressed: whole as libharu would, or in parts around its body, whose part
  // is kept in `memo` under `keep_as` if both are given (and it was not recalled from there), in
  // its kept form; the parts around it, recalled with it (recall_furniture) or else deflated here,
  // are kept under the content's keep_around_as.
  static std::string compress_keeping(const Content& content, core::DeflateMemo* memo,
                                      const std::optional<core::StreamDigest>& keep_as) {
    const std::string_view raw = content.raw;
    if (!content.body) return core::flate_encode(raw);
    const auto [begin, end] = *content.body;
    const core::FlatePart drawn =
        content.recalled ? core::FlatePart{} : core::flate_part(raw.substr(begin, end - begin));
    const core::FlatePart& body = content.recalled ? *content.recalled : drawn;
    if (memo != nullptr && keep_as && !content.recalled) memo->keep(*keep_as, body.kept_form());
    if (content.around) return core::flate_join({&content.around->before, &body, &content.around->after});
    // Kept after the body, in the order a rebuild (which recalls the body first) asks for them:
    // drawing a page's few hundred bytes of furniture, and naming (SHA-256 over them and the
    // kilobyte before) and recalling its two parts, was an eighth of the book thread's samples in
    // a rebuild of 1,000 articles. A page drawn anew is compressed beside, so after an edit the
    // next pack's order may differ from run to run (never the book's bytes).
    AroundBody around;
    around.before = first_operators_deflated(raw.substr(0, begin));
    // What is drawn after the body refers back to the body's end, and to what came before it
    // when the body is short: the bytes just before it in the stream.
    const std::string window = body.tail.size() == body.size ? around.before.tail + body.tail : body.tail;
    around.after = core::flate_small_part(raw.substr(end), window, true);
    if (memo != nullptr && content.keep_around_as) memo->keep(*content.keep_around_as, around.kept_form());
    return core::flate_join({&around.before, &body, &around.after});
  }

  // Replaces the page's content with its compressed bytes, on this thread; false, with the
  // document failed, if memory runs out.
  bool compress_here(HPDF_Page page) {
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    HPDF_Dict contents = attr->contents;
    HPDF_Stream packed = HPDF_MemStream_New(contents->mmgr, HPDF_STREAM_BUF_SIZ);
    if (packed == nullptr) {
      fail("cannot allocate a page's compressed content");
      return false;
    }
    if (HPDF_Stream_WriteToStream(contents->stream, packed, HPDF_STREAM_FILTER_FLATE_DECODE, nullptr) != HPDF_OK) {
      HPDF_Stream_Free(packed);
      fail("cannot compress a page's content");
      return false;
    }
    HPDF_Stream exact = exact_copy(packed);
    HPDF_Stream_Free(packed);
    if (exact == nullptr) {
      fail("cannot allocate a page's compressed content");
      return false;
    }
    replace_content(page, exact);
    mark_compressed(contents);
    return true;
  }

  // Tells the page's content dictionary that its stream is compressed already: libharu writes
  // the /Filter it would write, and does not compress it again.
  static void mark_compressed(HPDF_Dict contents) {
    contents->filter = HPDF_STREAM_FILTER_NONE;
    contents->write_fn = write_flate_filter;
  }

  // Makes `compressed` the content stream of `page`, freeing the one it replaces.
  static void replace_content(HPDF_Page page, HPDF_Stream compressed) {
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    HPDF_Stream_Free(attr->contents->stream);
    attr->contents->stream = compressed;
    attr->stream = compressed;
  }

  // A finished page's own entries (/Type, /MediaBox, /Contents, /Resources, /Parent) are final
  // too, but for the /Annots its links add at the end of the build, which it writes after them,
  // where libharu writes them (add_link). They are written once, as freeze_entries writes a
  // dictionary's, and their objects freed, with the page's graphics state: some 1.6 KB a page of
  // the book's thousands that libharu held until saving, and their writing done while the book
  // is laid out instead of in the build's serial end. libharu keeps the page's own record (its
  // place in the page tree, used when the front matter is inserted before it), so the bytes are
  // kept here. A page that already has /Annots, or is not in a finished state (drawing left
  // open), stays as it is (false): the same file either way.
  bool freeze_page(HPDF_Page page) {
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    if (page->write_fn != nullptr || page->stream != nullptr || attr->gmode != HPDF_GMODE_PAGE_DESCRIPTION ||
        (attr->gstate != nullptr && attr->gstate->prev != nullptr) ||
        HPDF_Dict_GetItem(page, "Annots", HPDF_OCLASS_ARRAY) != nullptr) {
      return false;
    }
    const std::optional<std::string> entries = written_entries(page);
    if (!entries) return false;
    void* block = frozen_block(page->mmgr, *entries);
    if (block == nullptr) return false;
    try {
      frozen_pages.emplace(page, FrozenPage{block, {}});
    } catch (const std::bad_alloc&) {
      HPDF_FreeMem(page->mmgr, block);
      return false;
    }
    free_entries(page);
    // Its resources went with its entries, written in place as freeze_resources would write them.
    attr->fonts = nullptr;
    attr->xobjects = nullptr;
    attr->ext_gstates = nullptr;
    if (attr->gstate != nullptr) HPDF_GState_Free(page->mmgr, attr->gstate);
    attr->gstate = nullptr;
    page->write_fn = write_frozen_page;
    return true;
  }

  // Writes a frozen page's entries, from the document's state (which libharu's error record
  // carries as its user data, as it carries it to on_error).
  static HPDF_STATUS write_frozen_page(HPDF_Dict page, HPDF_Stream stream) {
    const auto* state = static_cast<const State*>(page->error->user_data);
    const auto found = state->frozen_pages.find(page);
    // Set as an error, not only returned: HPDF_SaveToStream reports failure through the document's
    // error state, and would otherwise end the file here and call it saved.
    if (found == state->frozen_pages.end()) return HPDF_SetError(page->error, HPDF_INVALID_OBJECT, 0);
    const std::string& annotations = found->second.annotations;
    HPDF_STATUS status = write_block(found->second.block, stream);
    if (status != HPDF_OK || annotations.empty()) return status;
    // As HPDF_Dict_Write writes the key and HPDF_Array_Write the array: "[ ", each element and a
    // space, "]".
    status = HPDF_Stream_WriteStr(stream, "/Annots [ ");
    if (status == HPDF_OK) {
      status = HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(annotations.data()),
                                 static_cast<HPDF_UINT>(annotations.size()));
    }
    return status == HPDF_OK ? HPDF_Stream_WriteStr(stream, "]\012") : status;
  }

  // Frees a page born frozen's record (add_frozen_page): it has no graphics state, and its entries
  // are in frozen_pages, as a frozen page's.
  static void free_frozen_page(HPDF_Dict page) {
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    if (attr == nullptr) return;
    if (attr->gstate != nullptr) HPDF_GState_Free(page->mmgr, attr->gstate);
    HPDF_FreeMem(page->mmgr, attr);
    page->attr = nullptr;
  }

  // Appends a page finished at birth, `width` × `height`, whose content is `compressed` (deflated
  // whole) and which names `faces` in its /Resources, in this order: what HPDF_AddPage (with its
  // page tree of pages_per_page_tree_node kids a node), drawing, finish_page and freeze_page give
  // a page whose content and resources are those, its objects made in the same order (the page,
  // its content stream, the stream's /Length), and its entries written as freeze_page writes
  // them; but none of the objects libharu makes for a page to draw on (its graphics state, its
  // /MediaBox, /Resources and their names and numbers), which freeze_page would free at once.
  // Null, with the document failed, when libharu or memory fails.
  HPDF_Page add_frozen_page(double width, double height, std::string compressed,
                            const std::vector<fonts::FontFace>& faces) {
    end_text();
    if (pdf->page_per_pages != 0 && pdf->page_per_pages <= pdf->cur_page_num) {
      if (HPDF_Doc_AddPagesTo(pdf, pdf->root_pages) == nullptr) return fail_page("cannot add a node to the page tree");
      pdf->cur_page_num = 0;
    }
    HPDF_Page page = HPDF_Dict_New(pdf->mmgr);
    if (page == nullptr) return fail_page("cannot allocate a page");
    page->header.obj_class |= HPDF_OSUBCLASS_PAGE;
    page->free_fn = free_frozen_page;
    auto* attr = static_cast<HPDF_PageAttr>(HPDF_GetMem(pdf->mmgr, sizeof(HPDF_PageAttr_Rec)));
    if (attr == nullptr) {
      HPDF_Dict_Free(page);
      return fail_page("cannot allocate a page");
    }
    HPDF_MemSet(attr, 0, sizeof(HPDF_PageAttr_Rec));
    attr->gmode = HPDF_GMODE_PAGE_DESCRIPTION;
    page->attr = attr;
    if (HPDF_Xref_Add(pdf->xref, page) != HPDF_OK) return fail_page("cannot add a page");  // freed by Xref_Add
    attr->contents = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (attr->contents == nullptr) return fail_page("cannot allocate a page's content");
    attr->stream = attr->contents->stream;
    attr->xref = pdf->xref;
    if (HPDF_Pages_AddKids(pdf->cur_pages, page) != HPDF_OK || HPDF_List_Add(pdf->page_list, page) != HPDF_OK) {
      return fail_page("cannot add a page to the page tree");
    }
    pdf->cur_page = page;
    ++pdf->cur_page_num;
    try {
      pages.push_back(page);
    } catch (const std::bad_alloc&) {
      return fail_page("cannot add a page");
    }
    install(page, std::move(compressed));
    if (failed()) return nullptr;
    mark_compressed(attr->contents);
    // Its entries as freeze_page writes those add_page, drawing and AddKids gave it: /Type,
    // /MediaBox (the page's size, as HPDF_Page_SetWidth and SetHeight leave it), /Contents,
    // /Resources (libharu's /ProcSet, then the fonts named as HPDF_Page_GetLocalFontName names
    // them, F1, F2, … in the order first shown), /Parent.
    std::string entries = "/Type /Page\012/MediaBox [ 0 0 ";
    append_real(entries, real(width));
    entries += ' ';
    append_real(entries, real(height));
    entries += " ]\012/Contents ";
    append_reference(entries, attr->contents->header);
    entries += "\012/Resources <<\012/ProcSet [ /PDF /Text /ImageB /ImageC /ImageI ]\012";
    std::vector<HPDF_Font> named;
    for (const fonts::FontFace face : faces) {
      HPDF_Font shown = font(face);
      if (shown == nullptr) return fail_page("cannot name a recalled page's font");
      if (std::find(named.begin(), named.end(), shown) != named.end()) continue;
      if (named.empty()) entries += "/Font <<\012";
      named.push_back(shown);
      entries += "/F";
      entries += std::to_string(named.size());
      entries += ' ';
      append_reference(entries, shown->header);
      entries += '\012';
    }
    if (!named.empty()) entries += ">>\012";
    entries += ">>\012/Parent ";
    append_reference(entries, attr->parent->header);
    entries += '\012';
    free_entries(page);  // the /Parent entry AddKids added, written above
    void* block = frozen_block(page->mmgr, entries);
    if (block == nullptr) return fail_page("cannot allocate a page's entries");
    try {
      frozen_pages.emplace(page, FrozenPage{block, {}});
    } catch (const std::bad_alloc&) {
      HPDF_FreeMem(page->mmgr, block);
      return fail_page("cannot allocate a page's entries");
    }
    page->write_fn = write_frozen_page;
    return page;
  }

  HPDF_Page fail_page(std::string message) {
    fail(std::move(message));
    return nullptr;
  }

  // Nothing more is drawn on a finished page, so its resources (fonts, images) are final; a
  // failure leaves them as objects, the same file either way. The page's pointers into them are
  // cleared, as they are freed.
  static void freeze_resources(HPDF_Page page) {
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    HPDF_Dict resources = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT));
    if (resources != nullptr && freeze_entries(resources)) {
      attr->fonts = nullptr;
      attr->xobjects = nullptr;
      attr->ext_gstates = nullptr;
    }
  }

  // Waits for every page compressed beside and installs it: before saving.
  void install_all_packed() {
    while (!packing.empty()) install_packed();
  }

  // Waits for the oldest page compressed beside and makes its bytes the page's content.
  void install_packed() {
    const HPDF_Page page = packing.front();
    packing.pop_front();
    std::string bytes;
    try {
      bytes = packer->take_oldest();
    } catch (const std::exception&) {
      return fail("cannot compress a page's content");
    }
    install(page, std::move(bytes));
  }

  // Makes `compressed` the content of `page`, on this thread: final, as nothing is drawn on the
  // page afterwards (libharu's calls that would cannot write to a stream that is only read).
  void install(HPDF_Page page, std::string compressed) {
    HPDF_MMgr mmgr = static_cast<HPDF_PageAttr>(page->attr)->contents->mmgr;
    HPDF_Stream held = nullptr;
    try {
      held = held_stream(mmgr, std::move(compressed));
    } catch (const std::bad_alloc&) {
    }
    if (held == nullptr) return fail("cannot allocate a page's compressed content");
    replace_content(page, held);
  }

  // Closes the open text object; every other drawing call and save() must call this first.
  void end_text() {
    if (open_text.page != nullptr) HPDF_Page_EndText(open_text.page);
    open_text = {};
  }

  static void HPDF_STDCALL on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) noexcept {
    auto* state = static_cast<State*>(user_data);
    if (state->error_code == HPDF_OK) {
      state->error_code = error_no;
      state->error_detail = detail_no;
    }
  }

  // libharu reports some failures only through its error state, without calling on_error
  // (HPDF_SetError inside internal calls), so both are consulted.
  bool failed() const {
    return pdf == nullptr || error_code != HPDF_OK || !adapter_error.empty() || HPDF_GetError(pdf) != HPDF_OK;
  }

  void fail(std::string message) {
    if (adapter_error.empty()) adapter_error = std::move(message);
  }

  // Appends `operators` to the page's content stream; false, with the document failed (its
  // reason naming `what`), when the stream refuses them (no memory), so that no page is saved
  // with part of its drawing missing.
  bool write_operators(HPDF_PageAttr attr, std::string_view operators, const char* what) {
    if (HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(operators.data()),
                          static_cast<HPDF_UINT>(operators.size())) == HPDF_OK) {
      return true;
    }
    fail(std::string("cannot write ") + what + " into a page's content");
    return false;
  }

  // HPDF_Page_SetFontAndSize in a text object, its operator written and its font recorded as it
  // does, without its 512-byte buffer cleared and filled byte by byte: 3,200 instructions a
  // call, 1 % of a build's. Left to it where it would raise an error (a size out of its range,
  // a font it cannot name on the page), so that it reports it as it does.
  void set_font_and_size(HPDF_Page page, HPDF_Font font, HPDF_REAL size) {
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    const char* local_name = size > 0 && size <= HPDF_MAX_FONTSIZE && page->mmgr == font->mmgr &&
                                     HPDF_Font_Validate(font) && attr->gmode == HPDF_GMODE_TEXT_OBJECT
                                 ? HPDF_Page_GetLocalFontName(page, font)
                                 : nullptr;
    if (local_name == nullptr) {
      HPDF_Page_SetFontAndSize(page, font, size);
      return;
    }
    const std::string set = "/" + std::string(local_name) + " " + real_text(size) + " Tf\n";
    if (!write_operators(attr, set, "a font change")) return;
    attr->gstate->font = font;
    attr->gstate->font_size = size;
    attr->gstate->writing_mode = static_cast<HPDF_FontAttr>(font->attr)->writing_mode;
  }

  HPDF_Font font(fonts::FontFace face) {
    HPDF_Font font = fonts[index_of(face)];
    if (font == nullptr) fail("font face not loaded");
    return font;
  }

  // Names `faces` in the page's /Resources, in this order, as drawing them would (a recalled
  // drawing's fonts); false, with the document failed, if one cannot be.
  bool name_fonts(HPDF_Page page, const std::vector<fonts::FontFace>& faces) {
    for (const fonts::FontFace face : faces) {
      HPDF_Font named = font(face);
      if (named == nullptr || HPDF_Page_GetLocalFontName(page, named) == nullptr) {
        fail("cannot name a recalled page's font");
        return false;
      }
    }
    return true;
  }

  HPDF_Page page(std::size_t index) {
    if (index >= pages.size()) {
      fail("page index out of range");
      return nullptr;
    }
    return pages[index];
  }

  // A page that may still be drawn on: not finished (finish_page compressed its content).
  HPDF_Page canvas(std::size_t index) {
    HPDF_Page target = page(index);
    if (target != nullptr && is_finished(target)) {
      fail("drawing on a finished page");
      return nullptr;
    }
    return target;
  }

  static bool is_finished(HPDF_Page target) {
    return static_cast<HPDF_PageAttr>(target->attr)->contents->write_fn == write_flate_filter;
  }

  // [page /XYZ 0 top null] (PDF 32000-1 §12.3.2.2, Table 151): the target page's top at `top`, and
  // null for the zoom, which keeps the viewer's (HPDF_Destination_SetXYZ would reject it: it wants
  // 0.08–32, and that error poisons the whole document). Written in place where it is used, in a
  // link's /Dest (Table 173) or an outline entry's (Table 153): libharu's
  // HPDF_Page_CreateDestination makes each destination an object of its own, some 40 bytes more
  // in the file (its number, endobj, its cross-reference entry) for each of a book's thousands of
  // links and bookmarks.
  //
  // The target page and `top` as HPDF_REAL; nullopt, with the document failed, when there is no
  // such page or `top` is not a number within HPDF_REAL's range (libharu 2.3's HPDF_Array_AddReal
  // would only set its error state for one beyond, and write a NaN as it comes).
  std::optional<std::pair<HPDF_Page, HPDF_REAL>> xyz_target(std::size_t target_index, double top) {
    HPDF_Page target = page(target_index);
    if (target == nullptr) return std::nullopt;
    const HPDF_REAL at = real(top);
    if (!(at >= HPDF_LIMIT_MIN_REAL && at <= HPDF_LIMIT_MAX_REAL)) {
      fail("a destination outside the range of PDF's real numbers");
      return std::nullopt;
    }
    return std::pair{target, at};
  }

  // The destination as the text libharu writes for the array HPDF_Destination_SetXYZ makes ("[ 12
  // 0 R /XYZ 0 541.4173 null ]"), for a link or bookmark born frozen, appended to `to`; false,
  // `to` as it was, when xyz_target fails.
  bool append_xyz_destination(std::string& to, std::size_t target_index, double top) {
    const auto target = xyz_target(target_index, top);
    if (!target) return false;
    to += "[ ";
    append_reference(to, target->first->header);
    to += " /XYZ ";
    append_real(to, 0);
    to += ' ';
    append_real(to, target->second);
    to += " null ]";
    return true;
  }

  // A link annotation on `page` with `entries` (begin_link_entries, where it leads,
  // end_link_entries), born frozen: libharu would build the dictionary HPDF_Page_CreateLinkAnnot
  // (or HPDF_Page_CreateURILinkAnnot) and HPDF_LinkAnnot_SetBorderStyle make (a dozen objects),
  // and freeze_entries would write and free them at once; here its entries are written directly,
  // in the order and the form libharu writes them, into a dictionary added to the
  // cross-reference table, and a reference to it to the page's /Annots: to the references a
  // frozen page writes after its entries, else to libharu's array. The book has one per contents
  // entry, source note and cross-reference (12,800 at 1,000 bench articles), all made at the end
  // of the build on the thread that saves. A frozen page's references have no limit, where
  // libharu's array refuses a 32,768th link on a page (HPDF_LIMIT_MAX_ARRAY), which no page of
  // at most 14,400 pt square holds anyway. False when memory runs out.
  bool add_link(HPDF_Page page, std::string_view entries) {
    HPDF_Dict link = HPDF_Dict_New(page->mmgr);
    if (link == nullptr || HPDF_Xref_Add(pdf->xref, link) != HPDF_OK) return false;  // freed by Xref_Add
    if (!set_frozen_entries(link, entries)) return false;
    const auto frozen = frozen_pages.find(page);
    if (frozen != frozen_pages.end()) {
      try {
        append_reference(frozen->second.annotations, link->header);
        frozen->second.annotations += ' ';
      } catch (const std::bad_alloc&) {
        return false;
      }
      return true;
    }
    auto annots = static_cast<HPDF_Array>(HPDF_Dict_GetItem(page, "Annots", HPDF_OCLASS_ARRAY));
    if (annots == nullptr) {
      annots = HPDF_Array_New(page->mmgr);
      if (annots == nullptr || HPDF_Dict_Add(page, "Annots", annots) != HPDF_OK) return false;
    }
    return HPDF_Array_Add(annots, link) == HPDF_OK;
  }

  // Replaces (or adds) `key` in `dict` with a UTF-16BE text string written as hex. The object is
  // the one HPDF_Binary_New makes, made here because that refuses more than 65,535 bytes
  // (HPDF_LIMIT_MAX_STRING_LEN), which failed a whole PDF whose book title was some 33,000
  // characters long; PDF limits only the strings of content streams (PDF 32000-1 Annex C).
  void set_text(HPDF_Dict dict, const char* key, std::string_view text) {
    const std::vector<HPDF_BYTE> bytes = utf16be_text(text);
    if (bytes.size() > std::numeric_limits<HPDF_UINT>::max()) return fail("a text string too long for libharu");
    auto value = static_cast<HPDF_Binary>(HPDF_GetMem(dict->mmgr, sizeof(HPDF_Binary_Rec)));
    if (value == nullptr) return;
    HPDF_MemSet(&value->header, 0, sizeof(HPDF_Obj_Header));
    value->header.obj_class = HPDF_OCLASS_BINARY;
    value->mmgr = dict->mmgr;
    value->error = dict->mmgr->error;
    value->len = static_cast<HPDF_UINT>(bytes.size());
    value->value = static_cast<HPDF_BYTE*>(HPDF_GetMem(dict->mmgr, value->len));
    if (value->value == nullptr) {
      HPDF_FreeMem(dict->mmgr, value);
      return;
    }
    std::memcpy(value->value, bytes.data(), bytes.size());
    HPDF_Dict_Add(dict, key, value);
  }
};

constexpr HPDF_UINT pages_per_page_tree_node = 1024;

HaruDocument::HaruDocument() : state_(std::make_unique<State>()) {
  state_->pdf = HPDF_NewEx(&State::on_error, &allocate_counted, &free_counted, 0, state_.get());
  if (state_->pdf == nullptr) return;
  HPDF_UseUTFEncodings(state_->pdf);
  HPDF_SetCurrentEncoder(state_->pdf, "UTF-8");
  // Uncompressed, one page with one face is about 250 KB; compressed, about 60 KB (LIBRARIES.md).
  HPDF_SetCompressionMode(state_->pdf, HPDF_COMP_ALL);
  // By default libharu hangs every page on one /Pages node, and its arrays stop at 32,767 entries
  // (HPDF_LIMIT_MAX_ARRAY): a 10,000-article book (about 90,000 pages) failed with
  // HPDF_ARRAY_COUNT_ERR. Intermediate nodes of at most this many pages keep every /Kids array
  // under the 8,191 entries that PDF 32000-1 Annex C gives as the portable limit.
  HPDF_SetPagesConfiguration(state_->pdf, pages_per_page_tree_node);
}

HaruDocument::~HaruDocument() {
  if (state_->pdf == nullptr) return;
  // A body begun and never ended (drawing failed inside it) holds a graphics state that libharu
  // frees only when it is restored (HPDF_GState_Free frees one level of the page's stack).
  if (state_->body.page != nullptr && !state_->body.end) {
    state_->end_text();
    HPDF_Page_GRestore(state_->body.page);
  }
  for (const auto& [page, frozen] : state_->frozen_pages) HPDF_FreeMem(state_->pdf->mmgr, frozen.block);
  HPDF_Free(state_->pdf);
}

void HaruDocument::set_compression(bool on) {
  if (failed()) return;
  HPDF_SetCompressionMode(state_->pdf, on ? HPDF_COMP_ALL : HPDF_COMP_NONE);
}

void HaruDocument::compress_pages_beside() {
  if (!state_->packer) state_->packer.emplace();
  // Where the system gives no thread to compress beside, pages are compressed where they are
  // drawn, as with one job (the same bytes).
  if (!state_->packer->start()) state_->packer.reset();
}

void HaruDocument::remember_compressed_pages(core::DeflateMemo& memo) { state_->memo = &memo; }

bool HaruDocument::failed() const { return state_->failed(); }

std::string HaruDocument::error() const {
  if (state_->pdf == nullptr) return "libharu cannot create a document";
  HPDF_STATUS code = state_->error_code;
  HPDF_STATUS detail = state_->error_detail;
  if (code == HPDF_OK) {
    code = HPDF_GetError(state_->pdf);
    detail = HPDF_GetErrorDetail(state_->pdf);
  }
  if (code == HPDF_OK) return state_->adapter_error;
  char text[160];
  std::snprintf(text, sizeof text, "libharu error 0x%04X (%s), detail %u", static_cast<unsigned>(code), describe(code),
                static_cast<unsigned>(detail));
  return text;
}

bool HaruDocument::load_font(fonts::FontFace face, const std::string& path, const FontCodes& codes) {
  if (failed()) return false;
  const char* name = HPDF_LoadTTFontFromFile(state_->pdf, path.c_str(), HPDF_TRUE);
  if (name == nullptr || failed()) return false;
  HPDF_FontDef font_def = HPDF_GetFontDef(state_->pdf, name);
  if (font_def == nullptr || font_def->type != HPDF_FONTDEF_TYPE_TRUETYPE) {
    state_->fail("libharu loaded no TrueType font definition");
    return false;
  }
  // HPDF_GetFont builds the CIDFontType2's /CIDToGIDMap and /W (CIDFontType2_New,
  // hpdf_font_cid.c). With the UTF-8 encoder it looks up a glyph for each of the 65,536 code
  // points by a linear search over the font's cmap segments (HPDF_TTFontDef_GetGlyphid), then a
  // width for each, and writes a 128 KB map: about 3 ms a face, for a map and a /W array that
  // replace_font_program replaces before any byte is written. Only for an encoder of libharu's
  // own CMaps does it look at the CIDs the encoder maps: for that call the encoder passes for one
  // (its to_unicode_fn) mapping code U+0001 to CID 1, so the map is two bytes and /W empty. Both
  // are put back before anything else reads them (text_width, show_text).
  HPDF_Encoder encoder = HPDF_GetEncoder(state_->pdf, "UTF-8");
  if (encoder == nullptr || encoder->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE || failed()) {
    state_->fail("libharu has no UTF-8 encoder");
    return false;
  }
  auto* encoder_attr = static_cast<HPDF_CMapEncoderAttr>(encoder->attr);
  const HPDF_Encoder_ToUnicode_Func to_unicode = encoder->to_unicode_fn;
  const HPDF_UINT16 cid = encoder_attr->cid_map[0][1];
  encoder->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
  encoder_attr->cid_map[0][1] = 1;
  HPDF_Font font = HPDF_GetFont(state_->pdf, name, "UTF-8");
  encoder->to_unicode_fn = to_unicode;
  encoder_attr->cid_map[0][1] = cid;
  if (font == nullptr || failed()) return false;
  state_->fonts[index_of(face)] = font;
  state_->font_defs[index_of(face)] = font_def;
  state_->codes[index_of(face)] = codes;
  if (!state_->adopt_codes(font, codes)) return false;
  return !failed();
}

long HaruDocument::text_width(fonts::FontFace face, std::string_view text) const {
  HPDF_Font font = state_->fonts[index_of(face)];
  if (font == nullptr || text.empty()) return 0;
  const HPDF_TextWidth width =
      HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(text.data()), static_cast<HPDF_UINT>(text.size()));
  return static_cast<long>(width.width);
}

int HaruDocument::ascent(fonts::FontFace face) const {
  HPDF_Font font = state_->fonts[index_of(face)];
  return font == nullptr ? 0 : HPDF_Font_GetAscent(font);
}

int HaruDocument::descent(fonts::FontFace face) const {
  HPDF_Font font = state_->fonts[index_of(face)];
  return font == nullptr ? 0 : HPDF_Font_GetDescent(font);
}

unsigned HaruDocument::glyph_id(fonts::FontFace face, char32_t code_point) const {
  HPDF_FontDef font_def = state_->font_defs[index_of(face)];
  // libharu's fonts have two-byte codes: it cannot address anything past the BMP.
  if (font_def == nullptr || code_point > 0xFFFF) return 0;
  return HPDF_TTFontDef_GetGlyphid(font_def, static_cast<HPDF_UINT16>(code_point));
}

void HaruDocument::replace_to_unicode(fonts::FontFace face, const std::string& cmap) {
  if (failed()) return;
  HPDF_Font font = state_->font(face);
  if (font == nullptr) return;
  auto* stream = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
  if (stream == nullptr || stream->stream == nullptr) {
    state_->fail("libharu wrote no /ToUnicode stream for a font");
    return;
  }
  HPDF_MemStream_FreeData(stream->stream);
  HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                    static_cast<HPDF_UINT>(cmap.size()));
  // These keys describe libharu's encoding CMap (/CMapName /UTF-8, Identity-H system info); a
  // ToUnicode stream needs none of them (PDF 32000-1 §9.10.3). Absent keys are not an error.
  for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode", "UseCMap"}) {
    HPDF_Dict_RemoveElement(stream, key);
  }
}

void HaruDocument::replace_font_program(fonts::FontFace face, const std::string& program,
                                        const std::map<char32_t, std::uint16_t>& glyphs) {
  if (failed()) return;
  HPDF_Font font = state_->font(face);
  if (font == nullptr) return;
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  HPDF_Dict cid_font = attr->descendant_font;
  if (attr->map_stream == nullptr || cid_font == nullptr) {
    state_->fail("libharu made no CIDFontType2 font for a font");
    return;
  }
  // libharu creates the font descriptor and its /FontFile2 stream only while saving, in the
  // Type0 font's before-write function, and skips that when a descriptor exists: made here
  // with `program`, at save time that function only adds /BaseFont and /FontDescriptor.
  if (attr->fontdef->descriptor == nullptr) {
    if (!add_font_descriptor(font, program)) {
      state_->fail("libharu cannot build a font descriptor");
      return;
    }
  } else {
    // A second call: the program replaces the first one's.
    auto* font_file =
        static_cast<HPDF_Dict>(HPDF_Dict_GetItem(attr->fontdef->descriptor, "FontFile2", HPDF_OCLASS_DICT));
    if (font_file == nullptr || font_file->stream == nullptr) {
      state_->fail("libharu wrote no embedded font program for a font");
      return;
    }
    HPDF_MemStream_FreeData(font_file->stream);
    HPDF_Stream_Write(font_file->stream, reinterpret_cast<const HPDF_BYTE*>(program.data()),
                      static_cast<HPDF_UINT>(program.size()));
    HPDF_Dict_AddNumber(font_file, "Length1", static_cast<HPDF_UINT32>(program.size()));
  }

  // /CIDToGIDMap (PDF 32000-1 §9.7.4.2, Table 117): glyph id of CID c in bytes 2c and 2c + 1.
  // CIDs past the last drawn one are left out (they map to glyph 0), and undrawn ones are 0.
  // A CID is its character's code (load_font), which rises with the character; a character a
  // compact face lacks (drawn only where check_runs reported it) keeps CID lacking_code, glyph 0.
  struct Drawn {
    std::uint32_t cid;
    char32_t code_point;
    std::uint16_t glyph;
  };
  const FontCodes& codes = state_->codes[index_of(face)];
  std::vector<Drawn> drawn;  // in the order of the characters, so of their CIDs
  for (const auto& [code_point, glyph] : glyphs) {
    if (codes.has_own_code(code_point)) drawn.push_back({codes.code(code_point), code_point, glyph});
  }
  const std::uint32_t last = drawn.empty() ? 0 : drawn.back().cid;
  std::vector<HPDF_BYTE> map(2 * (static_cast<std::size_t>(last) + 1), 0);
  for (const Drawn& character : drawn) {
    map[2 * character.cid] = static_cast<HPDF_BYTE>(character.glyph >> 8);
    map[2 * character.cid + 1] = static_cast<HPDF_BYTE>(character.glyph & 0xFF);
  }
  HPDF_MemStream_FreeData(attr->map_stream->stream);
  HPDF_Stream_Write(attr->map_stream->stream, map.data(), static_cast<HPDF_UINT>(map.size()));

  // /W (§9.7.4.3) as `first [w1 w2 …]` for each run of consecutive CIDs; libharu's own array
  // lists every character of the font, about 11 KB uncompressed per face.
  HPDF_Array widths = HPDF_Array_New(cid_font->mmgr);
  if (widths == nullptr) return;
  HPDF_Array run = nullptr;
  std::uint32_t previous = 0;
  for (const Drawn& character : drawn) {
    if (run == nullptr || character.cid != previous + 1) {
      run = HPDF_Array_New(cid_font->mmgr);
      if (run == nullptr) return;
      HPDF_Array_AddNumber(widths, static_cast<HPDF_INT32>(character.cid));
      HPDF_Array_Add(widths, run);
    }
    std::string utf8;
    core::append_utf8(utf8, character.code_point);
    HPDF_Array_AddNumber(run, static_cast<HPDF_INT32>(text_width(face, utf8)));
    previous = character.cid;
  }
  HPDF_Dict_Add(cid_font, "W", widths);
}

std::size_t HaruDocument::add_page(double width, double height) {
  if (failed()) return state_->pages.size();
  state_->end_text();
  HPDF_Page page = HPDF_AddPage(state_->pdf);
  if (page == nullptr) return state_->pages.size();
  HPDF_Page_SetWidth(page, real(width));
  HPDF_Page_SetHeight(page, real(height));
  state_->pages.push_back(page);
  return state_->pages.size() - 1;
}

bool HaruDocument::has_font(fonts::FontFace face) const { return state_->fonts[index_of(face)] != nullptr; }

const FontCodes& HaruDocument::font_codes(fonts::FontFace face) const { return state_->codes[index_of(face)]; }

std::size_t HaruDocument::insert_page(std::size_t before, double width, double height) {
  if (before >= state_->pages.size()) return add_page(width, height);
  if (failed()) return before;
  state_->end_text();
  HPDF_Page page = HPDF_InsertPage(state_->pdf, state_->pages[before]);
  if (page == nullptr) return before;
  HPDF_Page_SetWidth(page, real(width));
  HPDF_Page_SetHeight(page, real(height));
  state_->pages.insert(state_->pages.begin() + static_cast<std::ptrdiff_t>(before), page);
  return before;
}

std::size_t HaruDocument::page_count() const { return state_->pages.size(); }

// libharu keeps every page's content uncompressed until it saves the document, where it deflates
// them one by one: for a long book the largest part of its memory. Here the page's content is
// deflated at once, the stream replaced by the deflated one and its dictionary told to write the
// /Filter entry libharu would write, but not to compress again. A page without a body is deflated
// as libharu would (the very bytes of its HPDF_Stream_WriteToStream); a page with one, in three
// parts around its body (core::flate_part), so that the body's part can be kept and recalled.
void HaruDocument::finish_page(std::size_t page_index, const std::optional<core::StreamDigest>& keep_as,
                               const std::optional<core::StreamDigest>& keep_around_as) {
  if (failed()) return;
  HPDF_Page page = state_->canvas(page_index);
  if (page == nullptr) return;
  if (state_->open_text.page == page) state_->end_text();
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  HPDF_Dict contents = attr->contents;
  // A body still open stays so: the destructor restores its graphics state.
  if (state_->body.page != nullptr && (state_->body.page != page || !state_->body.end)) {
    return state_->fail("a page finished inside its body");
  }
  State::Body body = std::exchange(state_->body, {});
  if ((contents->filter & HPDF_STREAM_FILTER_FLATE_DECODE) == 0) return;  // compression off (tests)
  const bool keeping = state_->memo != nullptr && keep_as && body.page != nullptr;
  if (state_->packer || keeping || body.page != nullptr) {
    State::Content content;
    std::string& raw = content.raw;
    raw.reserve(HPDF_Stream_Size(contents->stream));
    if (!append_stream_bytes(contents->stream, raw)) return state_->fail("cannot read a page's content");
    if (body.page != nullptr) {
      content.body = {body.begin, *body.end};
      content.recalled = std::move(body.recalled);
      content.around = std::move(body.around);
      if (!content.around) content.keep_around_as = keep_around_as;
    }
    // The page is finished before it is handed over: pack_beside may install it at once. If it
    // cannot be handed over, the document has failed and nothing of it is saved.
    HPDF_MemStream_FreeData(contents->stream);
    State::mark_compressed(contents);
    // An empty page's stream stays empty, as libharu leaves it when it compresses no bytes.
    if (!raw.empty()) {
      // A recalled body leaves only the page's first operators and its furniture to deflate, a few
      // hundred bytes (nothing when they were recalled with it): handing them to the packer would
      // cost more than deflating them here.
      if (state_->packer && !content.recalled) {
        if (!state_->pack_beside(page, std::move(content), keep_as)) return;
      } else {
        try {
          state_->install(page, State::compress_keeping(content, state_->memo, keep_as));
        } catch (const std::bad_alloc&) {
          return state_->fail("cannot compress a page's content");
        }
        if (state_->failed()) return;
      }
    }
  } else if (!state_->compress_here(page)) {
    return;
  }
  // The page's resources are written with its entries; frozen alone only when the page is not.
  if (!state_->freeze_page(page)) state_->freeze_resources(page);
}

void HaruDocument::begin_body(std::size_t page_index, double left) {
  if (failed()) return;
  HPDF_Page page = state_->canvas(page_index);
  if (page == nullptr) return;
  if (state_->body.page != nullptr) return state_->fail("a body begun inside another");
  // A body names its fonts /F1, /F2, … and starts with no text rise: a recalled one assumes it.
  if (state_->open_text.page == page || HPDF_Stream_Size(static_cast<HPDF_PageAttr>(page->attr)->stream) != 0) {
    return state_->fail("a body begun after drawing on its page");
  }
  HPDF_Page_GSave(page);
  HPDF_Page_Concat(page, 1, 0, 0, 1, real(static_cast<double>(std::llround(left * 100)) / 100), 0);
  state_->body = {
      page,        HPDF_Stream_Size(static_cast<HPDF_PageAttr>(page->attr)->stream), std::nullopt, std::nullopt, 0,
      std::nullopt};
}

void HaruDocument::end_body(std::size_t page_index) {
  if (failed()) return;
  HPDF_Page page = state_->canvas(page_index);
  if (page == nullptr) return;
  if (state_->body.page != page || state_->body.end) return state_->fail("a body ended that was not begun");
  state_->end_text();
  state_->body.end = HPDF_Stream_Size(static_cast<HPDF_PageAttr>(page->attr)->stream);
  HPDF_Page_GRestore(page);
  state_->body.closed = HPDF_Stream_Size(static_cast<HPDF_PageAttr>(page->attr)->stream);
}

bool HaruDocument::recall_furniture(std::size_t page_index, const core::StreamDigest& name,
                                    const std::vector<fonts::FontFace>& faces) {
  if (failed() || state_->memo == nullptr) return false;
  HPDF_Page page = state_->canvas(page_index);
  if (page == nullptr) return false;
  State::Body& body = state_->body;
  if (body.page != page || !body.end || !body.recalled || body.around || state_->open_text.page == page ||
      HPDF_Stream_Size(static_cast<HPDF_PageAttr>(page->attr)->stream) != body.closed) {
    state_->fail("furniture recalled on a page whose body was not recalled, or after drawing on it");
    return false;
  }
  const std::optional<std::string> kept = state_->memo->recall(name);
  if (!kept) return false;
  std::optional<AroundBody> around = AroundBody::from_kept_form(*kept);
  if (!around) return false;
  // Named in the page's /Resources as drawing them would name them (show_text, after the body's).
  if (!state_->name_fonts(page, faces)) return false;
  body.around = std::move(around);
  return true;
}

bool HaruDocument::recall_body(std::size_t page_index, const core::StreamDigest& name,
                               const std::vector<fonts::FontFace>& faces) {
  return take_body(page_index, name, std::nullopt, faces);
}

bool HaruDocument::recall_body(std::size_t page_index, const core::StreamDigest& name, std::string_view kept,
                               const std::vector<fonts::FontFace>& faces) {
  return take_body(page_index, name, kept, faces);
}

bool HaruDocument::take_body(std::size_t page_index, const core::StreamDigest& name,
                             std::optional<std::string_view> read_ahead, const std::vector<fonts::FontFace>& faces) {
  if (failed() || state_->memo == nullptr) return false;
  HPDF_Page page = state_->canvas(page_index);
  if (page == nullptr) return false;
  // With compression off (tests) the page's content is written as drawn: a body must be drawn.
  if ((static_cast<HPDF_PageAttr>(page->attr)->contents->filter & HPDF_STREAM_FILTER_FLATE_DECODE) == 0) return false;
  State::Body& body = state_->body;
  if (body.page != page || body.end || state_->open_text.page == page ||
      HPDF_Stream_Size(static_cast<HPDF_PageAttr>(page->attr)->stream) != body.begin) {
    state_->fail("a body recalled after drawing in it");
    return false;
  }
  std::optional<std::string> recalled;
  if (!read_ahead) {
    recalled = state_->memo->recall(name);
    if (!recalled) return false;
  }
  const std::string_view kept = read_ahead ? *read_ahead : std::string_view(*recalled);
  std::optional<core::FlatePart> part = core::FlatePart::from_kept_form(kept);
  if (!part) return false;
  // The fonts as the drawing names them (show_text → HPDF_Page_SetFontAndSize): /F1, /F2, … in the
  // order each is first shown, in the page's /Resources.
  if (!state_->name_fonts(page, faces)) return false;
  // Counted where recall would have counted it, in the order of the pages.
  if (read_ahead) state_->memo->use_read_ahead(name, kept);
  body.recalled = std::move(part);
  return true;
}

bool HaruDocument::can_recall_bodies() const {
  return !failed() && state_->memo != nullptr && (state_->pdf->compression_mode & HPDF_COMP_TEXT) != 0;
}

HaruDocument::Recalled HaruDocument::add_recalled_page(const RecalledPage& page) {
  // A size HPDF_Page_SetWidth or SetHeight would refuse is left to add_page, whose page reports it.
  const auto settable = [](double size) { return size >= HPDF_MIN_PAGE_SIZE && size <= HPDF_MAX_PAGE_SIZE; };
  if (!can_recall_bodies() || !settable(page.width) || !settable(page.height)) return Recalled::nothing;
  if (state_->body.page != nullptr) {
    state_->fail("a page added inside a body");
    return Recalled::nothing;
  }
  core::DeflateMemo& memo = *state_->memo;
  // The body, as take_body takes it: read from the memo, or read ahead and counted once it reads.
  std::optional<std::string> recalled;
  if (!page.kept_body) {
    recalled = memo.recall(page.body);
    if (!recalled) return Recalled::nothing;
  }
  const std::string_view kept = page.kept_body ? *page.kept_body : std::string_view(*recalled);
  std::optional<core::FlatePart> body = core::FlatePart::from_kept_form(kept);
  if (!body) return Recalled::nothing;
  if (page.kept_body) memo.use_read_ahead(page.body, kept);
  // The parts around it, asked for after it, as recall_furniture asks.
  std::optional<AroundBody> around;
  if (const std::optional<std::string> kept_around = memo.recall(page.around)) {
    around = AroundBody::from_kept_form(*kept_around);
  }
  if (!around) {
    // As add_page, begin_body, recall_body and end_body leave the page: its furniture is drawn.
    const std::size_t index = add_page(page.width, page.height);
    begin_body(index, page.left);
    if (failed()) return Recalled::nothing;
    if (!state_->name_fonts(state_->pages[index], page.body_faces)) return Recalled::nothing;
    state_->body.recalled = std::move(body);
    end_body(index);
    return failed() ? Recalled::nothing : Recalled::body;
  }
  std::vector<fonts::FontFace> faces = page.body_faces;
  faces.insert(faces.end(), page.furniture_faces.begin(), page.furniture_faces.end());
  std::string content;
  try {
    content = core::flate_join({&around->before, &*body, &around->after});
  } catch (const std::bad_alloc&) {
    state_->fail("cannot compress a page's content");
    return Recalled::nothing;
  }
  return state_->add_frozen_page(page.width, page.height, std::move(content), faces) != nullptr ? Recalled::whole
                                                                                                : Recalled::nothing;
}

void HaruDocument::show_text(std::size_t page_index, fonts::FontFace face, double size, double x, double y,
                             const std::string& text, const std::vector<TextShift>& shifts, double rise,
                             long word_spacing) {
  if (failed()) return;
  HPDF_Page page = state_->canvas(page_index);
  HPDF_Font font = state_->font(face);
  if (page == nullptr || font == nullptr) return;
  State::OpenText& open = state_->open_text;
  if (open.page != page) {
    state_->end_text();
    HPDF_Page_BeginText(page);
    open.page = page;
  }
  if (open.font != font || open.size != size) {
    state_->set_font_and_size(page, font, real(size));
    open.font = font;
    open.size = size;
  }
  // Td moves relative to the start of the previous line in this text object (PDF 32000-1
  // §9.4.2, Table 108); at BT that is the origin.
  const long long to_x = std::llround(x * 100);
  const long long to_y = std::llround(y * 100);
  // Written here, in exact hundredths: libharu's MoveTextPos prints its floats' error ("528.65997"
  // for 528.66), which costs bytes and deflates worse. Nothing reads the text line matrix that
  // MoveTextPos would have kept: show_text writes its strings itself, and BT resets the matrix.
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  if (attr->gmode != HPDF_GMODE_TEXT_OBJECT) {
    state_->fail("text shown outside a text object");
    return;
  }
  const std::string move = hundredths(to_x - open.x) + " " + hundredths(to_y - open.y) + " Td\n";
  if (!state_->write_operators(attr, move, "a move of the text position")) return;
  open.x = to_x;
  open.y = to_y;
  // Text rise (Ts, PDF 32000-1 §9.3.7) is part of the page's graphics state and outlives the text
  // object: libharu keeps it per page, so it is set only where it changes.
  const double to_rise = static_cast<double>(std::llround(rise * 100)) / 100;
  if (HPDF_Page_GetTextRise(page) != real(to_rise)) HPDF_Page_SetTextRise(page, real(to_rise));
  if (text.empty()) return;
  const FontCodes& codes = state_->codes[index_of(face)];
  // Word spacing (Tw) is part of the graphics state too, and applies only to code 32 of a font with
  // one-byte codes: set where a string with such a space needs another value, and kept in
  // libharu's graphics state so that Q (end_body) restores it.
  if (codes.compact() && text.find(' ') != std::string::npos) {
    const HPDF_REAL to_spacing = real(static_cast<double>(word_spacing) / 1000);
    if (attr->gstate->word_space != to_spacing) {
      const std::string set = fixed_point(word_spacing, 3) + " Tw\n";
      if (!state_->write_operators(attr, set, "a word spacing")) return;
      attr->gstate->word_space = to_spacing;
    }
  }
  // Written to the page's content stream directly: libharu 2.3 has no TJ and writes strings in
  // hex. Its bookkeeping of the text position after a string (text_pos) is not updated, but
  // nothing here reads it (hpdf_page_operator.c).
  const std::string shown = show_operator(text, shifts, codes);  // holds NUL bytes: not a C string
  state_->write_operators(attr, shown, "a string of text");
}

void HaruDocument::stroke_line(std::size_t page_index, double x1, double y1, double x2, double y2, double width) {
  if (failed()) return;
  HPDF_Page page = state_->canvas(page_index);
  if (page == nullptr) return;
  state_->end_text();
  HPDF_Page_SetLineWidth(page, real(width));
  HPDF_Page_MoveTo(page, real(x1), real(y1));
  HPDF_Page_LineTo(page, real(x2), real(y2));
  HPDF_Page_Stroke(page);
}

std::optional<std::size_t> HaruDocument::load_jpeg(std::string_view bytes) {
  if (failed()) return std::nullopt;
  HPDF_Image image = HPDF_LoadJpegImageFromMem(state_->pdf, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                                               static_cast<HPDF_UINT>(bytes.size()));
  if (image == nullptr || failed()) return std::nullopt;
  state_->images.push_back(image);
  return state_->images.size() - 1;
}

std::optional<std::size_t> HaruDocument::load_pixels(const core::PixelImage& pixels) {
  if (failed()) return std::nullopt;
  const std::size_t count =
      static_cast<std::size_t>(std::max(pixels.width, 0)) * static_cast<std::size_t>(std::max(pixels.height, 0));
  const std::size_t palette_entries = pixels.palette.size() / 3;
  const bool indexed = pixels.colour == core::PixelColour::indexed;
  if (count == 0 || pixels.samples.size() != count * static_cast<std::size_t>(core::samples_per_pixel(pixels.colour)) ||
      (!pixels.alpha.empty() && pixels.alpha.size() != count) ||
      (indexed && (palette_entries == 0 || palette_entries > 256 || pixels.palette.size() % 3 != 0))) {
    state_->fail("inconsistent pixels");
    return std::nullopt;
  }
  const auto width = static_cast<HPDF_UINT>(pixels.width);
  const auto height = static_cast<HPDF_UINT>(pixels.height);
  // HPDF_LoadRawImageFromMem copies the samples into the image's stream and sets the Flate
  // filter when HPDF_COMP_IMAGE is on, the mask included: it is an image like any other.
  HPDF_Image image =
      HPDF_LoadRawImageFromMem(state_->pdf, pixels.samples.data(), width, height,
                               pixels.colour == core::PixelColour::rgb ? HPDF_CS_DEVICE_RGB : HPDF_CS_DEVICE_GRAY, 8);
  if (image == nullptr || failed()) return std::nullopt;
  const auto columns = static_cast<std::size_t>(pixels.width);
  const auto rows = static_cast<std::size_t>(pixels.height);
  if (indexed) {
    // [/Indexed /DeviceRGB hival <palette>] (PDF 32000-1 §8.6.6.3), over one-byte samples; not
    // predicted, since neighbouring indices say nothing of each other (PNG spec §12.8 advises
    // no filter for palette images too).
    HPDF_Array space = HPDF_Array_New(image->mmgr);
    if (space == nullptr) return std::nullopt;
    HPDF_Array_AddName(space, "Indexed");
    HPDF_Array_AddName(space, "DeviceRGB");
    HPDF_Array_AddNumber(space, static_cast<HPDF_INT32>(palette_entries - 1));
    HPDF_Array_Add(space, HPDF_Binary_New(image->mmgr, const_cast<HPDF_BYTE*>(pixels.palette.data()),
                                          static_cast<HPDF_UINT>(pixels.palette.size())));
    HPDF_Dict_Add(image, "ColorSpace", space);
  } else {
    predict(image, pixels.samples.data(), columns, rows,
            static_cast<std::size_t>(core::samples_per_pixel(pixels.colour)));
  }
  if (!pixels.alpha.empty()) {
    HPDF_Image mask = HPDF_LoadRawImageFromMem(state_->pdf, pixels.alpha.data(), width, height, HPDF_CS_DEVICE_GRAY, 8);
    if (mask == nullptr || failed()) return std::nullopt;
    predict(mask, pixels.alpha.data(), columns, rows, 1);
    HPDF_Image_AddSMask(image, mask);
    // libharu writes %PDF-1.3 whatever it embeds, but /SMask is PDF 1.4 (PDF 32000-1
    // §11.6.5.3); no public call sets the version, the document's field does.
    if (state_->pdf->pdf_version < HPDF_VER_14) state_->pdf->pdf_version = HPDF_VER_14;
  }
  if (failed()) return std::nullopt;
  state_->images.push_back(image);
  return state_->images.size() - 1;
}

void HaruDocument::draw_image(std::size_t page_index, std::size_t image, double x, double y, double width,
                              double height) {
  if (failed()) return;
  HPDF_Page page = state_->canvas(page_index);
  if (page == nullptr) return;
  if (image >= state_->images.size()) return state_->fail("image index out of range");
  state_->end_text();  // an image inside BT … ET is invalid (PDF 32000-1 §8.2, Figure 9)
  HPDF_Page_DrawImage(page, state_->images[image], real(x), real(y), real(width), real(height));
}

void HaruDocument::add_internal_link(std::size_t page_index, PdfRect area, std::size_t target_page, double top) {
  if (failed()) return;
  if (state_->save_started) return state_->fail("a link added after the document was saved");
  HPDF_Page page = state_->page(page_index);
  if (page == nullptr) return;
  // Its destination first, so that one the document refuses fails it as such.
  std::string& destination = state_->link_destination;
  destination.clear();
  if (!state_->append_xyz_destination(destination, target_page, top)) return;
  const std::optional<HPDF_Rect> rect = link_rect(area);
  if (!rect) return state_->fail("cannot add a link annotation");
  std::string& entries = state_->link_entries;
  begin_link_entries(entries, *rect);
  entries += "/Dest ";
  entries += destination;
  end_link_entries(entries, page);
  if (!state_->add_link(page, entries)) state_->fail("cannot add a link annotation");
}

void HaruDocument::add_uri_link(std::size_t page_index, PdfRect area, const std::string& uri) {
  if (failed()) return;
  if (state_->save_started) return state_->fail("a link added after the document was saved");
  HPDF_Page page = state_->page(page_index);
  if (page == nullptr) return;
  if (uri.empty()) return state_->fail("a web link with no address");  // as HPDF_Page_CreateURILinkAnnot refused it
  const std::optional<HPDF_Rect> rect = link_rect(area);
  // The action as libharu writes the one HPDF_Page_CreateURILinkAnnot makes, but with no limit on
  // the address's length: its strings stop at 65,535 bytes (HPDF_LIMIT_MAX_STRING_LEN), and a
  // longer one (a data: URL) failed the whole PDF.
  const std::optional<std::string> address = escaped_string(page->mmgr, uri);
  if (!rect || !address) return state_->fail("cannot add a link annotation");
  std::string& entries = state_->link_entries;
  begin_link_entries(entries, *rect);
  entries += "/A <<\012/Type /Action\012/S /URI\012/URI ";
  entries += *address;
  entries += "\012>>";
  end_link_entries(entries, page);
  if (!state_->add_link(page, entries)) state_->fail("cannot add a link annotation");
}

bool HaruDocument::add_bookmarks(const std::vector<Bookmark>& bookmarks) {
  if (failed()) return false;
  if (bookmarks.empty()) return true;
  HPDF_Doc pdf = state_->pdf;
  if (pdf->outlines != nullptr) {
    state_->fail("the outline was added twice");
    return false;
  }
  // Node 0 is the outline's root, node i + 1 bookmark i; 0 also stands for none.
  struct Node {
    std::size_t first = 0, last = 0, previous = 0, next = 0;
    long shown = 0;  // the descendants a reader lists when the node is open
  };
  std::vector<Node> nodes(bookmarks.size() + 1);
  // The bookmarks' destinations one after another, and where each ends.
  std::string destinations;
  std::vector<std::size_t> destination_ends;
  destination_ends.reserve(bookmarks.size());
  // The nodes from the root to the last bookmark: each bookmark's parent must be one of them (the
  // list is depth first), which is also the order in which libharu's calls added the keys below.
  std::vector<std::size_t> path = {0};
  for (std::size_t i = 0; i < bookmarks.size(); ++i) {
    const Bookmark& bookmark = bookmarks[i];
    while (!path.empty() && path.back() != bookmark.parent) path.pop_back();
    if (path.empty()) {
      state_->fail("bookmarks not in depth-first order");
      return false;
    }
    path.push_back(i + 1);
    if (!state_->append_xyz_destination(destinations, bookmark.target_page, bookmark.top)) return false;
    destination_ends.push_back(destinations.size());
    Node& parent = nodes[bookmark.parent];
    if (parent.last != 0) {
      nodes[parent.last].next = i + 1;
      nodes[i + 1].previous = parent.last;
    } else {
      parent.first = i + 1;
    }
    parent.last = i + 1;
  }
  // libharu's /Count (PDF 32000-1 §12.3.3): a node's children, each with what it shows when open.
  // Children come after their parent, so each is complete before its parent adds it.
  for (std::size_t i = bookmarks.size(); i-- > 0;) {
    nodes[bookmarks[i].parent].shown += 1 + (bookmarks[i].open ? nodes[i + 1].shown : 0);
  }
  // The objects in libharu's order, the root first (HPDF_CreateOutline made it at its first call),
  // then their entries, in the order its calls added them: an item's /Title, /Prev and /Parent when
  // made, its /Dest, /First and /Last when its children were, /Next when its next sibling was, and
  // /Count (not for 0; negative when closed) when saved.
  std::vector<HPDF_Dict> objects(nodes.size());
  for (HPDF_Dict& object : objects) {
    object = HPDF_Dict_New(pdf->mmgr);
    if (object == nullptr || HPDF_Xref_Add(pdf->xref, object) != HPDF_OK) {  // freed by Xref_Add
      state_->fail("cannot add the outline");
      return false;
    }
  }
  if (HPDF_Dict_Add(pdf->catalog, "Outlines", objects[0]) != HPDF_OK) {
    state_->fail("cannot add the outline");
    return false;
  }
  pdf->outlines = objects[0];
  std::string entries;
  // Appends "/key N 0 R\n" for `node`'s object.
  const auto add_reference = [&objects, &entries](std::string_view key, std::size_t node) {
    entries += key;
    append_reference(entries, objects[node]->header);
    entries += '\012';
  };
  for (std::size_t node = 0; node < nodes.size(); ++node) {
    const Node& at = nodes[node];
    if (node == 0) {
      entries = "/Type /Outlines\012";
    } else {
      const Bookmark& bookmark = bookmarks[node - 1];
      entries = "/Title ";
      append_hex_text_string(entries, bookmark.title);
      entries += '\012';
      if (at.previous != 0) add_reference("/Prev ", at.previous);
      add_reference("/Parent ", bookmark.parent);
      const std::size_t begin = node == 1 ? 0 : destination_ends[node - 2];
      entries += "/Dest ";
      entries.append(destinations, begin, destination_ends[node - 1] - begin);
      entries += '\012';
    }
    if (at.first != 0) {
      add_reference("/First ", at.first);
      add_reference("/Last ", at.last);
    }
    if (at.next != 0) add_reference("/Next ", at.next);
    const bool open = node == 0 || bookmarks[node - 1].open;
    if (at.shown != 0) {
      entries += "/Count ";
      entries += std::to_string(open ? at.shown : -at.shown);
      entries += '\012';
    }
    if (!set_frozen_entries(objects[node], entries)) {
      state_->fail("cannot add the outline");
      return false;
    }
  }
  return true;
}

void HaruDocument::add_page_label(std::size_t first_page, PageNumberStyle style) {
  if (failed()) return;
  const HPDF_PageNumStyle pdf_style =
      style == PageNumberStyle::lower_roman ? HPDF_PAGE_NUM_STYLE_LOWER_ROMAN : HPDF_PAGE_NUM_STYLE_DECIMAL;
  HPDF_AddPageLabel(state_->pdf, static_cast<HPDF_UINT>(first_page), pdf_style, 1, nullptr);
}

void HaruDocument::set_info(InfoEntry entry, const std::string& text) {
  if (failed()) return;
  // HPDF_SetInfoAttr creates the information dictionary; the value is then replaced by a
  // UTF-16BE string that keeps characters outside the BMP.
  HPDF_SetInfoAttr(state_->pdf, info_type(entry), "");
  if (failed() || state_->pdf->info == nullptr) return;
  state_->set_text(state_->pdf->info, info_key(entry), text);
}

void HaruDocument::set_dates(const core::Timestamp& time) {
  if (failed()) return;
  // The "+00'00'" form rather than 'Z': libharu writes 'Z' as "Z00'00'".
  HPDF_Date date = {};
  date.year = time.year;
  date.month = time.month;
  date.day = time.day;
  date.hour = time.hour;
  date.minutes = time.minute;
  date.seconds = time.second;
  date.ind = '+';
  date.off_hour = 0;
  date.off_minutes = 0;
  HPDF_SetInfoDateAttr(state_->pdf, HPDF_INFO_CREATION_DATE, date);
  HPDF_SetInfoDateAttr(state_->pdf, HPDF_INFO_MOD_DATE, date);
}

bool HaruDocument::save_to(const std::function<bool(std::string_view)>& write) {
  state_->install_all_packed();
  if (failed()) return false;
  state_->end_text();
  state_->save_started = true;
  FileSink sink;
  sink.write = &write;
  HPDF_Doc pdf = state_->pdf;
  HPDF_Stream stream = HPDF_CallbackWriter_New(pdf->mmgr, write_to_sink, &sink);
  if (stream == nullptr) return false;
  // HPDF_SaveToStream writes into the document's stream, a memory stream it creates when there is
  // none; given this one, it writes through it. It is taken back before HPDF_Free would free it.
  if (pdf->stream != nullptr) HPDF_Stream_Free(pdf->stream);
  pdf->stream = stream;
  const HPDF_STATUS status = HPDF_SaveToStream(pdf);
  pdf->stream = nullptr;
  HPDF_Stream_Free(stream);
  const bool flushed = sink.flush();
  if (!sink.threw.empty()) state_->fail(sink.threw);
  return flushed && status == HPDF_OK && !failed();
}

std::optional<std::string> HaruDocument::save() {
  std::string bytes;
  const bool saved = save_to([&bytes](std::string_view piece) {
    bytes.append(piece);
    return true;
  });
  if (!saved) return std::nullopt;
  return bytes;
}

}  // namespace octavo::pdf
