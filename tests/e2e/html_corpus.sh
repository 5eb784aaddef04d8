#!/usr/bin/env bash
# HTML in both kinds of article (issue 9): a page saved with SingleFile (.html) and a Markdown README
# in GitHub's patterns (centred logo and badges, <details>, <div align>, a layout table, <dl>). Both
# books are valid, nothing is shown as markup, the structure is kept, and every warning is exact.
source "$(dirname "$0")/lib.sh"
out=$WORK/out
build_corpus "$SOURCE_DIR/tests/e2e/corpora/html" "$out" && pass "octavo builds the HTML corpus" || fail "octavo build"
cat "$out.log"
cat >"$WORK/expected.log" <<'LOG'
01 tides.html:49:1: warning: HTML element <script> cannot be shown in a book and is left out
01 tides.html:50:1: warning: unknown HTML element <marquee> is kept as its text
02-readme.md:8:47: warning: remote image 'https://ci.example.org/badge.svg' is not fetched (Octavo works offline); the alt text stands in
02-readme.md:9:41: warning: remote image 'https://img.example.org/license.svg' is not fetched (Octavo works offline); the alt text stands in
octavo: wrote OUT/html.epub
octavo: wrote OUT/html.pdf
LOG
sed "s|$out|OUT|" "$out.log" >"$WORK/got.log"
if diff -u "$WORK/expected.log" "$WORK/got.log"; then pass "the warnings are exactly the expected ones"; else fail "warnings differ"; fi

java -jar /usr/share/java/epubcheck.jar "$out/html.epub" >"$WORK/epubcheck.txt" 2>&1 || true
check "epubcheck: 0 fatals, 0 errors, 0 warnings" grep -qE '^Messages: 0 fatals / 0 errors / 0 warnings' "$WORK/epubcheck.txt"
grep -E 'ERROR|WARNING' "$WORK/epubcheck.txt" || true
check "qpdf --check is clean" qpdf --check "$out/html.pdf"

# No markup as text: the corpus has no '<' in its text, so an escaped one would be a tag shown.
unzip -p "$out/html.epub" '*.xhtml' >"$WORK/all.xhtml"
check "no escaped markup in the EPUB" test "$(grep -c '&lt;' "$WORK/all.xhtml")" -eq 0
pdftotext "$out/html.pdf" "$WORK/text.txt"
check "no markup in the PDF text" test "$(grep -c '[<>]' "$WORK/text.txt")" -eq 0
tr '\n' ' ' <"$WORK/text.txt" | tr -s ' ' >"$WORK/joined.txt"
for phrase in "Tides and the Moon" "Spring and neap tides" "Tide heights at Brest" "Mean of both kinds is about five metres." \
  "How the forces add up" "The Sun adds its own, smaller solar tide." "Subscribe today" "Retrieved: 2023-10-17" \
  "Author: Ada Example" "https://blog.example.org/posts/tides" "Tide Tools" "Build it with make, then run the tests:" \
  "Left column in Markdown." "Right column, with a link written as HTML." "Everything between the div tags is Markdown."; do
  check "the PDF text has \"$phrase\"" grep -qF -- "$phrase" "$WORK/joined.txt"
done
check "the page's navigation and footer are not in the book" test "$(grep -c 'Archive\|© 2023' "$WORK/joined.txt")" -eq 0

# The structure, as the EPUB keeps it.
for element in '<table>' '<th scope="col">Kind</th>' '<details open="open">' '<summary>Install from source</summary>' '<aside class="aside">' \
  '<figcaption>The Sun adds its own' '<sub>2</sub>' '<sup>2</sup>' '<kbd>Ctrl</kbd>' '<s>blog post</s>' '<ol start="3">' \
  '<h3 id="centred-notes">Centred notes</h3>' '<strong>Left column</strong>'; do
  check "the EPUB has $element" grep -qF -- "$element" "$WORK/all.xhtml"
done
tr -d '\n' <"$WORK/all.xhtml" | sed 's/> *</></g' >"$WORK/one-line.xhtml"
check "the details hold the Markdown written inside them, up to </details>" \
  grep -qF '<summary>Install from source</summary><p>Build it with <strong>make</strong>, then run the tests:</p><ul><li><p><code>make</code></p></li><li><p><code>make check</code></p></li></ul></details>' "$WORK/one-line.xhtml"
check "the layout table holds the Markdown of its cells" \
  grep -qF '<table><tbody><tr><td><strong>Left column</strong> in Markdown.</td><td>Right column' "$WORK/one-line.xhtml"
check "a link written as HTML to another article of the corpus is an in-book link" \
  grep -qF 'Right column, with <a href="a01-tides-and-the-moon.xhtml#springs">' "$WORK/one-line.xhtml"
finish
