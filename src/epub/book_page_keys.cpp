#include "epub/book_page_keys.hpp"

#include <string_view>

#include "core/byte_stream.hpp"

namespace octavo::epub {
namespace {

// Bumped whenever what goes into a key changes, so that no old page matches a new key by chance;
// they also keep the keys apart from each other, from articles' pages' and from the digests of
// files' bytes that share the pack.
constexpr std::string_view toc_format = "octavo epub toc items 1";
constexpr std::string_view navigation_format = "octavo epub navigation key 1";
constexpr std::string_view contents_format = "octavo epub contents page key 1";

// Each item's label, href and children, depth first; a count before each list, so that the
// nesting is in the bytes. Recursive, as toc_items is: the depth is that of the corpus's folders.
void put_items(core::ByteWriter& out, const std::vector<TocItem>& items) {
  out.unsigned_number(items.size());
  for (const TocItem& item : items) {
    out.string(item.label);
    out.string(item.href);
    put_items(out, item.children);
  }
}

}  // namespace

core::StreamDigest toc_digest(const std::vector<TocItem>& items) {
  core::ByteWriter out;
  out.string(toc_format);
  put_items(out, items);
  return core::sha256(out.bytes());
}

core::StreamDigest navigation_key(const NavigationInputs& inputs, const core::StreamDigest& toc) {
  core::ByteWriter out;
  out.string(navigation_format);
  out.string(inputs.title);
  out.string(inputs.language);
  out.string(inputs.disclaimer_label);
  out.boolean(inputs.body_start.has_value());
  if (inputs.body_start) out.string(*inputs.body_start);
  out.raw(toc);
  return core::sha256(out.bytes());
}

core::StreamDigest contents_key(const std::string& language, const core::StreamDigest& toc) {
  core::ByteWriter out;
  out.string(contents_format);
  out.string(language);
  out.raw(toc);
  return core::sha256(out.bytes());
}

}  // namespace octavo::epub
