// The name a drawn page body's compressed content is kept under in the build cache: a SHA-256 over
// everything drawing the body reads from the page, so that a body laid out alike in a later build,
// on whatever page, takes the content instead of being drawn and compressed again
// (HaruDocument::recall_body). The furniture and the text block's left edge are drawn apart, and
// kept under a name of their own.
#pragma once

#include "core/deflate_memo.hpp"
#include "layout/page.hpp"

namespace octavo::pdf {

/// The digest of the page's size, and of each text run (face, size, position, rise, text, kerns)
/// and rule of its body, in order; not of its furniture or text_left, drawn around the body, nor
/// of its anchors or links, which are not drawn, nor of its images, so a page showing one must not
/// be recalled by it. The drawing also depends on the fonts and the
/// program, which the memo's fingerprint covers. Never fails.
core::StreamDigest page_digest(const layout::Page& page);

/// The name the parts drawn around a body are kept under (HaruDocument::recall_furniture): the
/// page's first operators (which place the body at text_left) and its furniture, deflated after
/// the body and referring back into its last bytes. A digest of `body` (the body's page_digest,
/// which names its bytes and fonts), the page's size and text_left, and each text run and rule of
/// its furniture, in order. Never fails.
core::StreamDigest furniture_digest(const core::StreamDigest& body, const layout::Page& page);

}  // namespace octavo::pdf
