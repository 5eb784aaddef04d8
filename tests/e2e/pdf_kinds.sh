#!/usr/bin/env bash
# A PDF of every kind of the model layout sets, built by hand (every_kind_pdf.cpp): valid for qpdf,
# every font embedded, footnotes at the foot of the page that refers to them (a long one continued
# on the next page; a table cell's on its row's page), superscripts and subscripts back in reading
# order, task boxes, parts nested in the outline, no widow, orphan or stranded heading.
source "$(dirname "$0")/lib.sh"
MAKER=$3
pdf=$WORK/every-kind.pdf
check "every_kind_pdf writes the PDF without a diagnostic" "$MAKER" "$SOURCE_DIR" "$pdf" >"$WORK/stats.txt"
cat "$WORK/stats.txt"
check "qpdf --check is clean" qpdf --check "$pdf"
fonts=$(pdffonts "$pdf" | tail -n +3)
check "every font is embedded" test -z "$(echo "$fonts" | awk '$(NF-4) != "yes"')"
check "the fallback face draws the task boxes" grep -q DejaVuSans <<<"$fonts"
for figure in widows orphans "headings alone at a foot" "overfull lines"; do
  check "no $figure" grep -qE "^$figure +0$" "$WORK/stats.txt"
done

pdftotext "$pdf" "$WORK/text.txt" 2>"$WORK/pdftotext.err"
check "pdftotext prints no warning" test ! -s "$WORK/pdftotext.err"
text=$WORK/text.txt
joined=$(tr '\n\f' '  ' <"$text" | tr -s ' ')
has() { grep -qF -- "$1" <<<"$joined"; }
check "superscript note numbers come back in order" has "Tea1 is drunk hot, and iced tea2 cold; both are tea1."
check "superscripts and subscripts come back in order" has "at 102 cups of H2O a day"
check "struck text is kept" has "Coffee or cocoa Tea"
check "keys come back in order" has "Ctrl+S to save"
check "task boxes precede their items" has "☑ Buy the leaves ☐ Warm the pot"
check "a note's number comes before its text" has "1. Usually at about 80 °C for green tea."
check "a note with a quote keeps it" has "Never the other way round."
check "asides, details and centred blocks keep their text" has "More about brewing Shown open, always."

# Page by page (pdftotext ends each page with a form feed): a note follows its page's text.
python3 - "$text" <<'EOF' || fail "footnotes sit at the foot of the page that refers to them"
import sys
pages = open(sys.argv[1], encoding="utf-8").read().split("\f")
def page_of(needle):
    found = [i for i, page in enumerate(pages) if needle in page]
    assert found, f"not found: {needle}"
    return found[0]
def after(page, first, then):
    text = pages[page]
    assert text.index(first) < text.index(then), f"page {page + 1}: '{then}' is not after '{first}'"
reference = page_of("Tea1 is drunk")
assert page_of("Usually at about 80") == reference, "note 1 is not on its reference's page"
assert page_of("Brewed strong, then") == reference, "note 2 is not on its reference's page"
after(reference, "Tea1 is drunk", "Usually at about 80")
after(reference, "Usually at about 80", "Brewed strong, then")
long_reference = page_of("A long note follows3")
begins, ends = page_of("Longnote begins."), page_of("Longnote ends.")
assert begins == long_reference, "the long note does not start on its reference's page"
assert ends == begins + 1, f"the long note ends on page {ends + 1}, not the next after {begins + 1}"
# The continuation opens the next page's notes, after that page's text, before any later note.
assert page_of("A short note after the long one.") >= ends
after(ends, "Longnote ends.", "A short note after") if page_of("A short note after") == ends else None
# A note referred to in a table's cell sits on its row's page, under the repeated head.
row = page_of("Kind 20")
assert row > page_of("Kind 1\n"), "row 20 is on the table's first page"
assert page_of("Steeped longest of all.") == row, "the cell's note is not on its row's page"
assert "Minutes" in pages[row], "the table's head is not repeated over row 20"
after(row, "Kind 20", "Steeped longest of all.")
print("ok: footnotes sit at the foot of the page that refers to them, the long one continued, a cell's on its row's")
EOF

# Links both ways between references and notes, and in-book links to other articles: internal
# link annotations, none to nowhere (render_pdf would have reported it).
links=$(qpdf --json "$pdf" | python3 -c '
import json, sys
doc = json.load(sys.stdin)
values = [o.get("value") for o in doc["qpdf"][1].values()]
print(sum(1 for v in values if isinstance(v, dict) and v.get("/Subtype") == "/Link" and "/Dest" in v))')
check "internal links: references to notes and back, contents, in-book links ($links)" test "$links" -ge 20

outline=$(qpdf --json "$pdf" | python3 -c '
import json, sys
doc = json.load(sys.stdin)
def walk(entries, depth):
    for entry in entries:
        print("  " * depth + entry["title"])
        walk(entry.get("kids", []), depth + 1)
walk(doc["outlines"], 0)')
echo "$outline"
check "the outline nests articles under their parts" grep -qx "    Ailleurs" <<<"$outline"
check "the outline lists a part a level above its articles" grep -qx "  Blocks" <<<"$outline"
finish
