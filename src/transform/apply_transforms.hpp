// The transform stage: plain Book → Book functions, applied in a fixed order between import and
// the writers (pandoc's Transforms idea).
#pragma once

#include <cstddef>

#include "core/diagnostics.hpp"
#include "model/book.hpp"
#include "transform/complete_metadata.hpp"

namespace octavo::transform {

/// Runs, in order: complete_metadata, assign_ids, resolve_links, write_source_notes, add_front_matter,
/// build_contents. Afterwards the book is complete for both writers. The work done article by
/// article (links, word counts) runs on `jobs` threads; the book and the diagnostics are the same
/// for any number.
void apply_transforms(model::Book& book, const MetadataDefaults& defaults, core::DiagnosticSink& sink,
                      std::size_t jobs = 1);

}  // namespace octavo::transform
