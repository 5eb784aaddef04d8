#!/usr/bin/env bash
# Both books at once: the EPUB is written on a second thread beside layout and the PDF. The books
# and the diagnostics must not depend on the scheduling: the same bytes and the same text, in the
# same order, on every run, and the same books as each format built alone; a PDF that fails still
# leaves no EPUB behind.
source "$(dirname "$0")/lib.sh"
corpus=$WORK/corpus
mkdir -p "$corpus"
printf 'title = "Side by side"\ndate = "2026-01-01"\n' >"$corpus/book.toml"
cp "$SOURCE_DIR"/corpus/*.txt "$corpus/"
# Warnings from import (before the writers) and from layout (on the PDF's thread, while the EPUB
# is being written on the other): a byte that is not UTF-8, a glyph no PDF font has, a long word.
printf 'A stray \x80 byte.\n' >"$corpus/a-import.txt"
printf 'A smile \xf0\x9f\x98\x80 here.\n' >"$corpus/b-emoji.txt"
{ echo "Before the word."; printf 'x%.0s' $(seq 1 300); echo; } >"$corpus/c-long-word.txt"

expected=$(cat <<'END'
a-import.txt:1:9: warning: invalid UTF-8 replaced by U+FFFD
000_c5692fd7a24f35ab.txt: warning: no title in front matter, book.toml or an opening heading; using the file name
001_2c6643e1881c5ebf.txt: warning: no title in front matter, book.toml or an opening heading; using the file name
002_5487eced9ec0c20f.txt: warning: no title in front matter, book.toml or an opening heading; using the file name
003_bd4db81b6e8c4426.txt: warning: no title in front matter, book.toml or an opening heading; using the file name
004_c32646a6888d01f9.txt: warning: no title in front matter, book.toml or an opening heading; using the file name
a-import.txt: warning: no title in front matter, book.toml or an opening heading; using the file name
b-emoji.txt: warning: no title in front matter, book.toml or an opening heading; using the file name
c-long-word.txt: warning: no title in front matter, book.toml or an opening heading; using the file name
b-emoji.txt:1:1: warning: characters the PDF fonts cannot draw are shown as □: 😀 (U+1F600)
c-long-word.txt:2:1: warning: word too long for the line; broken at the measure
octavo: wrote OUT/side-by-side.epub
octavo: wrote OUT/side-by-side.pdf
END
)
for run in 1 2 3 4 5; do
  build_corpus "$corpus" "$WORK/all-$run" --format all || fail "run $run: the build failed"
  check "run $run: the diagnostics are exactly the expected text, in order" \
    diff -u <(printf '%s\n' "$expected") <(sed "s|$WORK/all-$run|OUT|" "$WORK/all-$run.log")
  for book in side-by-side.epub side-by-side.pdf; do
    check "run $run: $book is byte-identical to run 1's" cmp "$WORK/all-1/$book" "$WORK/all-$run/$book"
  done
done
build_corpus "$corpus" "$WORK/epub" --format epub
build_corpus "$corpus" "$WORK/pdf" --format pdf
check "--format epub writes the same EPUB" cmp "$WORK/all-1/side-by-side.epub" "$WORK/epub/side-by-side.epub"
check "--format pdf writes the same PDF" cmp "$WORK/all-1/side-by-side.pdf" "$WORK/pdf/side-by-side.pdf"
check "--format pdf reports the same diagnostics (the EPUB writer has none here)" \
  diff <(grep -v '^octavo: wrote' "$WORK/all-1.log") <(grep -v '^octavo: wrote' "$WORK/pdf.log")

# A PDF that cannot be made (no fonts): exit 1, and the EPUB written beside it is not kept either.
mkdir -p "$WORK/data" "$WORK/broken"
cp -r "$SOURCE_DIR/styles" "$WORK/data/"
mkdir "$WORK/data/fonts"
check "a build whose PDF fails exits with 1" \
  expect_exit 1 env OCTAVO_DATA_DIR="$WORK/data" "$OCTAVO" build "$corpus" -o "$WORK/broken" --format all
check "the failure is reported" grep -q 'error: cannot read the font file' "$WORK/stderr"
# (The EPUB's compressed files may be kept in the build cache: they are what a next build needs.)
check "no book and no temporary file is left" test "$(ls -A "$WORK/broken" | grep -cv '^\.octavo-cache$')" -eq 0
check "nothing unfinished is left in the cache" \
  test -z "$(find "$WORK/broken" -name '*.next-*' -o -name '.tmp-*')"
finish
