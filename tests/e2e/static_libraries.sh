#!/usr/bin/env bash
# With OCTAVO_STATIC_LIBRARIES (CMakeLists.txt, "Linking"), the libraries whose Debian -dev package
# ships a static archive are inside the octavo program, and libstdc++ and toml++ (compiled from its
# headers) unless the build is sanitized (the third argument says "libstdc++" when they must be
# inside): the program does not name them as needed, the dynamic loader loads none of them while
# books without SVG or GIF pictures are built (LD_DEBUG=files lists what it loads), and the books
# that need each are built. (Drawing an SVG opens librsvg, whose libxml2 brings ICU and libstdc++
# as shared libraries of its own: lazy_libraries.sh.)
source "$(dirname "$0")/lib.sh"
inside=(libcmark-gfm libyaml-cpp libgumbo libpugixml libicuuc libicudata libhyphen libdeflate)
if [ "${3:-}" = libstdc++ ]; then inside+=(libstdc++ libgcc_s libtomlplusplus); fi
needed=$(readelf -d "$OCTAVO" | grep NEEDED || true)
check "readelf lists what octavo needs" grep -q 'libc\.so' <<<"$needed"
for library in "${inside[@]}"; do
  check "octavo does not need $library" bash -c "! grep -qF '[$library' <<<'$needed'"
done
# corpus/ (book.toml read with toml++, lines hyphenated with libhyphen, the EPUB's files deflated
# with libdeflate), Markdown with GFM tables (cmark-gfm and its extensions) and TOML and YAML front
# matter (yaml-cpp), an HTML article (gumbo), a site with SVG pictures (pugixml); every book's
# heading ids are made with ICU's case mapping.
LD_DEBUG=files "$OCTAVO" build "$SOURCE_DIR/corpus" -o "$WORK/corpus" 2>"$WORK/corpus.log" >/dev/null &&
  pass "corpus/ builds" || fail "octavo build corpus"
for corpus in markdown html site; do
  LD_DEBUG=files "$OCTAVO" build "$SOURCE_DIR/tests/e2e/corpora/$corpus" -o "$WORK/$corpus" \
    2>"$WORK/$corpus.log" >/dev/null && pass "the $corpus corpus builds" || fail "octavo build $corpus"
done
check "the loader's log is there (LD_DEBUG works here)" grep -q "file=libhpdf" "$WORK/corpus.log"
for log in corpus markdown html site; do
  if [ "$log" != site ]; then
    for library in "${inside[@]}"; do
      check "building $log never loads $library" bash -c "! grep -qF 'file=$library' '$WORK/$log.log'"
    done
  fi
  check "and both $log books are written" test -s "$(ls "$WORK/$log"/*.pdf)" -a -s "$(ls "$WORK/$log"/*.epub)"
done
finish
