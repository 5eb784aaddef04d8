// Transform: fills the metadata that book.toml may leave out (date, modification time,
// identifier, slug, generator), deterministically: never from the clock or a random source.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "core/fixed_clock.hpp"
#include "model/book.hpp"

namespace octavo::transform {

struct MetadataDefaults {
  std::optional<core::Timestamp> source_date_epoch;  ///< from the SOURCE_DATE_EPOCH variable
  std::string generator;                             ///< "Octavo <version>"
};

/// The date is book.toml's, else SOURCE_DATE_EPOCH's, else the latest `retrieved` date of any
/// article, else 1970-01-01; `modified` is that date at 00:00:00Z (or the exact epoch time).
/// The identifier defaults to a UUID derived from the title and every article's file name and
/// digest; the slug to the title's slug, at most 80 characters (cut at a hyphen).
void complete_metadata(model::Book& book, const MetadataDefaults& defaults, core::DiagnosticSink& sink);

}  // namespace octavo::transform
