#!/usr/bin/env bash
# Real writing nobody on the project wrote (tests/e2e/corpora/real/, see SOURCES.md there): every
# corpus builds, both books are valid (epubcheck 0 messages, qpdf clean, every font embedded), keep
# the words of every article in order (fidelity.py: ≥ 99.5 % in the EPUB, ≥ 99 % in the PDF) and
# every table, note, local image, link and heading pandoc -f gfm (or -f html) finds, or a warning
# names the file of each one not kept; no markup is shown as text; DAISY Ace finds no violation
# where it is installed (lib.sh). Prints one summary line per corpus.
source "$(dirname "$0")/lib.sh"
command -v pandoc >/dev/null || { echo "SKIP: pandoc is not installed (Debian package pandoc)"; exit 77; }
real=$SOURCE_DIR/tests/e2e/corpora/real
ace_why=$(ace_missing) || ace_why=
epubs=()
qpdf_clean() { qpdf --check "$1" >/dev/null; }
for corpus in "$real"/*/; do
  name=$(basename "$corpus")
  out=$WORK/$name
  if ! build_corpus "$corpus" "$out"; then
    cat "$out.log"
    fail "$name: octavo build"
    continue
  fi
  pass "$name: built, $(grep -c ': warning: ' "$out.log" || true) warnings"
  epub=$(ls "$out"/*.epub)
  pdf=$(ls "$out"/*.pdf)
  epubs+=("$epub")
  check "$name: qpdf --check is clean" qpdf_clean "$pdf"
  check "$name: every font embedded" test -z "$(pdffonts "$pdf" | awk 'NR > 2 && $(NF-4) != "yes"')"
  if python3 "$SOURCE_DIR/tests/e2e/fidelity.py" "$epub" "$pdf" "$corpus" --warnings "$out.log" >"$WORK/$name.fidelity" 2>&1; then
    pass "$name: $(grep -E '^articles' "$WORK/$name.fidelity"); $(grep -E '^kept' "$WORK/$name.fidelity")"
  else
    cat "$WORK/$name.fidelity"
    fail "$name: fidelity to pandoc's reading"
  fi
  if [ -z "$ace_why" ]; then check "$name: DAISY Ace finds no violation" ace_check "$name" "$epub"; fi
done
if epubcheck_books "$WORK/epubcheck.log" "${epubs[@]}"; then
  pass "epubcheck: 0 messages for each of ${#epubs[@]} books"
else
  grep -E '^== |ERROR|WARNING|FATAL' "$WORK/epubcheck.log"
  fail "epubcheck found problems"
fi
[ -z "$ace_why" ] || echo "note: $ace_why — DAISY Ace not run (see tests/e2e/lib.sh)"
finish
