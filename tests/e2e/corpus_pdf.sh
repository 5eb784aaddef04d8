#!/usr/bin/env bash
# The PDF of corpus/: valid for qpdf, every font embedded, the text of every article extractable
# exactly (curly quotes, dashes, accents), front matter numbered in roman, bookmarks and links.
source "$(dirname "$0")/lib.sh"
out=$WORK/out
build_corpus "$SOURCE_DIR/corpus" "$out" || { cat "$out.log"; fail "octavo build corpus"; finish; }
pdf=$out/kratom-pain-and-sleep.pdf
check "the PDF exists" test -s "$pdf"
check "qpdf --check is clean" qpdf --check "$pdf"

# Subset fonts (a few KB per face) and one TJ array per line keep the book no larger than what
# pandoc + pdfLaTeX make of the same articles (96,354 bytes, README); libharu's own embedding
# made it 264 KB, one Tj per word 108 KB.
size=$(stat -c %s "$pdf")
check "the PDF is no larger than pdfLaTeX's 96,354 bytes ($size bytes)" test "$size" -le 96354
# A line's word spaces are spaces, widened on a justified line by its word spacing (Tw), not a TJ
# number between every two words (pdf/pdf_writer.hpp, join_runs): 41 numbers of three digits
# (wider gaps, leaders) where there were 4,581.
qpdf --qdf --object-streams=disable --stream-data=uncompress "$pdf" "$WORK/plain.pdf"
check "justified lines set their word spacing (Tw)" grep -aqE '^-?[0-9.]+ Tw$' "$WORK/plain.pdf"
moves=$(grep -aoE '\)-[0-9]{3}\(' "$WORK/plain.pdf" | wc -l)
check "few gaps are drawn as TJ numbers ($moves)" test "$moves" -lt 100
fonts=$(pdffonts "$pdf" | tail -n +3)
check "pdffonts lists fonts" test -n "$fonts"
check "every font is embedded" test -z "$(echo "$fonts" | awk '$(NF-4) != "yes"')"

pdftotext "$pdf" "$WORK/text.txt" 2>"$WORK/pdftotext.err"
check "pdftotext prints no warning (a correct ToUnicode CMap)" test ! -s "$WORK/pdftotext.err"
cat "$WORK/pdftotext.err" >&2
# Running heads, folios and the unreviewed mark in every foot interrupt paragraphs at page
# breaks: drop those lines, then join.
titles=$(grep -E '^title = ' "$SOURCE_DIR/corpus/book.toml" | sed -e 's/^title = "//' -e 's/"$//')
# pdftotext starts each page after the first with a form feed, glued to that page's first line.
tr -d '\f' <"$WORK/text.txt" | grep -vxF -e "$titles" | grep -vxE '[0-9]+|[ivxlcdm]+|Unreviewed content|' | tr '\n' ' ' | tr -s ' ' >"$WORK/joined.txt"
missing=0
for seed in "$SOURCE_DIR"/corpus/*.txt; do
  while IFS= read -r paragraph; do
    if ! grep -qF -- "$paragraph" "$WORK/joined.txt"; then
      missing=$((missing + 1))
      [ "$missing" -le 3 ] && echo "not found in pdftotext output ($(basename "$seed")): ${paragraph:0:100}…" >&2
    fi
  done < <(expected_paragraphs "$seed")
done
check "pdftotext gives back every paragraph of every article ($missing missing)" test "$missing" -eq 0
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
check "every one of the $pages pages says \"Unreviewed content\" in its foot" \
  test "$(tr -d '\f' <"$WORK/text.txt" | grep -cx 'Unreviewed content')" -eq $((pages + 1))  # + the disclaimer's title

for phrase in "Unreviewed content" "have not been reviewed" "Contents" "Source note" "Sources" \
  "not recorded" "unreviewed: not checked by editors or experts" "Kratom, Pain and Sleep" "Five unreviewed web articles"; do
  check "the PDF says \"$phrase\"" grep -qF -- "$phrase" "$WORK/text.txt"
done
for seed in "$SOURCE_DIR"/corpus/*.txt; do
  digest=$(sha256sum "$seed" | cut -c1-64)
  check "the SHA-256 of $(basename "$seed") is printed in its note and in Sources" \
    test "$(grep -cxF "$digest" "$WORK/text.txt")" -eq 2
done

qpdf --json "$pdf" >"$WORK/pdf.json"
check "front matter is labelled in lower-case roman" grep -q '"/S": "/r"' "$WORK/pdf.json"
check "the body is labelled in arabic numerals" grep -q '"/S": "/D"' "$WORK/pdf.json"
check "the PDF has bookmarks" grep -q '"/Outlines"' "$WORK/pdf.json"
check "the PDF has link annotations" grep -q '"/Subtype": "/Link"' "$WORK/pdf.json"
check "no link has a border box" test -z "$(grep -A12 '"/Subtype": "/Link"' "$WORK/pdf.json" | grep -E '"/Border": \[ *[0-9.]+, *[0-9.]+, *[1-9]')"
pdfinfo "$pdf" >"$WORK/info.txt"
check "PDF title metadata" grep -qE '^Title: +Kratom, Pain and Sleep$' "$WORK/info.txt"
check "PDF creator is Octavo" grep -qE '^Creator: +Octavo [0-9]' "$WORK/info.txt"
check "PDF dates are fixed by book.toml" grep -qE '^CreationDate: .*2026' "$WORK/info.txt"
finish
