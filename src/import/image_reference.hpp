// Image references (Markdown images, HTML <img>) → model::Image: where a destination leads and
// whether it may be used. Octavo works offline and never reads outside the corpus; every refusal
// is a diagnostic at the image's own line:col, and the caller lets the alt text stand in.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/file_system.hpp"
#include "model/image.hpp"

namespace octavo::import {

/// What import makes of an image's bytes, wherever they come from (a file, a data: URL).
struct ExaminedImage {
  std::optional<core::ImageInfo> info;  ///< set when the bytes are a usable PNG, JPEG, GIF or SVG
  std::string found;  ///< else what they are, completing "expected a PNG, JPEG, GIF or SVG image, found …"
  std::string bytes;  ///< what the books hold: the bytes given, an SVG cleaned (image::read_svg)
  std::vector<std::string> dropped;  ///< SVG: what the cleaning dropped; empty for the others
  bool unsized = false;              ///< SVG: no width, height or viewBox, so 300 x 150 pixels
};

/// Sniffs `bytes` (core::sniff_image), checks a PNG's data (core::png_data_problem), and reads an
/// SVG (core::looks_like_markup) through image::read_svg, then checks that librsvg can read the
/// result, so that no writer meets an image it cannot draw. Never reads a file.
ExaminedImage examine_image(std::string bytes);

/// The warnings an examined SVG gets, at `at`, naming it `name`: what the cleaning dropped, and a
/// missing size. Nothing for the other formats.
void report_svg_changes(const ExaminedImage& image, const std::string& name, const core::SourceLocation& at,
                        core::DiagnosticSink& sink);

/// Reads the images of a corpus through `files`, each file once however often it is used.
class ImageReader {
 public:
  /// `files` must outlive the reader.
  explicit ImageReader(const core::FileSystem& files) : files_(files) {}

  /// The image that `destination` (a URL as written in the article: %XX escapes decoded, a
  /// ?query or #fragment ignored) names from the article `article_path`: relative to that
  /// article's folder, or to the corpus root when it starts with '/' (as static site generators
  /// read "/assets/x.png"). A PNG, JPEG or GIF is used as it is; an SVG as image::read_svg cleans
  /// it, with one warning naming what was dropped (the first time the file is used). nullopt when
  /// it cannot be used: a remote one (any scheme but file:, or "//host") with a warning; with an
  /// error, an empty destination, a file: URL, one that leaves the corpus (through "..", or by a
  /// symbolic link), a missing or unreadable file, and a file that is not a PNG, JPEG, GIF or SVG
  /// image. A data: URL (RFC 2397, base64 or %-escaped) gives its own bytes, checked as a file's
  /// are and belonging to `article_path`; one that cannot be decoded or used is a warning.
  std::optional<model::Image> read(const std::string& destination, std::string alt, const std::string& article_path,
                                   const core::SourceLocation& at, core::DiagnosticSink& sink);

 private:
  struct Loaded {
    ExaminedImage image;  // found is "" when the file cannot be read
    bool exists = false;
    std::string sha256;
    std::shared_ptr<const std::string> bytes;  // image.bytes, shared by every use
    bool reported = false;                     // the SVG's warnings were given, at its first use
  };
  Loaded& load(const std::string& path);
  std::optional<model::Image> read_data_url(const std::string& url, std::string alt, const std::string& article_path,
                                            const core::SourceLocation& at, core::DiagnosticSink& sink);

  const core::FileSystem& files_;
  std::map<std::string, Loaded> loaded_;
};

}  // namespace octavo::import
