// Hyphenation patterns loaded by an earlier build of the same process, kept by pattern file with
// the bytes they were loaded from: `octavo watch` keeps them between its builds, so that a rebuild
// loads again only patterns whose file changed. libhyphen takes some 16 ms of processor time over
// en-US's file, which every rebuild spent anew for the same bytes.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "layout/hyphenator.hpp"

namespace octavo::style {

/// Not thread-safe: one build uses it at a time (load_hyphenators, on the thread that loads).
class LoadedPatterns {
 public:
  /// The Hyphenator kept for `file` when it was loaded from these very `bytes` and holds every
  /// pattern of them; null otherwise. One loaded for a text's words alone
  /// (layout::Hyphenator::large_patterns) is not given again: another text's words would load the
  /// rest, seconds for German, where loading anew for them takes milliseconds.
  std::shared_ptr<const layout::Hyphenator> find(const std::string& file, std::string_view bytes) const;
  /// Keeps `hyphenator`, loaded from `bytes` of `file`, in place of what was kept for `file`.
  void keep(const std::string& file, std::string bytes, std::shared_ptr<const layout::Hyphenator> hyphenator);

 private:
  struct Kept {
    std::string bytes;
    std::shared_ptr<const layout::Hyphenator> hyphenator;
  };
  std::map<std::string, Kept, std::less<>> by_file_;
};

}  // namespace octavo::style
