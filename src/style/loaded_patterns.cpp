#include "style/loaded_patterns.hpp"

#include <iterator>
#include <utility>

namespace octavo::style {

std::shared_ptr<const layout::Hyphenator> LoadedPatterns::find(const std::string& file, std::string_view bytes) {
  const auto kept = by_file_.find(file);
  if (kept == by_file_.end() || kept->second.bytes != bytes) return nullptr;
  used_.insert(file);
  return kept->second.hyphenator;
}

void LoadedPatterns::keep(const std::string& file, std::string bytes,
                          std::shared_ptr<const layout::Hyphenator> hyphenator) {
  if (!hyphenator->loaded_whole()) return;
  by_file_.insert_or_assign(file, Kept{std::move(bytes), std::move(hyphenator)});
  used_.insert(file);
}

void LoadedPatterns::finish_build() {
  for (auto kept = by_file_.begin(); kept != by_file_.end();) {
    kept = used_.contains(kept->first) ? std::next(kept) : by_file_.erase(kept);
  }
  used_.clear();
}

}  // namespace octavo::style
