#!/usr/bin/env bash
# The octavo program allocates with mimalloc (CMakeLists.txt, OCTAVO_MIMALLOC): its malloc is the
# one the process runs with (mimalloc says so when asked to be verbose), a book is built with it,
# a build ends without freeing its heap, a book built twice is the same bytes, and a build's heap
# is in large pages where the kernel allows.
source "$(dirname "$0")/lib.sh"
check "octavo links mimalloc first, before the C library" \
  bash -c "readelf -d '$OCTAVO' | grep NEEDED | head -n 1 | grep -q libmimalloc"
MIMALLOC_VERBOSE=1 "$OCTAVO" --version >"$WORK/version" 2>"$WORK/verbose" || fail "octavo --version"
check "mimalloc starts with the process" grep -q '^mimalloc: process init' "$WORK/verbose"
# Once its books are written a build ends the process at once (src/heap_pages.cpp,
# exit_leaving_heap): the system takes the heap back whole, and mimalloc's own end of the process,
# which frees and unmaps it piece by piece, never runs; nor does any static destructor.
MIMALLOC_VERBOSE=1 "$OCTAVO" build "$SOURCE_DIR/corpus" -o "$WORK/verbose-build" -q 2>"$WORK/verbose" ||
  fail "octavo build corpus (verbose mimalloc)"
check "a build starts mimalloc" grep -q '^mimalloc: process init' "$WORK/verbose"
check "a build ends without mimalloc's end of the process" bash -c "! grep -q 'process done' '$WORK/verbose'"
check "and its books are written" test -s "$(ls "$WORK"/verbose-build/*.pdf)"
build_corpus "$SOURCE_DIR/corpus" "$WORK/one" --no-cache && build_corpus "$SOURCE_DIR/corpus" "$WORK/two" --no-cache &&
  pass "corpus/ builds twice" || fail "octavo build corpus"
for book in "$WORK"/one/*.epub "$WORK"/one/*.pdf; do
  check "$(basename "$book") is the same bytes both times" cmp -s "$book" "$WORK/two/$(basename "$book")"
done
# A build asks mimalloc for its heap in 2 MiB pages and runs on a thread whose heap is made after
# that (src/heap_pages.cpp). Where the kernel gives transparent huge pages to whoever asks
# ("[madvise]"), building corpus/ then takes some 850 minor page faults: about 3,850 in 4 KiB
# pages, and about 1,850 with the options set but the build left on the main thread. A user's
# MIMALLOC_LARGE_OS_PAGES=0 must bring the small pages back, and the same books. With "[always]"
# every heap is in huge pages, asked or not, and with "[never]" none is: there the counts show
# nothing of ours.
thp=/sys/kernel/mm/transparent_hugepage/enabled
if ! grep -q '\[madvise\]' "$thp" 2>/dev/null; then
  echo "skipped: transparent huge pages are not given on request here ($(cat "$thp" 2>/dev/null || echo "no $thp"))"
elif [ ! -x /usr/bin/time ]; then
  fail "no GNU time at /usr/bin/time (Debian package time) to count page faults with"
else
  # faults_of OUT [VAR=VALUE…]: the minor page faults of one build of corpus/ into OUT.
  faults_of() {
    local out=$1; shift
    env "$@" /usr/bin/time -f %R -o "$WORK/faults" "$OCTAVO" build "$SOURCE_DIR/corpus" -o "$out" -q ||
      fail "octavo build corpus into $out (counting page faults)"
    tail -n 1 "$WORK/faults"
  }
  large=$(faults_of "$WORK/large")
  small=$(faults_of "$WORK/small" MIMALLOC_LARGE_OS_PAGES=0)
  check "a build of corpus/ maps its heap in large pages: $large minor page faults, fewer than 1,200" \
    test "$large" -lt 1200
  check "MIMALLOC_LARGE_OS_PAGES=0 stands: $small faults in small pages, more than twice $large" \
    test "$small" -gt $((2 * large))
  for book in "$WORK"/large/*.epub "$WORK"/large/*.pdf; do
    check "$(basename "$book") is the same bytes in small pages" cmp -s "$book" "$WORK/small/$(basename "$book")"
  done

  # `octavo watch` builds on such a thread too, and mimalloc keeps the large pages between builds:
  # three rebuilds of a copy of corpus/ after the first build take some 60 minor page faults in
  # all. With the builds on the main thread in small pages, as before, they took about 3,500, and
  # with the options set but the builds left on the main thread about 450.
  # minor_faults PID: the process's minor page faults so far (/proc/PID/stat's 10th field,
  # counted after the name in parentheses, which may hold spaces).
  minor_faults() { sed 's/.*) //' "/proc/$1/stat" | cut -d' ' -f8; }
  # watch_faults LOG [VAR=VALUE…]: sets `faults` to the minor page faults of `octavo watch` over
  # three rebuilds; false, with the reason on stderr, when the watcher did not build, rebuild or
  # end with 0 on SIGINT (it is killed then).
  watch_faults() {
    local log=$1 corpus=$WORK/watched pid before after n
    shift
    rm -rf "$corpus" "$WORK/watched-out" && cp -r "$SOURCE_DIR/corpus" "$corpus"
    : >"$log"
    env "$@" "$OCTAVO" watch "$corpus" -o "$WORK/watched-out" >/dev/null 2>"$log" &
    pid=$!
    # given_up WHAT: the watcher killed (a hung build would hold it), and false.
    given_up() {
      echo "octavo watch $*" >&2
      kill -KILL "$pid" 2>/dev/null
      wait "$pid"
      return 1
    }
    wait_for_log "$log" "$pid" '^octavo: watching ' 1 || { given_up "did not build"; return 1; }
    before=$(minor_faults "$pid")
    for n in 1 2 3; do
      echo "Sentence $n of the watched edits." >>"$corpus/000_c5692fd7a24f35ab.txt"
      wait_for_log "$log" "$pid" '^octavo: rebuilt in ' "$n" || { given_up "did not rebuild"; return 1; }
    done
    after=$(minor_faults "$pid")
    kill -INT "$pid" && wait "$pid" || { echo "octavo watch did not end with 0 on SIGINT" >&2; return 1; }
    [[ $before =~ ^[0-9]+$ && $after =~ ^[0-9]+$ ]] || { echo "no fault counts: '$before', '$after'" >&2; return 1; }
    faults=$((after - before))
  }
  if watch_faults "$WORK/watch-large.log"; then
    check "octavo watch keeps its heap in large pages: $faults minor page faults in three rebuilds, fewer than 300" \
      test "$faults" -lt 300
  else
    fail "octavo watch on a copy of corpus/ (counting page faults)"
  fi
  if watch_faults "$WORK/watch-small.log" MIMALLOC_LARGE_OS_PAGES=0; then
    check "MIMALLOC_LARGE_OS_PAGES=0 stands for watch too: $faults faults, more than 1,000" test "$faults" -gt 1000
  else
    fail "octavo watch on a copy of corpus/ in small pages (counting page faults)"
  fi
fi
finish
