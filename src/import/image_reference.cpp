#include "import/image_reference.hpp"

#include "core/png_data.hpp"
#include "core/sha256.hpp"
#include "core/url.hpp"

namespace octavo::import {

namespace {

constexpr const char* stands_in = "; the alt text stands in";

std::string folder_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

std::string inside_expected(const std::string& destination, const std::string& what) {
  return "expected an image path inside the corpus, found '" + destination + "', " + what + stands_in;
}

}  // namespace

const ImageReader::Loaded& ImageReader::load(const std::string& path) {
  auto [it, inserted] = loaded_.try_emplace(path);
  if (!inserted) return it->second;
  Loaded& loaded = it->second;
  std::optional<std::string> bytes = files_.read_file(path);
  loaded.exists = bytes.has_value() || files_.exists(path);
  if (!bytes) return loaded;
  core::ImageSniff sniff = core::sniff_image(*bytes);
  loaded.info = sniff.info;
  loaded.found = std::move(sniff.found);
  if (loaded.info && loaded.info->format == core::ImageFormat::png) {
    if (const std::optional<std::string> problem = core::png_data_problem(*bytes)) {
      loaded.info.reset();
      loaded.found = "a PNG file with damaged image data (" + *problem + ")";
    }
  }
  if (loaded.info) {
    loaded.sha256 = core::sha256_hex(*bytes);
    loaded.bytes = std::make_shared<const std::string>(std::move(*bytes));
  }
  return loaded;
}

std::optional<model::Image> ImageReader::read(const std::string& destination, std::string alt,
                                              const std::string& article_path, const core::SourceLocation& at,
                                              core::DiagnosticSink& sink) {
  if (core::has_scheme_or_host(destination)) {
    sink.warning(at, "remote image '" + destination + "' is not fetched (Octavo works offline)" + stands_in);
    return std::nullopt;
  }
  if (destination.empty()) {
    sink.error(at, std::string("expected an image path, found none") + stands_in);
    return std::nullopt;
  }
  const std::string path = core::percent_decode(destination);
  if (path.find('\0') != std::string::npos) {
    sink.error(at, inside_expected(destination, "which holds a NUL byte"));
    return std::nullopt;
  }
  if (path.front() == '/') {
    sink.error(at, inside_expected(destination, "an absolute path"));
    return std::nullopt;
  }
  // Lexically first, so that "../x.png" is refused for what it says, whether or not it exists.
  const std::optional<std::string> lexical = core::lexically_inside(folder_of(article_path) + path);
  if (!lexical) {
    sink.error(at, inside_expected(destination, "which leaves it"));
    return std::nullopt;
  }
  const std::optional<std::string> resolved = files_.resolve_inside(*lexical);
  if (!resolved) {
    sink.error(at, inside_expected(destination, "a link to outside it"));
    return std::nullopt;
  }
  const Loaded& loaded = load(*resolved);
  if (!loaded.info) {
    if (!loaded.found.empty()) {
      sink.error(at, "expected a PNG or JPEG image in '" + destination + "', found " + loaded.found + stands_in);
    } else if (loaded.exists) {
      sink.error(at, "cannot read the image '" + destination + "'" + stands_in);
    } else {
      sink.error(at, "image '" + destination + "' not found" + stands_in);
    }
    return std::nullopt;
  }
  model::Image image;
  image.path = *resolved;
  image.alt = std::move(alt);
  image.info = *loaded.info;
  image.sha256 = loaded.sha256;
  image.bytes = loaded.bytes;
  image.location = at;
  return image;
}

}  // namespace octavo::import
