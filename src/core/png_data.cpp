#include "core/png_data.hpp"

#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "core/image_info.hpp"

namespace octavo::core {

namespace {

constexpr png_uint_32 max_png_side = max_image_side;

// libpng reports errors through a callback that must not return (libpng manual §IV): it longjmps
// back to the function that called setjmp. Only C objects live in the frames it unwinds, and the
// C++ objects it writes (the output) belong to the caller of that function, so no destructor is
// skipped and no local changed after setjmp is read afterwards.
struct Reader {
  std::string_view bytes;
  std::size_t pos = 0;
  char message[256] = {};
};

extern "C" void on_png_error(png_structp png, png_const_charp message) {
  auto* reader = static_cast<Reader*>(png_get_error_ptr(png));
  std::strncpy(reader->message, message != nullptr ? message : "unknown error", sizeof reader->message - 1);
  png_longjmp(png, 1);
}

extern "C" void on_png_warning(png_structp, png_const_charp) {}

extern "C" void read_png_bytes(png_structp png, png_bytep out, png_size_t length) {
  auto* reader = static_cast<Reader*>(png_get_io_ptr(png));
  if (reader->bytes.size() - reader->pos < length) png_error(png, "the file ends inside a chunk");
  std::memcpy(out, reader->bytes.data() + reader->pos, length);
  reader->pos += length;
}

std::string reason(const Reader& reader) { return reader.message[0] != '\0' ? reader.message : "libpng cannot start"; }

// What decode_into fills, owned by its caller (see Reader).
struct Decoding {
  PngPixels result;
  std::size_t max_pixels = 0;
  std::vector<std::uint8_t> row;            // one decoded row
  std::vector<std::uint8_t> whole;          // every row, for interlaced images
  std::vector<std::uint8_t*> row_pointers;  // into `whole`
  std::vector<std::uint64_t> sums;          // reduction: per output pixel of the row, weighted colour and alpha
  std::vector<std::uint32_t> counts;        // reduction: source pixels per output pixel of the row
  std::vector<std::uint8_t> transparency;   // palette: the tRNS alpha of each index
};

std::size_t pixel_count(png_uint_32 width, png_uint_32 height) {
  return static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
}

// The smallest whole factor f with ceil(w / f) x ceil(h / f) <= max_pixels.
int reduction_for(png_uint_32 width, png_uint_32 height, std::size_t max_pixels) {
  int factor = 1;
  while (pixel_count((width + factor - 1) / factor, (height + factor - 1) / factor) > max_pixels) ++factor;
  return factor;
}

// Copies one decoded row (`channels` samples a pixel: grey/index, grey+alpha, RGB or RGBA) into
// the picture, the alpha into its plane.
void store_row(PixelImage& image, const std::uint8_t* row, int channels, png_uint_32 y) {
  const int colour = channels >= 3 ? 3 : 1;
  const bool has_alpha = channels == 2 || channels == 4;
  const std::size_t width = static_cast<std::size_t>(image.width);
  std::uint8_t* samples = image.samples.data() + y * width * static_cast<std::size_t>(colour);
  std::uint8_t* alpha = has_alpha ? image.alpha.data() + y * width : nullptr;
  for (std::size_t x = 0; x < width; ++x) {
    const std::uint8_t* pixel = row + x * static_cast<std::size_t>(channels);
    for (int c = 0; c < colour; ++c)
      samples[x * static_cast<std::size_t>(colour) + static_cast<std::size_t>(c)] = pixel[c];
    if (alpha != nullptr) alpha[x] = pixel[colour];
  }
}

// Adds one decoded source row to the running sums of output row y / factor; writes that output
// row when its last source row is in (or the image ends).
void reduce_row(Decoding& state, const std::uint8_t* row, int channels, png_uint_32 y, png_uint_32 height) {
  PixelImage& image = *state.result.image;
  const auto factor = static_cast<png_uint_32>(state.result.reduction);
  const int colour = channels >= 3 ? 3 : 1;
  const bool has_alpha = channels == 2 || channels == 4;
  const std::size_t out_width = static_cast<std::size_t>(image.width);
  const std::size_t slots = static_cast<std::size_t>(colour) + 1;
  const std::size_t source_width = state.row.size() / static_cast<std::size_t>(channels);
  for (std::size_t x = 0; x < source_width; ++x) {
    const std::uint8_t* pixel = row + x * static_cast<std::size_t>(channels);
    const std::uint64_t a = has_alpha ? pixel[colour] : 255;
    std::uint64_t* sum = state.sums.data() + (x / factor) * slots;
    for (int c = 0; c < colour; ++c) sum[c] += pixel[c] * a;
    sum[colour] += a;
    ++state.counts[x / factor];
  }
  if ((y + 1) % factor != 0 && y + 1 != height) return;
  const std::size_t out_y = y / factor;
  for (std::size_t x = 0; x < out_width; ++x) {
    const std::uint64_t* sum = state.sums.data() + x * slots;
    const std::uint64_t total_alpha = sum[colour];
    for (int c = 0; c < colour; ++c) {
      // Colour weighted by opacity, so that transparent pixels do not darken the edges.
      const std::uint64_t value = total_alpha == 0 ? 0 : (sum[c] + total_alpha / 2) / total_alpha;
      image.samples[(out_y * out_width + x) * static_cast<std::size_t>(colour) + static_cast<std::size_t>(c)] =
          static_cast<std::uint8_t>(value);
    }
    if (has_alpha) {
      const std::uint64_t count = state.counts[x];
      image.alpha[out_y * out_width + x] = static_cast<std::uint8_t>((total_alpha + count / 2) / count);
    }
  }
  std::fill(state.sums.begin(), state.sums.end(), 0);
  std::fill(state.counts.begin(), state.counts.end(), 0);
}

// The decoding itself; returns false with the reason in `reader` when libpng fails.
bool decode_into(Reader& reader, Decoding& state) {
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &reader, on_png_error, on_png_warning);
  if (png == nullptr) return false;
  png_infop info = png_create_info_struct(png);
  if (info == nullptr || setjmp(png_jmpbuf(png)) != 0) {
    png_destroy_read_struct(&png, info != nullptr ? &info : nullptr, nullptr);
    return false;
  }
  png_set_read_fn(png, &reader, read_png_bytes);
  png_set_user_limits(png, max_png_side, max_png_side);
  png_read_info(png, info);
  const png_uint_32 width = png_get_image_width(png, info);
  const png_uint_32 height = png_get_image_height(png, info);
  const int colour_type = png_get_color_type(png, info);
  const int bit_depth = png_get_bit_depth(png, info);
  const bool interlaced = png_get_interlace_type(png, info) != PNG_INTERLACE_NONE;
  PngPixels& result = state.result;
  result.reduction = reduction_for(width, height, state.max_pixels);
  if (result.reduction > 1 && interlaced) {
    std::snprintf(reader.message, sizeof reader.message,
                  "an interlaced PNG of %u x %u pixels, more than the %zu pixels Octavo decodes at once",
                  static_cast<unsigned>(width), static_cast<unsigned>(height), state.max_pixels);
    result.too_large = true;
    png_destroy_read_struct(&png, &info, nullptr);
    return false;
  }
  const bool keep_palette = colour_type == PNG_COLOR_TYPE_PALETTE && result.reduction == 1;

