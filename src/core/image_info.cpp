#include "core/image_info.hpp"

#include <cstdint>

namespace octavo::core {

namespace {

constexpr std::string_view png_signature = "\x89PNG\r\n\x1a\n";
// PNG limits width and height to 2^31 - 1; int holds that.
constexpr std::uint32_t max_png_side = 0x7FFFFFFF;

std::uint32_t byte_at(std::string_view bytes, std::size_t pos) { return static_cast<unsigned char>(bytes[pos]); }

std::uint32_t big_endian(std::string_view bytes, std::size_t pos, std::size_t count) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < count; ++i) value = (value << 8) | byte_at(bytes, pos + i);
  return value;
}

ImageSniff found(std::string what) { return {std::nullopt, std::move(what)}; }

std::string too_large(const char* what, std::uint32_t width, std::uint32_t height) {
  return std::string(what) + " of " + std::to_string(width) + " x " + std::to_string(height) +
         " pixels, larger than the " + std::to_string(max_image_side) + " pixels a side that Octavo decodes";
}

// Samples per pixel for a PNG colour type, with the bit depths it allows (PNG spec Table 11.1);
// 0 for a combination the spec forbids.
int png_components(std::uint32_t colour_type, std::uint32_t depth) {
  const bool any_depth = depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
  const bool deep = depth == 8 || depth == 16;
  switch (colour_type) {
    case 0: return any_depth ? 1 : 0;                 // greyscale
    case 2: return deep ? 3 : 0;                      // truecolour
    case 3: return any_depth && depth != 16 ? 1 : 0;  // indexed
    case 4: return deep ? 2 : 0;                      // greyscale with alpha
    case 6: return deep ? 4 : 0;                      // truecolour with alpha
    default: return 0;
  }
}

ImageSniff sniff_png(std::string_view bytes) {
  // Signature, then the first chunk: length 13, "IHDR", the 13 bytes of data.
  if (bytes.size() < png_signature.size() + 8 + 13) return found("a PNG file cut short in its header");
  if (big_endian(bytes, 8, 4) != 13 || bytes.substr(12, 4) != "IHDR") {
    return found("a PNG file whose first chunk is not a valid IHDR");
  }
  const std::uint32_t width = big_endian(bytes, 16, 4);
  const std::uint32_t height = big_endian(bytes, 20, 4);
  const std::uint32_t depth = byte_at(bytes, 24);
  const std::uint32_t colour_type = byte_at(bytes, 25);
  const std::uint32_t interlace = byte_at(bytes, 28);
  if (width == 0 || height == 0 || width > max_png_side || height > max_png_side) {
    return found("a PNG file of " + std::to_string(width) + " x " + std::to_string(height) + " pixels");
  }
  if (width > max_image_side || height > max_image_side) return found(too_large("a PNG image", width, height));
  const int components = png_components(colour_type, depth);
  // Compression and filter method 0 are the only ones defined (PNG spec §10, §9).
  if (components == 0 || byte_at(bytes, 26) != 0 || byte_at(bytes, 27) != 0 || interlace > 1) {
    return found("a PNG file with an invalid IHDR (bit depth " + std::to_string(depth) + ", colour type " +
                 std::to_string(colour_type) + ")");
  }
  ImageInfo info;
  info.format = ImageFormat::png;
  info.width = static_cast<int>(width);
  info.height = static_cast<int>(height);
  info.bit_depth = static_cast<int>(depth);
  info.components = components;
  info.interlaced = interlace == 1;
  return {info, {}};
}

// The kind of JPEG each SOFn marker starts (ITU T.81 Table B.1); nullptr for the usable ones.
const char* unusable_jpeg_process(std::uint32_t marker) {
  switch (marker) {
    case 0xC0:                  // baseline
    case 0xC1:                  // extended sequential, Huffman
    case 0xC2: return nullptr;  // progressive, Huffman
    case 0xC3: return "a lossless JPEG";
    case 0xC5:
    case 0xC6:
    case 0xC7: return "a hierarchical JPEG";
    default: return "an arithmetic-coded JPEG";  // C9–CB, CD–CF
  }
}

