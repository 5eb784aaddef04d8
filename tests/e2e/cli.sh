#!/usr/bin/env bash
# The command line: exit codes, option forms and suggestions, diagnostics format (full and short),
# check mode, and that a failed build never replaces or damages the previous books.
source "$(dirname "$0")/lib.sh"

check "--help exits 0 and names the default output folder" bash -c "'$OCTAVO' --help | grep -q 'default: ./out'"
check "--version prints the version" bash -c "'$OCTAVO' --version | grep -qE '^octavo [0-9]+\.[0-9]+\.[0-9]+$'"
check "no command is a usage error (2)" expect_exit 2 "$OCTAVO"
check "an unknown option is a usage error (2)" expect_exit 2 "$OCTAVO" build --bogus
check "a bad --format is a usage error (2)" expect_exit 2 "$OCTAVO" build corpus --format docx
check "a missing corpus folder is an input error (1)" expect_exit 1 "$OCTAVO" check "$WORK/nowhere"
check "check on corpus/ succeeds and writes nothing" expect_exit 0 "$OCTAVO" check "$SOURCE_DIR/corpus"

# Habits from git, cargo and pandoc: help as a command, --name=value and -oDIR, "did you mean".
for args in "help" "help build" "help check"; do
  check "octavo $args prints the help and exits 0" bash -c "'$OCTAVO' $args >'$WORK/help.txt' && grep -q '^Exit codes:' '$WORK/help.txt'"
done
check "help for an unknown command is a usage error (2)" expect_exit 2 "$OCTAVO" help nonsense
check "which it names" grep -qx "octavo: unknown command 'nonsense'" "$WORK/stderr"
check "a misspelt command is a usage error (2)" expect_exit 2 "$OCTAVO" biuld
check "that suggests the nearest command" test "$(head -n 1 "$WORK/stderr")" = "octavo: unknown command 'biuld'; did you mean 'build'?"
check "a misspelt option is a usage error (2)" expect_exit 2 "$OCTAVO" build corpus --fromat pdf
check "that suggests the nearest option" test "$(head -n 1 "$WORK/stderr")" = "octavo: unknown option '--fromat'; did you mean '--format'?"
check "--output=DIR --format=pdf writes only the PDF there" bash -c \
  "'$OCTAVO' build '$SOURCE_DIR/corpus' --output='$WORK/equals' --format=pdf -q && test \"\$(ls '$WORK/equals')\" = kratom-pain-and-sleep.pdf"
check "-oDIR --format epub writes only the EPUB there" bash -c \
  "'$OCTAVO' build '$SOURCE_DIR/corpus' -o'$WORK/joined' --format epub -q && test \"\$(ls '$WORK/joined')\" = kratom-pain-and-sleep.epub"

# title = "" is an error at its line:col. Diagnostics show the source line and a caret by default,
# and one line each with --diagnostics=short.
mkdir -p "$WORK/empty_title"
echo "Short article." >"$WORK/empty_title/a.txt"
printf '# The book\ntitle = ""\n\n[[articles]]\nfile = "a.txt"\ntitle = "A"\n' >"$WORK/empty_title/book.toml"
check "an empty title fails the check" expect_exit 1 "$OCTAVO" check "$WORK/empty_title"
check "the error shows the line and a caret under the value" diff -u - "$WORK/stderr" <<'TEXT'
book.toml:2:9: error: expected text for 'title', found an empty string
  |
2 | title = ""
  |         ^
  = hint: give a value, or leave 'title' out
TEXT
check "--diagnostics=short fails alike" expect_exit 1 "$OCTAVO" check "$WORK/empty_title" --diagnostics=short
check "and prints the one-line form" diff -u - "$WORK/stderr" <<'TEXT'
book.toml:2:9: error: expected text for 'title', found an empty string
  hint: give a value, or leave 'title' out
TEXT

