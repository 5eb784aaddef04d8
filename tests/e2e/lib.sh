# Shared helpers for the end-to-end tests: each test script sources this file, gets the octavo
# binary and the source tree as arguments, and fails with a message naming what went wrong.
set -euo pipefail
OCTAVO=$(realpath "$1")
SOURCE_DIR=$(realpath "$2")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }
finish() { if [ "$failures" -gt 0 ]; then echo "$failures check(s) failed" >&2; exit 1; fi; }

# build_corpus DIR OUT [extra args…]: runs octavo build and keeps its stderr, one line per
# diagnostic (--diagnostics=short), in OUT.log.
build_corpus() {
  local corpus=$1 out=$2; shift 2
  mkdir -p "$out"
  "$OCTAVO" build "$corpus" -o "$out" --diagnostics=short "$@" 2>"$out.log"
}

# The article text a reader must get back: every line of a seed, with the typographic apostrophe
# Octavo's smart punctuation uses, and whitespace collapsed.
expected_paragraphs() {
  sed -e "s/'/’/g" -e 's/^- //' -e 's/[[:space:]]\+$//' "$1" | grep -v '^$'
}

# expect_exit CODE COMMAND…: true when COMMAND exits with CODE; its output goes to $WORK/stdout and
# $WORK/stderr.
expect_exit() { local want=$1; shift; local got=0; "$@" >"$WORK/stdout" 2>"$WORK/stderr" || got=$?; test "$got" -eq "$want"; }

# epubcheck_books LOG BOOK…: epubcheck 4.2.6 on every BOOK in one JVM (EpubCheckBooks.java), each
# report in LOG after a "== BOOK" line; true when every book has 0 fatals, errors and warnings.
epubcheck_books() {
  local log=$1; shift
  java -cp /usr/share/java/epubcheck.jar "$SOURCE_DIR/tests/e2e/EpubCheckBooks.java" "$@" >"$log" 2>&1 || true
  test "$(grep -c '^Messages: 0 fatals / 0 errors / 0 warnings' "$log")" -eq "$#"
}
