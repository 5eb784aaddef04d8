#!/usr/bin/env bash
# Faults: an unwritable output folder, Ctrl-C or SIGTERM in the middle of a large build, a
# read-only corpus, an unreadable article, no thread to spare, and a file size limit. Each must
# leave the previous books byte for byte as they were, no temporary file behind, and nothing
# written into the corpus.
source "$(dirname "$0")/lib.sh"
chmod 755 "$WORK"  # so that an unprivileged user can reach what is below it (see as_user)
umask 022          # and read what is made there, whatever the caller's umask

# chmod does not stop root from writing. As root, the permission checks run octavo as `nobody`
# through setpriv (util-linux); without setpriv they are skipped with a message.
as_user() { "$@"; }
permissions_testable=1
if [ "$(id -u)" -eq 0 ]; then
  if command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; }
    echo "running as root: octavo runs as nobody for the permission checks"
  else
    permissions_testable=0
    echo "SKIP: running as root without setpriv; chmod cannot make a folder unwritable for root"
  fi
fi
temporaries() { find "$1" -name '*.octavo-tmp*' | wc -l; }

# `nobody` may be unable to reach the build tree (a clone under /root is mode 700): every run here
# uses a copy of octavo, its fonts and its styles, laid out as `cmake --install` does, in $WORK.
mkdir -p "$WORK/octavo/bin" "$WORK/octavo/share/octavo"
cp "$OCTAVO" "$WORK/octavo/bin/octavo"
cp -r "$SOURCE_DIR/fonts" "$SOURCE_DIR/styles" "$WORK/octavo/share/octavo"
OCTAVO=$WORK/octavo/bin/octavo
export OCTAVO_DATA_DIR=$WORK/octavo/share/octavo

