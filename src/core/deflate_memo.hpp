// Compressed streams kept from an earlier build: deflating is a pure function of the input and
// the settings, so the bytes a build of this same program gave for the same input are the bytes
// deflating again would give. A memo lets a rebuild skip the deflating of every unchanged EPUB
// file and the drawing and deflating of every unchanged PDF page body (issue 10, rebuilds),
// without a book differing by one byte. The EPUB's streams are kept under the SHA-256 of their
// bytes, and its articles' pages, with their CRC-32 and size, under epub::article_page_key; the
// PDF's bodies, as core::FlatePart's kept form, under pdf::page_digest, and the parts
// around them (a page's first operators and its furniture) under pdf::furniture_digest.
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
  /// What recall(digest) would give, read ahead of the build's order (on another thread, for a
  /// page cut before its turn): not yet counted as used, so that the next build's memo follows
  /// the order of use. The caller says use_read_ahead(digest, bytes) when the stream's turn comes.
  /// Nullopt by default: a memo that cannot read ahead.
  virtual std::optional<std::string> read_ahead(const StreamDigest& digest) {
    static_cast<void>(digest);
    return std::nullopt;
  }
  /// The bytes read_ahead gave for `digest` are used now, in the build's order: they count as
  /// recall(digest) would have counted them.
  virtual void use_read_ahead(const StreamDigest& digest, std::string_view bytes) {
    static_cast<void>(digest);
    static_cast<void>(bytes);
  }
};

}  // namespace octavo::core
