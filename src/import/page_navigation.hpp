// A saved web page's own navigation (links to the previous and next page, to its contents and
// index), which a book replaces with its own contents: recognised so that it is not read as text.
#pragma once

#include <vector>

#include "core/source_location.hpp"
#include "import/html_tree.hpp"

namespace octavo::import {

/// True for an element that only moves a reader between a site's pages in sequence: DocBook's
/// navheader and navfooter, Texinfo's nav-panel, and any other block whose links all say where they
/// lead by rel (next, prev, up, contents, index, …) with no other words than such names ("Next:
/// <a rel=next>…</a> [<a rel=contents>Contents</a>]"). A <nav> or role="navigation" may hold a
/// page's own contents or a site's index, which a reader may want: those are not recognised. False
/// for a text node or anything else.
bool is_page_navigation(const HtmlNode& node);

/// Removes from `nodes`, at any depth, every element is_page_navigation() recognises, with what
/// it holds; returns where each one removed started, in document order (none: empty). Depth comes
/// from the input, so the walk keeps its own stack; each element's test reads a bounded part of it.
std::vector<core::SourceLocation> remove_page_navigation(std::vector<HtmlNode>& nodes);

}  // namespace octavo::import
