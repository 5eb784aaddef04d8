// Objects a process that ends after one build keeps to its exit instead of freeing: the system
// takes the whole heap back at once, where freeing a book's structures block by block takes
// milliseconds (octavo build, CompileOptions::exits_after).
#pragma once

#include <memory>

namespace octavo::core {

/// Keeps `object` alive until the process exits: it is never destroyed, and stays reachable from
/// a list that is itself never freed, so that a leak checker finds nothing to report. Safe to call
/// from several threads at once. A null `object` is ignored.
void keep_until_exit(std::shared_ptr<const void> object);

}  // namespace octavo::core
