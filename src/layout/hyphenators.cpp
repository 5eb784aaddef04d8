#include "layout/hyphenators.hpp"

#include <utility>

namespace octavo::layout {

namespace {

const Hyphenator& no_patterns() {
  static const Hyphenator none;
  return none;
}

}  // namespace

Hyphenators::Hyphenators() : book_(std::make_shared<const Hyphenator>()) {}

Hyphenators::Hyphenators(std::shared_ptr<const Hyphenator> book) : book_(std::move(book)) {
  if (book_ == nullptr) book_ = std::make_shared<const Hyphenator>();
}

void Hyphenators::set(const std::string& language, std::shared_ptr<const Hyphenator> hyphenator) {
  by_language_[language] = std::move(hyphenator);
}

const Hyphenator& Hyphenators::for_language(std::string_view language) const {
  if (language.empty()) return *book_;
  const auto found = by_language_.find(language);
  if (found == by_language_.end() || found->second == nullptr) return no_patterns();
  return *found->second;
}

}  // namespace octavo::layout
