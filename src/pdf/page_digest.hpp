// The name a drawn page's compressed content is kept under in the build cache: a SHA-256 over
// everything drawing the page reads from it, so that a page laid out alike in a later build takes
// the content instead of being drawn and compressed again (HaruDocument::finish_page_from).
#pragma once

#include "core/deflate_memo.hpp"
#include "layout/page.hpp"

namespace octavo::pdf {

/// The digest of the page's size, and of each text run (face, size, position, rise, text, kerns)
/// and rule, in order; not of its anchors or links, which are not drawn, nor of its images, so a
/// page showing one must not be recalled by it. The drawing also depends on the fonts and the
/// program, which the memo's fingerprint covers. Never fails.
core::StreamDigest page_digest(const layout::Page& page);

}  // namespace octavo::pdf
