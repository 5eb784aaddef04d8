#!/usr/bin/env bash
# A book in sub-folders (tests/e2e/corpora/subfolders): folders become parts titled by book.toml,
# a README or their name; a heading every chapter of a folder opens with is not their title;
# READMEs and drafts are excluded by glob, hidden folders skipped; links between chapters and to
# GitHub-style heading ids become in-book links. Both books are valid, and every EPUB link finds
# its target.
source "$(dirname "$0")/lib.sh"
corpus="$SOURCE_DIR/tests/e2e/corpora/subfolders"
out=$WORK/out
build_corpus "$corpus" "$out" && pass "octavo builds the book in sub-folders" || fail "octavo build"
cat "$out.log"
check "the warnings are exactly these" diff "$out.log" <(printf '%s\n' \
  "03-appendix: warning: no title for this folder's part in book.toml, a README or a heading its articles share; using 'Appendix', made from its name" \
  "01-basics/ch1.md:7:39: warning: link to '#nowhere' points at no heading in this article; kept as text" \
  "01-basics/ch1.md:7:71: warning: link to '01-basics/ch9.md' leads to no article of the book; kept as text" \
  "octavo: wrote $out/field-guide-in-parts.epub" \
  "octavo: wrote $out/field-guide-in-parts.pdf")

java -jar /usr/share/java/epubcheck.jar "$out/field-guide-in-parts.epub" >"$WORK/epubcheck.txt" 2>&1 || true
check "epubcheck: 0 fatals, 0 errors, 0 warnings" grep -qE '^Messages: 0 fatals / 0 errors / 0 warnings' "$WORK/epubcheck.txt"
grep -E 'ERROR|WARNING' "$WORK/epubcheck.txt" || true
check "qpdf --check is clean" qpdf --check "$out/field-guide-in-parts.pdf"

mkdir "$WORK/x" && (cd "$WORK/x" && unzip -q "$out/field-guide-in-parts.epub")
text=$WORK/x/EPUB/text
# Every href to an article page ("#id" or "file.xhtml#id") names a page that exists and an id on it.
links=0
broken=0
for page in "$text"/a*.xhtml; do
  while read -r href; do
    file=${href%%#*}
    id=${href#*#}
    [ "$file" = "$href" ] && id=""
    [ -z "$file" ] && file=$(basename "$page")
    links=$((links + 1))
    if [ ! -f "$text/$file" ] || { [ -n "$id" ] && ! grep -qF "id=\"$id\"" "$text/$file"; }; then
      echo "broken: $(basename "$page") -> $href" >&2
      broken=$((broken + 1))
    fi
  done < <(grep -o 'href="[^"]*"' "$page" | sed -e 's/^href="//' -e 's/"$//' | grep -v '^\.\./\|^https\?:')
done
check "every link between and inside the articles finds its page and id ($links links)" test "$broken" -eq 0 -a "$links" -ge 15
ch1=$(ls "$text" | grep getting-started)
check "a link to another chapter's heading is in-book" grep -qF 'href="a02-second-steps.xhtml#scope"' "$text/$ch1"
check "a percent-encoded link to a file with a space is in-book" grep -qF 'href="a03-deep-dive.xhtml"' "$text/$ch1"
check "GitHub's id with typed dashes finds the heading" grep -qF 'href="#setting-up--quickly"' "$text/$ch1"
check "a Cyrillic heading has a real id" grep -qF 'id="привет-мир"' "$text/$ch1"
check "an id starting with a digit is written as an XML name" grep -qF 'href="#s-1-intro"' "$text/$ch1"
check "the series heading is no article title" test -z "$(grep -l '<h1>Field Guide</h1>' "$text"/a*.xhtml)"
check "the dangling link keeps its text" grep -qF 'A dangling link and a missing file' "$text/$ch1"
nav=$WORK/x/EPUB/nav.xhtml
check "the nav lists parts a level above their articles" \
  grep -qzF $'<a href="text/a03-deep-dive.xhtml">Advanced Topics</a>\n<ol>\n<li>\n<a href="text/a03-deep-dive.xhtml">Deep dive</a>' "$nav"
for part in "Basics" "Advanced Topics" "Appendix"; do
  check "the part \"$part\" is in the nav" grep -qF ">$part</a>" "$nav"
done
check "excluded, hidden and README files are no articles" \
  test -z "$(grep -rlE 'Work in progress|Hidden folders|names the folder' "$text")"

pdftotext "$out/field-guide-in-parts.pdf" "$WORK/text.txt"
check "the PDF contents lists the parts" grep -qF "Advanced Topics" "$WORK/text.txt"
check "the PDF has the chapters' text" grep -qF "What the guide covers." "$WORK/text.txt"
check "the PDF leaves the drafts out" test -z "$(grep -F 'Never in the book' "$WORK/text.txt")"
finish