  // Transformations (libpng manual §IV.5): 8-bit samples, one byte a palette index.
  png_set_scale_16(png);
  if (keep_palette) {
    png_set_packing(png);
  } else {
    png_set_expand(png);  // palette → RGB, grey below 8 bits → 8, tRNS → alpha
  }
  if (!keep_palette && png_get_valid(png, info, PNG_INFO_tRNS) != 0) png_set_tRNS_to_alpha(png);
  const int passes = png_set_interlace_handling(png);
  png_read_update_info(png, info);
  const int channels = png_get_channels(png, info);
  state.row.assign(png_get_rowbytes(png, info), 0);

  PixelImage& image = result.image.emplace();
  const auto factor = static_cast<png_uint_32>(result.reduction);
  image.width = static_cast<int>((width + factor - 1) / factor);
  image.height = static_cast<int>((height + factor - 1) / factor);
  const std::size_t count = pixel_count(static_cast<png_uint_32>(image.width), static_cast<png_uint_32>(image.height));
  image.colour = keep_palette ? PixelColour::indexed : channels >= 3 ? PixelColour::rgb : PixelColour::grey;
  image.samples.assign(count * static_cast<std::size_t>(samples_per_pixel(image.colour)), 0);
  if (channels == 2 || channels == 4) image.alpha.assign(count, 255);

