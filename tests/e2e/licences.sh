#!/usr/bin/env bash
# Hard-wrapped plain text: four licences copied from Debian's /usr/share/common-licenses (GPL-3,
# Apache-2.0, MPL-2.0, BSD) come out as paragraphs, headings, lists, preformatted notices and boxed
# asides — counted against the numbers read off the files — in valid books that keep every word.
source "$(dirname "$0")/lib.sh"
out=$WORK/out
corpus=$SOURCE_DIR/tests/e2e/corpora/licences
build_corpus "$corpus" "$out" && pass "octavo builds the licences" || fail "octavo build"
cat "$out.log"
check "no diagnostics" test "$(grep -cv '^octavo: wrote ' "$out.log")" -eq 0

java -jar /usr/share/java/epubcheck.jar "$out/four-licences.epub" >"$WORK/epubcheck.txt" 2>&1 || true
check "epubcheck: 0 fatals, 0 errors, 0 warnings" grep -qE '^Messages: 0 fatals / 0 errors / 0 warnings' "$WORK/epubcheck.txt"
grep -E 'ERROR|WARNING' "$WORK/epubcheck.txt" || true
check "qpdf --check is clean" qpdf --check "$out/four-licences.pdf"

# Elements of each article's XHTML, its source note left out. The numbers are the files' own:
# GPL-3 has a centred title and subtitle, four centred headings (Preamble, TERMS AND CONDITIONS,
# END OF …, How to Apply …), sections "0." to "17." standing alone, three lettered lists of 4, 5
# and 6 items, and two indented notices; Apache-2.0 a centred title block, three headings in
# capitals or APPENDIX:, one list of sections 1-9 with (a)-(d) under section 4, and an indented
# URL; MPL-2.0 an underlined title, ten underlined sections, sixteen numbered subsections, five
# lettered lists and two boxed sections; BSD three paragraphs and a list of three items.
mkdir "$WORK/x" && (cd "$WORK/x" && unzip -q "$out/four-licences.epub")
python3 - "$WORK/x/EPUB/text" >"$WORK/counts.txt" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
X = "{http://www.w3.org/1999/xhtml}"
for path in sorted(glob.glob(sys.argv[1] + "/a0*.xhtml")):
    root = ET.parse(path).getroot()
    article = next(s for s in root.iter(X + "section") if "article" in (s.get("class") or "").split())
    note = {id(e) for s in article.iter(X + "section") if "source-note" in (s.get("class") or "").split() for e in s.iter()}
    tags = [e.tag.replace(X, "") for e in article.iter() if id(e) not in note]
    print(path.split("/")[-1].split("-")[0], " ".join(f"{t}={tags.count(t)}" for t in ("p", "h2", "h3", "h4", "pre", "ol", "ul", "li", "aside")))
PY
cat "$WORK/counts.txt"
expected="a01 p=95 h2=5 h3=18 h4=0 pre=2 ol=3 ul=0 li=15 aside=0
a02 p=29 h2=4 h3=0 h4=0 pre=1 ol=2 ul=0 li=13 aside=0
a03 p=54 h2=1 h3=12 h4=16 pre=0 ol=5 ul=0 li=11 aside=2
a04 p=6 h2=0 h3=0 h4=0 pre=0 ol=1 ul=0 li=3 aside=0"
check "each licence has the paragraphs, headings, lists, notices and boxes its text has" \
  test "$(cat "$WORK/counts.txt")" = "$expected"
gpl=$WORK/x/EPUB/text/a01-gnu-general-public-license-version-3.xhtml
check "a lettered list keeps its numbering" grep -qF '<ol type="a">' "$gpl"
check "the GPL's notice is preformatted, its indentation relative to the block" \
  grep -qF '<pre><code>&lt;one line to give the program' "$gpl"
check "hard-wrapped lines are joined into one paragraph" \
  grep -qF 'The GNU General Public License is a free, copyleft license for software and other kinds of works.' "$gpl"

pdftotext "$out/four-licences.pdf" "$WORK/text.txt" 2>"$WORK/err.txt"
check "pdftotext prints no warning" test ! -s "$WORK/err.txt"
check "the PDF numbers lettered items with letters" grep -qE '^b\. ' "$WORK/text.txt"
python3 "$SOURCE_DIR/tests/e2e/fidelity.py" "$out/four-licences.epub" "$out/four-licences.pdf" "$corpus" >"$WORK/fidelity.txt" 2>&1 &&
  pass "every word back in order: EPUB ≥ 99.5 %, PDF ≥ 99 %" || fail "word fidelity"
cat "$WORK/fidelity.txt"
finish
