#include "transform/apply_transforms.hpp"

#include "transform/add_front_matter.hpp"
#include "transform/assign_ids.hpp"
#include "transform/build_contents.hpp"
#include "transform/resolve_links.hpp"
#include "transform/write_source_notes.hpp"

namespace octavo::transform {

void apply_transforms(model::Book& book, const MetadataDefaults& defaults, core::DiagnosticSink& sink,
                      std::size_t jobs) {
  complete_metadata(book, defaults, sink);  // the identifier hashes provenance, so before anything else
  assign_ids(book);                         // contents and notes link to these ids
  resolve_links(book, sink, jobs);          // in-book links need the articles' ids
  write_source_notes(book, jobs);
  add_front_matter(book);  // names the corpus and counts its articles
  build_contents(book);
}

}  // namespace octavo::transform
