#include "transform/complete_metadata.hpp"

#include "core/identifier.hpp"

namespace octavo::transform {
namespace {

// File names are limited to 255 bytes on common file systems, and the output's temporary name adds
// about 25 more; 80 keeps a slug readable and every name well inside the limit.
constexpr std::size_t max_slug_length = 80;

// Cuts a slug to max_slug_length at a hyphen, so that no word is cut in half where avoidable.
std::string shorten_slug(std::string slug) {
  if (slug.size() <= max_slug_length) return slug;
  const std::size_t hyphen = slug.rfind('-', max_slug_length);
  slug.resize(hyphen != std::string::npos && hyphen > 0 ? hyphen : max_slug_length);
  return slug;
}

core::Timestamp book_timestamp(const model::Book& book, const MetadataDefaults& defaults) {
  if (auto given = core::parse_iso_timestamp(book.metadata.date)) return *given;
  if (defaults.source_date_epoch) return *defaults.source_date_epoch;
  // The newest retrieval date is the latest moment the content is known to describe; unlike the
  // clock it changes only when the corpus does.
  std::string latest;
  for (const model::Article& article : book.articles) {
    if (core::parse_iso_timestamp(article.provenance.retrieved) && article.provenance.retrieved > latest)
      latest = article.provenance.retrieved;
  }
  if (auto retrieved = core::parse_iso_timestamp(latest)) return *retrieved;
  return core::Timestamp{};
}

}  // namespace

void complete_metadata(model::Book& book, const MetadataDefaults& defaults, core::DiagnosticSink& sink) {
  model::Metadata& meta = book.metadata;
  const core::Timestamp when = book_timestamp(book, defaults);
  meta.date = when.iso_date();
  meta.modified = when.iso_datetime();
  meta.generator = defaults.generator;

  if (meta.identifier.empty()) {
    std::string content = meta.title + '\n';
    for (const model::Article& article : book.articles) {
      content += article.provenance.file + '\0' + article.provenance.sha256 + '\n';
    }
    meta.identifier = core::uuid_urn_from_content(content);
  }

  if (meta.slug.empty()) {
    meta.slug = shorten_slug(core::slugify(meta.title, "book"));
  } else if (core::slugify(meta.slug, "book") != meta.slug) {
    const std::string cleaned = core::slugify(meta.slug, "book");
    sink.warning({"book.toml", 0, 0}, "slug '" + meta.slug + "' is not a plain file name; using '" + cleaned + "'",
                 "a slug is lower-case letters, digits and hyphens");
    meta.slug = cleaned;
  }
  if (meta.slug.size() > max_slug_length) {
    const std::string shortened = shorten_slug(meta.slug);
    sink.warning({"book.toml", 0, 0}, "slug '" + meta.slug + "' is longer than " + std::to_string(max_slug_length) +
                                          " characters; using '" + shortened + "'");
    meta.slug = shortened;
  }
}

}  // namespace octavo::transform
