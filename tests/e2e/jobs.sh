#!/usr/bin/env bash
# --jobs N sets the PDF's articles on N threads, ahead of pagination. The books and the diagnostics
# must not depend on N or on the scheduling: with 1, 2 and 5 threads, the same bytes and the same
# warnings in the same order, on corpus/, on corpora with parts and many warnings, and on one whose
# layout warns.
source "$(dirname "$0")/lib.sh"

# Thirty articles of different lengths, so that threads finish out of order, with warnings from
# layout: glyphs no PDF font has (one warning per article) and words wider than the measure.
warned=$WORK/warned
mkdir -p "$warned"
printf 'title = "Jobs"\ndate = "2026-01-01"\n' >"$warned/book.toml"
for i in $(seq 10 39); do
  {
    echo "Article $i"
    echo "==========="
    echo
    # The seed's paragraphs (its lines longer than 200 characters), some twice.
    for p in $(seq 1 $(((i * 7) % 13 + 1))); do
      awk 'length > 200' "$SOURCE_DIR/corpus/00$((i % 5))"_*.txt | sed -n "$((p % 8 + 1))p"
      echo
    done
    if [ $((i % 4)) -eq 1 ]; then printf 'A smile \xf0\x9f\x98\x80 and \xe4\xb8\xad here.\n\n'; fi
    if [ $((i % 6)) -eq 2 ]; then printf 'y%.0s' $(seq 1 300); echo; fi
  } >"$warned/a$i.txt"
done

# tests/e2e/corpora/real: parts in sub-folders, and hundreds of warnings from import and layout.
for corpus in "$SOURCE_DIR/corpus" "$SOURCE_DIR/tests/e2e/corpora/subfolders" "$SOURCE_DIR/tests/e2e/corpora/real" \
  "$warned"; do
  name=$(basename "$corpus")
  for jobs in 1 2 5; do
    build_corpus "$corpus" "$WORK/$name-$jobs" --jobs "$jobs" || fail "$name, --jobs $jobs: the build failed"
    sed -i "s|$WORK/$name-$jobs|OUT|" "$WORK/$name-$jobs.log"
  done
  for jobs in 2 5; do
    for book in "$WORK/$name-1"/*.epub "$WORK/$name-1"/*.pdf; do
      check "$name, --jobs $jobs: $(basename "$book") is byte-identical to --jobs 1's" \
        cmp "$book" "$WORK/$name-$jobs/$(basename "$book")"
    done
    check "$name, --jobs $jobs: the same diagnostics in the same order as --jobs 1" \
      diff -u "$WORK/$name-1.log" "$WORK/$name-$jobs.log"
  done
done
check "the corpus that warns has layout's warnings, several of each" \
  test "$(grep -c 'warning: characters the PDF fonts cannot draw' "$WORK/warned-1.log")" -ge 5 -a \
  "$(grep -c 'warning: word too long for the line' "$WORK/warned-1.log")" -ge 4
# Five runs more with five threads: scheduling differs from run to run.
for run in 1 2 3 4 5; do
  build_corpus "$warned" "$WORK/again-$run" --jobs 5 --format pdf || fail "run $run: the build failed"
  check "run $run with --jobs 5: the same PDF" cmp "$WORK/warned-1/jobs.pdf" "$WORK/again-$run/jobs.pdf"
  sed -i "s|$WORK/again-$run|OUT|" "$WORK/again-$run.log"
  check "run $run with --jobs 5: the same diagnostics" \
    diff <(grep -v '^octavo: wrote' "$WORK/warned-1.log") <(grep -v '^octavo: wrote' "$WORK/again-$run.log")
done
check "--jobs 0 is a usage error" expect_exit 2 "$OCTAVO" build "$warned" -o "$WORK/zero" --jobs 0
finish
