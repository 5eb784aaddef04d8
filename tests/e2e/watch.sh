#!/usr/bin/env bash
# `octavo watch` on a copy of corpus/: the first build, a rebuild after an editor-like save (the new
# sentence is in both books), a new subfolder watched as it appears, a broken book.toml (its
# diagnostic, a failure line, the last good books kept byte for byte), the fix, and a clean exit 0
# on SIGINT with no temporary file left; exit 1 for a corpus missing or removed. Every wait polls
# with a generous limit (slow sanitizer builds), never a fixed sleep.
source "$(dirname "$0")/lib.sh"

corpus=$WORK/corpus
out=$WORK/out
log=$WORK/watch.log
cp -r "$SOURCE_DIR/corpus" "$corpus"
article=$corpus/000_c5692fd7a24f35ab.txt
# Short words only, so that no hyphenation or line break can split the sentence in the PDF's text.
sentence="Zed saw the new bit and was glad."

# The log exists before the watcher starts: the shell opens it only in the child, maybe later.
: >"$log"
"$OCTAVO" watch "$corpus" -o "$out" --diagnostics=short 2>"$log" &
pid=$!
# If a check or a signal stops the script, the watcher must not outlive it (nor would it long: it
# stops when its corpus is removed).
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$WORK"' EXIT
trap 'exit 1' INT TERM HUP PIPE

limit=120  # seconds for each step, sanitizer builds of a loaded machine included
# lines REGEX: how many lines of the log match (grep -c prints 0 and fails when none does).
lines() { grep -cE "$1" "$log" || true; }
# wait_for REGEX COUNT: true once COUNT lines of the log match REGEX; false when the limit passes
# or the watcher ends first (lib.sh).
wait_for() { wait_for_log "$log" "$pid" "$1" "$2" "$limit"; }
rebuilt='^octavo: rebuilt in [0-9]+\.[0-9]{2} s: 2 books$'
failed='^octavo: build failed in [0-9]+\.[0-9]{2} s \([0-9]+ errors?\); the last good books are kept$'
# wait_for_exit PID: waits up to the limit for the background watcher to end; sets status to its
# exit code.
wait_for_exit() {
  local start=$SECONDS
  while kill -0 "$1" 2>/dev/null && [ $((SECONDS - start)) -lt "$limit" ]; do sleep 0.1; done
  status=0
  wait "$1" || status=$?
}
# has_sentence pdftotext|epub_text BOOK: the book's text, each run of whitespace made one space,
# holds the sentence.
epub_text() { unzip -p "$1" '*.xhtml'; }  # BOOK -: as pdftotext BOOK - prints its text
has_sentence() { grep -qF "$sentence" <("$1" "$2" - | tr -s '[:space:]' ' '); }
# in_last_build REGEX: a line between the last two status lines matches REGEX.
status_lines='^octavo: ((re)?built|build failed) in '
in_last_build() {
  local numbers
  numbers=$(grep -nE "$status_lines" "$log" | cut -d: -f1 | tail -n 2 | tr '\n' ' ')
  set -- "$1" $numbers
  test $# -eq 3 && grep -qE "$1" <(sed -n "$(($2 + 1)),$(($3 - 1))p" "$log")
}
epub=$out/kratom-pain-and-sleep.epub
pdf=$out/kratom-pain-and-sleep.pdf

check "the first build" wait_for '^octavo: built in [0-9]+\.[0-9]{2} s: 2 books$' 1
check "then it says it watches" wait_for '^octavo: watching .* for changes; Ctrl-C stops$' 1
cp "$epub" "$WORK/first.epub"
cp "$pdf" "$WORK/first.pdf"

