// An image of the corpus, as import found it: where it is, what it shows in words (alt text) and
// its header. Figures (BlockKind::figure) hold one; both writers embed its bytes as they are.
#pragma once

#include <memory>
#include <string>

#include "core/image_info.hpp"
#include "core/source_location.hpp"

namespace octavo::model {

struct Image {
  std::string path;                          ///< corpus-relative, '/'-separated, with links followed ("img/a.png")
  std::string alt;                           ///< the Markdown image description as plain text; may be empty
  core::ImageInfo info;                      ///< format and pixel size, from the header
  std::string sha256;                        ///< hex digest of the bytes: identical files share one name in the books
  std::shared_ptr<const std::string> bytes;  ///< the whole file; never null in a figure
  core::SourceLocation location;             ///< the Markdown image (its "!")
};

/// "image/png" or "image/jpeg".
inline const char* media_type(const Image& image) { return core::media_type(image.info.format); }

}  // namespace octavo::model
