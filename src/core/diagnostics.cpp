#include "core/diagnostics.hpp"

#include <algorithm>

namespace octavo::core {

std::string format_diagnostic(const Diagnostic& diagnostic) {
  std::string out;
  const SourceLocation& at = diagnostic.location;
  if (!at.path.empty()) {
    out += at.path;
    if (at.line > 0) {
      out += ':' + std::to_string(at.line);
      if (at.column > 0) out += ':' + std::to_string(at.column);
    }
    out += ": ";
  }
  out += diagnostic.severity == Severity::error ? "error: " : "warning: ";
  out += diagnostic.message;
  if (!diagnostic.hint.empty()) out += "\n  hint: " + diagnostic.hint;
  return out;
}

void DiagnosticSink::warning(SourceLocation location, std::string message, std::string hint) {
  report({Severity::warning, std::move(location), std::move(message), std::move(hint)});
}

void DiagnosticSink::error(SourceLocation location, std::string message, std::string hint) {
  report({Severity::error, std::move(location), std::move(message), std::move(hint)});
}

void DiagnosticList::report(Diagnostic diagnostic) { diagnostics_.push_back(std::move(diagnostic)); }

void DiagnosticList::report_to(DiagnosticSink& sink) const {
  for (const Diagnostic& diagnostic : diagnostics_) sink.report(diagnostic);
}

std::size_t DiagnosticList::error_count() const {
  return static_cast<std::size_t>(std::count_if(diagnostics_.begin(), diagnostics_.end(),
                                                [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t DiagnosticList::warning_count() const { return diagnostics_.size() - error_count(); }

void CountingSink::report(Diagnostic diagnostic) {
  ++(diagnostic.severity == Severity::error ? errors_ : warnings_);
  next_.report(std::move(diagnostic));
}

std::string DiagnosticList::to_string() const {
  std::string out;
  for (const Diagnostic& d : diagnostics_) out += format_diagnostic(d) + '\n';
  return out;
}

}  // namespace octavo::core
