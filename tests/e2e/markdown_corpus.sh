#!/usr/bin/env bash
# A Markdown corpus without a manifest (folder order, titles from the leading headings, front
# matter provenance): both books are valid and carry the text, the link policy is applied.
source "$(dirname "$0")/lib.sh"
out=$WORK/out
build_corpus "$SOURCE_DIR/tests/e2e/corpora/markdown" "$out" && pass "octavo builds the Markdown corpus" || fail "octavo build"
cat "$out.log"
check "the book is named after the folder" test -s "$out/markdown.epub" -a -s "$out/markdown.pdf"
check "the javascript: link is reported" grep -qF "01 first article.md:" "$out.log"
check "the dangling anchor is reported" grep -qF "02-second.md:3:" "$out.log"
check "an unused front matter key is reported once, where it first appears" \
  grep -qxF "03-gfm.md:7:1: warning: front matter key 'tags' is not used (in 1 file)" "$out.log"
check "a footnote reference with no definition is reported at its column" \
  grep -qxF "03-gfm.md:16:69: warning: expected a definition for the footnote '[^missing]', found none; the reference is kept as text" "$out.log"

java -jar /usr/share/java/epubcheck.jar "$out/markdown.epub" >"$WORK/epubcheck.txt" 2>&1 || true
check "epubcheck: 0 fatals, 0 errors, 0 warnings" grep -qE '^Messages: 0 fatals / 0 errors / 0 warnings' "$WORK/epubcheck.txt"
cat "$WORK/epubcheck.txt" | grep -E 'ERROR|WARNING' || true
check "qpdf --check is clean" qpdf --check "$out/markdown.pdf"
pdftotext "$out/markdown.pdf" "$WORK/text.txt" 2>"$WORK/err.txt"
check "pdftotext prints no warning" test ! -s "$WORK/err.txt"
tr '\n' ' ' <"$WORK/text.txt" | tr -s ' ' >"$WORK/joined.txt"
for phrase in "Café notes: “quotes”, dashes – and accents" "Straight “quotes” and it’s apostrophes become typographic…" \
  "Naïve façade, Ærøskøbing, Œuvre" "10–20 and 1920—1930" "code block <with> & markup ]]>" "Raw inline HTML is read as HTML." \
  "https://example.org/articles/first?ref=octavo&lang=en" "Retrieved: 2025-02-01" "Author: A. Writer" \
  "GitHub Flavored Markdown" "Source: https://example.org/gfm" "Author: B. Writer" "Published: 2024-01-02" \
  "Summary: A page of GitHub Flavored Markdown." "Left cell" "x--y" "10 – 20" "a struck word" \
  "a missing note[^missing]." "done item"; do
  check "the PDF text has \"$phrase\"" grep -qF -- "$phrase" "$WORK/joined.txt"
done
mkdir "$WORK/x" && (cd "$WORK/x" && unzip -q "$out/markdown.epub")
check "the EPUB has no javascript: link" test -z "$(grep -rl 'javascript:' "$WORK/x")"
check "the EPUB escapes the code block" grep -rqF 'code block &lt;with&gt; &amp; markup ]]&gt;' "$WORK/x"
check "no front matter reaches either book" test -z "$(grep -rl 'tags:' "$WORK/x" "$WORK/text.txt")"
check "the EPUB prints the front matter's description in the source note" grep -rqF '<dd>A page of GitHub Flavored Markdown.</dd>' "$WORK/x"
check "the EPUB has the table with a header cell" grep -rqF '<th class="align-left" scope="col">Left cell</th>' "$WORK/x"
check "the EPUB keeps an escaped pipe in its cell" grep -rqF '<td class="align-left">a | b</td>' "$WORK/x"
finish