# A corpus of N articles named big/, so every book here is big.epub and big.pdf.
# Written with shell built-ins only: a process per file takes a minute on a busy machine.
make_corpus() {
  local n=$1 dir=$2/big seed texts=() name
  mkdir -p "$dir"
  for seed in "$SOURCE_DIR"/corpus/*.txt; do texts+=("$(<"$seed")"); done
  for ((i = 0; i < n; i++)); do
    printf -v name '%s/article-%05d.txt' "$dir" "$i"
    printf '%s\n' "${texts[i % ${#texts[@]}]}" >"$name"
  done
}
make_corpus 1 "$WORK/small"
make_corpus 2000 "$WORK/large"
check "octavo runs and finds its data as the user of the permission checks" \
  expect_exit 0 as_user "$OCTAVO" check "$WORK/small/big" -q
out=$WORK/out
check "the previous books are built" expect_exit 0 "$OCTAVO" build "$WORK/small/big" -o "$out" -q
sha256sum "$out"/* >"$WORK/before.sums"
unchanged() { sha256sum --quiet -c "$WORK/before.sums" && test "$(ls -A "$out" | grep -cvx .octavo-cache)" -eq 2; }

# 1. An unwritable output folder: exit 1, an error naming the book, the previous books kept.
if [ "$permissions_testable" = 1 ]; then
  chmod a-w "$out"
  check "an unwritable output folder fails with exit code 1" expect_exit 1 as_user "$OCTAVO" build "$WORK/small/big" -o "$out"
  cat "$WORK/stderr"
  check "the error names the book and the reason" grep -qE "^$out/big\.(epub|pdf): error: .*Permission denied" "$WORK/stderr"
  check "nothing is claimed as written" bash -c "! grep -q 'octavo: wrote' '$WORK/stderr'"
  check "the previous books are untouched, no temporary left" unchanged
  chmod u+w "$out"
fi

# 2. SIGINT and SIGTERM once the large build has started writing (the EPUB's temporary is there
# and the PDF is being laid out): exit 128 + signal, the previous books kept, no temporary left.
for signal in INT TERM; do
  "$OCTAVO" build "$WORK/large/big" -o "$out" -q 2>"$WORK/kill.log" &
  pid=$!
  for ((i = 0; i < 600; i++)); do
    [ "$(temporaries "$out")" -gt 0 ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  check "SIG$signal: octavo had started writing when the signal came" test "$(temporaries "$out")" -gt 0
  kill -s "$signal" "$pid"
  status=0
  wait "$pid" || status=$?
  want=$((128 + $(kill -l "$signal")))
  check "SIG$signal: octavo exits with $want (got $status)" test "$status" -eq "$want"
  check "SIG$signal: the previous books are byte-identical" unchanged
  check "SIG$signal: no temporary file is left" test "$(temporaries "$out")" -eq 0
done
# The build cache's unfinished packs (named by the stopped process) go at the next build.
build_corpus "$WORK/large/big" "$out" || fail "the build after the signals failed"
check "the next build removes the packs the stopped builds left" \
  test -z "$(find "$out/.octavo-cache" -name '*.next-*')"

# 3. A read-only corpus builds, and nothing is written into it, not even with the default output
# folder from inside it (that is <corpus>-out, beside it).
mkdir -m 777 "$WORK/ro" && cp -r "$SOURCE_DIR/corpus" "$WORK/ro/corpus"
snapshot() { (cd "$WORK/ro" && find corpus -printf '%p %s %T@\n' | sort && sha256sum corpus/*); }
snapshot >"$WORK/ro.before"
chmod -R a-w "$WORK/ro/corpus"
[ "$permissions_testable" = 1 ] || echo "SKIP: building as root, for whom the corpus is not read-only"
check "a read-only corpus builds" bash -c "cd '$WORK/ro/corpus' && $(declare -f as_user) && as_user '$OCTAVO' build -q"
check "the books are beside the corpus" test -s "$WORK/ro/corpus-out/kratom-pain-and-sleep.pdf"
snapshot >"$WORK/ro.after"
check "nothing in the corpus was written, added or removed" diff "$WORK/ro.before" "$WORK/ro.after"
chmod -R u+w "$WORK/ro/corpus"  # so that the trap can remove it

# 4. An article that cannot be read is never silently left out: an error at its book.toml entry.
if [ "$permissions_testable" = 1 ]; then
  chmod 000 "$WORK/ro/corpus/002_5487eced9ec0c20f.txt"
  check "an unreadable article fails the check" expect_exit 1 as_user "$OCTAVO" check "$WORK/ro/corpus"
  check "the error is at the article's entry in book.toml" \
    grep -qx "book.toml:22:8: error: cannot read '002_5487eced9ec0c20f.txt'" "$WORK/stderr"
  chmod 644 "$WORK/ro/corpus/002_5487eced9ec0c20f.txt"
fi

# 5. No thread to spare: with RLIMIT_NPROC at 1, the user octavo runs as can make no thread (the
# limit does not bind root, hence as_user). The build does on its one thread what it would have
# done beside (reading, layout, the patterns, the EPUB, the PDF's compression: --jobs 2 asks for
# all of them), to the same books, cold and again from its cache; it used to abort on the first
# thread it could not make. The corpus has an article in German, whose patterns (loaded for the
# book's words) only a list of the articles' languages brings.
if [ "$permissions_testable" = 1 ] && command -v prlimit >/dev/null &&
  ! as_user prlimit --nproc=1:1 sh -c 'true & wait' 2>/dev/null; then
  mkdir -m 777 "$WORK/threadless"
  mkdir -p "$WORK/threadless/corpus"
  cp "$SOURCE_DIR"/corpus/*.txt "$WORK/threadless/corpus/"
  printf -- '---\nlang: de\n---\n\n# Silbentrennung\n\n' >"$WORK/threadless/corpus/zz-german.md"
  for i in 1 2 3 4 5 6; do
    echo "Die Bundesverfassungsgerichtsentscheidung zur Arbeitslosenversicherung betrifft" \
      "Rechtsschutzversicherungsgesellschaften und Haftpflichtversicherungen gleichermaßen; $i." \
      >>"$WORK/threadless/corpus/zz-german.md"
  done
  # Under AddressSanitizer (the sanitize preset), LeakSanitizer's check at exit needs a thread of
  # its own, which the limit forbids: leaks are left to the other tests there.
  threadless() {
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
      as_user prlimit --nproc=1:1 "$OCTAVO" build "$WORK/threadless/corpus" -o "$WORK/threadless/$1" --jobs 2
  }
  expect_exit 0 "$OCTAVO" build "$WORK/threadless/corpus" -o "$WORK/threadless/threads" --jobs 2 ||
    fail "the corpus builds with threads"
  grep -v '^octavo: wrote' "$WORK/stderr" >"$WORK/threadless/threads.said"
  check "with no thread to spare, the corpus builds" expect_exit 0 threadless cold
  check "and says what a build with threads says" \
    bash -c "grep -v '^octavo: wrote' '$WORK/stderr' | cmp -s - '$WORK/threadless/threads.said'"
  as_user cp -r "$WORK/threadless/cold" "$WORK/threadless/warm"
  check "and again, from its cache" expect_exit 0 threadless warm
  for book in "$WORK"/threadless/threads/*; do
    for run in cold warm; do
      check "$(basename "$book") is the same bytes without threads ($run)" \
        cmp -s "$book" "$WORK/threadless/$run/$(basename "$book")"
    done
  done
else
  echo "SKIP: no thread limit binds here (root without setpriv, no prlimit, or a user it does not bind)"
fi

# 6. A file size limit (RLIMIT_FSIZE, as `ulimit -f` sets it; it binds root too) that the PDF
# outgrows: its write fails (EFBIG), so the build ends with exit 1 and an error naming the book,
# the previous books kept and no temporary left. SIGXFSZ used to end the process there, without a
# word (exit 153) and with its temporaries left. The cache, which the limit stops as well, is not
# the books: the build goes on without it. The limit is set in bytes (prlimit, util-linux), as
# `ulimit -f` counts in blocks of 1,024 or 512 bytes depending on the shell's mode.
limited=$WORK/limited
build_corpus "$SOURCE_DIR/corpus" "$limited" || fail "the previous books of the limited build are built"
sha256sum "$limited"/*.epub "$limited"/*.pdf >"$WORK/limited.sums"
pdf_bytes=$(stat -c %s "$limited"/*.pdf)
epub_bytes=$(stat -c %s "$limited"/*.epub)
limit_bytes=$(((pdf_bytes + epub_bytes) / 2))
if ! command -v prlimit >/dev/null; then
  echo "SKIP: no prlimit to set a file size limit"
elif [ "$epub_bytes" -ge "$limit_bytes" ] || [ "$limit_bytes" -ge "$pdf_bytes" ]; then
  fail "no file size limit lies between the EPUB's size and the PDF's ($epub_bytes and $pdf_bytes bytes)"
else
  check "a PDF past the file size limit fails the build with exit code 1" \
    expect_exit 1 prlimit --fsize="$limit_bytes" "$OCTAVO" build "$SOURCE_DIR/corpus" -o "$limited"
  cat "$WORK/stderr"
  check "the error names the PDF and says why" \
    grep -qE "^$limited/[^/]+\.pdf: error: cannot write the PDF file: File too large$" "$WORK/stderr"
  check "nothing is claimed as written" bash -c "! grep -q 'octavo: wrote' '$WORK/stderr'"
  check "the previous books are untouched" sha256sum --quiet -c "$WORK/limited.sums"
  check "no temporary file is left" test "$(temporaries "$limited")" -eq 0
fi
finish
