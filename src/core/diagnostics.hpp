// Diagnostics: what every stage reports about bad input, sent to a sink rather than printed.
// Formatted as `path:line:col: warning|error: message` (GNU style) by format_diagnostic.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/source_location.hpp"

namespace octavo::core {

enum class Severity { warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation location;
  std::string message;  ///< lower-case, no trailing period: "expected X, found Y"
  std::string hint;     ///< optional; printed on its own line after the message
};

/// Formats as `path:line:col: severity: message`; omits line and column when they are 0 and
/// the path when it is empty. A hint follows on a second line, indented.
std::string format_diagnostic(const Diagnostic& diagnostic);

/// Receives diagnostics from every stage.
class DiagnosticSink {
 public:
  virtual ~DiagnosticSink() = default;
  virtual void report(Diagnostic diagnostic) = 0;

  void warning(SourceLocation location, std::string message, std::string hint = {});
  void error(SourceLocation location, std::string message, std::string hint = {});
};

/// Keeps every diagnostic in order of arrival; used by the pipeline and by tests.
class DiagnosticList final : public DiagnosticSink {
 public:
  void report(Diagnostic diagnostic) override;

  const std::vector<Diagnostic>& all() const { return diagnostics_; }
  /// Reports every diagnostic held to `sink`, in the order they came; nothing when none came.
  void report_to(DiagnosticSink& sink) const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
  /// Every diagnostic formatted, one per line (hints included); empty when there are none.
  std::string to_string() const;

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// Passes every diagnostic on to `next` unchanged and counts them by severity, so that a stage
/// can tell whether the calls it made reported anything; both counts are 0 until one arrives.
class CountingSink final : public DiagnosticSink {
 public:
  explicit CountingSink(DiagnosticSink& next) : next_(next) {}
  /// Chains onto another counting sink (without it, `CountingSink inner(outer)` would copy).
  explicit CountingSink(CountingSink& next) : next_(next) {}
  CountingSink(const CountingSink&) = delete;
  CountingSink& operator=(const CountingSink&) = delete;

  void report(Diagnostic diagnostic) override;

  std::size_t errors() const { return errors_; }
  std::size_t warnings() const { return warnings_; }

 private:
  DiagnosticSink& next_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
};

}  // namespace octavo::core
