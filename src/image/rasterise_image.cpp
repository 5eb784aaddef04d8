#include "image/rasterise_image.hpp"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "core/image_info.hpp"
#include "core/runtime_library.hpp"

namespace octavo::image {

namespace {

// librsvg, cairo and gdk-pixbuf, with GLib's object and error calls, are opened the first time a
// picture needs them (dlopen), not linked: loading them and the thirty-odd libraries they bring
// (Pango, GIO, libxml2, X11, …) cost every run some 4 ms before main, about a tenth of building
// corpus/, and most books have no SVG or GIF. Opened once for the process, never closed.
struct Graphics {
  decltype(&::g_object_unref) g_object_unref = nullptr;
  decltype(&::g_error_free) g_error_free = nullptr;
  decltype(&::rsvg_handle_new_from_data) rsvg_handle_new_from_data = nullptr;
  decltype(&::rsvg_handle_render_document) rsvg_handle_render_document = nullptr;
  decltype(&::cairo_image_surface_create) cairo_image_surface_create = nullptr;
  decltype(&::cairo_image_surface_get_data) cairo_image_surface_get_data = nullptr;
  decltype(&::cairo_image_surface_get_stride) cairo_image_surface_get_stride = nullptr;
  decltype(&::cairo_surface_status) cairo_surface_status = nullptr;
  decltype(&::cairo_surface_flush) cairo_surface_flush = nullptr;
  decltype(&::cairo_surface_destroy) cairo_surface_destroy = nullptr;
  decltype(&::cairo_status_to_string) cairo_status_to_string = nullptr;
  decltype(&::cairo_create) cairo_create = nullptr;
  decltype(&::cairo_destroy) cairo_destroy = nullptr;
  decltype(&::gdk_pixbuf_loader_new_with_type) gdk_pixbuf_loader_new_with_type = nullptr;
  decltype(&::gdk_pixbuf_loader_write) gdk_pixbuf_loader_write = nullptr;
  decltype(&::gdk_pixbuf_loader_close) gdk_pixbuf_loader_close = nullptr;
  decltype(&::gdk_pixbuf_loader_get_pixbuf) gdk_pixbuf_loader_get_pixbuf = nullptr;
  decltype(&::gdk_pixbuf_get_bits_per_sample) gdk_pixbuf_get_bits_per_sample = nullptr;
  decltype(&::gdk_pixbuf_get_n_channels) gdk_pixbuf_get_n_channels = nullptr;
  decltype(&::gdk_pixbuf_get_width) gdk_pixbuf_get_width = nullptr;
  decltype(&::gdk_pixbuf_get_height) gdk_pixbuf_get_height = nullptr;
  decltype(&::gdk_pixbuf_get_rowstride) gdk_pixbuf_get_rowstride = nullptr;
  decltype(&::gdk_pixbuf_read_pixels) gdk_pixbuf_read_pixels = nullptr;
  std::string
      problem;  ///< why they cannot be used ("librsvg-2.so.2: cannot open shared object file: …"); empty if they can
};

Graphics open_graphics() {
  Graphics g;
  const core::RuntimeLibrary glib("libglib-2.0.so.0", g.problem);
  const core::RuntimeLibrary gobject("libgobject-2.0.so.0", g.problem);
  const core::RuntimeLibrary rsvg("librsvg-2.so.2", g.problem);
  const core::RuntimeLibrary cairo("libcairo.so.2", g.problem);
  const core::RuntimeLibrary pixbuf("libgdk_pixbuf-2.0.so.0", g.problem);
  gobject.bind(g.g_object_unref, "g_object_unref");
  glib.bind(g.g_error_free, "g_error_free");
  rsvg.bind(g.rsvg_handle_new_from_data, "rsvg_handle_new_from_data");
  rsvg.bind(g.rsvg_handle_render_document, "rsvg_handle_render_document");
  cairo.bind(g.cairo_image_surface_create, "cairo_image_surface_create");
  cairo.bind(g.cairo_image_surface_get_data, "cairo_image_surface_get_data");
  cairo.bind(g.cairo_image_surface_get_stride, "cairo_image_surface_get_stride");
  cairo.bind(g.cairo_surface_status, "cairo_surface_status");
  cairo.bind(g.cairo_surface_flush, "cairo_surface_flush");
  cairo.bind(g.cairo_surface_destroy, "cairo_surface_destroy");
  cairo.bind(g.cairo_status_to_string, "cairo_status_to_string");
  cairo.bind(g.cairo_create, "cairo_create");
  cairo.bind(g.cairo_destroy, "cairo_destroy");
  pixbuf.bind(g.gdk_pixbuf_loader_new_with_type, "gdk_pixbuf_loader_new_with_type");
  pixbuf.bind(g.gdk_pixbuf_loader_write, "gdk_pixbuf_loader_write");
  pixbuf.bind(g.gdk_pixbuf_loader_close, "gdk_pixbuf_loader_close");
  pixbuf.bind(g.gdk_pixbuf_loader_get_pixbuf, "gdk_pixbuf_loader_get_pixbuf");
  pixbuf.bind(g.gdk_pixbuf_get_bits_per_sample, "gdk_pixbuf_get_bits_per_sample");
  pixbuf.bind(g.gdk_pixbuf_get_n_channels, "gdk_pixbuf_get_n_channels");
  pixbuf.bind(g.gdk_pixbuf_get_width, "gdk_pixbuf_get_width");
  pixbuf.bind(g.gdk_pixbuf_get_height, "gdk_pixbuf_get_height");
  pixbuf.bind(g.gdk_pixbuf_get_rowstride, "gdk_pixbuf_get_rowstride");
  pixbuf.bind(g.gdk_pixbuf_read_pixels, "gdk_pixbuf_read_pixels");
  return g;
}

// The libraries, opened at the first call (thread-safe: a function-local static).
const Graphics& graphics() {
  static const Graphics opened = open_graphics();
  return opened;
}

// GLib's objects and errors, released however a function returns.
struct ObjectUnref {
  void operator()(gpointer object) const { graphics().g_object_unref(object); }
};
template <typename T>
using Object = std::unique_ptr<T, ObjectUnref>;

struct ErrorFree {
  void operator()(GError* error) const { graphics().g_error_free(error); }
};
using Error = std::unique_ptr<GError, ErrorFree>;

struct SurfaceDestroy {
  void operator()(cairo_surface_t* surface) const { graphics().cairo_surface_destroy(surface); }
};
struct ContextDestroy {
  void operator()(cairo_t* context) const { graphics().cairo_destroy(context); }
};

// The error's message without the line break libxml2's messages end with.
std::string message(const GError* error) {
  std::string text = error != nullptr && error->message != nullptr ? error->message : "unknown error";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

std::string too_many(int width, int height, std::size_t max_pixels) {
  return std::to_string(width) + " x " + std::to_string(height) + " pixels, more than the " +
         std::to_string(max_pixels) + " pixels Octavo decodes at once";
}

// rsvg_handle_new_from_data: no base URL, default limits (librsvg refuses documents with too many
// elements or references; RSVG_HANDLE_FLAG_UNLIMITED is never set).
Object<RsvgHandle> load_svg(std::string_view svg, std::string& problem) {
  if (!graphics().problem.empty()) {
    problem = "librsvg cannot be opened: " + graphics().problem;
    return nullptr;
  }
  GError* raw_error = nullptr;
  RsvgHandle* handle = graphics().rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()),
                                                            static_cast<gsize>(svg.size()), &raw_error);
  const Error error(raw_error);
  if (handle == nullptr) problem = message(error.get());
  return Object<RsvgHandle>(handle);
}

}  // namespace

