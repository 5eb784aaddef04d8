#!/usr/bin/env bash
# librsvg, cairo, gdk-pixbuf and fontconfig (and the thirty-odd libraries they bring) are opened
# when a picture needs them, not at start: octavo does not link them, a book without SVG or GIF
# pictures never loads them (LD_DEBUG=files shows what the dynamic loader loads), and a book with
# them loads them and is built. libzip (with libcrypto) likewise, when an EPUB is written: never
# for the PDF alone or for `octavo check`.
source "$(dirname "$0")/lib.sh"
needed=$(readelf -d "$OCTAVO" | grep NEEDED || true)
for library in librsvg libcairo libgdk_pixbuf libfontconfig libzip; do
  check "octavo does not link $library" bash -c "! grep -q '$library' <<<'$needed'"
done
LD_DEBUG=files "$OCTAVO" build "$SOURCE_DIR/corpus" -o "$WORK/plain" 2>"$WORK/plain.log" >/dev/null &&
  pass "corpus/ builds" || fail "octavo build corpus"
check "the loader loaded libraries (LD_DEBUG works here)" grep -q "file=libhpdf" "$WORK/plain.log"
for library in librsvg libcairo libgdk_pixbuf libfontconfig; do
  check "corpus/ (no pictures to draw) never loads $library" bash -c "! grep -q 'file=$library' '$WORK/plain.log'"
done
check "and loads libzip for the EPUB" grep -q "file=libzip" "$WORK/plain.log"
LD_DEBUG=files "$OCTAVO" build "$SOURCE_DIR/corpus" -o "$WORK/pdf" --format pdf 2>"$WORK/pdf.log" >/dev/null &&
  pass "corpus/'s PDF alone builds" || fail "octavo build --format pdf"
LD_DEBUG=files "$OCTAVO" check "$SOURCE_DIR/corpus" 2>"$WORK/check.log" >/dev/null && pass "corpus/ checks" || fail "octavo check"
for log in pdf check; do
  check "the loader loaded libraries for $log (LD_DEBUG works here)" grep -q "file=libhpdf" "$WORK/$log.log"
  check "$log never loads libzip nor libcrypto" bash -c "! grep -qE 'file=(libzip|libcrypto)' '$WORK/$log.log'"
done
# A libzip the loader cannot load (a damaged file found first on LD_LIBRARY_PATH): the EPUB fails
# with the loader's reason and a hint, and, the books being written together, neither is left;
# the PDF alone still builds.
mkdir -p "$WORK/broken"
printf 'not a library\n' >"$WORK/broken/libzip.so.4"
check "a libzip that cannot be loaded fails the build" \
  expect_exit 1 env LD_LIBRARY_PATH="$WORK/broken" "$OCTAVO" build "$SOURCE_DIR/corpus" -o "$WORK/no-zip"
check "saying why" grep -qE "kratom-pain-and-sleep\.epub: error: cannot write the EPUB: libzip cannot be loaded: .*libzip\.so\.4" "$WORK/stderr"
check "with what to do" grep -qF "hint: install libzip4 (Debian), or build only the PDF with --format pdf" "$WORK/stderr"
check "and no book is written" test -z "$(ls -A "$WORK/no-zip" | grep -v '^\.octavo-cache$')"
check "the PDF alone builds without it" \
  expect_exit 0 env LD_LIBRARY_PATH="$WORK/broken" "$OCTAVO" build "$SOURCE_DIR/corpus" -o "$WORK/no-zip" --format pdf
LD_DEBUG=files "$OCTAVO" build "$SOURCE_DIR/tests/e2e/corpora/site" -o "$WORK/site" 2>"$WORK/site.log" >/dev/null &&
  pass "a book with SVG and GIF pictures builds" || fail "octavo build site"
for library in librsvg libgdk_pixbuf libfontconfig; do
  check "and loads $library" grep -q "file=$library" "$WORK/site.log"
done
finish
