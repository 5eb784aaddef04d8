#!/usr/bin/env bash
# In-article links to ids on blocks of every kind the EPUB keeps (a table, a row, a header cell, a
# cell, a list item, a pre, a blockquote, a span): each one is a working link in the PDF too, with
# no warning, as an audit of /usr/share/doc/time/time.html found for <th id> it was not.
source "$(dirname "$0")/lib.sh"
corpus=$WORK/corpus
mkdir -p "$corpus"
cat >"$corpus/01-cells.md" <<'MD'
# Cell anchors

Jump to [the V row](#letter-v) or [the cell](#cell-b).

<table>
<tr><th id="letter-v">V</th><td>value</td></tr>
<tr><td id="cell-b">b</td><td>more</td></tr>
</table>
MD
cat >"$corpus/02-blocks.md" <<'MD'
# Other anchors

Jump to [table](#t1), [row](#r1), [item](#li1), [pre](#pre1), [quote](#q1), [span](#s1).

<table id="t1">
<tr id="r1"><td>x</td><td>value</td></tr>
</table>

<ul><li id="li1">item</li></ul>

<pre id="pre1">code</pre>

<blockquote id="q1">quoted</blockquote>

Some <span id="s1">span</span> text.
MD
out=$WORK/out
build_corpus "$corpus" "$out" && pass "octavo builds the corpus" || fail "octavo build"
cat "$out.log"
check "no warning: every link has its place in both books" test "$(grep -vc '^octavo: wrote' "$out.log")" -eq 0
check "qpdf --check is clean" qpdf --check "$out/corpus.pdf"

# Each article fits on one page, so its links to its own ids are the internal links whose
# destination is the page they are on (the contents' lead elsewhere).
same_page=$(qpdf --json "$out/corpus.pdf" | python3 -c '
import json, sys
doc = json.load(sys.stdin)
objects = doc["qpdf"][1]
count = 0
for page in doc["pages"]:
    for ref in objects["obj:" + page["object"]]["value"].get("/Annots", []):
        annotation = objects["obj:" + ref]["value"]
        dest = annotation.get("/Dest")
        if isinstance(dest, str):  # an indirect destination array
            dest = objects["obj:" + dest]["value"]
        if annotation.get("/Subtype") == "/Link" and isinstance(dest, list) and dest[0] == page["object"]:
            count += 1
print(count)')
check "all 8 links to ids are internal links in the PDF ($same_page)" test "$same_page" -eq 8
finish
