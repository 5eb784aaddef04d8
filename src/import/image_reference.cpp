#include "import/image_reference.hpp"

#include <algorithm>
#include <cmath>

#include "core/png_data.hpp"
#include "core/sha256.hpp"
#include "core/url.hpp"
#include "image/rasterise_image.hpp"
#include "image/svg_document.hpp"
#include "import/data_url.hpp"

namespace octavo::import {

namespace {

constexpr const char* stands_in = "; the alt text stands in";

// "file:///home/x.png", "FILE:x.png": a scheme (RFC 3986 §3.1, compared without case) that names a
// file on this disk, which is not the corpus.
bool is_file_url(const std::string& destination) {
  if (destination.size() < 5 || destination[4] != ':') return false;
  std::string scheme = destination.substr(0, 4);
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return scheme == "file";
}

// The path of a relative reference: what comes before its ?query or #fragment (RFC 3986 §4.2),
// which name no file ("x.png?raw=true", as GitHub READMEs write them).
std::string path_part(const std::string& destination) { return destination.substr(0, destination.find_first_of("?#")); }

std::string folder_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

std::string inside_expected(const std::string& destination, const std::string& what) {
  return "expected an image path inside the corpus, found '" + destination + "', " + what + stands_in;
}

}  // namespace

ExaminedImage examine_image(std::string bytes) {
  ExaminedImage examined;
  core::ImageSniff sniff = core::sniff_image(bytes);
  examined.info = sniff.info;
  examined.found = std::move(sniff.found);
  if (examined.info && examined.info->format == core::ImageFormat::png) {
    if (const std::optional<std::string> problem = core::png_data_problem(bytes)) {
      examined.info.reset();
      examined.found = "a PNG file with damaged image data (" + *problem + ")";
    }
  }
  if (examined.info || !core::looks_like_markup(bytes)) {
    if (examined.info) examined.bytes = std::move(bytes);
    return examined;
  }
  image::SvgRead read = image::read_svg(bytes);
  if (!read.svg) {
    examined.found = std::move(read.found);
    return examined;
  }
  // librsvg reads some files pugixml accepts differently; the PDF must be able to draw what
  // import lets in, so its verdict counts now, not at the end of the build.
  if (const std::optional<std::string> problem = image::svg_problem(read.svg->bytes)) {
    examined.found = "an SVG file that librsvg cannot read (" + *problem + ")";
    return examined;
  }
  core::ImageInfo info;
  info.format = core::ImageFormat::svg;
  info.width = std::max(1, static_cast<int>(std::lround(read.svg->width)));
  info.height = std::max(1, static_cast<int>(std::lround(read.svg->height)));
  info.components = 4;
  examined.info = info;
  examined.found.clear();
  examined.bytes = std::move(read.svg->bytes);
  examined.dropped = std::move(read.svg->dropped);
  examined.unsized = !read.svg->sized;
  return examined;
}

void report_svg_changes(const ExaminedImage& image, const std::string& name, const core::SourceLocation& at,
                        core::DiagnosticSink& sink) {
  if (!image.dropped.empty()) {
    std::string dropped;
    for (const std::string& phrase : image.dropped) dropped += (dropped.empty() ? "" : "; ") + phrase;
    sink.warning(at, "dropped from the SVG '" + name + "': " + dropped,
                 "both books keep the rest of the picture; Octavo runs no scripts and reads nothing outside the "
                 "corpus, so put pictures inside the SVG as data: URLs");
  }
  if (image.unsized) {
    sink.warning(at,
                 "the SVG '" + name +
                     "' gives no width, height or viewBox; it is drawn at 300 x 150 pixels, as browsers draw it",
                 "give its <svg> element a viewBox");
  }
}

ImageReader::Loaded& ImageReader::load(const std::string& path) {
  auto [it, inserted] = loaded_.try_emplace(path);
  if (!inserted) return it->second;
  Loaded& loaded = it->second;
  std::optional<std::string> bytes = files_.read_file(path);
  loaded.exists = bytes.has_value() || files_.exists(path);
  if (!bytes) return loaded;
  loaded.image = examine_image(std::move(*bytes));
  if (loaded.image.info) {
    loaded.sha256 = core::sha256_hex(loaded.image.bytes);
    loaded.bytes = std::make_shared<const std::string>(std::move(loaded.image.bytes));
  }
  return loaded;
}

std::optional<model::Image> ImageReader::read(const std::string& destination, std::string alt,
                                              const std::string& article_path, const core::SourceLocation& at,
                                              core::DiagnosticSink& sink) {
  if (is_data_url(destination)) return read_data_url(destination, std::move(alt), article_path, at, sink);
  if (is_file_url(destination)) {
    sink.error(at, inside_expected(destination, "a file: URL"));
    return std::nullopt;
  }
  if (core::has_scheme_or_host(destination)) {  // any other scheme, or "//host/x" (§4.2)
    sink.warning(at, "remote image '" + destination + "' is not fetched (Octavo works offline)" + stands_in);
    return std::nullopt;
  }
  const std::string path = core::percent_decode(path_part(destination));
  if (path.empty()) {
    sink.error(at, std::string("expected an image path, found ") +
                       (destination.empty() ? "none" : "'" + destination + "'") + stands_in);
    return std::nullopt;
  }
  if (path.find('\0') != std::string::npos) {
    sink.error(at, inside_expected(destination, "which holds a NUL byte"));
    return std::nullopt;
  }
  // "/assets/x.png" is site-absolute: from the corpus root, never from the disk's. Lexically
  // first, so that "../x.png" is refused for what it says, whether or not it exists.
  const std::string from_root =
      path.substr(path.find_first_not_of('/') == std::string::npos ? path.size() : path.find_first_not_of('/'));
  const std::optional<std::string> lexical =
      core::lexically_inside(path.front() == '/' ? from_root : folder_of(article_path) + path);
  if (!lexical) {
    sink.error(at, inside_expected(destination, "which leaves it"));
    return std::nullopt;
  }
  const std::optional<std::string> resolved = files_.resolve_inside(*lexical);
  if (!resolved) {
    sink.error(at, inside_expected(destination, "a link to outside it"));
    return std::nullopt;
  }
  Loaded& loaded = load(*resolved);
  if (!loaded.image.info) {
    if (!loaded.image.found.empty()) {
      sink.error(at, "expected a PNG, JPEG, GIF or SVG image in '" + destination + "', found " + loaded.image.found +
                         stands_in);
    } else if (loaded.exists) {
      sink.error(at, "cannot read the image '" + destination + "'" + stands_in);
    } else {
      sink.error(at, "image '" + destination + "' not found" + stands_in);
    }
    return std::nullopt;
  }
  if (!loaded.reported) {
    loaded.reported = true;
    report_svg_changes(loaded.image, destination, at, sink);
  }
  model::Image image;
  image.path = *resolved;
  image.alt = std::move(alt);
  image.info = *loaded.image.info;
  image.sha256 = loaded.sha256;
  image.bytes = loaded.bytes;
  image.location = at;
  return image;
}

// The bytes come from the URL, not from a file, and the image belongs to the article that holds
// it; it gets a file's checks all the same (a data: URL is no less hostile), and messages name it
// by its header alone. Warnings, not errors: a page saved whole often carries a placeholder
// (a cut or empty data: URL) that nobody sees in a browser either.
std::optional<model::Image> ImageReader::read_data_url(const std::string& url, std::string alt,
                                                       const std::string& article_path, const core::SourceLocation& at,
                                                       core::DiagnosticSink& sink) {
  const std::string label = data_url_label(url);
  std::optional<std::string> bytes = data_url_bytes(url);
  if (!bytes) {
    sink.warning(at, url.find(',') == std::string::npos
                         ? "expected a comma before the data of the data: URL '" + label + "'" + stands_in
                         : "expected base64 (A-Z, a-z, 0-9, '+', '/', in groups of four, '=' padding the last) in "
                           "the data: URL '" +
                               label + "', found other characters or a cut group" + stands_in);
    return std::nullopt;
  }
  ExaminedImage examined = examine_image(std::move(*bytes));
  if (!examined.info) {
    sink.warning(at, "expected a PNG, JPEG, GIF or SVG image in the data: URL '" + label + "', found " +
                         (examined.found.empty() ? std::string("something else") : examined.found) + stands_in);
    return std::nullopt;
  }
  report_svg_changes(examined, label, at, sink);
  model::Image image;
  image.path = article_path;
  image.alt = std::move(alt);
  image.info = *examined.info;
  image.sha256 = core::sha256_hex(examined.bytes);
  image.bytes = std::make_shared<const std::string>(std::move(examined.bytes));
  image.location = at;
  return image;
}

}  // namespace octavo::import
