#include "transform/apply_transforms.hpp"

#include "transform/add_front_matter.hpp"
#include "transform/assign_ids.hpp"
#include "transform/build_contents.hpp"
#include "transform/write_source_notes.hpp"

namespace octavo::transform {

void apply_transforms(model::Book& book, const MetadataDefaults& defaults, core::DiagnosticSink& sink) {
  complete_metadata(book, defaults, sink);  // the identifier hashes provenance, so before anything else
  assign_ids(book, sink);                   // contents and notes link to these ids
  write_source_notes(book);
  add_front_matter(book);  // names the corpus and counts its articles
  build_contents(book);
}

}  // namespace octavo::transform