std::optional<std::string> svg_problem(std::string_view svg) {
  std::string problem;
  if (!load_svg(svg, problem)) return problem;
  return std::nullopt;
}

Raster rasterise_svg(std::string_view svg, int width, int height, std::size_t max_pixels) {
  if (width <= 0 || height <= 0 || static_cast<std::size_t>(width) * static_cast<std::size_t>(height) > max_pixels) {
    return {std::nullopt, "an SVG drawn over " + too_many(width, height, max_pixels)};
  }
  std::string problem;
  const Object<RsvgHandle> handle = load_svg(svg, problem);
  if (!handle) return {std::nullopt, "librsvg cannot read it: " + problem};
  const Graphics& g = graphics();
  const std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(
      g.cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
  if (g.cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return {std::nullopt, std::string("cairo cannot make the canvas: ") +
                              g.cairo_status_to_string(g.cairo_surface_status(surface.get()))};
  }
  {
    const std::unique_ptr<cairo_t, ContextDestroy> context(g.cairo_create(surface.get()));
    const RsvgRectangle viewport = {0, 0, static_cast<double>(width), static_cast<double>(height)};
    GError* raw_error = nullptr;
    const gboolean drawn = g.rsvg_handle_render_document(handle.get(), context.get(), &viewport, &raw_error);
    const Error error(raw_error);
    if (!drawn) return {std::nullopt, "librsvg cannot draw it: " + message(error.get())};
  }
  g.cairo_surface_flush(surface.get());
  // CAIRO_FORMAT_ARGB32 pixels are native-endian 32-bit words, alpha in the top byte and colour
  // premultiplied: rewritten in place as R, G, B, A bytes for pixels_from_rgba.
  unsigned char* data = g.cairo_image_surface_get_data(surface.get());
  const auto stride = static_cast<std::size_t>(g.cairo_image_surface_get_stride(surface.get()));
  for (int y = 0; y < height; ++y) {
    unsigned char* row = data + static_cast<std::size_t>(y) * stride;
    for (int x = 0; x < width; ++x) {
      unsigned char* pixel = row + 4 * static_cast<std::size_t>(x);
      std::uint32_t word = 0;
      std::memcpy(&word, pixel, 4);
      pixel[0] = static_cast<unsigned char>((word >> 16) & 0xFF);
      pixel[1] = static_cast<unsigned char>((word >> 8) & 0xFF);
      pixel[2] = static_cast<unsigned char>(word & 0xFF);
      pixel[3] = static_cast<unsigned char>(word >> 24);
    }
  }
  return {core::pixels_from_rgba(data, stride, width, height, true), {}};
}

Raster decode_gif(std::string_view gif, std::size_t max_pixels) {
  const core::ImageSniff sniff = core::sniff_image(gif);
  if (!sniff.info || sniff.info->format != core::ImageFormat::gif) return {std::nullopt, "not a GIF file"};
  const int width = sniff.info->width;
  const int height = sniff.info->height;
  if (static_cast<std::size_t>(width) * static_cast<std::size_t>(height) > max_pixels) {
    return {std::nullopt, "a GIF of " + too_many(width, height, max_pixels)};
  }
  const Graphics& g = graphics();
  if (!g.problem.empty()) return {std::nullopt, "gdk-pixbuf cannot be opened: " + g.problem};
  GError* raw_error = nullptr;
  // By type, so that no other loader (gdk-pixbuf sniffs otherwise) ever sees the bytes.
  const Object<GdkPixbufLoader> loader(g.gdk_pixbuf_loader_new_with_type("gif", &raw_error));
  Error error(raw_error);
  if (!loader) return {std::nullopt, "gdk-pixbuf has no GIF loader: " + message(error.get())};
  raw_error = nullptr;
  const gboolean written =
      g.gdk_pixbuf_loader_write(loader.get(), reinterpret_cast<const guchar*>(gif.data()), gif.size(), &raw_error);
  error.reset(raw_error);
  raw_error = nullptr;
  // Closed either way: a loader must be closed before it is freed.
  const gboolean closed = g.gdk_pixbuf_loader_close(loader.get(), written ? &raw_error : nullptr);
  if (!written || !closed) {
    if (raw_error != nullptr) error.reset(raw_error);
    return {std::nullopt, "gdk-pixbuf cannot decode it: " + message(error.get())};
  }
  GdkPixbuf* pixbuf = g.gdk_pixbuf_loader_get_pixbuf(loader.get());  // owned by the loader
  if (pixbuf == nullptr || g.gdk_pixbuf_get_bits_per_sample(pixbuf) != 8) {
    return {std::nullopt, "gdk-pixbuf decoded no picture"};
  }
  const int channels = g.gdk_pixbuf_get_n_channels(pixbuf);
  const int out_width = g.gdk_pixbuf_get_width(pixbuf);
  const int out_height = g.gdk_pixbuf_get_height(pixbuf);
  const auto stride = static_cast<std::size_t>(g.gdk_pixbuf_get_rowstride(pixbuf));
  const guint8* pixels = g.gdk_pixbuf_read_pixels(pixbuf);
  if (channels == 4) return {core::pixels_from_rgba(pixels, stride, out_width, out_height, false), {}};
  // Without alpha: three samples a pixel, widened to RGBA.
  std::vector<std::uint8_t> rgba(4 * static_cast<std::size_t>(out_width) * static_cast<std::size_t>(out_height), 255);
  for (int y = 0; y < out_height; ++y) {
    for (int x = 0; x < out_width; ++x) {
      const guint8* pixel = pixels + static_cast<std::size_t>(y) * stride + static_cast<std::size_t>(channels * x);
      std::uint8_t* out = rgba.data() + 4 * (static_cast<std::size_t>(y) * static_cast<std::size_t>(out_width) +
                                             static_cast<std::size_t>(x));
      for (int c = 0; c < 3; ++c) out[c] = pixel[c];
    }
  }
  return {core::pixels_from_rgba(rgba.data(), 4 * static_cast<std::size_t>(out_width), out_width, out_height, false),
          {}};
}

}  // namespace octavo::image
