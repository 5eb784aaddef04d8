#!/usr/bin/env bash
# The EPUB of every kind of the model (tests/e2e/every_kind_epub.cpp, built by hand until the
# readers produce these kinds): epubcheck reports nothing, and each kind comes out as the element
# reading systems and assistive technology expect.
source "$(dirname "$0")/lib.sh"
KINDS=$(realpath "$3")
epub=$WORK/every-kind.epub
"$KINDS" "$SOURCE_DIR" "$epub" || { fail "every_kind_epub wrote no book"; finish; }
epubcheck_books "$WORK/epubcheck.txt" "$epub" && pass "epubcheck: 0 fatals, 0 errors, 0 warnings" ||
  { cat "$WORK/epubcheck.txt"; fail "epubcheck: 0 fatals, 0 errors, 0 warnings"; }

mkdir "$WORK/x" && (cd "$WORK/x" && unzip -q "$epub")
text=$WORK/x/EPUB/text
has() { grep -qF -- "$2" "$text/$1"; }
check "a table with a caption and a head" has a01-tables-and-notes.xhtml '<caption>Cups a week and their price</caption>'
check "column headers have scope col" has a01-tables-and-notes.xhtml '<th class="align-right" scope="col">Cups</th>'
check "row headers have scope row" has a01-tables-and-notes.xhtml '<th scope="row">Green</th>'
check "cells span columns and rows" has a01-tables-and-notes.xhtml '<td rowspan="2">Loose leaves</td>'
check "an empty header cell is a td" bash -c "grep -A4 '<th scope=\"col\">Note</th>' '$text/a01-tables-and-notes.xhtml' | grep -q '^<td/>'"
check "a note reference links to its endnote" has a01-tables-and-notes.xhtml '<sup><a href="#fn-1" id="fnref-1" epub:type="noteref" role="doc-noteref">1</a></sup>'
check "endnotes follow the text" has a01-tables-and-notes.xhtml '<section class="endnotes" epub:type="endnotes" role="doc-endnotes">'
check "a note links back to both its references" bash -c "grep -q 'href=\"#fnref-1\" role=\"doc-backlink\".*href=\"#fnref-1-2\" role=\"doc-backlink\"' '$text/a01-tables-and-notes.xhtml'"
check "strikethrough, sup, sub, kbd" has a01-tables-and-notes.xhtml '<s>Coffee</s> Tea, at 10<sup>2</sup> cups of H<sub>2</sub>O; press <kbd>Ctrl</kbd>'
check "task boxes" has a01-tables-and-notes.xhtml '<span class="task-box" role="img" aria-label="done">☑</span> Buy the leaves'
check "an in-book link to another article's id" has a01-tables-and-notes.xhtml '<a href="a02-blocks.xhtml#details">the details</a>'
check "an aside" has a02-blocks.xhtml '<aside class="aside">'
check "details shown open" has a02-blocks.xhtml '<details id="details" open="open">'
check "a figure of two images" bash -c "grep -A3 '<figure class=\"image\">' '$text/a02-blocks.xhtml' | grep -c '<img' | grep -qx 2"
check "an anchor is a target" has a02-blocks.xhtml '<span id="top"/>'
check "an article in French says so" has a03-ailleurs.xhtml 'lang="fr" xml:lang="fr"'
check "each part has its page" test -f "$text/p01-kinds.xhtml" -a -f "$text/p02-elsewhere.xhtml"
spine=$(sed -n '/<spine/,/<\/spine>/p' "$WORK/x/EPUB/package.opf" | grep -o 'idref="[^"]*"' | tr '\n' ' ')
check "part pages precede their first articles in the spine" test "$spine" = 'idref="title-page" idref="disclaimer" idref="contents" idref="part-p01-kinds" idref="article-a01-tables-and-notes" idref="article-a02-blocks" idref="part-p02-elsewhere" idref="article-a03-ailleurs" idref="article-a04-outside" idref="sources" '
check "the nav lists articles under their part" bash -c "grep -A2 'href=\"text/p02-elsewhere.xhtml\"' '$WORK/x/EPUB/nav.xhtml' | grep -q 'href=\"text/a03-ailleurs.xhtml\"'"
finish
