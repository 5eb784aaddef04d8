#include "import/kept_text_articles.hpp"

#include <utility>

namespace octavo::import {

const KeptTextArticles::Read* KeptTextArticles::find(const std::string& path, std::string_view text) const {
  const auto kept = last_.find(path);
  return kept != last_.end() && kept->second.text == text ? &kept->second : nullptr;
}

const KeptTextArticles::Read* KeptTextArticles::find_unchanged(const std::string& path,
                                                               std::string_view identity) const {
  const auto kept = last_.find(path);
  return kept != last_.end() && kept->second.identity == identity ? &kept->second : nullptr;
}

void KeptTextArticles::keep(const std::string& path, Read read) { next_.insert_or_assign(path, std::move(read)); }

void KeptTextArticles::keep_found(const std::string& path, std::optional<std::string> identity) {
  found_.emplace_back(path, std::move(identity));
}

void KeptTextArticles::finish_build() {
  // Moved, not copied: find no longer runs on the last build's entries.
  for (auto& [path, identity] : found_) {
    const auto kept = last_.find(path);
    if (kept == last_.end()) continue;
    kept->second.identity = std::move(identity);
    next_.try_emplace(path, std::move(kept->second));
  }
  found_.clear();
  last_ = std::move(next_);
  next_.clear();
}

}  // namespace octavo::import
