// The OCF container (EPUB 3.3 §4): a ZIP archive whose first entry is the stored "mimetype" file.
// The only user of libzip. The archive is built in memory, byte-for-byte the same on every run.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace octavo::epub {

/// One file of the container: its path inside the archive ('/'-separated) and its bytes.
struct ContainerFile {
  std::string path;
  std::string content;
};

/// The bytes of the archive: "mimetype" first, stored, without extra fields; then `files` in the
/// order given, deflated; every entry with the same fixed time and permissions, whatever TZ is.
/// nullopt, with an error on `sink`, if libzip fails (for instance on a duplicate path).
std::optional<std::string> zip_container(const std::vector<ContainerFile>& files, core::DiagnosticSink& sink);

}  // namespace octavo::epub
