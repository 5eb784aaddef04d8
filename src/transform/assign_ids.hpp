// Transform: gives every article a unique id and every heading an id unique within its
// article, valid as an XML ID, and keeps in-article links ("#id") pointing at the right place.
#pragma once

#include "core/diagnostics.hpp"
#include "model/book.hpp"

namespace octavo::transform {

/// Article ids are "a<NN>-<slug of title>", numbered in book order and zero-padded to the width of
/// the article count. Heading ids proposed by readers are kept when valid and unique, otherwise
/// rewritten (and the links to them with them). A "#id" link to no heading becomes plain text with
/// a warning at the link.
void assign_ids(model::Book& book, core::DiagnosticSink& sink);

}  // namespace octavo::transform
