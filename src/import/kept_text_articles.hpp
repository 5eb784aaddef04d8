// Plain-text articles read by an earlier build of the same process, kept with the text they were
// read from and what reading them reported: `octavo watch` keeps them between its builds, so that
// a rebuild reads (parses) again only the files whose text changed, and copies the others.
// read_text_article is a function of the file's path and text alone, so the copy is the article
// it would read, with the same diagnostics. Reading the bench's 1,000 articles took 30 ms of
// processor time, copying their models 6 ms.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "model/article.hpp"

namespace octavo::import {

class KeptTextArticles {
 public:
  /// What read_text_article gave for a file's text.
  struct Read {
    std::string text;
    model::Article article;
    core::DiagnosticList diagnostics;
  };

  /// What the last build kept for `path` if it was read from this very `text`; null otherwise.
  /// Safe to call from several threads at once, while no call below runs.
  const Read* find(const std::string& path, std::string_view text) const;
  /// Keeps what reading `path` gave in this build, for the next one.
  void keep(const std::string& path, Read read);
  /// The last build's article for `path` (which find gave in this build) is kept for the next one.
  void keep_found(const std::string& path);
  /// Ends a build's reading: what it kept is what the next build finds; the rest (files gone,
  /// changed into another format or left unread) is forgotten.
  void finish_build();

 private:
  std::map<std::string, Read, std::less<>> last_;
  std::map<std::string, Read, std::less<>> next_;
  std::vector<std::string> found_;
};

}  // namespace octavo::import
