#!/usr/bin/env bash
# Hyphenation follows the language: a `language = "de"` book of long German compounds is
# hyphenated with Debian's German patterns (hyphen-de, an ISO8859-1 file), so that pdftotext -layout
# shows lines ending in a hyphen after a letter, words with umlauts and ß among them; the same text
# in a language without patterns has none. An article's own language (front matter `lang`) chooses
# its patterns in a book of another language.
source "$(dirname "$0")/lib.sh"
if [ ! -e /usr/share/hyphen/hyph_de_DE.dic ]; then
  echo "skipped: /usr/share/hyphen/hyph_de_DE.dic is absent (Debian package hyphen-de)"
  exit 77
fi
words="Die Bundesverfassungsgerichtsentscheidung zur Arbeitslosenversicherung und Geschwindigkeitsbegrenzung"
words="$words betrifft Rechtsschutzversicherungsgesellschaften, Haftpflichtversicherungen und Kraftfahrzeugsteuern"
words="$words gleichermaßen; Verwaltungsvorschriften regeln Zuständigkeiten der Landesbehörden ausdrücklich,"
words="$words Überprüfungsverfahren berücksichtigen Größenverhältnisse und Straßenbahnhaltestellen."
make_book() {  # make_book FOLDER LANGUAGE
  mkdir -p "$1"
  printf 'title = "Silbentrennung"\nlanguage = "%s"\n' "$2" >"$1/book.toml"
  { echo "# Silbentrennung"; for i in 1 2 3 4 5 6; do echo; echo "$words $words"; done; } >"$1/text.md"
}
make_book "$WORK/de" de
build_corpus "$WORK/de" "$WORK/out-de" --format pdf && pass "the German book builds" || fail "octavo build (de)"
check "without a warning" test "$(grep -c warning "$WORK/out-de.log")" = 0
pdftotext -layout "$WORK/out-de/silbentrennung.pdf" "$WORK/de.txt"
check "lines end in a hyphenated German word" grep -qE '[a-z]-$' "$WORK/de.txt"
# A word broken across two lines, joined again: some of them have an umlaut or ß.
awk '{ if (held != "") { print held $1; held = "" } if ($0 ~ /[^[:space:]-]-$/) { held = substr($NF, 1, length($NF) - 1) } }' \
  "$WORK/de.txt" >"$WORK/de-broken.txt"
check "and words with umlauts or ß are hyphenated too" grep -qE '[äöüÄÖÜß]' "$WORK/de-broken.txt"
# An article's own language chooses its patterns: in an English book, an article with `lang: de`
# in its front matter breaks its words exactly where the German book does, and without it English
# patterns break some elsewhere. (Only the article's words are compared: the front matter is set
# in each book's language.)
tr -s ' ' '\n' <<<"$words" | sort -u >"$WORK/words.txt"
article_breaks() {  # article_breaks PDF: the article's words broken across lines, joined again
  pdftotext -layout "$1" - |
    awk '{ if (held != "") { print held $1; held = "" } if ($0 ~ /[^[:space:]-]-$/) { held = substr($NF, 1, length($NF) - 1) } }' |
    grep -Fx -f "$WORK/words.txt" || true
}
article_breaks "$WORK/out-de/silbentrennung.pdf" >"$WORK/de-words.txt"
check "the German book breaks words of the article" test -s "$WORK/de-words.txt"
mkdir -p "$WORK/mixed" "$WORK/english"
printf 'title = "Silbentrennung"\nlanguage = "en"\n' | tee "$WORK/mixed/book.toml" >"$WORK/english/book.toml"
{ printf -- '---\nlang: de\n---\n\n'; cat "$WORK/de/text.md"; } >"$WORK/mixed/text.md"
cp "$WORK/de/text.md" "$WORK/english/text.md"
build_corpus "$WORK/mixed" "$WORK/out-mixed" --format pdf && pass "an English book with a German article builds" ||
  fail "octavo build (mixed)"
check "without a warning" test "$(grep -c warning "$WORK/out-mixed.log")" = 0
article_breaks "$WORK/out-mixed/silbentrennung.pdf" >"$WORK/mixed-words.txt"
check "the German article is hyphenated as in the German book" cmp "$WORK/de-words.txt" "$WORK/mixed-words.txt"
build_corpus "$WORK/english" "$WORK/out-english" --format pdf || fail "octavo build (english)"
article_breaks "$WORK/out-english/silbentrennung.pdf" >"$WORK/english-words.txt"
check "English patterns break words of the article too" test -s "$WORK/english-words.txt"
check "without its lang, English patterns break the same text elsewhere" \
  bash -c "! cmp -s '$WORK/de-words.txt' '$WORK/english-words.txt'"
# Japanese has no Debian patterns: the same text is set without hyphenation, silently.
make_book "$WORK/ja" ja
build_corpus "$WORK/ja" "$WORK/out-ja" --format pdf && pass "the same text in Japanese builds" || fail "octavo build (ja)"
check "without a warning" test "$(grep -c warning "$WORK/out-ja.log")" = 0
pdftotext -layout "$WORK/out-ja/silbentrennung.pdf" "$WORK/ja.txt"
check "and no line ends in a hyphen" bash -c "! grep -qE '[a-z]-\$' '$WORK/ja.txt'"
finish
