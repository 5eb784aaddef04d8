#!/usr/bin/env bash
# The EPUB of corpus/: epubcheck reports zero errors and zero warnings, and the book has every
# required part in its reading order.
source "$(dirname "$0")/lib.sh"
out=$WORK/out
build_corpus "$SOURCE_DIR/corpus" "$out" --format epub || { cat "$out.log"; fail "octavo build corpus"; finish; }
epub=$out/kratom-pain-and-sleep.epub
check "only the EPUB is written with --format epub" test "$(ls "$out")" = "kratom-pain-and-sleep.epub"
java -jar /usr/share/java/epubcheck.jar "$epub" >"$WORK/epubcheck.txt" 2>&1 || true
cat "$WORK/epubcheck.txt"
check "epubcheck: 0 fatals, 0 errors, 0 warnings" grep -qE '^Messages: 0 fatals / 0 errors / 0 warnings' "$WORK/epubcheck.txt"

mkdir "$WORK/x" && (cd "$WORK/x" && unzip -q "$epub")
check "mimetype is the first entry and stored" test "$(unzip -Z1 "$epub" | sed -n 1p)" = mimetype
check "mimetype is stored, not deflated" bash -c "unzip -Zv '$epub' mimetype | grep -q 'compression method: *none'"
opf=$(find "$WORK/x" -name '*.opf')
nav=$(find "$WORK/x" -name nav.xhtml)
for meta in 'dcterms:modified' 'schema:accessMode' 'schema:accessModeSufficient' 'schema:accessibilityFeature' \
  'schema:accessibilityHazard' 'schema:accessibilitySummary' '<dc:identifier' '<dc:language>en<' '<dc:date>2026-11-23'; do
  check "OPF has $meta" grep -qF -- "$meta" "$opf"
done
check "the nav has landmarks" grep -q 'epub:type="landmarks"' "$nav"
landmarks=$(sed -n '/epub:type="landmarks"/,/<\/nav>/p' "$nav")
check "the disclaimer has a landmark" grep -q 'epub:type="preamble" href="text/disclaimer.xhtml"' <<<"$landmarks"
check "an EPUB 2 toc.ncx is present" test -n "$(find "$WORK/x" -name '*.ncx')"
all_text=$(cat "$WORK"/x/*/*/*.xhtml "$WORK"/x/*/*.xhtml 2>/dev/null | sed -e 's/<[^>]*>//g')
for phrase in "have not been reviewed" "Source note" "not recorded" "Kratom for Neuropathic Pain and Sleep" "Sources"; do
  check "the EPUB says \"$phrase\"" grep -qF -- "$phrase" <<<"$all_text"
done
first=$(expected_paragraphs "$SOURCE_DIR/corpus/004_c32646a6888d01f9.txt" | sed -n 2p)
check "article text comes through with typographic quotes" grep -qF -- "${first:0:80}" <<<"$all_text"
finish
