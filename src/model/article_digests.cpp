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
  while (true) {
    int state = slot.state.load(std::memory_order_acquire);
    if (state == digest_made) return slot.digest;
    if (state == making) {
      slot.state.wait(making, std::memory_order_acquire);
      continue;
    }
    if (!slot.state.compare_exchange_weak(state, making, std::memory_order_acquire)) continue;
    try {
      slot.digest = article_digest(article);
    } catch (...) {  // out of memory: the next thread to ask makes it, as after std::call_once
      slot.state.store(not_made, std::memory_order_release);
      slot.state.notify_all();
      throw;
    }
    ++made_;
    slot.state.store(digest_made, std::memory_order_release);
    slot.state.notify_all();
    return slot.digest;
  }
}

}  // namespace octavo::model
