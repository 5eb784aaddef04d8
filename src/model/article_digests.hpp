// Each article's digest (article_digest) made once in a build, however many writers ask for it:
// the layout cache's key and the EPUB's page key both start from it. Each serialized and hashed
// every article on its own before, some 40 ms of processor time in a rebuild of 1,000 articles.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <vector>

#include "core/sha256.hpp"
#include "model/article.hpp"

namespace octavo::model {

class ArticleDigests {
 public:
  /// For the articles of `articles`, which must outlive this and not change while it is used.
  explicit ArticleDigests(const std::vector<Article>& articles);

  /// article_digest(article). For an article of the list, made by the first thread that asks while
  /// any other asking waits, then remembered; for any other article, made anew. Thread-safe.
  core::StreamDigest of(const Article& article) const;
  /// How many digests of the list's articles were made: each at most once.
  std::size_t made() const { return made_.load(); }

 private:
  // Not a std::once_flag: glibc's pthread_once, under std::call_once, ends every first call with
  // a futex system call, waiter or not (a thousand a rebuild of 1,000 articles). A slot's state
  // is waited on only by a thread that finds another making its digest, and notified through the
  // atomic, which makes no system call when none waits.
  enum SlotState : int { not_made, making, digest_made };
  struct Slot {
    std::atomic<int> state{not_made};
    core::StreamDigest digest{};  ///< set before `state` becomes digest_made, read only after
  };
  const std::vector<Article>& articles_;
  std::unique_ptr<Slot[]> slots_;
  mutable std::atomic<std::size_t> made_{0};
};

}  // namespace octavo::model
