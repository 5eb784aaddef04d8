// Hyphenation patterns loaded by an earlier build of the same process, by pattern file with the
// bytes they came from: `octavo watch` keeps them, so that a rebuild loads only changed files.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "layout/hyphenator.hpp"

namespace octavo::style {

/// Used by one build at a time, on one thread (load_hyphenators').
class LoadedPatterns {
 public:
  /// The Hyphenator kept for `file` if it was loaded from these very `bytes`; null otherwise.
  /// Marks the file as used by this build (finish_build).
  std::shared_ptr<const layout::Hyphenator> find(const std::string& file, std::string_view bytes);
  /// Keeps `hyphenator`, loaded from `bytes` of `file`, in place of what was kept for the file,
  /// and marks it used; not one that lacks some of the patterns (loaded for a text's words alone,
  /// layout::Hyphenator::large_patterns): another build's text would need the rest, which takes
  /// seconds for German, where loading anew for that text takes milliseconds.
  void keep(const std::string& file, std::string bytes, std::shared_ptr<const layout::Hyphenator> hyphenator);
  /// Ends a build: the files it neither found nor kept are forgotten.
  void finish_build();

 private:
  struct Kept {
    std::string bytes;
    std::shared_ptr<const layout::Hyphenator> hyphenator;
  };
  std::map<std::string, Kept, std::less<>> by_file_;
  std::set<std::string, std::less<>> used_;
};

}  // namespace octavo::style
