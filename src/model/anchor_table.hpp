// The anchor table: every place inside the articles that a link may lead to, under the names
// authors write for it and the id the books write. Filled by transform::resolve_links, which also
// resolves every link against it; the writers only look targets up.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace octavo::model {

/// The anchors of one article.
struct ArticleAnchors {
  /// A name an author may write after '#' (GitHub's id of a heading, an explicit HTML id, a
  /// reader's own id) → the id the books write for it.
  std::unordered_map<std::string, std::string> names;
  /// Every id written inside the article: its headings', blocks' and anchors', its own, its
  /// source note's, and its footnotes' and their references' (which no name leads to).
  std::unordered_set<std::string> ids;
};

struct AnchorTable {
  std::unordered_map<std::string, ArticleAnchors> articles;  ///< by article id

  /// True if the article `article_id` writes the id `id`; false for an unknown article.
  bool contains(const std::string& article_id, const std::string& id) const;
  /// The id written for the name `name` in the article `article_id`; nullptr when it has none.
  const std::string* find(const std::string& article_id, const std::string& name) const;
};

}  // namespace octavo::model
