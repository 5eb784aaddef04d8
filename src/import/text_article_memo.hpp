// Plain-text articles as an earlier build of the same process read them (octavo watch), each kept
// with the bytes it was read from, so that a rebuild parses only the files whose bytes changed. A
// plain-text article is a function of its path, its declared encoding and its bytes alone
// (decoding, the binary check, read_text_article, the checksum), so an article recalled is the
// one reading would give, with the same diagnostics; what book.toml says of it (its source,
// author, date retrieved) is applied after, as to an article read.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/diagnostics.hpp"
#include "core/text_encoding.hpp"
#include "model/article.hpp"

namespace octavo::import {

class TextArticleMemo {
 public:
  /// An article as reading gave it, with the diagnostics reading it gave.
  struct Read {
    model::Article article;
    core::DiagnosticList diagnostics;
  };

  /// A copy of what reading `bytes` as the file `path` in `encoding` gave an earlier build;
  /// nullopt when none read that file from those bytes in that encoding. Safe from several
  /// threads at once, as keep() is.
  std::optional<Read> recall(const std::string& path, core::TextEncoding encoding, std::string_view bytes);
  /// Keeps `read`, read from `bytes` as `path` in `encoding`, in place of what was kept for `path`.
  void keep(const std::string& path, core::TextEncoding encoding, std::string bytes, Read read);
  /// Ends a build: every file neither recalled nor kept since the last call is dropped (an article
  /// gone from the corpus, or not read since), so that the memo holds one book's articles.
  void end_build();

  std::size_t files() const;     ///< files kept
  std::size_t recalled() const;  ///< articles recalled since construction

 private:
  struct Kept {
    core::TextEncoding encoding;
    std::string bytes;
    Read read;
  };
  mutable std::mutex mutex_;
  // Shared, so that an article is copied out of the memo without holding the lock.
  std::unordered_map<std::string, std::shared_ptr<const Kept>> kept_;
  std::unordered_set<std::string> used_;  // recalled or kept since the last end_build
  std::size_t recalled_ = 0;
};

}  // namespace octavo::import
