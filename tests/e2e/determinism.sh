#!/usr/bin/env bash
# Same corpus, same Octavo → byte-identical books, whatever the time zone, locale or working folder.
source "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/a" "$WORK/b" "$WORK/elsewhere"
(cd "$SOURCE_DIR" && TZ=UTC LC_ALL=C "$OCTAVO" build corpus -o "$WORK/a" -q)
(cd "$WORK/elsewhere" && TZ=Pacific/Kiritimati LC_ALL=C.UTF-8 "$OCTAVO" build "$SOURCE_DIR/corpus" -o "$WORK/b" -q)
for book in kratom-pain-and-sleep.epub kratom-pain-and-sleep.pdf; do
  check "$book is byte-identical across TZ, locale and working folder" cmp "$WORK/a/$book" "$WORK/b/$book"
done
# SOURCE_DATE_EPOCH only matters when book.toml gives no date; corpus/ gives one.
mkdir "$WORK/c"
SOURCE_DATE_EPOCH=1700000000 "$OCTAVO" build "$SOURCE_DIR/corpus" -o "$WORK/c" -q
check "book.toml's date wins over SOURCE_DATE_EPOCH" cmp "$WORK/a/kratom-pain-and-sleep.pdf" "$WORK/c/kratom-pain-and-sleep.pdf"
finish
