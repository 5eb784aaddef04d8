// Markdown images → model::Image: where an image's destination leads and whether it may be used.
// Octavo works offline and never reads outside the corpus; every refusal is a diagnostic at the
// image's own line:col, and the caller lets the alt text stand in.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "core/file_system.hpp"
#include "model/image.hpp"

namespace octavo::import {

/// Reads the images of a corpus through `files`, each file once however often it is used.
class ImageReader {
 public:
  /// `files` must outlive the reader.
  explicit ImageReader(const core::FileSystem& files) : files_(files) {}

  /// The image that `destination` (as written in the Markdown, %XX escapes allowed) names from
  /// the article `article_path`, relative to that article's folder. nullopt when it cannot be
  /// used: a remote one (any scheme, or "//host") with a warning; with an error, an empty
  /// destination, one that leaves the corpus (absolute, through "..", or by a symbolic link),
  /// a missing or unreadable file, and a file that is not a PNG or JPEG image.
  std::optional<model::Image> read(const std::string& destination, std::string alt, const std::string& article_path,
                                   const core::SourceLocation& at, core::DiagnosticSink& sink);

 private:
  struct Loaded {
    std::optional<core::ImageInfo> info;
    std::string found;  // what the file is instead, or "" when it cannot be read
    bool exists = false;
    std::string sha256;
    std::shared_ptr<const std::string> bytes;
  };
  const Loaded& load(const std::string& path);

  const core::FileSystem& files_;
  std::map<std::string, Loaded> loaded_;
};

}  // namespace octavo::import
