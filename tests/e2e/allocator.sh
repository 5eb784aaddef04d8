#!/usr/bin/env bash
# The octavo program allocates with mimalloc (CMakeLists.txt, OCTAVO_MIMALLOC): its malloc is the
# one the process runs with (mimalloc says so when asked to be verbose), a book is built with it,
# a book built twice is the same bytes, and a build's heap is in large pages where the kernel allows.
source "$(dirname "$0")/lib.sh"
check "octavo links mimalloc first, before the C library" \
  bash -c "readelf -d '$OCTAVO' | grep NEEDED | head -n 1 | grep -q libmimalloc"
MIMALLOC_VERBOSE=1 "$OCTAVO" --version >"$WORK/version" 2>"$WORK/verbose" || fail "octavo --version"
check "mimalloc starts with the process" grep -q '^mimalloc: process init' "$WORK/verbose"
build_corpus "$SOURCE_DIR/corpus" "$WORK/one" --no-cache && build_corpus "$SOURCE_DIR/corpus" "$WORK/two" --no-cache &&
  pass "corpus/ builds twice" || fail "octavo build corpus"
for book in "$WORK"/one/*.epub "$WORK"/one/*.pdf; do
  check "$(basename "$book") is the same bytes both times" cmp -s "$book" "$WORK/two/$(basename "$book")"
done
# A build asks mimalloc for its heap in 2 MiB pages and runs on a thread whose heap is made after
# that (src/heap_pages.cpp, src/main.cpp). Where the kernel gives transparent huge pages to whoever
# asks ("[madvise]"), building corpus/ then takes a few hundred minor page faults; in 4 KiB pages
# it took about 3,800. With "[always]" every heap is in huge pages, asked or not, and with
# "[never]" none is, so there the count shows nothing of ours.
thp=/sys/kernel/mm/transparent_hugepage/enabled
if grep -q '\[madvise\]' "$thp" 2>/dev/null; then
  /usr/bin/time -f %R -o "$WORK/faults" "$OCTAVO" build "$SOURCE_DIR/corpus" -o "$WORK/faulted" -q ||
    fail "octavo build corpus (counting page faults)"
  faults=$(tail -n 1 "$WORK/faults")
  check "a build of corpus/ maps its heap in large pages: $faults minor page faults, fewer than 2,000" \
    test "$faults" -lt 2000
else
  echo "skipped: transparent huge pages are not given on request here ($(cat "$thp" 2>/dev/null || echo "no $thp"))"
fi
finish
