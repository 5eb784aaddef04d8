// The OCF container (EPUB 3.3 §4): a ZIP archive whose first entry is the stored "mimetype" file.
// The only user of libzip. Each file comes deflated and only its compressed bytes are kept; the
// archive is written straight to its file, byte-for-byte the same on every run.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/deflate.hpp"
#include "core/diagnostics.hpp"

namespace octavo::epub {

class ZipContainer {
 public:
  /// Keeps `bytes`, a file deflated as core::deflate_zip_entry deflates it (libzip's level 6
  /// settings, or recalled from a memo), as the next entry, at `path` ('/'-separated, inside the
  /// archive). A duplicate path is reported by write().
  void add(std::string path, core::DeflatedBytes bytes);

  /// Writes the archive to `path`, replacing it: "mimetype" first, stored, without extra fields;
  /// then the entries in the order added, deflated; every entry with the same fixed time and
  /// permissions, whatever TZ is. Returns false, with one error on `sink`, if libzip fails (for
  /// instance on a duplicate path) or the file cannot be written; whatever was written at `path`
  /// is then removed.
  bool write(const std::string& path, core::DiagnosticSink& sink) const;

 private:
  struct Entry {
    std::string path;
    core::DeflatedBytes bytes;
  };
  std::vector<Entry> entries_;
};

}  // namespace octavo::epub
