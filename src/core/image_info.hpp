// What Octavo knows about an image file from its first bytes: PNG (IHDR), JPEG (SOFn) or GIF
// (screen descriptor and image blocks), told apart by their magic bytes, never by the file name.
// SVG is text: looks_like_markup() says so, and image/svg_document.hpp reads it. Import checks
// images with these; writers read the result.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace octavo::core {

enum class ImageFormat { png, jpeg, gif, svg };

/// The largest width or height, in pixels, of a PNG or GIF that Octavo decodes: more than any
/// printed page needs (a 600 dpi print of an A4 page is about 5000 pixels wide), and small enough
/// that a hostile header cannot make a decoder allocate gigabytes or run for minutes.
inline constexpr int max_image_side = 16384;

/// The header of an image file.
struct ImageInfo {
  ImageFormat format = ImageFormat::png;
  int width = 0;             ///< pixels (SVG: CSS pixels, rounded), at least 1
  int height = 0;            ///< pixels (SVG: CSS pixels, rounded), at least 1
  int bit_depth = 8;         ///< PNG bits per sample (1–16); JPEG sample precision (always 8 here); GIF 8
  int components = 3;        ///< samples per pixel: PNG 1–4 (a palette counts 1), JPEG 1, 3 or 4, GIF 1
  bool interlaced = false;   ///< PNG Adam7 interlacing, GIF interlaced first image
  bool progressive = false;  ///< JPEG progressive (SOF2)
  int frames = 1;            ///< GIF: the images in the file (more than 1: an animation); 1 for the others
};

/// The header, or what the bytes are instead ("a WebP image", "a PNG file cut short in its
/// header", "a lossless JPEG, which EPUB reading systems and PDF cannot show"): a phrase that
/// completes "expected a PNG, JPEG, GIF or SVG image, found …". Never reads past `bytes`.
struct ImageSniff {
  std::optional<ImageInfo> info;
  std::string found;  ///< empty when `info` is set
};

/// Reads the PNG signature and IHDR chunk (PNG spec §5.2, §11.2.2; the CRC is not checked), the
/// JPEG markers up to the first SOFn frame header (ITU T.81 §B.2.2), or a GIF's blocks (GIF89a
/// §17–§27: every block is walked to count the images, none is decoded). JPEGs that are not
/// baseline, extended or progressive Huffman with 8-bit samples and 1, 3 or 4 components are
/// refused: neither browsers nor PDF's DCTDecode filter show them. PNG and GIF larger than
/// max_image_side are refused. Never returns ImageFormat::svg: see looks_like_markup.
ImageSniff sniff_image(std::string_view bytes);

/// True when `bytes` start like XML or HTML text: '<' after an optional byte order mark
/// (UTF-8 or UTF-16) and white space. An SVG file does; false for the empty string.
bool looks_like_markup(std::string_view bytes);

/// The first image of a GIF file that sniff_image accepted, as a GIF file of its own: the header,
/// the global colour table, the blocks before the first image, the image, and a trailer. Decoders
/// given it cannot spend time or memory on the other frames of an animation. Empty if `gif` is
/// not such a file.
std::string gif_first_frame(std::string_view gif);

/// "image/png", "image/jpeg", "image/gif" or "image/svg+xml": all EPUB 3.3 core media types (§3.2).
const char* media_type(ImageFormat format);
/// "png", "jpg", "gif" or "svg".
const char* file_extension(ImageFormat format);
/// "PNG", "JPEG", "GIF" or "SVG", for messages.
const char* format_name(ImageFormat format);

}  // namespace octavo::core