# 1. Files editors leave beside an article make no build: a backup, a swap file, vim's write test.
# The pause lets a build they wrongly caused start on its own (debouncing waits 150 ms), so that the
# count of builds at the end tells; on a machine too slow for that it merges with the next, and the
# check passes without proving anything, but never fails wrongly.
cp "$article" "$corpus/000_c5692fd7a24f35ab.txt~"
printf 'swap\n' >"$corpus/.000_c5692fd7a24f35ab.txt.swp"
printf 'x' >"$corpus/4913" && rm "$corpus/4913"
sleep 1
# A save as editors make it: a hidden temporary file, renamed onto the article. One save, one build.
{ cat "$article"; printf '\n%s\n' "$sentence"; } >"$corpus/.000.txt.tmp"
mv "$corpus/.000.txt.tmp" "$article"
check "an edit rebuilds" wait_for "$rebuilt" 1
check "the EPUB changed" bash -c "! cmp -s '$epub' '$WORK/first.epub'"
check "the PDF changed" bash -c "! cmp -s '$pdf' '$WORK/first.pdf'"
check "the EPUB holds the new sentence" has_sentence epub_text "$epub"
check "the PDF holds the new sentence" has_sentence pdftotext "$pdf"
cp "$epub" "$WORK/edited.epub"
cp "$pdf" "$WORK/edited.pdf"

# 2. A new subfolder is watched as soon as it appears: an article written into it is seen at once
# (it is not listed in book.toml, an error), and its removal builds again.
mkdir "$corpus/later"
check "a new folder rebuilds" wait_for "$rebuilt" 2
# Written whole and renamed, one event: a file created in place is two (its creation, then its
# close), which a loaded machine can hold apart long enough for a build of their own each.
printf 'Not in the manifest.\n' >"$corpus/later/.note.tmp"
mv "$corpus/later/.note.tmp" "$corpus/later/note.txt"
check "an article in the new folder fails the build" wait_for "$failed" 1
check "which says why" in_last_build "^book\.toml:[0-9]+:[0-9]+: error: 'later/note\.txt' is in the corpus folder but not listed"
rm "$corpus/later/note.txt"
check "its removal rebuilds" wait_for "$rebuilt" 3
check "the EPUB is as before" cmp -s "$epub" "$WORK/edited.epub"

# 3. A broken book.toml: its diagnostic, then the failure line; the books stay as they were.
cp "$corpus/book.toml" "$WORK/book.toml"
printf 'title = \n' >"$corpus/book.toml"
check "a broken book.toml fails the build" wait_for "$failed" 2
check "its diagnostic comes before the failure line" in_last_build '^book\.toml:1:[0-9]+: error: toml syntax error'
check "the last good EPUB is kept" cmp -s "$epub" "$WORK/edited.epub"
check "the last good PDF is kept" cmp -s "$pdf" "$WORK/edited.pdf"

# 4. Fixed: built again, into the same bytes as before it broke.
cp "$WORK/book.toml" "$corpus/book.toml"
check "the fix rebuilds" wait_for "$rebuilt" 4
check "into the same EPUB as before" cmp -s "$epub" "$WORK/edited.epub"
check "into the same PDF as before" cmp -s "$pdf" "$WORK/edited.pdf"

# 5. Ctrl-C: exit 0, nothing left behind. (The script's background job has SIGINT ignored; watch
# takes it anyway.)
kill -INT "$pid"
wait_for_exit "$pid"
check "SIGINT ends watch with exit code 0 (got $status)" test "$status" -eq 0
check "no temporary file is left in the output folder (nor in its cache)" \
  test -z "$(find "$out" \( -name '.*' ! -name .octavo-cache \) -o -name '*.next-*')"
# 1 + 4 rebuilt + 2 failed: the ignored files (the hidden temporary, the backup) made no build of their own.
check "one build per change" test "$(lines "$status_lines")" -eq 7
check "no line but status lines, diagnostics and hints" \
  test "$(grep -cvE '^(octavo: |[^ ]+: (warning|error): |  hint: )' "$log")" -eq 0

# A corpus that is not there, or that goes away while watched: exit 1, saying so.
check "a missing corpus: exit 1" expect_exit 1 "$OCTAVO" watch "$WORK/missing" -o "$WORK/out2"
check "it says the corpus is not found" grep -qx "$WORK/missing: error: corpus folder not found" "$WORK/stderr"
cp -r "$SOURCE_DIR/corpus" "$WORK/brief"
log=$WORK/brief.log
: >"$log"
"$OCTAVO" watch "$WORK/brief" -o "$WORK/out2" 2>"$log" &
pid=$!
check "a second watcher starts" wait_for '^octavo: watching ' 1
rm -rf "$WORK/brief"
wait_for_exit "$pid"
check "a removed corpus ends watch with exit code 1 (got $status)" test "$status" -eq 1
check "it says the corpus went away" grep -qE ": error: the corpus folder was removed or moved; stopped watching$" "$log"
finish
