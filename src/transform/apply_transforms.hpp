// The transform stage: plain Book → Book functions, applied in a fixed order between import and
// the writers (pandoc's Transforms idea).
#pragma once

#include "core/diagnostics.hpp"
#include "model/book.hpp"
#include "transform/complete_metadata.hpp"

namespace octavo::transform {

/// Runs, in order: complete_metadata, assign_ids, resolve_links, write_source_notes, add_front_matter,
/// build_contents. Afterwards the book is complete for both writers.
void apply_transforms(model::Book& book, const MetadataDefaults& defaults, core::DiagnosticSink& sink);

}  // namespace octavo::transform
