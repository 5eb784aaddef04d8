// Front matter keys that no article field uses ("tags", "draft"), gathered over a whole book so
// that each key name is reported once, however many articles carry it. read_corpus owns one.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/diagnostics.hpp"

namespace octavo::import {

class UnusedFrontMatterKeys {
 public:
  /// Records that the front matter at `at` has `key`; a file counts once per key.
  void add(const std::string& key, const core::SourceLocation& at);

  /// One warning per key name, in the order the names were first seen, at the first place:
  /// "front matter key 'tags' is not used (in 12 files)". Nothing when no key was added.
  void report(core::DiagnosticSink& sink) const;

 private:
  struct Seen {
    std::string key;
    core::SourceLocation first;
    std::size_t files = 0;
    std::string last_path;
  };
  std::vector<Seen> seen_;
  std::unordered_map<std::string, std::size_t> index_;  // key → position in seen_
};

}  // namespace octavo::import
