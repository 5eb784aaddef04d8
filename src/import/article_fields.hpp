// What a manifest entry or a markdown front matter may say about one article. Shared by the
// manifest, the front matter reader and read_corpus, which lets the manifest win.
#pragma once

#include <string>

namespace octavo::import {

/// Empty strings where nothing was said.
struct ArticleFields {
  std::string title;
  std::string source;     ///< URL or free text
  std::string retrieved;  ///< "YYYY-MM-DD", checked when read
  std::string author;
  std::string date = {};         ///< the article's own date, as written (front matter only)
  std::string language = {};     ///< a BCP 47 tag, checked when read (front matter only)
  std::string description = {};  ///< a summary of the article (front matter only)
};

}  // namespace octavo::import