  if (keep_palette) {
    png_colorp palette = nullptr;
    int entries = 0;
    png_get_PLTE(png, info, &palette, &entries);
    // PDF's Indexed colour space needs an entry for every index a sample holds (§8.6.6.3): a
    // damaged file may use indices past its palette, which are black here.
    image.palette.assign(3 * (std::size_t{1} << bit_depth), 0);
    for (int i = 0; i < entries && i < (1 << bit_depth); ++i) {
      image.palette[3 * static_cast<std::size_t>(i)] = palette[i].red;
      image.palette[3 * static_cast<std::size_t>(i) + 1] = palette[i].green;
      image.palette[3 * static_cast<std::size_t>(i) + 2] = palette[i].blue;
    }
    png_bytep trans = nullptr;
    int trans_count = 0;
    if (png_get_tRNS(png, info, &trans, &trans_count, nullptr) != 0 && trans_count > 0) {
      state.transparency.assign(256, 255);
      for (int i = 0; i < trans_count && i < 256; ++i) state.transparency[static_cast<std::size_t>(i)] = trans[i];
      image.alpha.assign(count, 255);
    }
  }

  if (interlaced) {
    // Adam7 needs every row in memory until the last pass (PNG spec §8.2).
    state.whole.assign(state.row.size() * height, 0);
    state.row_pointers.resize(height);
    for (png_uint_32 y = 0; y < height; ++y) state.row_pointers[y] = state.whole.data() + y * state.row.size();
    png_read_image(png, state.row_pointers.data());
    for (png_uint_32 y = 0; y < height; ++y) store_row(image, state.row_pointers[y], channels, y);
  } else {
    if (result.reduction > 1) {
      state.sums.assign(static_cast<std::size_t>(image.width) * (channels >= 3 ? 4 : 2), 0);
      state.counts.assign(static_cast<std::size_t>(image.width), 0);
    }
    for (int pass = 0; pass < passes; ++pass) {
      for (png_uint_32 y = 0; y < height; ++y) {
        png_read_row(png, state.row.data(), nullptr);
        if (result.reduction > 1) {
          reduce_row(state, state.row.data(), channels, y, height);
        } else {
          store_row(image, state.row.data(), channels, y);
        }
      }
    }
  }
  png_read_end(png, nullptr);
  png_destroy_read_struct(&png, &info, nullptr);

  if (!state.transparency.empty()) {
    for (std::size_t i = 0; i < count; ++i) image.alpha[i] = state.transparency[image.samples[i]];
  }
  bool opaque = true;
  for (const std::uint8_t a : image.alpha) opaque = opaque && a == 255;
  if (opaque) image.alpha.clear();
  return true;
}

}  // namespace

std::optional<std::string> png_data_problem(std::string_view bytes) {
  Reader reader{bytes, 0, {}};
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &reader, on_png_error, on_png_warning);
  if (png == nullptr) return std::string("libpng cannot start");
  png_infop info = png_create_info_struct(png);
  // One row buffer, sized once the header is known; a vector would be skipped by longjmp, so the
  // buffer is libpng's own allocation, freed on both paths.
  png_bytep volatile row = nullptr;
  if (info == nullptr || setjmp(png_jmpbuf(png)) != 0) {
    if (row != nullptr) png_free(png, row);
    png_destroy_read_struct(&png, info != nullptr ? &info : nullptr, nullptr);
    return reason(reader);
  }
  png_set_read_fn(png, &reader, read_png_bytes);
  png_set_user_limits(png, max_png_side, max_png_side);
  png_read_info(png, info);
  const int passes = png_set_interlace_handling(png);
  png_read_update_info(png, info);
  row = static_cast<png_bytep>(png_malloc(png, png_get_rowbytes(png, info)));
  const png_uint_32 height = png_get_image_height(png, info);
  for (int pass = 0; pass < passes; ++pass) {
    for (png_uint_32 y = 0; y < height; ++y) png_read_row(png, row, nullptr);
  }
  png_read_end(png, nullptr);
  png_free(png, row);
  row = nullptr;
  png_destroy_read_struct(&png, &info, nullptr);
  return std::nullopt;
}

PngPixels decode_png(std::string_view png, std::size_t max_pixels) {
  Reader reader{png, 0, {}};
  Decoding state;
  state.max_pixels = max_pixels == 0 ? 1 : max_pixels;
  if (!decode_into(reader, state)) {
    PngPixels failed;
    failed.too_large = state.result.too_large;
    failed.problem = reason(reader);
    return failed;
  }
  return std::move(state.result);
}

}  // namespace octavo::core
