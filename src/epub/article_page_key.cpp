#include "epub/article_page_key.hpp"

#include <string_view>

#include "core/byte_stream.hpp"
#include "model/article_bytes.hpp"

namespace octavo::epub {
namespace {

// Bumped whenever what goes into the key changes, so that no old page matches a new key by chance;
// it also keeps the key apart from the digests of files' bytes that share the pack.
constexpr std::string_view key_format = "octavo epub article page key 2";

}  // namespace

core::StreamDigest article_page_key(const model::Article& article, const std::string& book_language,
                                    const BookLinks& links, const model::ArticleDigests& digests) {
  core::ByteWriter out;
  out.string(key_format);
  out.string(book_language);
  out.raw(digests.of(article));
  model::put_resolutions(out, article, [&links, &article](core::ByteWriter& to, const model::Inline& node) {
    if (node.kind != model::InlineKind::link) return;
    to.byte('L');
    to.string(link_href(node, &links, article.id));
  });
  return core::sha256(out.bytes());
}

}  // namespace octavo::epub