bool is_start_of_frame(std::uint32_t marker) {
  // C4 (DHT), C8 (JPG, reserved) and CC (DAC) share the range but are not frame headers.
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

ImageSniff sniff_jpeg(std::string_view bytes) {
  const std::string cut = "a JPEG file cut short before its frame header";
  std::size_t pos = 2;  // after SOI
  while (true) {
    if (pos >= bytes.size()) return found(cut);
    if (byte_at(bytes, pos) != 0xFF) return found("a JPEG file with damaged markers");
    while (pos < bytes.size() && byte_at(bytes, pos) == 0xFF) ++pos;  // fill bytes (T.81 §B.1.1.2)
    if (pos >= bytes.size()) return found(cut);
    const std::uint32_t marker = byte_at(bytes, pos++);
    // Markers without a length: TEM and RST0–7 (T.81 Table B.1).
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;
    if (marker == 0xD9 || marker == 0xDA) return found("a JPEG file without a frame header");
    if (pos + 2 > bytes.size()) return found(cut);
    const std::size_t length = big_endian(bytes, pos, 2);
    if (length < 2) return found("a JPEG file with damaged markers");
    if (!is_start_of_frame(marker)) {
      pos += length;
      continue;
    }
    // SOFn: length, precision, height, width, component count (T.81 §B.2.2).
    if (length < 8 || pos + length > bytes.size()) return found(cut);
    const std::uint32_t precision = byte_at(bytes, pos + 2);
    const std::uint32_t height = big_endian(bytes, pos + 3, 2);
    const std::uint32_t width = big_endian(bytes, pos + 5, 2);
    const std::uint32_t components = byte_at(bytes, pos + 7);
    const std::string why = ", which EPUB reading systems and PDF cannot show";
    if (const char* process = unusable_jpeg_process(marker)) return found(process + why);
    if (precision != 8) return found("a JPEG with " + std::to_string(precision) + "-bit samples" + why);
    if (components != 1 && components != 3 && components != 4) {
      return found("a JPEG with " + std::to_string(components) + " colour components" + why);
    }
    // A height of 0 is defined later by a DNL marker (T.81 §B.2.5), which almost nothing supports.
    if (width == 0 || height == 0) {
      return found("a JPEG file of " + std::to_string(width) + " x " + std::to_string(height) + " pixels");
    }
    ImageInfo info;
    info.format = ImageFormat::jpeg;
    info.width = static_cast<int>(width);
    info.height = static_cast<int>(height);
    info.bit_depth = 8;
    info.components = static_cast<int>(components);
    info.progressive = marker == 0xC2;
    return {info, {}};
  }
}

std::uint32_t little_endian16(std::string_view bytes, std::size_t pos) {
  return byte_at(bytes, pos) | (byte_at(bytes, pos + 1) << 8);
}

// The bytes a colour table takes after a block whose packed flags byte is `flags` (GIF89a §18,
// §20): 3 x 2^(n+1) when the table flag (0x80) is set.
std::size_t colour_table_size(std::uint32_t flags) {
  return (flags & 0x80) != 0 ? std::size_t{3} << ((flags & 0x07) + 1) : 0;
}

// Skips a chain of data sub-blocks (GIF89a §15: a size byte, that many bytes, … a 0 size);
// false if the file ends first.
bool skip_sub_blocks(std::string_view bytes, std::size_t& pos) {
  while (pos < bytes.size()) {
    const std::size_t size = byte_at(bytes, pos++);
    if (size == 0) return true;
    pos += size;
  }
  return false;
}

// Where a GIF's blocks end: after its first image (`first_image_end`), and after the last whole
// block, with the number of images seen. A GIF is a header, a logical screen descriptor, an
// optional global colour table, then extension (0x21) and image (0x2C) blocks up to a trailer
// (0x3B). Browsers show a file whose later blocks are cut short or followed by junk, as long as
// its first image is whole; so does this.
struct GifWalk {
  std::size_t first_image_end = 0;  // 0 when the first image is missing or cut short
  int frames = 0;
  bool first_interlaced = false;
  std::string problem;
};

GifWalk walk_gif(std::string_view bytes) {
  GifWalk walk;
  std::size_t pos = 13 + colour_table_size(byte_at(bytes, 10));
  while (pos < bytes.size()) {
    const std::uint32_t introducer = byte_at(bytes, pos++);
    if (introducer == 0x3B) break;  // trailer
    if (introducer == 0x21) {       // extension: a label, then sub-blocks (§23–§26)
      ++pos;
      if (!skip_sub_blocks(bytes, pos)) break;
      continue;
    }
    if (introducer != 0x2C) {
      if (walk.frames == 0) walk.problem = "a GIF file with damaged blocks";
      break;
    }
    // Image descriptor (§20): left, top, width, height (2 bytes each), packed flags; then the
    // local colour table, the LZW minimum code size and the image data sub-blocks (§22).
    if (pos + 9 > bytes.size()) break;
    const std::uint32_t flags = byte_at(bytes, pos + 8);
    pos += 9 + colour_table_size(flags);
    if (pos >= bytes.size()) break;
    const std::uint32_t code_size = byte_at(bytes, pos++);
    // Appendix F: 2 to 8 (1-bit images use 2); decoders allow up to 11 (12-bit codes).
    if (code_size < 2 || code_size > 11) {
      if (walk.frames == 0) walk.problem = "a GIF file whose first image has an invalid LZW code size";
      break;
    }
    if (!skip_sub_blocks(bytes, pos)) break;
    if (walk.frames == 0) {
      walk.first_image_end = pos;
      walk.first_interlaced = (flags & 0x40) != 0;
    }
    ++walk.frames;
  }
  if (walk.frames == 0 && walk.problem.empty()) walk.problem = "a GIF file cut short before its first image is whole";
  return walk;
}

ImageSniff sniff_gif(std::string_view bytes) {
  // Header "GIF89a" and the logical screen descriptor (§17, §18): width, height, packed flags,
  // background colour index, pixel aspect ratio.
  if (bytes.size() < 13) return found("a GIF file cut short in its header");
  const std::uint32_t width = little_endian16(bytes, 6);
  const std::uint32_t height = little_endian16(bytes, 8);
  if (width == 0 || height == 0) {
    return found("a GIF file of " + std::to_string(width) + " x " + std::to_string(height) + " pixels");
  }
  if (width > max_image_side || height > max_image_side) return found(too_large("a GIF image", width, height));
  const GifWalk walk = walk_gif(bytes);
  if (walk.frames == 0) return found(walk.problem);
  ImageInfo info;
  info.format = ImageFormat::gif;
  info.width = static_cast<int>(width);
  info.height = static_cast<int>(height);
  info.bit_depth = 8;
  info.components = 1;
  info.interlaced = walk.first_interlaced;
  info.frames = walk.frames;
  return {info, {}};
}

bool is_gif(std::string_view bytes) { return bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a"); }

}  // namespace

ImageSniff sniff_image(std::string_view bytes) {
  if (bytes.empty()) return found("an empty file");
  if (bytes.starts_with(png_signature)) return sniff_png(bytes);
  if (bytes.size() >= 3 && bytes.starts_with("\xFF\xD8\xFF")) return sniff_jpeg(bytes);
  if (is_gif(bytes)) return sniff_gif(bytes);
  // A few common formats by name, so the message says what to convert from.
  if (bytes.size() >= 12 && bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WEBP") return found("a WebP image");
  if (bytes.starts_with("BM")) return found("a BMP image");
  if (bytes.starts_with("\x1F\x8B"))
    return found("a gzip-compressed file (an .svgz: EPUB takes SVG uncompressed, so gunzip it)");
  if (looks_like_markup(bytes)) return found("markup (SVG is read as text, not sniffed)");
  return found("neither");
}

bool looks_like_markup(std::string_view bytes) {
  // UTF-16 (either byte order): '<' is one code unit, 0x3C with a zero byte beside it.
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    const bool little = bytes[0] == '\xFF';
    for (std::size_t pos = 2; pos + 1 < bytes.size(); pos += 2) {
      const char unit = little ? bytes[pos] : bytes[pos + 1];
      const char high = little ? bytes[pos + 1] : bytes[pos];
      if (high != '\0') return false;
      if (unit == '<') return true;
      if (unit != ' ' && unit != '\t' && unit != '\r' && unit != '\n') return false;
    }
    return false;
  }
  std::size_t pos = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (pos < bytes.size() && (bytes[pos] == ' ' || bytes[pos] == '\t' || bytes[pos] == '\r' || bytes[pos] == '\n')) {
    ++pos;
  }
  return pos < bytes.size() && bytes[pos] == '<';
}

std::string gif_first_frame(std::string_view gif) {
  if (!is_gif(gif) || gif.size() < 13) return {};
  const GifWalk walk = walk_gif(gif);
  if (walk.frames == 0) return {};
  std::string out(gif.substr(0, walk.first_image_end));
  out += '\x3B';
  return out;
}

const char* media_type(ImageFormat format) {
  switch (format) {
    case ImageFormat::png: return "image/png";
    case ImageFormat::jpeg: return "image/jpeg";
    case ImageFormat::gif: return "image/gif";
    case ImageFormat::svg: return "image/svg+xml";
  }
  return "image/png";
}

const char* file_extension(ImageFormat format) {
  switch (format) {
    case ImageFormat::png: return "png";
    case ImageFormat::jpeg: return "jpg";
    case ImageFormat::gif: return "gif";
    case ImageFormat::svg: return "svg";
  }
  return "png";
}

const char* format_name(ImageFormat format) {
  switch (format) {
    case ImageFormat::png: return "PNG";
    case ImageFormat::jpeg: return "JPEG";
    case ImageFormat::gif: return "GIF";
    case ImageFormat::svg: return "SVG";
  }
  return "PNG";
}

}  // namespace octavo::core
