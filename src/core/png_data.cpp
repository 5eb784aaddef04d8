#include "core/png_data.hpp"

#include <png.h>

#include <csetjmp>
#include <cstring>
#include <vector>

namespace octavo::core {

namespace {

// Larger than any picture a book page needs (a 600 dpi print of a page is about 4000 pixels
// wide), and small enough that a hostile file cannot make this check decode for minutes.
constexpr png_uint_32 max_png_side = 16384;

// libpng reports errors through a callback that must not return (libpng manual §IV): it longjmps
// back to png_data_problem. Only C objects live between the setjmp and the callback, so no C++
// destructor is skipped.
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
    return std::string(reader.message[0] != '\0' ? reader.message : "libpng cannot start");
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

}  // namespace octavo::core
