#!/usr/bin/env bash
# DAISY Ace, the EPUB accessibility checker (axe-core rules plus EPUB checks), reports no violation
# in corpus/'s EPUB nor in the EPUB of every kind (every_kind_epub). Ace runs Debian's chromium
# headless; .ci/run installs the Ace pinned in tests/e2e/ace/ into <build>/ace. Skipped, with a
# message and exit code 77, when Ace, Node.js or chromium is missing.
source "$(dirname "$0")/lib.sh"
KINDS=$(realpath "$3")
ace=${OCTAVO_ACE:-$(dirname "$OCTAVO")/ace/node_modules/.bin/ace-cli}
browser=${PUPPETEER_EXECUTABLE_PATH:-/usr/bin/chromium}
skip() { echo "SKIP: $* — DAISY Ace not run (see tests/e2e/ace.sh)"; exit 77; }
command -v node >/dev/null || skip "Node.js is not installed"
[ -x "$ace" ] || skip "no Ace at $ace (install it: see .ci/run, or set OCTAVO_ACE)"
[ -x "$browser" ] || skip "no chromium at $browser (Debian package chromium)"

build_corpus "$SOURCE_DIR/corpus" "$WORK/out" --format epub || { cat "$WORK/out.log"; fail "octavo build corpus"; finish; }
"$KINDS" "$SOURCE_DIR" "$WORK/every-kind.epub" || { fail "every_kind_epub wrote no book"; finish; }

# Puppeteer starts the browser with background networking, component updates and sync off, and Ace
# adds --no-sandbox (needed as root). Ace and the browser keep their state under $WORK, not in HOME.
run_ace() {
  local name=$1 epub=$2
  HOME="$WORK/home" PUPPETEER_EXECUTABLE_PATH="$browser" PUPPETEER_SKIP_DOWNLOAD=1 ACE_TIMEOUT_INITIAL=60000 \
    "$ace" --silent --force --outdir "$WORK/ace-$name" --tempdir "$WORK/ace-tmp-$name" "$epub" >"$WORK/ace-$name.log" 2>&1
}

# Prints each violation (document, rule, impact, element) and exits 1 if there is any.
violations() {
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
  ' "$1"
}

for book in "corpus:$WORK/out/kratom-pain-and-sleep.epub" "every-kind:$WORK/every-kind.epub"; do
  name=${book%%:*}
  if ! run_ace "$name" "${book#*:}"; then
    cat "$WORK/ace-$name.log"
    fail "Ace ran on the $name EPUB"
    continue
  fi
  check "Ace: no violation in the $name EPUB" violations "$WORK/ace-$name/report.json"
done
finish
