#include "style/loaded_patterns.hpp"

#include <utility>

namespace octavo::style {

std::shared_ptr<const layout::Hyphenator> LoadedPatterns::find(const std::string& file, std::string_view bytes) const {
  const auto kept = by_file_.find(file);
  if (kept == by_file_.end() || kept->second.bytes != bytes || !kept->second.hyphenator->loaded_whole()) {
    return nullptr;
  }
  return kept->second.hyphenator;
}

void LoadedPatterns::keep(const std::string& file, std::string bytes,
                          std::shared_ptr<const layout::Hyphenator> hyphenator) {
  by_file_.insert_or_assign(file, Kept{std::move(bytes), std::move(hyphenator)});
}

}  // namespace octavo::style
