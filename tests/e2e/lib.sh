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
# wait_for_log LOG PID REGEX COUNT [LIMIT]: true once COUNT lines of LOG match REGEX (extended);
# false, with the log on stderr, when LIMIT seconds pass (120) or the process PID ends first. For
# `octavo watch` running in the background (watch.sh, allocator.sh); it polls, never a fixed sleep.
wait_for_log() {
  local log=$1 pid=$2 regex=$3 count=$4 limit=${5:-120} start=$SECONDS seen
  while seen=$(grep -cE "$regex" "$log" || true) && [ "${seen:-0}" -lt "$count" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the watcher ended; its log:" >&2; cat "$log" >&2; return 1; fi
    if [ $((SECONDS - start)) -ge "$limit" ]; then
      echo "waited $limit s for '$regex'; the log:" >&2
      cat "$log" >&2
      return 1
    fi
    sleep 0.1
  done
}

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

# DAISY Ace, the EPUB accessibility checker (axe-core rules plus EPUB checks), run with Debian's
# chromium headless; .ci/run installs the Ace pinned in tests/e2e/ace/ into <build>/ace.
ACE=${OCTAVO_ACE:-$(dirname "$OCTAVO")/ace/node_modules/.bin/ace-cli}
ACE_BROWSER=${PUPPETEER_EXECUTABLE_PATH:-/usr/bin/chromium}

# ace_missing: prints why Ace cannot run here (no Node.js, Ace or chromium); false when it can.
ace_missing() {
  if ! command -v node >/dev/null; then echo "Node.js is not installed"
  elif [ ! -x "$ACE" ]; then echo "no Ace at $ACE (install it: see .ci/run, or set OCTAVO_ACE)"
  elif [ ! -x "$ACE_BROWSER" ]; then echo "no chromium at $ACE_BROWSER (Debian package chromium)"
  else return 1; fi
}

# ace_check NAME EPUB: runs Ace on EPUB; true when it reports no violation, else prints each
# (document, rule, impact, element). Puppeteer starts the browser with background networking,
# component updates and sync off, and Ace adds --no-sandbox (needed as root). Ace and the browser
# keep their state under $WORK, not in HOME.
ace_check() {
  local name=$1 epub=$2
  if ! HOME="$WORK/home" PUPPETEER_EXECUTABLE_PATH="$ACE_BROWSER" PUPPETEER_SKIP_DOWNLOAD=1 ACE_TIMEOUT_INITIAL=60000     "$ACE" --silent --force --outdir "$WORK/ace-$name" --tempdir "$WORK/ace-tmp-$name" "$epub" >"$WORK/ace-$name.log" 2>&1; then
    cat "$WORK/ace-$name.log"
    echo "Ace did not run on $epub" >&2
    return 1
  fi
  node -e '
    const report = require(process.argv[1]);
    let count = 0;
    for (const doc of report.assertions || [])
      for (const a of doc.assertions || [])
        if (a["earl:result"]["earl:outcome"] === "fail") {
          count++;
          console.log(`${doc["earl:testSubject"].url}: ${a["earl:test"]["dct:title"]} (${a["earl:test"]["earl:impact"]}): ` +
                      `${(a["earl:result"].html || "").replace(/\s+/g, " ").slice(0, 200)}`);
        }
    if (count > 0 || report["earl:result"]["earl:outcome"] !== "pass") process.exit(1);
  ' "$WORK/ace-$name/report.json"
}
