#!/usr/bin/env bash
# Progress on long builds: on a terminal (a pseudo-terminal made by util-linux `script`, Debian's
# essential bsdutils), one line rewritten with '\r', cleared before a diagnostic and before the
# final lines; nothing when stderr is a file, nothing with -q, nothing for a quick build.
source "$(dirname "$0")/lib.sh"

command -v script >/dev/null || { echo "FAIL: util-linux 'script' is missing (Debian package bsdutils)" >&2; exit 1; }

# 1,000 articles varied from the seeds, two seeds each, in a manifest: with one, a cold build of
# the PDF took 1.25-1.65 s here, too near the second the checks below need for a faster machine
# (two take about 2.6 s). The seeds end without a newline: a blank line goes between them. Article
# 600 holds an emoji the PDF fonts lack, so a warning arrives in the middle of laying out, while
# the progress line is shown.
corpus=$WORK/corpus
mkdir -p "$corpus"
seeds=("$SOURCE_DIR"/corpus/*.txt)
printf 'title = "Progress"\ndate = "2026-01-01"\n' >"$corpus/book.toml"
for ((i = 0; i < 1000; i++)); do
  name=$(printf 'article-%04d.txt' "$i")
  {
    echo "Variant $i of a seed article."
    cat "${seeds[i % ${#seeds[@]}]}"
    printf '\n\n'
    cat "${seeds[(i + 1) % ${#seeds[@]}]}"
  } >"$corpus/$name"
  printf '\n[[articles]]\nfile = "%s"\ntitle = "Article %d"\n' "$name" "$i" >>"$corpus/book.toml"
done
printf 'A smile \xf0\x9f\x98\x80 in the middle.\n' >>"$corpus/article-0600.txt"

# on_terminal OUT COMMAND…: runs COMMAND with stdin, stdout and stderr on a pseudo-terminal and
# keeps what it printed in OUT (line ends there are "\r\n"). Fails if COMMAND fails.
on_terminal() {
  local out=$1; shift
  SHELL=/bin/bash script -qec "$(printf '%q ' "$@")" /dev/null </dev/null >"$out"
}

# What a terminal shows after these bytes: on each line, '\r' returns to its start and what
# follows overwrites; trailing spaces are invisible.
visible() {
  awk '{ n = split($0, parts, "\r"); screen = ""
         for (k = 1; k <= n; k++) screen = parts[k] substr(screen, length(parts[k]) + 1)
         sub(/ +$/, "", screen); print screen }' "$1"
}

# marked_has FILE REGEX: FILE, with each '\r' written as <CR>, has a line matching REGEX.
marked_has() { grep -qE "$2" <(sed 's/\r/<CR>/g' "$1"); }
# no_cr FILE: no '\r' in FILE, line ends ("\r\n") aside.
no_cr() { ! grep -q $'\r' <(sed 's/\r$//' "$1"); }
# refused CHECK…: true when CHECK fails.
refused() { ! "$@"; }
# after_warning_has FILE TEXT: a line after the warning's line holds TEXT.
after_warning_has() { grep -q "$2" <(sed -n '/article-0600\.txt:/,$p' "$1" | tail -n +2); }

# seconds COMMAND…: runs COMMAND and keeps how long it took in whole seconds; COMMAND's status.
seconds() {
  local start status=0
  start=$(date +%s%N)
  "$@" || status=$?
  echo $((($(date +%s%N) - start) / 1000000000)) >"$WORK/seconds"
  return "$status"
}
long_enough() { test "$(cat "$WORK/seconds")" -ge 1; }

# Every build below is cold (--no-cache): one taken from the build cache of the build before
# would be over too soon for the progress line to be drawn.

# Without a terminal: only the warning and the books written, no progress text. The PDF alone:
# with both books the EPUB is written on a second thread and the PDF's warnings wait until it is
# done (writers_side_by_side.sh), so when the warning comes would depend on the scheduling.
seconds "$OCTAVO" build --diagnostics=short "$corpus" -o "$WORK/out" --no-cache --format pdf 2>"$WORK/file.log" ||
  fail "the build into a file failed"
check "the build takes over a second, so the progress checks mean something" long_enough
check "no progress into a file: no '\\r'" no_cr "$WORK/file.log"
check "no progress into a file: only the warning and the books" \
  test "$(grep -cvE '^(article-0600\.txt:[0-9]+:[0-9]+: warning: |octavo: wrote )' "$WORK/file.log")" -eq 0
check "the warning is there" grep -qE '^article-0600\.txt:[0-9]+:[0-9]+: warning: characters the PDF fonts' "$WORK/file.log"

# On a terminal: the line, rewritten, then gone.
seconds on_terminal "$WORK/tty.log" "$OCTAVO" build --diagnostics=short "$corpus" -o "$WORK/out" --no-cache --format pdf ||
  fail "the build on a terminal failed"
check "the build on a terminal takes over a second" long_enough
tr '\r' '\n' <"$WORK/tty.log" | sed 's/ *$//' >"$WORK/draws.log"
check "a progress line for laying out articles" grep -qE '^Laying out +[0-9,]+/1,000 articles$' "$WORK/draws.log"
check "the articles are counted up to the total" grep -qx 'Laying out  1,000/1,000 articles' "$WORK/draws.log"
# Pages are drawn into the PDF while the articles are laid out; then the PDF is saved.
check "a progress line for saving the PDF" grep -qx 'Saving PDF' "$WORK/draws.log"
check "the line is updated at most about ten times a second" \
  test "$(grep -cE '^(Reading|Writing|Laying|Saving)' "$WORK/draws.log")" -le $((($(cat "$WORK/seconds") + 1) * 10 + 10))
# The warning starts on a clean line: the progress line, when one is shown by then, is cleared
# first. Whether one is shown depends on the machine's speed (nothing in the first half second; an
# optimised build on a fast machine lays out 600 articles sooner), so both cases are accepted;
# the unit test "compile hides the progress before every diagnostic" checks the order exactly.
# `0,/re/` (GNU sed), not `1,/re/`: the range must end on line 1 when the warning is the first line,
# which is exactly the never-shown case; `1,/re/` looks for its end from line 2 on and so would take
# in every progress line drawn after the warning.
cleared_or_never_shown() {
  marked_has "$1" 'articles *<CR> +<CR>article-0600\.txt:[0-9]+:[0-9]+: warning' ||
    { ! grep -q 'Laying out' <(sed -n '0,/article-0600\.txt:/p' "$1") && marked_has "$1" '^article-0600\.txt:'; }
}
# Which case a build meets depends on the machine, so the check itself is tried on both, and on a
# line left standing, with terminal output written as a build writes it.
warning='article-0600.txt:16:1: warning: characters the PDF fonts cannot draw are shown as \xe2\x96\xa1\r\n'
later='\rLaying out    700/1,000 articles\r                                \roctavo: wrote out/book.pdf\r\n'
printf "\\rLaying out    600/1,000 articles\\r                                \\r$warning$later" >"$WORK/cleared.log"
printf "$warning$later" >"$WORK/never-shown.log"
printf "\\rLaying out    600/1,000 articles$warning$later" >"$WORK/left-standing.log"
check "the warning check accepts a line cleared first" cleared_or_never_shown "$WORK/cleared.log"
check "the warning check accepts a line never shown before it" cleared_or_never_shown "$WORK/never-shown.log"
check "the warning check refuses a line left standing" refused cleared_or_never_shown "$WORK/left-standing.log"
check "the line is cleared before the warning" cleared_or_never_shown "$WORK/tty.log"
check "the progress continues after the warning" after_warning_has "$WORK/tty.log" 'Laying out'
check "the line is cleared before the books written" marked_has "$WORK/tty.log" '<CR> +<CR>octavo: wrote '
visible "$WORK/tty.log" >"$WORK/screen.log"
check "what stays on the screen is what a file gets" diff -u "$WORK/file.log" "$WORK/screen.log"

# Both books (the default) on a terminal: whenever the warning comes, the screen keeps what a file gets.
"$OCTAVO" build --diagnostics=short "$corpus" -o "$WORK/out" --no-cache 2>"$WORK/both-file.log" || fail "both books into a file"
on_terminal "$WORK/both-tty.log" "$OCTAVO" build --diagnostics=short "$corpus" -o "$WORK/out" --no-cache || fail "both books on a terminal"
visible "$WORK/both-tty.log" >"$WORK/both-screen.log"
check "both books: what stays on the screen is what a file gets" diff -u "$WORK/both-file.log" "$WORK/both-screen.log"
check "both books: the warning and both books are reported" \
  test "$(grep -cE '^(article-0600\.txt:[0-9]+:[0-9]+: warning: |octavo: wrote )' "$WORK/both-file.log")" -eq 3

# -q on a terminal: errors only, so nothing at all here.
seconds on_terminal "$WORK/quiet.log" "$OCTAVO" build --diagnostics=short "$corpus" -o "$WORK/out" --no-cache --format pdf -q ||
  fail "the quiet build on a terminal failed"
check "the quiet build takes over a second" long_enough
check "-q on a terminal prints nothing, progress included" test ! -s "$WORK/quiet.log"

# A quick build on a terminal shows no line: the books written, and no '\r' but the line ends.
on_terminal "$WORK/quick.log" "$OCTAVO" build "$SOURCE_DIR/corpus" -o "$WORK/quick" --format epub ||
  fail "the quick build on a terminal failed"
check "a quick build shows no progress" no_cr "$WORK/quick.log"
check "a quick build prints the book written" grep -q 'octavo: wrote ' "$WORK/quick.log"

finish
