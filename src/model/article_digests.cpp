#include "model/article_digests.hpp"

#include <functional>

#include "model/article_bytes.hpp"

namespace octavo::model {

ArticleDigests::ArticleDigests(const std::vector<Article>& articles)
    : articles_(articles), slots_(std::make_unique<Slot[]>(articles.size())) {}

core::StreamDigest ArticleDigests::of(const Article& article) const {
  // std::less orders pointers into different arrays too, where < would not be defined.
  const std::less<const Article*> before;
  const Article* const first = articles_.data();
  if (before(&article, first) || !before(&article, first + articles_.size())) return article_digest(article);
  Slot& slot = slots_[static_cast<std::size_t>(&article - first)];
  std::call_once(slot.once, [&] {
    slot.digest = article_digest(article);
    ++made_;
  });
  return slot.digest;
}

}  // namespace octavo::model
