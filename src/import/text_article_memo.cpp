#include "import/text_article_memo.hpp"

#include <utility>

namespace octavo::import {

std::optional<TextArticleMemo::Read> TextArticleMemo::recall(const std::string& path, core::TextEncoding encoding,
                                                             std::string_view bytes) {
  std::shared_ptr<const Kept> kept;
  {
    const std::lock_guard lock(mutex_);
    const auto found = kept_.find(path);
    if (found == kept_.end()) return std::nullopt;
    kept = found->second;
  }
  if (kept->encoding != encoding || kept->bytes != bytes) return std::nullopt;
  Read copy = kept->read;
  const std::lock_guard lock(mutex_);
  used_.insert(path);
  ++recalled_;
  return copy;
}

void TextArticleMemo::keep(const std::string& path, core::TextEncoding encoding, std::string bytes, Read read) {
  auto kept = std::make_shared<const Kept>(Kept{encoding, std::move(bytes), std::move(read)});
  const std::lock_guard lock(mutex_);
  kept_[path] = std::move(kept);
  used_.insert(path);
}

void TextArticleMemo::end_build() {
  const std::lock_guard lock(mutex_);
  std::erase_if(kept_, [this](const auto& entry) { return !used_.contains(entry.first); });
  used_.clear();
}

std::size_t TextArticleMemo::files() const {
  const std::lock_guard lock(mutex_);
  return kept_.size();
}

std::size_t TextArticleMemo::recalled() const {
  const std::lock_guard lock(mutex_);
  return recalled_;
}

}  // namespace octavo::import
