#!/usr/bin/env bash
# librsvg, cairo, gdk-pixbuf and fontconfig (and the thirty-odd libraries they bring) are opened
# when a picture needs them, not at start: octavo does not link them, a book without SVG or GIF
# pictures never loads them (LD_DEBUG=files shows what the dynamic loader loads), and a book with
# them loads them and is built.
source "$(dirname "$0")/lib.sh"
needed=$(readelf -d "$OCTAVO" | grep NEEDED || true)
for library in librsvg libcairo libgdk_pixbuf libfontconfig; do
  check "octavo does not link $library" bash -c "! grep -q '$library' <<<'$needed'"
done
LD_DEBUG=files "$OCTAVO" build "$SOURCE_DIR/corpus" -o "$WORK/plain" 2>"$WORK/plain.log" >/dev/null &&
  pass "corpus/ builds" || fail "octavo build corpus"
check "the loader loaded libraries (LD_DEBUG works here)" grep -q "file=libhpdf" "$WORK/plain.log"
for library in librsvg libcairo libgdk_pixbuf libfontconfig; do
  check "corpus/ (no pictures to draw) never loads $library" bash -c "! grep -q 'file=$library' '$WORK/plain.log'"
done
LD_DEBUG=files "$OCTAVO" build "$SOURCE_DIR/tests/e2e/corpora/site" -o "$WORK/site" 2>"$WORK/site.log" >/dev/null &&
  pass "a book with SVG and GIF pictures builds" || fail "octavo build site"
for library in librsvg libgdk_pixbuf libfontconfig; do
  check "and loads $library" grep -q "file=$library" "$WORK/site.log"
done
finish
