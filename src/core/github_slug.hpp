// GitHub's heading ids, as github-slugger makes them (the library GitHub's own renderer matches):
// links that authors wrote for GitHub ("#install-on-debian") name headings by these ids.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace octavo::core {

/// The slug of `heading_text`: lower-cased (core::lower_case), every space turned into '-', and
/// every character dropped that is punctuation other than '-' and '_', a symbol, a separator, a
/// control, a format or private-use character, unassigned, or a number other than a digit, unless
/// it is alphabetic; letters, marks and digits of any script stay ("Привет non-latin 你好" →
/// "привет-non-latin-你好"). Nothing is trimmed or merged ("a - b" → "a---b"). Empty when nothing
/// is kept.
std::string github_slug(std::string_view heading_text);

/// The ids of one document's headings, in order: a repeated slug gets "-1", "-2", … as on GitHub
/// ("echo", "echo" → "echo-1"; then "echo 1" → "echo-1-1").
class GithubSlugger {
 public:
  /// The id for the next heading; never one it returned before.
  std::string slug(std::string_view heading_text);

 private:
  std::unordered_map<std::string, int> occurrences_;
};

}  // namespace octavo::core
