// Compressed streams kept from an earlier build: deflating is a pure function of the input and
// the settings, so the bytes a build of this same program gave for the same input are the bytes
// deflating again would give. A memo lets a rebuild skip the deflating of every unchanged EPUB
// file and the drawing and deflating of every unchanged PDF page body (issue 10, rebuilds),
// without a book differing by one byte. The EPUB's streams are kept under the SHA-256 of their
// bytes; the PDF's bodies, as core::FlatePart's kept form, under pdf::page_digest, and the small
// parts around them (a page's furniture) under core::small_part_digest.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/sha256.hpp"

namespace octavo::core {

/// Every member may be called from several threads at once.
class DeflateMemo {
 public:
  virtual ~DeflateMemo() = default;
  /// The compressed bytes kept for the input whose digest is `digest`, by this same program with
  /// the same settings; nullopt when there are none, or when they cannot be read whole.
  virtual std::optional<std::string> recall(const StreamDigest& digest) = 0;
  /// Keeps `compressed`, the input with digest `digest` deflated, for recall by a later build.
  /// Keeping fails quietly: the later build deflates again.
  virtual void keep(const StreamDigest& digest, std::string_view compressed) = 0;
};

}  // namespace octavo::core
