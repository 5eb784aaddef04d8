#!/usr/bin/env bash
# Page styles and --stats: every shipped style builds corpus/ into a valid PDF of its paper size
# with no overfull line, widow, orphan or stranded heading; a bad style is an error at book.toml.
source "$(dirname "$0")/lib.sh"

# stat_of NAME FILE: the figure --stats printed for NAME.
stat_of() { sed -n "s/^$1  *\([0-9]*\).*/\1/p" "$2"; }

check "--help documents --stats" bash -c "'$OCTAVO' --help | grep -q -- '--stats'"

# style page-size-in-pt (as pdfinfo prints it)
for spec in "a5:419.528 x 595.276" "a4:595.276 x 841.89" "letter:612 x 792" "6x9:432 x 648"; do
  style=${spec%%:*} size=${spec#*:}
  # Each copy is a folder named corpus: the disclaimer names the corpus folder.
  mkdir -p "$WORK/$style" && cp -r "$SOURCE_DIR/corpus" "$WORK/$style/corpus"
  { echo "style = \"$style\""; cat "$SOURCE_DIR/corpus/book.toml"; } >"$WORK/$style/corpus/book.toml"
  if ! "$OCTAVO" build "$WORK/$style/corpus" -o "$WORK/out-$style" --format pdf --stats -q >"$WORK/$style.stats" 2>"$WORK/$style.log"; then
    fail "$style: the build succeeds"; cat "$WORK/$style.log" >&2; continue
  fi
  pdf=$WORK/out-$style/kratom-pain-and-sleep.pdf
  check "$style: qpdf --check is clean" qpdf --check "$pdf" >/dev/null
  check "$style: pages are $size pt" bash -c "pdfinfo '$pdf' | grep -q 'Page size: *$size pts'"
  check "$style: --stats counts the PDF's pages" \
    test "$(stat_of pages "$WORK/$style.stats")" = "$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')"
  check "$style: more than 500 lines set" test "$(stat_of lines "$WORK/$style.stats")" -gt 500
  for figure in "overfull lines" widows orphans "headings alone at a foot"; do
    check "$style: $figure: 0" test "$(stat_of "$figure" "$WORK/$style.stats")" = 0
  done
  check "$style: no more than two hyphenated lines in a row" \
    test "$(stat_of "longest hyphenated run" "$WORK/$style.stats")" -le 2
done
echo "corpus/ with the default style:"; cat "$WORK/a5.stats"
check "without a choice the PDF is the A5 one, byte for byte" bash -c \
  "'$OCTAVO' build '$SOURCE_DIR/corpus' -o '$WORK/default' --format pdf -q && cmp -s '$WORK/default/kratom-pain-and-sleep.pdf' '$WORK/out-a5/kratom-pain-and-sleep.pdf'"

# Impossible geometry and unknown styles: errors at book.toml line:col, from check and build.
cp -r "$SOURCE_DIR/corpus" "$WORK/bad"
printf '\n[style]\nbase = "a4"\nmargin_outer = "190mm"\n' >>"$WORK/bad/book.toml"
line=$(grep -n '^margin_outer' "$WORK/bad/book.toml" | cut -d: -f1)
check "check fails on margins wider than the page" bash -c "! '$OCTAVO' check '$WORK/bad' --diagnostics=short 2>'$WORK/bad.log'"
check "the error points at the margin in book.toml" grep -q "^book.toml:$line:16: error: the margins" "$WORK/bad.log"
check "build fails too, and writes nothing" bash -c "! '$OCTAVO' build '$WORK/bad' -o '$WORK/out-bad' -q 2>/dev/null && test -z \"\$(ls -A '$WORK/out-bad' 2>/dev/null)\""
cp -r "$SOURCE_DIR/corpus" "$WORK/unknown"
{ echo 'style = "a3"'; cat "$SOURCE_DIR/corpus/book.toml"; } >"$WORK/unknown/book.toml"
check "an unknown style fails the check" bash -c "! '$OCTAVO' check '$WORK/unknown' --diagnostics=short 2>'$WORK/unknown.log'"
check "and names the styles there are" grep -qx "  hint: available styles: 6x9, a4, a5, letter" "$WORK/unknown.log"
check "at book.toml line:col" grep -q "^book.toml:1:9: error: unknown style 'a3'" "$WORK/unknown.log"
finish
