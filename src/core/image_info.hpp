// What Octavo knows about an image file from its header alone: PNG (IHDR) or JPEG (SOFn), told
// apart by their magic bytes, never by the file name. Import checks images with it; writers read it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace octavo::core {

enum class ImageFormat { png, jpeg };

/// The header of a PNG or JPEG file.
struct ImageInfo {
  ImageFormat format = ImageFormat::png;
  int width = 0;             ///< pixels, at least 1
  int height = 0;            ///< pixels, at least 1
  int bit_depth = 8;         ///< PNG bits per sample (1–16); JPEG sample precision (always 8 here)
  int components = 3;        ///< samples per pixel: PNG 1–4 (a palette counts 1), JPEG 1, 3 or 4
  bool interlaced = false;   ///< PNG Adam7 interlacing
  bool progressive = false;  ///< JPEG progressive (SOF2)
};

/// The header, or what the bytes are instead ("a GIF image", "a PNG file cut short in its
/// header", "a lossless JPEG, which EPUB reading systems and PDF cannot show"): a phrase that
/// completes "expected a PNG or JPEG image, found …". Never reads past `bytes`.
struct ImageSniff {
  std::optional<ImageInfo> info;
  std::string found;  ///< empty when `info` is set
};

/// Reads the PNG signature and IHDR chunk (PNG spec §5.2, §11.2.2; the CRC is not checked) or the
/// JPEG markers up to the first SOFn frame header (ITU T.81 §B.2.2). JPEGs that are not baseline,
/// extended or progressive Huffman with 8-bit samples and 1, 3 or 4 components are refused:
/// neither browsers nor PDF's DCTDecode filter show them.
ImageSniff sniff_image(std::string_view bytes);

/// "image/png" or "image/jpeg", the EPUB core media types.
const char* media_type(ImageFormat format);
/// "png" or "jpg".
const char* file_extension(ImageFormat format);

}  // namespace octavo::core
