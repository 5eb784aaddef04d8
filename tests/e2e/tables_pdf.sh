#!/usr/bin/env bash
# Tables, long code lines and long URLs in the PDF, checked with tools we did not write: the book
# is built from a hand-made model by table_book (tests/e2e/table_book.cpp, the real fonts and the
# house style), then qpdf --check, pdffonts and pdftotext (reading order, with and without
# -layout) read it back. Arguments: octavo, the source tree, table_book.
source "$(dirname "$0")/lib.sh"
TABLE_BOOK=$(realpath "$3")
pdf=$WORK/tables.pdf
"$TABLE_BOOK" "$pdf" 2>"$WORK/log" && pass "table_book writes the PDF" || fail "table_book"
cat "$WORK/log"
check "the too-wide table is the only warning, once, at its line:col" diff <(printf '%s\n' \
  "t.md:80:1: warning: table too wide for the page even in type at 70 %; its longest words are broken") "$WORK/log"
"$TABLE_BOOK" "$WORK/again.pdf" 2>/dev/null
check "a second run gives a byte-identical PDF" cmp "$pdf" "$WORK/again.pdf"

check "qpdf --check is clean" qpdf --check "$pdf"
pdffonts "$pdf" >"$WORK/fonts.txt"
cat "$WORK/fonts.txt"
check "every font is embedded" test -z "$(awk 'NR > 2 && $(NF-4) != "yes"' "$WORK/fonts.txt")"
check "the head rows are set in bold" grep -q 'NotoSerif-Bold' "$WORK/fonts.txt"

pdftotext "$pdf" "$WORK/text.txt" 2>"$WORK/err.txt"
pdftotext -layout "$pdf" "$WORK/layout.txt" 2>>"$WORK/err.txt"
check "pdftotext prints no warning" test ! -s "$WORK/err.txt"
tr '\n' ' ' <"$WORK/text.txt" | tr -s ' ' >"$WORK/joined.txt"

# Reading order: pdftotext gives each cell back as a block, row by row, left to right; every
# row of the long table is found whole, and each after the one before.
rows_in_order() {
  local at=0 i year event count rest found
  for i in $(seq 1 60); do
    year=$((1900 + i)) count=$((i * 7)) event="Event $i begins here"
    if [ $((i % 3)) -eq 0 ]; then event="$event and runs on over several lines of the middle column until it ends $i"; fi
    rest=$(tail -c +$((at + 1)) "$WORK/joined.txt")
    found=$(awk -v s="$rest" -v t="$year $event $count " 'BEGIN { print index(s, t) }')
    if [ "$found" -eq 0 ]; then echo "row $i not found after offset $at: $year $event $count" >&2; return 1; fi
    at=$((at + found))
  done
}
check "pdftotext gives the table's cells row by row, left to right, every row whole and in order" rows_in_order
check "a table with a head cell over two columns reads row by row" grep -qF "Name Amount Alpha one two Beta three four" "$WORK/joined.txt"
# A cell spanning rows leaves a hole in the grid that poppler's table finder (TextOutputDev) looks
# for, and the cell under the hole is read after its row; -layout, below, keeps the rows.
check "a table with a cell over two rows reads row by row up to its last row" grep -qF "Kind First Second Gamma five six seven eight" "$WORK/joined.txt"

# The head repeats at the top of every page the table continues on.
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
head_on_every_table_page() {
  local p table_pages=0
  for p in $(seq 1 "$pages"); do
    pdftotext -layout -f "$p" -l "$p" "$pdf" "$WORK/page.txt"
    grep -qE 'Event [0-9]+ begins here' "$WORK/page.txt" || continue
    table_pages=$((table_pages + 1))
    # The first line of the table on the page is its head.
    grep -qE '^ *Year +Event +Count$' <(grep -m1 -E 'Year|Event [0-9]+ begins' "$WORK/page.txt") ||
      { echo "page $p does not open with the head" >&2; return 1; }
  done
  echo "the table is on $table_pages pages"
  [ "$table_pages" -ge 3 ]
}
check "the head rows repeat on each of the table's pages" head_on_every_table_page

# -layout keeps the grid: one line per single-line row, the cells in their columns.
check "pdftotext -layout: a single-line row is one line, cells left to right" grep -qE '^1901 +Event 1 begins here +7$' "$WORK/layout.txt"
check "pdftotext -layout: a wrapped row keeps its count on its first line" grep -qE '^1903 +Event 3 begins here and runs on over several lines +21$' "$WORK/layout.txt"
check "pdftotext -layout: the wrapped cell continues in its column" grep -qE '^ {5,}of the middle column until it ends 3$' "$WORK/layout.txt"
layout_rows() {
  local row
  for row in "$@"; do grep -qE "^$row\$" "$WORK/layout.txt" || { echo "no line: $row" >&2; return 1; }; done
}
check "pdftotext -layout: the head cell over two columns" layout_rows 'Name +Amount' 'Alpha +one +two' 'Beta +three +four'
check "pdftotext -layout: the cell over two rows, each row on its line" layout_rows 'Kind +First +Second' \
  'Gamma +five +six' ' +seven +eight' 'Delta +nine +ten'

# The too-wide table: its words broken at the column's edge, nothing lost.
for c in 1 8; do
  check "the broken word Incomprehensibilities$c comes back whole once the lines are joined" \
    bash -c "tr -d '\n' <'$WORK/text.txt' | grep -qF 'Incomprehensibilities$c'"
done

# Code: a line too long for the measure breaks after a space or at punctuation, and the text
# comes back as the source with line breaks only there: no mark, no character added or lost.
sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$WORK/text.txt" >"$WORK/trimmed.txt"
# code_lines_follow LINE…: the trimmed text holds exactly these lines, one after the other.
code_lines_follow() {
  awk -v want="$(printf '\r'; printf '%s\r' "$@")" 'BEGIN { all = "\r" } { all = all $0 "\r" }
    END { exit index(all, want) == 0 }' "$WORK/trimmed.txt"
}
check "a code line broken after spaces comes back as its pieces" code_lines_follow \
  "std::vector<std::string> configuration_values =" "load_configuration_from(path, options, defaults);"
check "a code line broken at punctuation comes back as its pieces" code_lines_follow \
  "auto widget = builder.with_name(name).with_size(size)." "with_colour(colour).with_border(border).build();"
check "the pieces of a code line joined at their breaks are the source line" bash -c \
  "grep -A1 -F 'builder.with_name' '$WORK/trimmed.txt' | tr -d '\n' | grep -xF 'auto widget = builder.with_name(name).with_size(size).with_colour(colour).with_border(border).build();'"
check "no continuation mark is text (no ↳, ↪, ⏎ or ↩)" bash -c "! grep -qE '↳|↪|⏎|↩' '$WORK/text.txt' '$WORK/layout.txt'"

# URLs: broken after '/', and before '-', never after it, so the lines joined give it back whole.
url='https://example.org/reports/annual/2024/the-complete-findings-of-the-survey.html?section=methods&page=12'
check "the URL comes back whole when its lines are joined" bash -c "tr -d '\n' <'$WORK/text.txt' | grep -qF '$url'"
check "the URL is broken across lines (the test means something)" bash -c "! grep -qF '$url' '$WORK/text.txt'"
check "no line of the URL ends in a hyphen" bash -c "! grep -E 'example\\.org|survey' '$WORK/text.txt' | grep -qE -- '-\$'"
finish
