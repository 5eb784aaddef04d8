// Plain-text articles an earlier build of `octavo watch`'s process read, with their text, their
// file's settled identity and what reading reported: a rebuild opens only the files whose identity
// changed and parses only those whose text did (read_text_article depends on path and text alone).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"
#include "model/article.hpp"

namespace octavo::import {

/// One build at a time: its reading threads call find and find_unchanged, its book's thread keep
/// and keep_found, then finish_build once every article is read.
class KeptTextArticles {
 public:
  /// What read_text_article gave for a file's text.
  struct Read {
    std::string text;
    model::Article article;
    core::DiagnosticList diagnostics;
    std::optional<std::string> identity;  ///< the file's settled identity before it was read; none if unsettled
  };

  /// What the last build kept for `path` if it was read from this very `text`; null otherwise.
  /// Safe from several threads at once, and beside keep and keep_found; the pointer is good
  /// until finish_build.
  const Read* find(const std::string& path, std::string_view text) const;
  /// What the last build kept for `path` if the file was read with this very settled `identity`,
  /// which names the same bytes: found without reading it. Null otherwise, and for an entry kept
  /// without one. As safe as find.
  const Read* find_unchanged(const std::string& path, std::string_view identity) const;
  /// Keeps what reading `path` gave in this build, for the next one (not for this one's find).
  void keep(const std::string& path, Read read);
  /// Keeps for the next build what the last one kept for `path` (which find or find_unchanged gave
  /// in this build), with the `identity` the file has now (none if unsettled); nothing if it kept
  /// nothing for it.
  void keep_found(const std::string& path, std::optional<std::string> identity);
  /// Ends a build's reading: what it kept is what the next build finds; the rest (files gone,
  /// changed into another format or left unread) is forgotten.
  void finish_build();

 private:
  std::map<std::string, Read, std::less<>> last_;
  std::map<std::string, Read, std::less<>> next_;
  std::vector<std::pair<std::string, std::optional<std::string>>> found_;  // path, identity now
};

}  // namespace octavo::import
