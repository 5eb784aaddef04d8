#include "import/unused_front_matter_keys.hpp"

#include "import/front_matter.hpp"

namespace octavo::import {

void UnusedFrontMatterKeys::add(const std::string& key, const core::SourceLocation& at) {
  const auto [it, inserted] = index_.try_emplace(key, seen_.size());
  if (inserted) seen_.push_back({key, at, 0, ""});
  Seen& seen = seen_[it->second];
  // Articles are read one after the other, so a file's repeats of a key arrive together.
  if (seen.last_path == at.path && seen.files > 0) return;
  seen.last_path = at.path;
  ++seen.files;
}

void UnusedFrontMatterKeys::report(core::DiagnosticSink& sink) const {
  for (const Seen& seen : seen_) {
    sink.warning(seen.first,
                 "front matter key '" + seen.key + "' is not used (in " + std::to_string(seen.files) +
                     (seen.files == 1 ? " file)" : " files)"),
                 "known keys: " + std::string(front_matter_keys));
  }
}

}  // namespace octavo::import