# A good corpus, built once; then a broken manifest must leave those books untouched.
cp -r "$SOURCE_DIR/corpus" "$WORK/corpus"
check "the good corpus builds" expect_exit 0 "$OCTAVO" build "$WORK/corpus" -o "$WORK/out" -q
sha256sum "$WORK"/out/* >"$WORK/before.sums"
cat >>"$WORK/corpus/book.toml" <<'TOML'

[[articles]]
file = "missing.txt"
TOML
check "a manifest naming a missing file fails with exit code 1" expect_exit 1 "$OCTAVO" build "$WORK/corpus" -o "$WORK/out"
check "the diagnostic points at book.toml with line and column" grep -qE '^book\.toml:[0-9]+:[0-9]+: error: .*missing\.txt' "$WORK/stderr"
check "the previous books are untouched" sha256sum --quiet -c "$WORK/before.sums"
check "no temporary file is left behind" test "$(ls -A "$WORK/out" | grep -cvx .octavo-cache)" -eq 2

# Never silently leave content out: an article the manifest does not list fails the build.
cp -r "$SOURCE_DIR/corpus" "$WORK/unlisted"
echo "An extra article." >"$WORK/unlisted/extra.txt"
check "an unlisted article is an error" expect_exit 1 "$OCTAVO" check "$WORK/unlisted"
check "the error names the file at the articles list" \
  grep -qx "book.toml:13:3: error: 'extra.txt' is in the corpus folder but not listed in book.toml" "$WORK/stderr"

# --strict: a warning (a file with a wrong-case extension, ignored) becomes fatal.
cp -r "$SOURCE_DIR/corpus" "$WORK/strict"
echo "An extra article." >"$WORK/strict/extra.TXT"
check "a wrong-case extension is only a warning" expect_exit 0 "$OCTAVO" check "$WORK/strict"
check "the warning names the file" grep -qx "extra.TXT: warning: expected a lower-case .txt, .md, .markdown, .html, .htm or .xhtml extension, found 'extra.TXT'; the file is ignored" "$WORK/stderr"
check "--strict turns the warning into failure" expect_exit 1 "$OCTAVO" check "$WORK/strict" --strict
check "-q hides warnings" bash -c "'$OCTAVO' check '$WORK/strict' -q 2>&1 | wc -c | grep -qx 0"

check "an invalid SOURCE_DATE_EPOCH is a warning" env SOURCE_DATE_EPOCH=abc "$OCTAVO" check "$SOURCE_DIR/corpus"
check "--strict counts the SOURCE_DATE_EPOCH warning" expect_exit 1 env SOURCE_DATE_EPOCH=abc "$OCTAVO" check "$SOURCE_DIR/corpus" --strict
check "the warning says what is wrong" grep -qx "warning: SOURCE_DATE_EPOCH is not a number of seconds; ignored" "$WORK/stderr"

# A folder where the PDF should go: an error naming the target, and the EPUB is not replaced either.
mkdir -p "$WORK/blocked/kratom-pain-and-sleep.pdf/occupied"
echo "previous epub" >"$WORK/blocked/kratom-pain-and-sleep.epub"
check "a folder in the PDF's place fails the build" expect_exit 1 "$OCTAVO" build "$SOURCE_DIR/corpus" -o "$WORK/blocked"
check "the error names the target, not a temporary file" \
  grep -qx "$WORK/blocked/kratom-pain-and-sleep.pdf: error: cannot replace the output file: a folder of that name is in the way" "$WORK/stderr"
check "the previous EPUB is untouched" grep -qx "previous epub" "$WORK/blocked/kratom-pain-and-sleep.epub"
check "no temporary file is left in the output folder" test "$(ls -A "$WORK/blocked" | grep -cvx .octavo-cache)" -eq 2

# Octavo never writes into the corpus.
check "an output folder inside the corpus is refused" expect_exit 1 "$OCTAVO" build "$WORK/strict" -o "$WORK/strict/out"
check "and nothing was written there" test ! -e "$WORK/strict/out"
finish
