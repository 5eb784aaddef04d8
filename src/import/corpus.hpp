// The import stage: a corpus folder (book.toml and its articles) becomes a model::Book. The
// first stage of the pipeline; the transforms fill in ids, contents, notes and defaults after it.
#pragma once

#include "core/diagnostics.hpp"
#include "core/file_system.hpp"
#include "core/progress.hpp"
#include "model/book.hpp"

namespace octavo::import {

/// Reads the corpus folder: book.toml when present, then every article in manifest order (or, with no manifest,
/// every *.txt, *.md and *.markdown file in natural file-name order, "ch2.md" before "ch10.md"). Never throws on bad
/// input; problems go to `sink`. A book.toml with a syntax error, or with no `articles` array, leaves the order to the
/// folder listing; one that exists but cannot be read is an error. Files whose names start with '.' are never picked up
/// from the listing; a name whose extension differs from an article's only in case ("b.MD") gets a warning. An article
/// file that a manifest listing articles leaves out is an error, and so is an empty corpus. Reports each article
/// read (or given up) to `progress`, as the stage "Reading".
model::Book read_corpus(const core::FileSystem& files, core::DiagnosticSink& sink,
                        core::Progress& progress = core::no_progress());

}  // namespace octavo::import
