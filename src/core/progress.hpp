// Progress of a build as the pipeline's stages report it: a stage with a total, then steps done.
// Reports never change a book; whoever runs the pipeline decides whether and how to show them
// (main's terminal line), and the default shows nothing.
#pragma once

#include <cstddef>
#include <string_view>

namespace octavo::core {

class Progress {
 public:
  virtual ~Progress() = default;
  /// Starts stage `name` ("Laying out") of `total` `unit`s ("articles"); the previous stage ends.
  /// A total of 0 is a stage with nothing to count.
  virtual void stage(std::string_view /*name*/, std::size_t /*total*/, std::string_view /*unit*/) {}
  /// `count` more units of the current stage are done; ignored before the first stage.
  virtual void advance(std::size_t /*count*/ = 1) {}
  /// Hides whatever is shown, so that other output (a diagnostic, the final lines) starts on a
  /// clean line; a later report may show it again. Nothing if nothing is shown.
  virtual void hide() {}
};

/// A Progress that shows nothing: every stage's default.
inline Progress& no_progress() {
  static Progress none;
  return none;
}

}  // namespace octavo::core
