#include "import/image_reference.hpp"

#include <cctype>

#include "core/png_data.hpp"
#include "core/sha256.hpp"

namespace octavo::import {

namespace {

constexpr const char* stands_in = "; the alt text stands in";

// RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":". "//host/x" is a
// network-path reference (§4.2): remote too.
bool is_remote(const std::string& destination) {
  if (destination.starts_with("//")) return true;
  if (destination.empty() || !std::isalpha(static_cast<unsigned char>(destination[0]))) return false;
  for (const char c : destination) {
    if (c == ':') return true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A Markdown destination is a URL: "my%20photo.png" names "my photo.png". A '%' that starts no
// escape is kept as it is.
std::string percent_decoded(const std::string& destination) {
  std::string out;
  for (std::size_t i = 0; i < destination.size(); ++i) {
    if (destination[i] == '%' && i + 2 < destination.size()) {
      const int high = hex_value(destination[i + 1]);
      const int low = hex_value(destination[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += destination[i];
  }
  return out;
}

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
  if (is_remote(destination)) {
    sink.warning(at, "remote image '" + destination + "' is not fetched (Octavo works offline)" + stands_in);
    return std::nullopt;
  }
  if (destination.empty()) {
    sink.error(at, std::string("expected an image path, found none") + stands_in);
    return std::nullopt;
  }
  const std::string path = percent_decoded(destination);
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
