#!/usr/bin/env bash
# The font fallback chain (fonts/README.md): symbols Noto lacks are drawn in DejaVu Sans, which is
# then embedded and gives the text back; what no font has (emoji, CJK) and scripts that need
# shaping (Arabic) become a placeholder with one warning per article, and stay text in the EPUB.
source "$(dirname "$0")/lib.sh"
corpus=$WORK/fallback
mkdir -p "$corpus"
printf '# Symbols\n\nDone \xe2\x9c\x93 and starred \xe2\x98\x85 items.\n\nArrows \xe2\x86\x92 and x \xe2\x89\xa4 y hold.\n' \
  >"$corpus/01-symbols.md"
printf '# Beyond\n\nPlain first.\n\nA smile \xf0\x9f\x98\x80, \xe4\xb8\xad and \xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 here; again \xf0\x9f\x98\x80.\n' \
  >"$corpus/02-beyond.md"
out=$WORK/out
build_corpus "$corpus" "$out" && pass "octavo builds the corpus" || fail "octavo build"
cat "$out.log"
pdf=$out/fallback.pdf

# Only what nothing can draw is reported: once, for the article, at the paragraph of the first
# such character.
cat >"$WORK/expected.log" <<'EOF'
02-beyond.md:5:1: warning: characters the PDF fonts cannot draw are shown as □: 😀 (U+1F600), 中 (U+4E2D), س (U+0633), ل (U+0644), ا (U+0627), م (U+0645)
EOF
grep 'warning' "$out.log" >"$WORK/warnings.log" || true
check "one warning, for the second article only, naming each character" diff -u "$WORK/expected.log" "$WORK/warnings.log"

check "qpdf --check is clean" qpdf --check "$pdf"
pdffonts "$pdf" >"$WORK/fonts.txt"
cat "$WORK/fonts.txt"
# "Custom": its strings are read through the embedded compact encoding CMap (pdf/font_codes.hpp).
check "pdffonts shows DejaVu Sans embedded as a subset" grep -qE '^[A-Z]{6}\+DejaVuSans(,Book)? +CID TrueType +Custom +yes +yes +yes' "$WORK/fonts.txt"
pdftotext "$pdf" "$WORK/text.txt" 2>"$WORK/err.txt"
check "pdftotext prints no warning" test ! -s "$WORK/err.txt"
tr '\n' ' ' <"$WORK/text.txt" | tr -s ' ' >"$WORK/joined.txt"
for phrase in "Done ✓ and starred ★ items." "Arrows → and x ≤ y hold." "A smile □, □ and □□□□ here; again □."; do
  check "the PDF text has \"$phrase\"" grep -qF -- "$phrase" "$WORK/joined.txt"
done

mkdir "$WORK/x" && (cd "$WORK/x" && unzip -q "$out/fallback.epub")
for phrase in "Done ✓ and starred ★ items." "A smile 😀, 中 and سلام here; again 😀."; do
  check "the EPUB keeps \"$phrase\"" grep -rqF -- "$phrase" "$WORK/x"
done
finish
