#!/usr/bin/env bash
# The octavo program allocates with mimalloc (CMakeLists.txt, OCTAVO_MIMALLOC): its malloc is the
# one the process runs with (mimalloc says so when asked to be verbose), a book is built with it,
# and a book built twice is the same bytes.
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
finish
