#include "layout/destinations.hpp"

#include "model/book.hpp"
#include "model/walk.hpp"

namespace octavo::layout {

std::string heading_destination(const std::string& article_id, const std::string& heading_id) {
  return article_id + "#" + heading_id;
}

LinkResolver article_link_resolver(const model::Article& article, const model::AnchorTable& anchors) {
  return [&anchors, from = article.id](const model::Inline& link) -> std::optional<LinkTarget> {
    const std::string& to = link.target_article.empty() ? from : link.target_article;
    if (link.target.empty()) {  // the article's start, whose anchor is its id
      if (link.target_article.empty() || !anchors.articles.contains(to)) return std::nullopt;
      return LinkTarget{to, ""};
    }
    const std::string id = link.target.substr(1);
    if (link.target.front() != '#' || !anchors.contains(to, id)) return std::nullopt;
    // The article's own anchor and its note's are named by their book-wide ids (article_flow).
    if (id == to || id == model::source_note_id(to)) return LinkTarget{id, ""};
    return LinkTarget{heading_destination(to, id), ""};
  };
}

}  // namespace octavo::layout
