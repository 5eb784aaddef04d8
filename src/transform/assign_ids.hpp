// Transform: gives every article and every part an id unique in the book, valid as an XML ID and
// as a file name. Ids inside the articles (headings, anchors) come after, with the links that
// lead to them (transform::resolve_links).
#pragma once

#include "model/book.hpp"

namespace octavo::transform {

/// Article ids are "a<NN>-<slug of title>", part ids "p<NN>-<slug of title>", each numbered in
/// book order and zero-padded to the width of their count (at least two digits).
void assign_ids(model::Book& book);

}  // namespace octavo::transform
